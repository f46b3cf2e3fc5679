// Debian's awscli against every CodeBuild operation the emulator added (projects, builds, batch
// builds, reports) and CodePipeline's V2 operations (ListRuleExecutions, OverrideStageCondition,
// RollbackStage, condition states). awscli 2.9 knows the CodeBuild ones; for the CodePipeline ones
// it gets its own model plus the newer operations (awscli.codepipeline-v2-model.ts).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createEmulator, type Emulator } from '../../emulator/index';
import { assertAwsCli, awsCli, awsJson } from './awscli.helpers';
import { writeCodePipelineV2Model } from './awscli.codepipeline-v2-model';

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => v as Obj[];
const obj = (v: unknown): Obj => v as Obj;

describe('emulator: Debian awscli against the CodeBuild and CodePipeline V2 operations', function () {
  this.timeout(240_000);
  let emu: Emulator;
  let dataPath: string;
  const aws = (...args: string[]) => awsJson(emu, args, { dataPath });

  before(async function () {
    assertAwsCli();
    emu = await createEmulator({ seed: { dataset: 'demo' }, speed: 0 });
    dataPath = writeCodePipelineV2Model();
  });
  after(async () => {
    await emu?.close();
    if (dataPath) rmSync(dataPath, { recursive: true, force: true });
  });

  it('projects and builds: list, get, start with overrides, stop, retry', async () => {
    const [listed, byTime, got, ids, all] = await Promise.all([
      aws('codebuild', 'list-projects'),
      aws('codebuild', 'list-projects', '--sort-by', 'CREATED_TIME', '--sort-order', 'DESCENDING'),
      aws('codebuild', 'batch-get-projects', '--names', 'orders-api-unit-tests', 'no-such-project'),
      aws('codebuild', 'list-builds-for-project', '--project-name', 'orders-api-unit-tests', '--sort-order', 'ASCENDING'),
      aws('codebuild', 'list-builds'),
    ]);
    const names = listed.projects as string[];
    assert.ok(names.includes('orders-api-unit-tests') && names.includes('storefront-web-build'));
    assert.deepEqual(names, [...names].sort());
    assert.deepEqual(new Set(byTime.projects as string[]), new Set(names));
    const project = arr(got.projects)[0]!;
    assert.equal(obj(project.source).type, 'GITHUB');
    assert.equal(obj(project.webhook).buildType, 'BUILD');
    assert.match(String(project.created), /^\d{4}-\d{2}-\d{2}T/, 'botocore parsed the timestamp');
    assert.deepEqual(got.projectsNotFound, ['no-such-project']);
    assert.equal((ids.ids as string[]).length, 10);
    assert.ok((all.ids as string[]).length > 10);

    const started = obj((await aws('codebuild', 'start-build', '--project-name', 'orders-api-unit-tests', '--source-version', 'feature/retry',
      '--environment-variables-override', 'name=STAGE,value=ci,type=PLAINTEXT', '--buildspec-override', 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo from awscli\n',
      '--idempotency-token', 'awscli-start-1')).build);
    assert.equal(started.buildStatus, 'IN_PROGRESS');
    assert.equal(started.sourceVersion, 'feature/retry');
    assert.ok(arr(obj(started.environment).environmentVariables).some((v) => v.name === 'STAGE' && v.value === 'ci'));
    assert.match(String(obj(started.source).buildspec), /echo from awscli/);
    const stopped = obj((await aws('codebuild', 'stop-build', '--id', String(started.id))).build);
    assert.equal(stopped.buildStatus, 'STOPPED');
    const retried = obj((await aws('codebuild', 'retry-build', '--id', String(started.id))).build);
    assert.notEqual(retried.id, started.id);
    assert.equal(retried.resolvedSourceVersion, started.resolvedSourceVersion);
  });

  it('batch builds: start, list, get, stop, retry', async () => {
    const started = obj((await aws('codebuild', 'start-build-batch', '--project-name', 'storefront-web-e2e')).buildBatch);
    assert.equal(started.buildBatchStatus, 'IN_PROGRESS');
    const [forProject, listed] = await Promise.all([
      aws('codebuild', 'list-build-batches-for-project', '--project-name', 'storefront-web-e2e', '--filter', 'status=IN_PROGRESS'),
      aws('codebuild', 'list-build-batches', '--sort-order', 'ASCENDING'),
    ]);
    assert.deepEqual(forProject.ids, [started.id]);
    assert.ok((listed.ids as string[]).includes(String(started.id)));
    emu.clock.advance(5_000);
    const got = arr((await aws('codebuild', 'batch-get-build-batches', '--ids', String(started.id), 'nope:1')).buildBatches)[0]!;
    assert.deepEqual(arr(got.buildGroups).map((g) => g.identifier), ['DOWNLOAD_SOURCE', 'lint', 'unit_tests', 'build', 'e2e_chrome', 'e2e_firefox']);
    const stopped = obj((await aws('codebuild', 'stop-build-batch', '--id', String(started.id))).buildBatch);
    assert.equal(stopped.buildBatchStatus, 'STOPPED');
    const retried = obj((await aws('codebuild', 'retry-build-batch', '--id', String(started.id), '--retry-type', 'RETRY_ALL_BUILDS')).buildBatch);
    assert.equal(retried.buildBatchStatus, 'IN_PROGRESS');
  });

  it('reports: groups, reports, test cases and coverage', async () => {
    const groups = (await aws('codebuild', 'list-report-groups', '--sort-by', 'NAME', '--sort-order', 'ASCENDING')).reportGroups as string[];
    assert.deepEqual(groups.map((a) => a.replace(/^.*report-group\//, '')), ['orders-api-unit-tests-coverage', 'orders-api-unit-tests-pytest_reports']);
    const [described, tests, coverage] = await Promise.all([
      aws('codebuild', 'batch-get-report-groups', '--report-group-arns', ...groups),
      aws('codebuild', 'list-reports-for-report-group', '--report-group-arn', groups[1]!, '--filter', 'status=FAILED', '--max-items', '3'),
      aws('codebuild', 'list-reports-for-report-group', '--report-group-arn', groups[0]!),
    ]);
    assert.equal(arr(described.reportGroups).length, 2);
    const failedReports = tests.reports as string[];
    assert.ok(failedReports.length >= 1);
    const reports = await aws('codebuild', 'batch-get-reports', '--report-arns', failedReports[0]!, (coverage.reports as string[])[0]!);
    const test = arr(reports.reports).find((r) => r.type === 'TEST')!;
    assert.equal(obj(obj(test.testSummary).statusCounts).FAILED, 2);
    const [cases, files] = await Promise.all([
      aws('codebuild', 'describe-test-cases', '--report-arn', failedReports[0]!, '--filter', 'status=FAILED'),
      aws('codebuild', 'describe-code-coverages', '--report-arn', (coverage.reports as string[])[0]!, '--sort-by', 'LINE_COVERAGE_PERCENTAGE', '--max-line-coverage-percentage', '90'),
    ]);
    assert.deepEqual(arr(cases.testCases).map((c) => c.name), ['test_accepts_legacy_short_skus', 'test_zero_total_orders_skip_payment']);
    const lines = arr(files.codeCoverages).map((c) => c.lineCoveragePercentage as number);
    assert.ok(lines.length > 0 && lines.every((l) => l <= 90));
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  });

  it('CodePipeline V2: condition states, rule executions, override and rollback', async () => {
    const state = await aws('codepipeline', 'get-pipeline-state', '--name', 'infra-networking');
    const deploy = arr(state.stageStates).find((s) => s.stageName === 'Deploy')!;
    const entry = obj(deploy.beforeEntryConditionState);
    assert.equal(obj(entry.latestExecution).status, 'Failed');
    assert.match(String(obj(entry.latestExecution).summary), /Alarm shared-vpc-nat-errors is in state ALARM/);
    const blocked = String(obj(deploy.latestExecution).pipelineExecutionId);

    const rules = await aws('codepipeline', 'list-rule-executions', '--pipeline-name', 'infra-networking', '--filter', `pipelineExecutionId=${blocked}`);
    assert.ok(arr(rules.ruleExecutionDetails).some((r) => r.ruleName === 'NoNatErrors' && r.status === 'Failed'));

    const overridden = await awsCli(emu, ['codepipeline', 'override-stage-condition', '--pipeline-name', 'infra-networking', '--stage-name', 'Deploy',
      '--pipeline-execution-id', blocked, '--condition-type', 'BEFORE_ENTRY'], { dataPath });
    assert.equal(overridden.code, 0, overridden.stderr);
    const again = await awsCli(emu, ['codepipeline', 'override-stage-condition', '--pipeline-name', 'infra-networking', '--stage-name', 'Deploy',
      '--pipeline-execution-id', blocked, '--condition-type', 'BEFORE_ENTRY'], { dataPath });
    assert.match(again.stderr, /\(ConditionNotOverridableException\) when calling the OverrideStageCondition operation/);
    emu.clock.advance(15 * 60_000);

    const executions = arr((await aws('codepipeline', 'list-pipeline-executions', '--pipeline-name', 'infra-networking')).pipelineExecutionSummaries);
    assert.equal(executions.find((e) => e.pipelineExecutionId === blocked)!.status, 'Succeeded');
    const automated = executions.find((e) => obj(e.trigger).triggerType === 'AutomatedRollback')!;
    assert.equal(automated.executionType, 'ROLLBACK');
    const target = String(obj(automated.rollbackMetadata).rollbackTargetPipelineExecutionId);
    const rolled = await aws('codepipeline', 'rollback-stage', '--pipeline-name', 'infra-networking', '--stage-name', 'Deploy', '--target-pipeline-execution-id', target);
    const execution = obj((await aws('codepipeline', 'get-pipeline-execution', '--pipeline-name', 'infra-networking',
      '--pipeline-execution-id', String(rolled.pipelineExecutionId))).pipelineExecution);
    assert.equal(execution.executionType, 'ROLLBACK');
    assert.equal(obj(execution.rollbackMetadata).rollbackTargetPipelineExecutionId, target);
    const source = await awsCli(emu, ['codepipeline', 'rollback-stage', '--pipeline-name', 'infra-networking', '--stage-name', 'Source',
      '--target-pipeline-execution-id', target], { dataPath });
    assert.match(source.stderr, /\(UnableToRollbackStageException\) when calling the RollbackStage operation/);
  });
});
