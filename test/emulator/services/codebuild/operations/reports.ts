// ListReportGroups, BatchGetReportGroups, ListReportsForReportGroup, BatchGetReports,
// DescribeTestCases (status and keyword filters), DescribeCodeCoverages (line coverage range, sort).
import type { EmuRequest } from '../../../core/contract';
import { validateInput } from '../../../core/validate';
import { batchGet, invalidInput, notFound, page } from '../paging';
import { coverageSummary, percentage, type ReportGroupRecord, type ReportRecord, testSummary } from '../report-records';
import {
  batchGetReportGroupsRules, batchGetReportsRules, describeCodeCoveragesRules, describeTestCasesRules,
  listReportGroupsRules, listReportsForReportGroupRules,
} from '../rules';
import type { BuildsRegion } from '../store';
import type { BuildsWorld } from '../world';

const DEFAULT_PAGE = 100;
const TEST_CASE_STATUSES = ['SUCCEEDED', 'FAILED', 'ERROR', 'SKIPPED', 'UNKNOWN'];

const seconds = (ms: number): number => ms / 1000;

function wireGroup(g: ReportGroupRecord): Record<string, unknown> {
  return {
    arn: g.arn,
    name: g.name,
    type: g.type,
    exportConfig: { exportConfigType: 'S3', s3Destination: { bucket: g.exportBucket, path: g.name, packaging: 'NONE', encryptionDisabled: false } },
    created: seconds(g.created),
    lastModified: seconds(g.lastModified),
    tags: [],
    status: 'ACTIVE',
  };
}

function wireReport(r: ReportRecord): Record<string, unknown> {
  return {
    arn: r.arn,
    type: r.type,
    name: r.name,
    reportGroupArn: r.reportGroupArn,
    executionId: r.executionId,
    status: r.status,
    created: seconds(r.created),
    expired: seconds(r.expired),
    exportConfig: { exportConfigType: 'NO_EXPORT' },
    truncated: false,
    ...(r.type === 'TEST' ? { testSummary: testSummary(r) } : { codeCoverageSummary: coverageSummary(r) }),
  };
}

function sortedGroups(store: BuildsRegion, sortBy: string, order: string): ReportGroupRecord[] {
  const key = (g: ReportGroupRecord): string | number => (sortBy === 'NAME' ? g.name : sortBy === 'CREATED_TIME' ? g.created : g.lastModified);
  const groups = [...store.reportGroups.values()].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : a.name < b.name ? -1 : 1;
  });
  return order === 'DESCENDING' ? groups.reverse() : groups;
}

export function listReportGroups(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(listReportGroupsRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const sortBy = (input.sortBy as string | undefined) ?? 'CREATED_TIME';
    const order = (input.sortOrder as string | undefined) ?? 'DESCENDING';
    const arns = sortedGroups(store, sortBy, order).map((g) => g.arn);
    const result = page(arns, `ListReportGroups:${req.accountId}:${req.region}:${sortBy}:${order}`, input.nextToken, (input.maxResults as number | undefined) ?? DEFAULT_PAGE);
    return { reportGroups: result.items, ...(result.nextToken ? { nextToken: result.nextToken } : {}) };
  };
}

export function batchGetReportGroups(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(batchGetReportGroupsRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const { found, notFound: missing } = batchGet(input.reportGroupArns as string[], (arn) => store.reportGroups.get(arn), wireGroup);
    return { reportGroups: found, reportGroupsNotFound: missing };
  };
}

export function listReportsForReportGroup(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(listReportsForReportGroupRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const group = store.reportGroups.get(input.reportGroupArn as string);
    if (!group) throw notFound(`Report group ${input.reportGroupArn as string} does not exist`);
    const status = (input.filter as { status?: string } | undefined)?.status;
    const order = (input.sortOrder as string | undefined) ?? 'DESCENDING';
    let arns = status ? group.reports.filter((a) => store.reports.get(a)?.status === status) : group.reports;
    if (order === 'DESCENDING') arns = [...arns].reverse();
    const result = page(arns, `ListReportsForReportGroup:${group.arn}:${status ?? ''}:${order}`, input.nextToken, (input.maxResults as number | undefined) ?? DEFAULT_PAGE);
    return { reports: result.items, ...(result.nextToken ? { nextToken: result.nextToken } : {}) };
  };
}

