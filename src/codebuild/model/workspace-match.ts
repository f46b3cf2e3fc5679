// Which CodeBuild projects build a buildspec file of the workspace: the project's source is the
// workspace's repository (one of its Git remotes) and the project's buildspec path is the file's path
// in that repository (CodeBuild's default is buildspec.yml at the root).
import type { ProjectInfo } from './types';

/** A repository, independent of how its URL is spelled (https, ssh, scp-like, git-remote-codecommit). */
export interface RepoId {
  host: string;
  path: string;
}

const CODECOMMIT_HTTPS = /^https:\/\/git-codecommit\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/v1\/repos\/([^/?#]+)/i;
const CODECOMMIT_GRC = /^codecommit(?:::([a-z0-9-]+))?:\/\/(?:[^@/]+@)?([^/?#]+)$/i;

export function repoIdOf(url: string | undefined): RepoId | undefined {
  const u = url?.trim();
  if (!u) return undefined;
  let m = CODECOMMIT_HTTPS.exec(u);
  if (m?.[1] && m[2]) return { host: `codecommit:${m[1].toLowerCase()}`, path: m[2] };
  m = CODECOMMIT_GRC.exec(u);
  if (m?.[2]) return { host: `codecommit:${(m[1] ?? '*').toLowerCase()}`, path: m[2] };
  let host: string | undefined;
  let path: string | undefined;
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.+)$/.exec(u);
  if (scp?.[1] && scp[2] && !/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) {
    host = scp[1];
    path = scp[2];
  } else {
    try {
      const parsed = new URL(u);
      if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol)) return undefined;
      host = parsed.hostname;
      path = decodeURIComponent(parsed.pathname);
    } catch {
      return undefined;
    }
  }
  const clean = path.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\.git$/i, '');
  if (!host || !clean) return undefined;
  // GitHub, GitLab and Bitbucket names are case-insensitive.
  return { host: host.toLowerCase(), path: clean.toLowerCase() };
}

export function sameRepo(a: RepoId, b: RepoId): boolean {
  if (a.host.startsWith('codecommit:') && b.host.startsWith('codecommit:')) {
    const ra = a.host.slice(11);
    const rb = b.host.slice(11);
    return a.path === b.path && (ra === rb || ra === '*' || rb === '*');
  }
  return a.host === b.host && a.path === b.path;
}

/** The path of the buildspec a project runs from its source; undefined for an inline buildspec or no source. */
export function buildspecPathOf(project: ProjectInfo): string | undefined {
  const spec = project.source.buildspec?.trim() ?? '';
  if (spec.includes('\n') || /^version\s*:/m.test(spec)) return undefined;
  if (project.source.type === 'NO_SOURCE' || project.source.type === 'CODEPIPELINE') return undefined;
  // An S3 or other ARN names a buildspec outside the repository.
  if (spec.startsWith('arn:')) return undefined;
  return (spec || 'buildspec.yml').replace(/^\.?\//, '');
}

/** Projects whose source is one of `remotes` and whose buildspec is `relativePath` (repository-relative). */
export function projectsForBuildspec(projects: readonly ProjectInfo[], remotes: readonly RepoId[], relativePath: string): ProjectInfo[] {
  const file = relativePath.replace(/\\/g, '/').replace(/^\.?\//, '');
  return projects.filter((p) => {
    const repo = repoIdOf(p.source.location);
    return repo !== undefined && remotes.some((r) => sameRepo(r, repo)) && buildspecPathOf(p) === file;
  });
}
