// Reports written by builds: at UPLOAD_ARTIFACTS a build with a `reports:` section creates one report
// per entry (status GENERATING) in the report group `<project>-<name>`, created on first use as
// CodeBuild does; when the build completes the reports become SUCCEEDED, or FAILED when a test failed
// (INCOMPLETE when the build was stopped).
import type { Random } from '../../core/random';
import type { BuildRecipe } from './recipes';
import { reportExpiry, type ReportGroupRecord, type ReportRecord, type TestCaseRecord } from './report-records';
import type { ReportSpec } from './report-suites';
import type { BuildRecord, BuildsRegion } from './store';

export function ensureReportGroup(store: BuildsRegion, name: string, type: ReportSpec['type'], now: number): ReportGroupRecord {
  const arn = store.reportGroupArn(name);
  let group = store.reportGroups.get(arn);
  if (!group) {
    group = { arn, name, type, created: now, lastModified: now, exportBucket: `codebuild-reports-${store.accountId}-${store.region}`, reports: [] };
    store.reportGroups.set(arn, group);
  }
  return group;
}

function testCases(spec: ReportSpec, build: BuildRecord, failed: boolean, srcDir: string): TestCaseRecord[] {
  const raw = `s3://codebuild-reports-${build.accountId}-${build.region}/${build.projectName}/${build.logStreamName}/${spec.file}`;
  return (spec.cases ?? []).map((c) => {
    const failure = failed ? c.failure : undefined;
    return {
      testRawDataPath: raw,
      prefix: c.prefix,
      name: c.name,
      status: c.skipped ? 'SKIPPED' : failure ? failure.status : 'SUCCEEDED',
      durationInNanoSeconds: c.durationMs * 1_000_000,
      ...(c.skipped ? { message: c.skipped } : failure ? { message: failure.message(srcDir) } : {}),
      testSuiteName: c.suite,
    } satisfies TestCaseRecord;
  });
}

/** Creates the build's reports (GENERATING); `failed`: the build's test command failed. */
export function createBuildReports(store: BuildsRegion, rng: Random, build: BuildRecord, recipe: BuildRecipe, failed: boolean,
  srcDir: string, now: number): ReportRecord[] {
  const created: ReportRecord[] = [];
  for (const spec of recipe.reports ?? []) {
    const group = ensureReportGroup(store, `${build.projectName}-${spec.name}`, spec.type, now);
    const arn = `arn:aws:codebuild:${store.region}:${store.accountId}:report/${group.name}:${build.logStreamName}`;
    const report: ReportRecord = {
      arn,
      type: spec.type,
      name: group.name,
      reportGroupArn: group.arn,
      executionId: build.arn,
      status: 'GENERATING',
      created: now,
      expired: reportExpiry(now),
      testCases: spec.type === 'TEST' ? testCases(spec, build, failed, srcDir) : [],
      coverage: spec.type === 'CODE_COVERAGE'
        ? (spec.coverage ?? []).map((f) => ({
          id: rng.uuid(), filePath: `${srcDir}/${f.filePath}`,
          linesCovered: f.linesCovered, linesMissed: f.lines - f.linesCovered,
          branchesCovered: f.branchesCovered, branchesMissed: f.branches - f.branchesCovered,
        }))
        : [],
    };
    store.reports.set(arn, report);
    group.reports.push(arn);
    group.lastModified = now;
    build.reportArns.push(arn);
    created.push(report);
  }
  return created;
}

/** The build ended: its reports are final. */
export function finishBuildReports(reports: ReportRecord[], stopped: boolean): void {
  for (const r of reports) {
    if (stopped) r.status = 'INCOMPLETE';
    else r.status = r.testCases.some((c) => c.status === 'FAILED' || c.status === 'ERROR') ? 'FAILED' : 'SUCCEEDED';
  }
}
