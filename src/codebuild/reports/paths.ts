// Where a path in a CodeBuild report lives in the workspace. CodeBuild checks the primary source out
// under CODEBUILD_SRC_DIR: /codebuild/output/src<N>/src, with the repository's host/owner/name below
// it for Git providers (e.g. …/src/github.com/acme/app). Reports, tracebacks and coverage files name
// paths there (or relative to it).

const SRC_DIR = /^(?:\/codebuild\/output\/src\d+\/src|[A-Za-z]:\\codebuild\\tmp\\output\\src\d+\\src)[/\\]/;
const GIT_HOST = /^(?:github\.com|gitlab\.com|bitbucket\.org|git-codecommit\.[^/\\]+\.amazonaws\.com|[^/\\]+\.(?:com|org|net|io))[/\\][^/\\]+[/\\][^/\\]+[/\\]/;

/** A build path as a workspace-relative path (forward slashes), or undefined when it is outside the source. */
export function sourceRelative(path: string): string | undefined {
  const trimmed = path.trim();
  const m = SRC_DIR.exec(trimmed);
  if (m) {
    let rest = trimmed.slice(m[0].length);
    const host = GIT_HOST.exec(rest);
    if (host) rest = rest.slice(host[0].length);
    return rest.replace(/\\/g, '/');
  }
  // Already relative (JUnit files often name `src/app/x.py`): used as it is, unless it climbs out.
  if (!/^([/\\]|[A-Za-z]:[\\/])/.test(trimmed) && !trimmed.split(/[/\\]/).includes('..') && trimmed !== '') return trimmed.replace(/\\/g, '/');
  return undefined;
}

/**
 * Candidate files for a test case's prefix: "tests.test_service.TestPlaceOrder" → tests/test_service.py
 * (a Python module, classes dropped), "com.acme.FooTest" → com/acme/FooTest.java and src/test/java/….
 */
export function candidateFilesForPrefix(prefix: string | undefined): string[] {
  if (!prefix || /[\s/\\]/.test(prefix)) return [];
  const parts = prefix.split('.').filter(Boolean);
  if (!parts.length) return [];
  const module = [...parts];
  while (module.length > 1 && /^[A-Z]/.test(module[module.length - 1] ?? '')) module.pop();
  const javaClass = parts.join('/');
  return [...new Set([
    `${module.join('/')}.py`,
    `${javaClass}.java`, `src/test/java/${javaClass}.java`, `${javaClass}.kt`, `src/test/kotlin/${javaClass}.kt`,
  ])];
}
