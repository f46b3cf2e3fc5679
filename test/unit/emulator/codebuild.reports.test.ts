// CodeBuild test and coverage reports through the real SDK: a build with a `reports:` section writes
// them (GENERATING, then FAILED when a test failed); report groups, reports, test cases (filters,
// paging) and coverage (range, sort). The demo's failing tests carry Python tracebacks whose frames
// are real lines of test/fixtures/workspace.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BatchGetBuildsCommand, BatchGetReportGroupsCommand, BatchGetReportsCommand, DescribeCodeCoveragesCommand, DescribeTestCasesCommand,
  ListReportGroupsCommand, ListReportsForReportGroupCommand, StartBuildCommand,
} from '@aws-sdk/client-codebuild';
import { rejectsWith, useEmulator } from './core.helpers';

const WORKSPACE = join(__dirname, '..', '..', 'fixtures', 'workspace');
const GROUP = 'arn:aws:codebuild:us-east-1:111111111111:report-group/orders-api-unit-tests-pytest_reports';
const COVERAGE = 'arn:aws:codebuild:us-east-1:111111111111:report-group/orders-api-unit-tests-coverage';

describe('emulator: CodeBuild reports', function () {
  this.timeout(60_000);
  const fixture = useEmulator({ seed: { dataset: 'demo' }, speed: 0 });
  const cb = () => fixture.clients.codebuild;
  const latestReport = async (group: string) => (await cb().send(new ListReportsForReportGroupCommand({ reportGroupArn: group, maxResults: 1 }))).reports![0]!;

  it('lists the demo report groups and their reports, newest first, filtered by status', async () => {
    const { reportGroups } = await cb().send(new ListReportGroupsCommand({ sortBy: 'NAME', sortOrder: 'ASCENDING' }));
    assert.deepEqual(reportGroups, [COVERAGE, GROUP]);
    const described = await cb().send(new BatchGetReportGroupsCommand({ reportGroupArns: [GROUP, `${GROUP}-nope`] }));
    assert.equal(described.reportGroups![0]!.type, 'TEST');
    assert.equal(described.reportGroups![0]!.status, 'ACTIVE');
    assert.deepEqual(described.reportGroupsNotFound, [`${GROUP}-nope`]);
    const all = (await cb().send(new ListReportsForReportGroupCommand({ reportGroupArn: GROUP }))).reports!;
    assert.equal(all.length, 10, 'one per build');
    const failed = (await cb().send(new ListReportsForReportGroupCommand({ reportGroupArn: GROUP, filter: { status: 'FAILED' } }))).reports!;
    assert.equal(failed.length, 3);
    assert.equal(failed[0], all[0], 'the latest report failed');
    const page = await cb().send(new ListReportsForReportGroupCommand({ reportGroupArn: GROUP, maxResults: 4, sortOrder: 'ASCENDING' }));
    assert.deepEqual(page.reports, all.slice(-4).reverse());
    await rejectsWith(cb().send(new ListReportsForReportGroupCommand({ reportGroupArn: `${GROUP}-nope` })), 'ResourceNotFoundException');
  });

  it('reports carry their build, summary and counts', async () => {
    const arn = await latestReport(GROUP);
    const { reports, reportsNotFound } = await cb().send(new BatchGetReportsCommand({ reportArns: [arn, await latestReport(COVERAGE), `${arn}x`] }));
    const [test, coverage] = reports!;
    assert.equal(test!.status, 'FAILED');
    assert.deepEqual(test!.testSummary!.statusCounts, { SUCCEEDED: 25, FAILED: 2, ERROR: 1, SKIPPED: 2, UNKNOWN: 0 });
    assert.equal(test!.testSummary!.total, 30);
    assert.ok(test!.testSummary!.durationInNanoSeconds! > 0);
    const { builds } = await cb().send(new BatchGetBuildsCommand({ ids: [test!.executionId!] }));
    assert.equal(builds![0]!.buildStatus, 'FAILED');
    assert.ok(builds![0]!.reportArns!.includes(arn));
    assert.equal(coverage!.type, 'CODE_COVERAGE');
    assert.equal(coverage!.codeCoverageSummary!.linesCovered! + coverage!.codeCoverageSummary!.linesMissed!, 194);
    assert.deepEqual(reportsNotFound, [`${arn}x`]);
  });

  it('failed test cases carry tracebacks whose frames are real lines of the sample workspace', async () => {
    const arn = await latestReport(GROUP);
    const { testCases } = await cb().send(new DescribeTestCasesCommand({ reportArn: arn, filter: { status: 'FAILED' } }));
    assert.deepEqual(testCases!.map((c) => `${c.prefix}.${c.name}`), [
      'tests.test_handlers.TestCreateOrder.test_accepts_legacy_short_skus', 'tests.test_service.TestPlaceOrder.test_zero_total_orders_skip_payment',
    ]);
    const errors = (await cb().send(new DescribeTestCasesCommand({ reportArn: arn, filter: { status: 'ERROR' } }))).testCases!;
    let frames = 0;
    for (const c of [...testCases!, ...errors]) {
      for (const m of c.message!.matchAll(/ {2}File "\/codebuild\/output\/src\d+\/src\/([^"]+)", line (\d+), in \S+\n {4}(.+)/g)) {
        const lines = readFileSync(join(WORKSPACE, m[1]!), 'utf8').split('\n');
        assert.equal(lines[Number(m[2]) - 1]!.trim(), m[3], `${m[1]}:${m[2]}`);
        frames++;
      }
    }
    assert.equal(frames, 8);
  });

  it('DescribeTestCases filters by keyword on name or prefix and pages', async () => {
    const arn = await latestReport(GROUP);
    const pricing = (await cb().send(new DescribeTestCasesCommand({ reportArn: arn, filter: { keyword: 'test_pricing' } }))).testCases!;
    assert.equal(pricing.length, 8);
    assert.ok(pricing.every((c) => c.prefix === 'tests.test_pricing' && c.status === 'SUCCEEDED' && c.reportArn === arn));
    const skipped = (await cb().send(new DescribeTestCasesCommand({ reportArn: arn, filter: { status: 'SKIPPED' } }))).testCases!;
    assert.deepEqual(skipped.map((c) => c.message), ['needs PAYMENTS_SANDBOX_URL', 'flaky on CI, see ORD-412']);
    const first = await cb().send(new DescribeTestCasesCommand({ reportArn: arn, maxResults: 20 }));
    const rest = await cb().send(new DescribeTestCasesCommand({ reportArn: arn, maxResults: 20, nextToken: first.nextToken! }));
    assert.equal(first.testCases!.length + rest.testCases!.length, 30);
    assert.equal(rest.nextToken, undefined);
    await rejectsWith(cb().send(new DescribeTestCasesCommand({ reportArn: arn, filter: { status: 'BROKEN' } })), 'InvalidInputException');
    await rejectsWith(cb().send(new DescribeTestCasesCommand({ reportArn: `${arn}x` })), 'ResourceNotFoundException');
  });

  it('DescribeCodeCoverages filters by line coverage and sorts by path or percentage', async () => {
    const arn = await latestReport(COVERAGE);
    const byPath = (await cb().send(new DescribeCodeCoveragesCommand({ reportArn: arn }))).codeCoverages!;
    const paths = byPath.map((c) => c.filePath!.replace(/^\/codebuild\/output\/src\d+\/src\//, ''));
    assert.deepEqual(paths, [...paths].sort());
    for (const p of paths) readFileSync(join(WORKSPACE, p));
    const pricing = byPath.find((c) => c.filePath!.endsWith('app/orders/pricing.py'))!;
    assert.deepEqual([pricing.lineCoveragePercentage, pricing.linesCovered, pricing.linesMissed, pricing.branchesCovered, pricing.branchesMissed], [96.88, 31, 1, 13, 1]);
    const low = (await cb().send(new DescribeCodeCoveragesCommand({ reportArn: arn, maxLineCoveragePercentage: 85, sortBy: 'LINE_COVERAGE_PERCENTAGE', sortOrder: 'DESCENDING' }))).codeCoverages!;
    assert.deepEqual(low.map((c) => c.lineCoveragePercentage), [80.49, 35.71, 0, 0]);
    await rejectsWith(cb().send(new DescribeCodeCoveragesCommand({ reportArn: arn, minLineCoveragePercentage: 120 })), 'InvalidInputException');
  });

  it('a new build writes its reports: GENERATING while it uploads, then FAILED with the failing cases', async () => {
    const store = fixture.emulator.state.codebuild.region('111111111111', 'us-east-1');
    store.project('orders-api-unit-tests')!.outcomes = ['fail'];
    store.project('orders-api-unit-tests')!.attempts = 0;
    const { build } = await cb().send(new StartBuildCommand({ projectName: 'orders-api-unit-tests' }));
    assert.deepEqual(build!.reportArns, []);
    let reportArns: string[] = [];
    for (let i = 0; i < 200 && reportArns.length === 0; i++) {
      fixture.emulator.clock.advance(1_000);
      reportArns = (await cb().send(new BatchGetBuildsCommand({ ids: [build!.id!] }))).builds![0]!.reportArns!;
    }
    assert.equal(reportArns.length, 2);
    const generating = (await cb().send(new BatchGetReportsCommand({ reportArns }))).reports!;
    assert.deepEqual(generating.map((r) => r.status), ['GENERATING', 'GENERATING']);
    fixture.emulator.clock.advance(10 * 60_000);
    const done = (await cb().send(new BatchGetReportsCommand({ reportArns }))).reports!;
    assert.deepEqual(done.map((r) => r.status), ['FAILED', 'SUCCEEDED']);
    assert.equal(await latestReport(GROUP), reportArns[0]);
  });
});
