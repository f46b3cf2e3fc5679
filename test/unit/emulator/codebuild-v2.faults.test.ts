// Fault injection reaches the new operations as it reaches the old ones: CodeBuild projects, batches
// and reports, and CodePipeline's V2 condition and rollback operations.
import assert from 'node:assert/strict';
import {
  BatchGetBuildBatchesCommand, DescribeTestCasesCommand, ListProjectsCommand, ListReportGroupsCommand, StartBuildCommand,
} from '@aws-sdk/client-codebuild';
import { ListRuleExecutionsCommand, OverrideStageConditionCommand, RollbackStageCommand } from '@aws-sdk/client-codepipeline';
import { adminCall, rejectsWith, useEmulator } from './core.helpers';

describe('emulator: faults on the CodeBuild and CodePipeline V2 operations', function () {
  this.timeout(60_000);
  const fixture = useEmulator({ seed: { dataset: 'demo' }, speed: 0 });
  afterEach(() => fixture.emulator.faults.clear());
  const cb = () => fixture.clients.codebuild;
  const cp = () => fixture.clients.codepipeline;

  it('throttles ListProjects after N calls, per operation and service', async () => {
    fixture.emulator.faults.add({ operation: 'ListProjects', service: 'codebuild', kind: 'throttle', afterCalls: 1 });
    await cb().send(new ListProjectsCommand({}));
    await rejectsWith(cb().send(new ListProjectsCommand({})), 'ThrottlingException', 400);
    await cb().send(new ListReportGroupsCommand({}));
  });

  it('answers chosen errors, drops and malformed bodies for batches, reports and builds', async () => {
    fixture.emulator.faults.add({ operation: 'DescribeTestCases', kind: 'error', times: 1 });
    fixture.emulator.faults.add({ operation: 'StartBuild', kind: 'error', status: 400, errorType: 'AccountLimitExceededException', message: 'Cannot have more than 60 active builds for the account', times: 1 });
    fixture.emulator.faults.add({ operation: 'BatchGetBuildBatches', kind: 'malformed', times: 1 });
    await rejectsWith(cb().send(new DescribeTestCasesCommand({ reportArn: 'arn:aws:codebuild:us-east-1:111111111111:report/x:y' })), 'InternalFailure', 500);
    const limited = await rejectsWith(cb().send(new StartBuildCommand({ projectName: 'orders-api-unit-tests' })), 'AccountLimitExceededException', 400);
    assert.equal(limited.message, 'Cannot have more than 60 active builds for the account');
    await assert.rejects(cb().send(new BatchGetBuildBatchesCommand({ ids: ['x'] })), (err: Error & { $metadata?: { httpStatusCode?: number } }) => {
      assert.equal(err.$metadata?.httpStatusCode, 200);
      return true;
    });
    assert.equal(fixture.emulator.faults.list().length, 0, 'every fault was used once');
  });

  it('reaches the V2 operations, also when set over the admin API', async () => {
    const added = await adminCall(fixture.emulator.url, 'POST', '/_emulator/faults', [
      { operation: 'RollbackStage', kind: 'error', status: 400, errorType: 'ConflictException', message: 'busy', times: 1 },
      { operation: 'OverrideStageCondition', kind: 'throttle', times: 1 },
      { operation: 'ListRuleExecutions', kind: 'drop', times: 1 },
    ]);
    assert.equal(added.status, 200);
    const id = '00000000-0000-4000-8000-000000000000';
    await rejectsWith(cp().send(new RollbackStageCommand({ pipelineName: 'infra-networking', stageName: 'Deploy', targetPipelineExecutionId: id })), 'ConflictException');
    await rejectsWith(cp().send(new OverrideStageConditionCommand({ pipelineName: 'infra-networking', stageName: 'Deploy', pipelineExecutionId: id, conditionType: 'BEFORE_ENTRY' })), 'ThrottlingException');
    await assert.rejects(cp().send(new ListRuleExecutionsCommand({ pipelineName: 'infra-networking' })), /socket hang up|ECONNRESET|aborted/i);
    const listed = await cp().send(new ListRuleExecutionsCommand({ pipelineName: 'infra-networking', maxResults: 1 }));
    assert.equal(listed.ruleExecutionDetails!.length, 1, 'the fault is used up');
    const stats = await adminCall(fixture.emulator.url, 'GET', '/_emulator/stats');
    const ops = (stats.json as { operations: Record<string, number> }).operations;
    assert.ok(ops.ListRuleExecutions! >= 2 && ops.RollbackStage! >= 1);
  });
});
