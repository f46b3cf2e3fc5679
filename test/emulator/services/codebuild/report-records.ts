// Report groups and reports: what a build's `reports:` section produces (JUnit/Cucumber/... test
// results and Cobertura/JaCoCo/... coverage), as ListReportGroups, BatchGetReports,
// DescribeTestCases and DescribeCodeCoverages return them.

export type ReportType = 'TEST' | 'CODE_COVERAGE';
export type ReportStatus = 'GENERATING' | 'SUCCEEDED' | 'FAILED' | 'INCOMPLETE' | 'DELETING';
export type TestCaseStatus = 'SUCCEEDED' | 'FAILED' | 'ERROR' | 'SKIPPED' | 'UNKNOWN';

export interface ReportGroupRecord {
  arn: string;
  name: string;
  type: ReportType;
  created: number;
  lastModified: number;
  exportBucket: string;
  /** Report ARNs, oldest first. */
  reports: string[];
}

export interface TestCaseRecord {
  testRawDataPath: string;
  prefix: string;
  name: string;
  status: TestCaseStatus;
  durationInNanoSeconds: number;
  message?: string;
  testSuiteName: string;
}

export interface CoverageRecord {
  id: string;
  filePath: string;
  linesCovered: number;
  linesMissed: number;
  branchesCovered: number;
  branchesMissed: number;
}

export interface ReportRecord {
  arn: string;
  type: ReportType;
  name: string;
  reportGroupArn: string;
  /** The build ARN. */
  executionId: string;
  status: ReportStatus;
  created: number;
  expired: number;
  testCases: TestCaseRecord[];
  coverage: CoverageRecord[];
}

const REPORT_RETENTION_MS = 30 * 24 * 3_600_000;

export function reportExpiry(created: number): number {
  return created + REPORT_RETENTION_MS;
}

export const percentage = (covered: number, missed: number): number =>
  covered + missed === 0 ? 0 : Math.round((covered / (covered + missed)) * 10_000) / 100;

export function testSummary(r: ReportRecord): { total: number; statusCounts: Record<string, number>; durationInNanoSeconds: number } {
  const statusCounts: Record<string, number> = { SUCCEEDED: 0, FAILED: 0, ERROR: 0, SKIPPED: 0, UNKNOWN: 0 };
  let duration = 0;
  for (const c of r.testCases) {
    statusCounts[c.status] = (statusCounts[c.status] ?? 0) + 1;
    duration += c.durationInNanoSeconds;
  }
  return { total: r.testCases.length, statusCounts, durationInNanoSeconds: duration };
}

export function coverageSummary(r: ReportRecord): Record<string, number> {
  let lc = 0;
  let lm = 0;
  let bc = 0;
  let bm = 0;
  for (const f of r.coverage) {
    lc += f.linesCovered;
    lm += f.linesMissed;
    bc += f.branchesCovered;
    bm += f.branchesMissed;
  }
  return {
    lineCoveragePercentage: percentage(lc, lm), linesCovered: lc, linesMissed: lm,
    branchCoveragePercentage: percentage(bc, bm), branchesCovered: bc, branchesMissed: bm,
  };
}
