// Independent wire check: Debian's awscli (botocore, not our SDK) calls every CodePipeline, CodeBuild
// and CloudWatch Logs operation the emulator serves and gets well-formed answers. botocore signs
// its own way (SigV4 verified by the emulator), serialises its own way and parses with its own model.
// StartLiveTail is not in awscli 2.9.19's model (it arrived in 2024), so the SDK tests cover it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createEmulator, type Emulator, EMULATOR_ACCOUNTS } from '../../emulator/index';
import { AWS, assertAwsCli, awsCli, awsJson, type CliResult } from './awscli.helpers';

describe('emulator: Debian awscli against every CodePipeline, CodeBuild and Logs operation', function () {
  this.timeout(180_000);
  let emu: Emulator;

  before(async function () {
    assertAwsCli();
    emu = await createEmulator({ seed: { dataset: 'demo' }, speed: 0 });
  });
  after(() => emu?.close());

  const aws = (...args: string[]): Promise<CliResult> => awsCli(emu, args);
  const json = (...args: string[]): Promise<Record<string, unknown>> => awsJson(emu, args);

  type Obj = Record<string, unknown>;
  const arr = (v: unknown): Obj[] => v as Obj[];
  const obj = (v: unknown): Obj => v as Obj;

  it('reads: pipelines, declarations, state, executions (paged), action executions, builds, log groups, streams and events', async () => {
    const [list, decl, v1, state, executions, failedState, groups] = await Promise.all([
      json('codepipeline', 'list-pipelines'),
      json('codepipeline', 'get-pipeline', '--name', 'data-lake-etl'),
      json('codepipeline', 'get-pipeline', '--name', 'infra-networking', '--pipeline-version', '1'),
      json('codepipeline', 'get-pipeline-state', '--name', 'orders-service-release'),
      json('codepipeline', 'list-pipeline-executions', '--pipeline-name', 'storefront-web', '--page-size', '5', '--max-items', '12'),
      json('codepipeline', 'get-pipeline-state', '--name', 'payments-api'),
      json('logs', 'describe-log-groups', '--log-group-name-prefix', '/aws/codebuild/'),
    ]);
    assert.equal(arr(list.pipelines).length, 12);
    assert.match(String(arr(list.pipelines)[0]!.created), /^\d{4}-\d{2}-\d{2}T/, 'botocore parsed the epoch-seconds timestamp');
    assert.equal(obj(decl.pipeline).name, 'data-lake-etl');
    assert.equal(obj(decl.metadata).pipelineArn, 'arn:aws:codepipeline:us-east-1:111111111111:data-lake-etl');
    assert.equal(obj(v1.pipeline).version, 1);
    const approval = arr(state.stageStates).find((s) => s.stageName === 'Approval')!;
    assert.match(String(obj(arr(approval.actionStates)[0]!.latestExecution).token), /^[0-9a-f-]{36}$/);
    const summaries = arr(executions.pipelineExecutionSummaries);
    assert.equal(summaries.length, 12, 'the CLI paged through 5-item pages');
    assert.ok(executions.NextToken, 'more remain');
    assert.equal(summaries[0]!.status, 'InProgress');
    const build = obj(arr(arr(failedState.stageStates)[1]!.actionStates)[0]!.latestExecution);
    assert.equal(build.status, 'Failed');
    assert.ok(arr(groups.logGroups).some((g) => g.logGroupName === '/aws/codebuild/payments-api-unit-tests'));

    const execId = String(summaries[1]!.pipelineExecutionId);
    const buildId = String(build.externalExecutionId);
    const [execution, actions, builds] = await Promise.all([
      json('codepipeline', 'get-pipeline-execution', '--pipeline-name', 'storefront-web', '--pipeline-execution-id', execId),
      json('codepipeline', 'list-action-executions', '--pipeline-name', 'storefront-web', '--filter', `pipelineExecutionId=${execId}`),
      json('codebuild', 'batch-get-builds', '--ids', buildId),
    ]);
    assert.equal(obj(execution.pipelineExecution).pipelineExecutionId, execId);
    assert.ok(arr(actions.actionExecutionDetails).length >= 4);
    assert.ok(arr(actions.actionExecutionDetails).every((a) => a.pipelineExecutionId === execId));
    const b = arr(builds.builds)[0]!;
    assert.equal(b.buildStatus, 'FAILED');
    assert.equal(arr(b.phases).find((p) => p.phaseType === 'BUILD')!.phaseStatus, 'FAILED');
    const logs = obj(b.logs);

    const [streams, events, filtered] = await Promise.all([
      json('logs', 'describe-log-streams', '--log-group-name', String(logs.groupName), '--order-by', 'LastEventTime', '--descending', '--max-items', '3'),
      json('logs', 'get-log-events', '--log-group-name', String(logs.groupName), '--log-stream-name', String(logs.streamName), '--start-from-head', '--limit', '40'),
      json('logs', 'filter-log-events', '--log-group-name', String(logs.groupName), '--log-stream-names', String(logs.streamName), '--filter-pattern', '"Command did not exit successfully"'),
    ]);
    assert.ok(arr(streams.logStreams).some((s) => s.logStreamName === logs.streamName));
    assert.equal(arr(events.events).length, 40);
    assert.match(String(events.nextForwardToken), /^f\//);
    assert.match(String(arr(events.events)[0]!.message), /^\[Container\] /);
    assert.equal(arr(filtered.events).length, 1);
    assert.match(String(arr(filtered.events)[0]!.message), /npm test exit status 2/);
  });

  it('writes: start, stop (abandon), retry, approve, disable and enable a transition', async () => {
    const [started, payments, orders] = await Promise.all([
      json('codepipeline', 'start-pipeline-execution', '--name', 'docs-site', '--client-request-token', 'awscli-test-1'),
      json('codepipeline', 'list-pipeline-executions', '--pipeline-name', 'payments-api', '--max-items', '1'),
      json('codepipeline', 'get-pipeline-state', '--name', 'orders-service-release'),
    ]);
    const id = String(started.pipelineExecutionId);
    assert.match(id, /^[0-9a-f-]{36}$/);
    const failedId = String(arr(payments.pipelineExecutionSummaries)[0]!.pipelineExecutionId);
    const approval = arr(orders.stageStates).find((s) => s.stageName === 'Approval')!;
    const token = String(obj(arr(approval.actionStates)[0]!.latestExecution).token);

    const [stopped, retried, approved, disabled] = await Promise.all([
      json('codepipeline', 'stop-pipeline-execution', '--pipeline-name', 'docs-site', '--pipeline-execution-id', id, '--abandon', '--reason', 'awscli check'),
      json('codepipeline', 'retry-stage-execution', '--pipeline-name', 'payments-api', '--stage-name', 'Build', '--pipeline-execution-id', failedId, '--retry-mode', 'FAILED_ACTIONS'),
      json('codepipeline', 'put-approval-result', '--pipeline-name', 'orders-service-release', '--stage-name', 'Approval', '--action-name', 'ProductionSignOff',
        '--result', 'summary=Looks good,status=Approved', '--token', token),
      aws('codepipeline', 'disable-stage-transition', '--pipeline-name', 'inventory-sync', '--stage-name', 'Deploy', '--transition-type', 'Inbound', '--reason', 'Freeze for the audit'),
    ]);
    assert.equal(stopped.pipelineExecutionId, id);
    assert.equal(retried.pipelineExecutionId, failedId);
    assert.match(String(approved.approvedAt), /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(disabled.code, 0, disabled.stderr);
    assert.equal(disabled.stdout.trim(), '');

    const state = await json('codepipeline', 'get-pipeline-state', '--name', 'inventory-sync');
    assert.equal(obj(arr(state.stageStates)[2]!.inboundTransitionState).enabled, false);
    const enabled = await aws('codepipeline', 'enable-stage-transition', '--pipeline-name', 'inventory-sync', '--stage-name', 'Deploy', '--transition-type', 'Inbound');
    assert.equal(enabled.code, 0, enabled.stderr);
    const docs = await json('codepipeline', 'get-pipeline-execution', '--pipeline-name', 'docs-site', '--pipeline-execution-id', id);
    assert.equal(obj(docs.pipelineExecution).status, 'Stopped');
  });

  it('surfaces modeled errors the way botocore reports them', async () => {
    const [missing, invalid, badToken] = await Promise.all([
      aws('codepipeline', 'get-pipeline', '--name', 'does-not-exist'),
      aws('logs', 'describe-log-streams', '--log-group-name', '/does/not/exist'),
      aws('codepipeline', 'put-approval-result', '--pipeline-name', 'orders-service-release', '--stage-name', 'Approval', '--action-name', 'ProductionSignOff',
        '--result', 'summary=x,status=Approved', '--token', '00000000-0000-4000-8000-000000000000'),
    ]);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /\(PipelineNotFoundException\) when calling the GetPipeline operation: Account '111111111111' does not have a pipeline with name 'does-not-exist'/);
    assert.match(invalid.stderr, /\(ResourceNotFoundException\) when calling the DescribeLogStreams operation: The specified log group does not exist\./);
    assert.match(badToken.stderr, /\((InvalidApprovalTokenException|ApprovalAlreadyCompletedException)\) when calling the PutApprovalResult operation/);
  });

  it('is rejected with a bad secret (botocore signatures are verified, not trusted)', async () => {
    const res = await new Promise<CliResult>((resolve) => {
      execFile(AWS, ['codepipeline', 'list-pipelines', '--endpoint-url', emu.url], {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin', AWS_ACCESS_KEY_ID: EMULATOR_ACCOUNTS.main.accessKeyId, AWS_SECRET_ACCESS_KEY: 'wrong',
          AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_MAX_ATTEMPTS: '1',
        },
      }, (err, stdout, stderr) => resolve({ code: err ? 1 : 0, stdout, stderr }));
    });
    assert.notEqual(res.code, 0);
    assert.match(res.stderr, /InvalidSignatureException/);
  });
});