export function batchGetReports(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(batchGetReportsRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const { found, notFound: missing } = batchGet(input.reportArns as string[], (arn) => store.reports.get(arn), wireReport);
    return { reports: found, reportsNotFound: missing };
  };
}

export function describeTestCases(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(describeTestCasesRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const report = store.reports.get(input.reportArn as string);
    if (!report) throw notFound(`Report ${input.reportArn as string} does not exist`);
    if (report.type !== 'TEST') throw invalidInput(`Report ${report.arn} is not a test report`);
    const filter = (input.filter as { status?: string; keyword?: string } | undefined) ?? {};
    if (filter.status !== undefined && !TEST_CASE_STATUSES.includes(filter.status)) {
      throw invalidInput(`Invalid test case status filter ${filter.status}: valid values are ${TEST_CASE_STATUSES.join(', ')}`);
    }
    const cases = report.testCases.filter((c) => (!filter.status || c.status === filter.status) &&
      (!filter.keyword || c.name.includes(filter.keyword) || c.prefix.includes(filter.keyword)));
    const result = page(cases, `DescribeTestCases:${report.arn}:${JSON.stringify(filter)}`, input.nextToken, (input.maxResults as number | undefined) ?? DEFAULT_PAGE);
    return {
      testCases: result.items.map((c) => ({ reportArn: report.arn, ...c, expired: seconds(report.expired) })),
      ...(result.nextToken ? { nextToken: result.nextToken } : {}),
    };
  };
}

function percentBound(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidInput(`${name} must be a number`);
  if (value < 0 || value > 100) {
    throw invalidInput(`1 validation error detected: Value '${value}' at '${name}' failed to satisfy constraint: Member must have value between 0 and 100`);
  }
  return value;
}

export function describeCodeCoverages(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(describeCodeCoveragesRules, input, 'InvalidInputException');
    const min = percentBound(input.minLineCoveragePercentage, 'minLineCoveragePercentage');
    const max = percentBound(input.maxLineCoveragePercentage, 'maxLineCoveragePercentage');
    const store = world.region(req.accountId, req.region);
    const report = store.reports.get(input.reportArn as string);
    // DescribeCodeCoverages models no ResourceNotFoundException: an unknown report has no coverage.
    const files = (report?.coverage ?? []).map((f) => ({ ...f, line: percentage(f.linesCovered, f.linesMissed) }))
      .filter((f) => (min === undefined || f.line >= min) && (max === undefined || f.line <= max));
    const sortBy = (input.sortBy as string | undefined) ?? 'FILE_PATH';
    const order = (input.sortOrder as string | undefined) ?? 'ASCENDING';
    files.sort((a, b) => (sortBy === 'FILE_PATH' ? (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0) : a.line - b.line || (a.filePath < b.filePath ? -1 : 1)));
    if (order === 'DESCENDING') files.reverse();
    const result = page(files, `DescribeCodeCoverages:${input.reportArn as string}:${min ?? ''}:${max ?? ''}:${sortBy}:${order}`, input.nextToken,
      (input.maxResults as number | undefined) ?? DEFAULT_PAGE);
    return {
      codeCoverages: result.items.map((f) => ({
        id: f.id,
        reportARN: input.reportArn as string,
        filePath: f.filePath,
        lineCoveragePercentage: f.line,
        linesCovered: f.linesCovered,
        linesMissed: f.linesMissed,
        branchCoveragePercentage: percentage(f.branchesCovered, f.branchesMissed),
        branchesCovered: f.branchesCovered,
        branchesMissed: f.branchesMissed,
        expired: seconds(report!.expired),
      })),
      ...(result.nextToken ? { nextToken: result.nextToken } : {}),
    };
  };
}
