// V2 stage conditions, rollbacks and Git triggers over simulated time, through the real SDK:
// entry conditions that fail, skip or are overridden, success conditions that roll back, onFailure
// rollbacks, RollbackStage and its refusals, ListRuleExecutions, rule providers, trigger filters.
import assert from 'node:assert/strict';
import {
  GetPipelineExecutionCommand, GetPipelineStateCommand, ListPipelineExecutionsCommand, ListRuleExecutionsCommand,
  OverrideStageConditionCommand, RollbackStageCommand, StartPipelineExecutionCommand, StopPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import type { ActionBehaviour, PipelineDeclaration, StageDeclaration } from '../../emulator/services/codepipeline/index';
import type { ConditionDeclaration } from '../../emulator/services/codepipeline/model/declaration';
import { codecommitSource, githubSource, lambdaInvoke, pipeline, rule, stage } from '../../emulator/services/codepipeline/seed/builders';
import { compileCron } from '../../emulator/services/codepipeline/engine/rules/cron';
import { globToRegExp } from '../../emulator/services/codepipeline/engine/git-events';
import { adminCall, rejectsWith, useEmulator } from './core.helpers';

const MIN = 60_000;
const account = { accountId: '111111111111', region: 'us-east-1' };
const ALARM = 'api-5xx';

function v2(name: string, deploy: Partial<StageDeclaration>, extra: Partial<PipelineDeclaration> = {}): PipelineDeclaration {
  return pipeline(account, name, [
    stage('Source', codecommitSource(name)),
    stage('Test', lambdaInvoke('Smoke', `${name}-smoke`)),
    { ...stage('Deploy', lambdaInvoke('Release', `${name}-release`)), ...deploy },
  ], { pipelineType: 'V2', executionMode: 'QUEUED', ...extra });
}

const alarmCondition = (result: ConditionDeclaration['result'], waitMinutes = '0'): ConditionDeclaration =>
  ({ ...(result ? { result } : {}), rules: [rule('NoErrors', 'CloudWatchAlarm', { AlarmName: ALARM, WaitTime: waitMinutes })] });

describe('emulator: CodePipeline V2 stage conditions and rollbacks', function () {
  this.timeout(60_000);
  const fixture = useEmulator({ speed: 0 });
  beforeEach(() => fixture.emulator.reset());

  const world = () => fixture.emulator.state.codepipeline;
  const create = (decl: PipelineDeclaration, behaviours: Record<string, ActionBehaviour> = {}) =>
    world().region(account.accountId, account.region).create(decl, { behaviours });
  const alarm = (state: 'OK' | 'ALARM') => world().alarms.set(`${account.accountId}/${account.region}/${ALARM}`, state);
  const cp = () => fixture.clients.codepipeline;
  const start = async (name: string) => (await cp().send(new StartPipelineExecutionCommand({ name }))).pipelineExecutionId!;
  const execution = async (name: string, id: string) =>
    (await cp().send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id }))).pipelineExecution!;
  const deployState = async (name: string) => (await cp().send(new GetPipelineStateCommand({ name }))).stageStates!.find((s) => s.stageName === 'Deploy')!;
  const advance = (ms: number) => fixture.emulator.clock.advance(ms);

  it('an entry condition that fails blocks the stage: stage and execution Failed, with the rule and the reason', async () => {
    create(v2('gate', { beforeEntry: { conditions: [alarmCondition('FAIL')] } }));
    alarm('ALARM');
    const id = await start('gate');
    advance(10 * MIN);
    assert.equal((await execution('gate', id)).status, 'Failed');
    const deploy = await deployState('gate');
    assert.equal(deploy.latestExecution!.status, 'Failed');
    assert.equal(deploy.actionStates![0]!.latestExecution, undefined, 'no action ran');
    const entry = deploy.beforeEntryConditionState!;
    assert.equal(entry.latestExecution!.status, 'Failed');
    assert.match(entry.latestExecution!.summary!, /^Entry condition failed \(result FAIL\): Rule NoErrors failed: Alarm api-5xx is in state ALARM$/);
    const ruleState = entry.conditionStates![0]!.ruleStates![0]!;
    assert.equal(ruleState.latestExecution!.status, 'Failed');
    assert.deepEqual(ruleState.latestExecution!.errorDetails, { code: 'RuleFailed', message: 'Alarm api-5xx is in state ALARM' });
    assert.match(ruleState.entityUrl!, /cloudwatch\/home\?region=us-east-1#alarmsV2:alarm\/api-5xx$/);
  });

  it('overrides a failed entry condition: the blocked execution enters the stage and finishes', async () => {
    create(v2('gate', { beforeEntry: { conditions: [alarmCondition('FAIL')] } }));
    alarm('ALARM');
    const id = await start('gate');
    advance(10 * MIN);
    await rejectsWith(cp().send(new OverrideStageConditionCommand({ pipelineName: 'gate', stageName: 'Deploy', pipelineExecutionId: id, conditionType: 'ON_SUCCESS' })),
      'ConditionNotOverridableException');
    await cp().send(new OverrideStageConditionCommand({ pipelineName: 'gate', stageName: 'Deploy', pipelineExecutionId: id, conditionType: 'BEFORE_ENTRY' }));
    assert.equal((await execution('gate', id)).status, 'InProgress');
    const entry = (await deployState('gate')).beforeEntryConditionState!;
    assert.equal(entry.latestExecution!.status, 'Overridden');
    assert.match(entry.latestExecution!.summary!, /overridden by arn:aws:iam::111111111111:user\/emulator-main/);
    advance(10 * MIN);
    assert.equal((await execution('gate', id)).status, 'Succeeded');
    await rejectsWith(cp().send(new OverrideStageConditionCommand({ pipelineName: 'gate', stageName: 'Deploy', pipelineExecutionId: id, conditionType: 'BEFORE_ENTRY' })),
      'ConditionNotOverridableException');
  });

  it('overrides an entry condition still being evaluated (an alarm watched for a while); only the latest execution', async () => {
    create(v2('watch', { beforeEntry: { conditions: [alarmCondition('FAIL', '30')] } }));
    alarm('OK');
    const id = await start('watch');
    advance(3 * MIN);
    const entry = (await deployState('watch')).beforeEntryConditionState!;
    assert.equal(entry.latestExecution!.status, 'InProgress');
    assert.equal(entry.conditionStates![0]!.ruleStates![0]!.latestExecution!.status, 'InProgress');
    await rejectsWith(cp().send(new OverrideStageConditionCommand({ pipelineName: 'watch', stageName: 'Deploy', pipelineExecutionId: '00000000-0000-4000-8000-000000000000', conditionType: 'BEFORE_ENTRY' })),
      'ValidationException');
    await cp().send(new OverrideStageConditionCommand({ pipelineName: 'watch', stageName: 'Deploy', pipelineExecutionId: id, conditionType: 'BEFORE_ENTRY' }));
    const after = (await deployState('watch')).beforeEntryConditionState!;
    assert.equal(after.latestExecution!.status, 'Overridden');
    assert.equal(after.conditionStates![0]!.ruleStates![0]!.latestExecution!.status, 'Abandoned');
    advance(5 * MIN);
    assert.equal((await execution('watch', id)).status, 'Succeeded');
  });

  it('an alarm that goes off while it is watched fails the rule at the next check; a quiet one passes after WaitTime', async () => {
    create(v2('watch', { beforeEntry: { conditions: [alarmCondition('FAIL', '10')] } }));
    alarm('OK');
    const quiet = await start('watch');
    advance(9 * MIN);
    assert.equal((await deployState('watch')).beforeEntryConditionState!.latestExecution!.status, 'InProgress', 'still watching the alarm');
    advance(5 * MIN);
    assert.equal((await execution('watch', quiet)).status, 'Succeeded');
    const noisy = await start('watch');
    advance(4 * MIN);
    alarm('ALARM');
    advance(2 * MIN);
    assert.equal((await execution('watch', noisy)).status, 'Failed');
  });

  it('SKIP: a failed entry condition skips the stage and the execution succeeds', async () => {
    create(v2('skip', { beforeEntry: { conditions: [{ result: 'SKIP', rules: [rule('OnlyMain', 'VariableCheck', { Variable: '#{SourceVariables.BranchName}', Value: 'release', Operator: 'EQ' })] }] } }));
    const id = await start('skip');
    advance(10 * MIN);
    assert.equal((await execution('skip', id)).status, 'Succeeded');
    const deploy = await deployState('skip');
    assert.equal(deploy.latestExecution!.status, 'Skipped');
    assert.match(deploy.beforeEntryConditionState!.latestExecution!.summary!, /result SKIP.*"main" EQ "release" is false/);
  });

  it('a failed success condition with ROLLBACK rolls the stage back to the last execution that succeeded there', async () => {
    create(v2('canary', { onSuccess: { conditions: [alarmCondition('ROLLBACK')] } }));
    alarm('OK');
    const good = await start('canary');
    advance(10 * MIN);
    assert.equal((await execution('canary', good)).status, 'Succeeded');
    alarm('ALARM');
    const bad = await start('canary');
    advance(10 * MIN);
    assert.equal((await execution('canary', bad)).status, 'Failed');
    const [rollback] = (await cp().send(new ListPipelineExecutionsCommand({ pipelineName: 'canary', maxResults: 1 }))).pipelineExecutionSummaries!;
    assert.equal(rollback!.executionType, 'ROLLBACK');
    assert.deepEqual(rollback!.trigger, { triggerType: 'AutomatedRollback', triggerDetail: bad });
    assert.equal(rollback!.rollbackMetadata!.rollbackTargetPipelineExecutionId, good);
    assert.equal(rollback!.status, 'Succeeded', 'rollbacks skip conditions');
    assert.equal(rollback!.sourceRevisions![0]!.revisionId, (await execution('canary', good)).artifactRevisions![0]!.revisionId);
    const deploy = await deployState('canary');
    assert.deepEqual(deploy.latestExecution, { pipelineExecutionId: rollback!.pipelineExecutionId, status: 'Succeeded', type: 'ROLLBACK' });
    assert.equal(deploy.onSuccessConditionState!.latestExecution!.status, 'Failed');
  });

  it('onFailure ROLLBACK: a failed stage rolls back by itself, and not when nothing ever succeeded there', async () => {
    create(v2('auto', { onFailure: { result: 'ROLLBACK' } }), { Release: { outcomes: ['fail', 'succeed', 'fail'] } });
    const first = await start('auto');
    advance(10 * MIN);
    assert.equal((await execution('auto', first)).status, 'Failed');
    let runs = (await cp().send(new ListPipelineExecutionsCommand({ pipelineName: 'auto' }))).pipelineExecutionSummaries!;
    assert.equal(runs.length, 1, 'no target, no rollback');
    const ok = await start('auto');
    advance(10 * MIN);
    const failing = await start('auto');
    advance(10 * MIN);
    runs = (await cp().send(new ListPipelineExecutionsCommand({ pipelineName: 'auto' }))).pipelineExecutionSummaries!;
    assert.equal(runs[0]!.executionType, 'ROLLBACK');
    assert.equal(runs[0]!.rollbackMetadata!.rollbackTargetPipelineExecutionId, ok);
    assert.equal(runs[0]!.trigger!.triggerDetail, failing);
  });

  it('RollbackStage: by hand to an earlier execution; refuses V1, the source stage, busy stages and bad targets', async () => {
    create(v2('manual', {}));
    const older = await start('manual');
    advance(10 * MIN);
    const newer = await start('manual');
    advance(10 * MIN);
    const send = (stageName: string, target: string) => cp().send(new RollbackStageCommand({ pipelineName: 'manual', stageName, targetPipelineExecutionId: target }));
    await rejectsWith(send('Deploy', newer), 'UnableToRollbackStageException');
    await rejectsWith(send('Source', older), 'UnableToRollbackStageException');
    await rejectsWith(send('Nope', older), 'StageNotFoundException');
    await rejectsWith(send('Deploy', '00000000-0000-4000-8000-000000000000'), 'PipelineExecutionNotFoundException');
    const { pipelineExecutionId } = await send('Deploy', older);
    await rejectsWith(send('Deploy', older), 'ConflictException');
    const rb = await execution('manual', pipelineExecutionId!);
    assert.equal(rb.executionType, 'ROLLBACK');
    assert.deepEqual(rb.trigger, { triggerType: 'ManualRollback', triggerDetail: 'arn:aws:iam::111111111111:user/emulator-main' });
    advance(10 * MIN);
    assert.equal((await execution('manual', pipelineExecutionId!)).status, 'Succeeded');
    const state = await cp().send(new GetPipelineStateCommand({ name: 'manual' }));
    assert.equal(state.stageStates![1]!.latestExecution!.pipelineExecutionId, newer, 'only the rolled-back stage ran');

    const record = world().region(account.accountId, account.region).require('manual');
    record.versions.push({ ...record.versions[0]!, version: 2 });
    await rejectsWith(send('Deploy', older), 'PipelineExecutionOutdatedException');

    create(pipeline(account, 'classic', [stage('Source', codecommitSource('classic')), stage('Deploy', lambdaInvoke('Release', 'r'))]));
    const v1 = await start('classic');
    advance(10 * MIN);
    await rejectsWith(cp().send(new RollbackStageCommand({ pipelineName: 'classic', stageName: 'Deploy', targetPipelineExecutionId: v1 })), 'UnableToRollbackStageException');
  });

  it('ListRuleExecutions: newest first, per execution, latest attempt only, paged', async () => {
    create(v2('rules', {
      beforeEntry: {
        conditions: [{
          result: 'FAIL',
          rules: [
            rule('Window', 'DeploymentWindow', { Cron: '* * * * *' }),
            rule('Branch', 'VariableCheck', { Variable: '#{SourceVariables.BranchName}', Value: 'ma.n', Operator: 'MATCHES' }),
          ],
        }],
      },
    }));
    const first = await start('rules');
    advance(10 * MIN);
    await start('rules');
    advance(10 * MIN);
    const all = (await cp().send(new ListRuleExecutionsCommand({ pipelineName: 'rules' }))).ruleExecutionDetails!;
    assert.equal(all.length, 4);
    assert.ok(all[0]!.startTime! >= all[3]!.startTime!);
    const mine = (await cp().send(new ListRuleExecutionsCommand({ pipelineName: 'rules', filter: { pipelineExecutionId: first } }))).ruleExecutionDetails!;
    assert.deepEqual(mine.map((r) => r.ruleName).sort(), ['Branch', 'Window']);
    const branch = mine.find((r) => r.ruleName === 'Branch')!;
    assert.equal(branch.status, 'Succeeded');
    assert.equal(branch.input!.resolvedConfiguration!.Variable, 'main');
    assert.equal(branch.input!.configuration!.Variable, '#{SourceVariables.BranchName}');
    assert.equal(branch.input!.ruleTypeId!.provider, 'VariableCheck');
    const page = await cp().send(new ListRuleExecutionsCommand({ pipelineName: 'rules', maxResults: 3 }));
    const rest = await cp().send(new ListRuleExecutionsCommand({ pipelineName: 'rules', maxResults: 3, nextToken: page.nextToken! }));
    assert.equal(page.ruleExecutionDetails!.length + rest.ruleExecutionDetails!.length, 4);
    assert.equal(rest.nextToken, undefined);
    await rejectsWith(cp().send(new ListRuleExecutionsCommand({ pipelineName: 'rules', nextToken: 'bogus' })), 'InvalidNextTokenException');
    await rejectsWith(cp().send(new ListRuleExecutionsCommand({ pipelineName: 'rules', filter: { pipelineExecutionId: '00000000-0000-4000-8000-000000000000' } })),
      'PipelineExecutionNotFoundException');
  });

  it('stopping an execution cancels the condition being evaluated', async () => {
    create(v2('stop', { beforeEntry: { conditions: [alarmCondition('FAIL', '30')] } }));
    const id = await start('stop');
    advance(3 * MIN);
    await cp().send(new StopPipelineExecutionCommand({ pipelineName: 'stop', pipelineExecutionId: id }));
    assert.equal((await execution('stop', id)).status, 'Stopped');
    const entry = (await deployState('stop')).beforeEntryConditionState!;
    assert.equal(entry.latestExecution!.status, 'Cancelled');
    assert.equal(entry.conditionStates![0]!.ruleStates![0]!.latestExecution!.status, 'Abandoned');
  });

  it('Git events start V2 executions only when a trigger matches: branches, file paths, pull request events', async () => {
    const decl = pipeline(account, 'triggered', [
      stage('Source', githubSource(account, 'acme/app')),
      stage('Test', lambdaInvoke('Smoke', 'smoke')),
    ], {
      pipelineType: 'V2',
      triggers: [{
        providerType: 'CodeStarSourceConnection',
        gitConfiguration: {
          sourceActionName: 'Source',
          push: [{ branches: { includes: ['main', 'release/**'] }, filePaths: { includes: ['src/**'], excludes: ['**/*.md'] } }],
          pullRequest: [{ events: ['OPEN'], branches: { includes: ['main'] } }],
        },
      }],
    });
    const p = create(decl);
    const engine = world().region(account.accountId, account.region).engine;
    const commit = (id: string) => ({ id: id.repeat(40).slice(0, 40), message: `commit ${id}`, author: 'dev <dev@example.com>', date: fixture.emulator.clock.now() });
    assert.equal(engine.gitEvent(p, { type: 'push', branch: 'main', commit: commit('a'), filePaths: ['docs/README.md'] }).length, 0);
    assert.equal(engine.gitEvent(p, { type: 'push', branch: 'main', commit: commit('b'), filePaths: ['src/README.md'] }).length, 0);
    assert.equal(engine.gitEvent(p, { type: 'push', branch: 'feature/x', commit: commit('c'), filePaths: ['src/app.ts'] }).length, 0);
    assert.equal(engine.gitEvent(p, { type: 'pullRequest', event: 'CLOSED', pullRequestId: '7', sourceBranch: 'feature/x', destinationBranch: 'main', commit: commit('d'), filePaths: [] }).length, 0);
    const [push] = engine.gitEvent(p, { type: 'push', branch: 'release/2.1', commit: commit('e'), filePaths: ['src/app.ts', 'README.md'] });
    const [pr] = engine.gitEvent(p, { type: 'pullRequest', event: 'OPEN', pullRequestId: '8', title: 'Add x', sourceBranch: 'feature/x', destinationBranch: 'main', commit: commit('f'), filePaths: ['a'] });
    const summaries = (await cp().send(new ListPipelineExecutionsCommand({ pipelineName: 'triggered' }))).pipelineExecutionSummaries!;
    assert.deepEqual(summaries.map((s) => s.pipelineExecutionId), [pr!.id, push!.id]);
    assert.equal(summaries[0]!.trigger!.triggerType, 'WebhookV2');
    assert.match(summaries[0]!.trigger!.triggerDetail!, /^arn:aws:codestar-connections:/);
    assert.deepEqual(JSON.parse(summaries[0]!.sourceRevisions![0]!.revisionSummary!), {
      ProviderType: 'GitHub', CommitMessage: 'commit f', BranchName: 'feature/x', PullRequestId: '8', PullRequestEvent: 'OPEN', DestinationBranchName: 'main', PullRequestTitle: 'Add x',
    });
    assert.equal(summaries[1]!.sourceRevisions![0]!.revisionId, 'e'.repeat(40));
    advance(10 * MIN);
    const prRun = await execution('triggered', pr!.id);
    assert.equal(prRun.status, 'Succeeded');
  });

  it('alarms, Lambda answers and Git events can be set over HTTP by other processes', async () => {
    create(pipeline(account, 'remote', [
      stage('Source', githubSource(account, 'acme/remote')),
      { ...stage('Deploy', lambdaInvoke('Release', 'release')), beforeEntry: { conditions: [
        alarmCondition('FAIL'), { result: 'FAIL', rules: [rule('Check', 'LambdaInvoke', { FunctionName: 'gate' })] },
      ] } },
    ], { pipelineType: 'V2' }));
    const post = (path: string, body: unknown) => adminCall(fixture.emulator.url, 'POST', `/_emulator/codepipeline/${path}`, body);
    assert.equal((await post('alarms', { alarmName: ALARM, state: 'OK' })).status, 200);
    assert.equal((await post('functions', { functionName: 'gate', outcome: 'fail', message: 'canary error rate 4.2%' })).status, 200);
    const pushed = await post('git-events', { pipelineName: 'remote', event: { type: 'push', branch: 'main', commit: { id: 'c0ffee'.repeat(7).slice(0, 40), message: 'Ship it' }, filePaths: ['src/a.ts'] } });
    assert.equal(pushed.status, 200);
    const [id] = (pushed.json as { pipelineExecutionIds: string[] }).pipelineExecutionIds;
    advance(10 * MIN);
    assert.equal((await execution('remote', id!)).status, 'Failed');
    assert.match((await deployState('remote')).beforeEntryConditionState!.latestExecution!.summary!, /Rule Check failed: canary error rate 4\.2%/);
    assert.equal((await post('alarms', { alarmName: ALARM, state: 'MAYBE' })).status, 400);
    assert.equal((await post('git-events', { pipelineName: 'nope', event: {} })).status, 400);
    assert.equal((await post('unknown', {})).status, 404);
  });

  it('rule building blocks: cron windows in a time zone, trigger globs', () => {
    const weekdaysNineToFive = compileCron('* 9-16 ? * MON-FRI *', 'Europe/Berlin');
    assert.equal(weekdaysNineToFive.matches(Date.parse('2026-12-07T08:30:00Z')), true, 'Monday 09:30 in Berlin');
    assert.equal(weekdaysNineToFive.matches(Date.parse('2026-12-07T07:30:00Z')), false, 'Monday 08:30 in Berlin');
    assert.equal(weekdaysNineToFive.matches(Date.parse('2026-12-06T10:00:00Z')), false, 'Sunday');
    assert.equal(compileCron('0/15 * * * *').matches(Date.parse('2026-12-07T10:45:00Z')), true);
    assert.equal(compileCron('0/15 * * * *').matches(Date.parse('2026-12-07T10:46:00Z')), false);
    assert.equal(compileCron('* * ? * FRI-MON *').matches(Date.parse('2026-12-06T10:00:00Z')), true, 'a wrapping range');
    assert.throws(() => compileCron('* * *'), /5, 6 or 7 fields/);
    assert.throws(() => compileCron('* 25 * * *'), /out of range/);
    assert.throws(() => compileCron('* * * * *', 'Mars/Olympus'), /time zone/i);
    assert.equal(globToRegExp('release/**').test('release/2.1/hotfix'), true);
    assert.equal(globToRegExp('src/*.ts').test('src/a/b.ts'), false);
    assert.equal(globToRegExp('**/*.md').test('README.md'), true);
    assert.equal(globToRegExp('v?.*').test('v1.2'), true);
  });
});
