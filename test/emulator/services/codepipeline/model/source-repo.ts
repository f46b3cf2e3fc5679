// Where a source action's revisions come from: a repository's commit history (Git) or object
// versions (S3). The head is what a new execution picks up.

export interface Commit {
  id: string;
  message: string;
  author: string;
  date: number;
}

export interface SourceRepository {
  provider: 'CodeStarSourceConnection' | 'CodeCommit' | 'S3';
  /** owner/repo (connections), repository name (CodeCommit), bucket/key (S3). */
  name: string;
  branch: string;
  commits: Commit[];
}

export function head(repo: SourceRepository): Commit | undefined {
  return repo.commits[repo.commits.length - 1];
}

export function findCommit(repo: SourceRepository, id: string): Commit | undefined {
  for (let i = repo.commits.length - 1; i >= 0; i--) if (repo.commits[i]!.id === id) return repo.commits[i];
  return undefined;
}
