// A CodeBuild coverage report per file, for VS Code's test coverage API. DescribeCodeCoverages gives
// line and branch totals per file (no per-line detail), so files show statement and branch
// percentages, not covered lines.
import type { FileCoverageInfo } from '../model/types';
import { sourceRelative } from './paths';

export interface FileCoverageView {
  /** The path as the report names it. */
  file: string;
  /** Workspace-relative, when the file is in the build's source. */
  relative?: string;
  statements: { covered: number; total: number };
  branches?: { covered: number; total: number };
}

/** One entry per file with something to cover (empty files such as `__init__.py` are left out). */
export function coverageFiles(files: readonly FileCoverageInfo[]): FileCoverageView[] {
  return files
    .filter((f) => f.linesCovered + f.linesMissed > 0)
    .map((f) => {
      const relative = sourceRelative(f.filePath);
      const branchTotal = f.branchesCovered + f.branchesMissed;
      return {
        file: f.filePath,
        ...(relative ? { relative } : {}),
        statements: { covered: f.linesCovered, total: f.linesCovered + f.linesMissed },
        ...(branchTotal > 0 ? { branches: { covered: f.branchesCovered, total: branchTotal } } : {}),
      };
    });
}
