// The pure V2 pieces: trigger wording and filters, condition verdicts and what can be overridden.
import * as assert from 'node:assert/strict';
import { conditionVerdict, overridableKinds, rulesOf, type StageConditionDeclarations, type StageConditionStates } from '../../../src/pipelines/model/conditions';
import { gitEventOf, globMatches, matchingFilters, type TriggerDeclaration } from '../../../src/pipelines/model/triggers';
import { verdictSentence } from '../../../src/pipelines/present/conditions';
import { describeTrigger, principalName } from '../../../src/pipelines/present/triggers';

const triggers: TriggerDeclaration[] = [{
  providerType: 'CodeStarSourceConnection', sourceActionName: 'Source',
  push: [{ branches: { includes: ['main', 'release/**'], excludes: [] } }, { tags: { includes: ['v*'], excludes: ['v*-rc*'] } }],
  pullRequest: [{ events: ['CLOSED'], branches: { includes: ['main'], excludes: [] } }],
}];

describe('V2 triggers', () => {
  it('globs: * within a segment, ** across, ? one character', () => {
    assert.ok(globMatches('lib/**', 'lib/a/b.ts'));
    assert.ok(globMatches('**/*.md', 'docs/x/README.md'));
    assert.ok(globMatches('**/*.md', 'README.md'));
    assert.ok(!globMatches('lib/*', 'lib/a/b.ts'));
    assert.ok(globMatches('release/v?', 'release/v2'));
    assert.ok(!globMatches('main', 'mainline'));
    assert.ok(globMatches('a.b', 'a.b') && !globMatches('a.b', 'axb'), 'dots are literal');
  });

  it('reads the Git event from a revision summary and matches the declared filters', () => {
    assert.equal(gitEventOf('Fix the build'), undefined);
    assert.equal(gitEventOf('{"ProviderType":"GitHub","CommitMessage":"x"}'), undefined);
    assert.deepEqual(gitEventOf('{"BranchName":"release/2.1"}'), { kind: 'push', branch: 'release/2.1' });
    assert.equal(matchingFilters(triggers, { kind: 'push', branch: 'release/2.1' }).length, 1);
    assert.equal(matchingFilters(triggers, { kind: 'push', branch: 'feature/x' }).length, 0);
    assert.equal(matchingFilters(triggers, { kind: 'push', tag: 'v1.2.0' }).length, 1, 'a tag push matches the tag filter only');
    assert.equal(matchingFilters(triggers, { kind: 'push', tag: 'v1.2.0-rc1' }).length, 0, 'excluded tag');
    assert.equal(matchingFilters(triggers, { kind: 'pullRequest', pullRequestId: '4', pullRequestEvent: 'OPEN', destinationBranch: 'main' }).length, 0);
    assert.equal(matchingFilters(triggers, { kind: 'pullRequest', pullRequestId: '4', pullRequestEvent: 'CLOSED', destinationBranch: 'main' }).length, 1);
  });

  it('says who or what started an execution', () => {
    assert.equal(principalName('arn:aws:iam::111111111111:user/ops/priya.raman'), 'priya.raman');
    assert.equal(principalName('arn:aws:sts::111111111111:assumed-role/Deployer/jan'), 'Deployer/jan');
    assert.deepEqual(describeTrigger({ triggerType: 'StartPipelineExecution', triggerDetail: 'arn:aws:iam::1:user/release-bot' }, undefined),
      { short: 'manual', full: 'Started manually by release-bot', filters: [] });
    assert.equal(describeTrigger({ triggerType: 'PollForSourceChanges' }, undefined).short, 'polling');
    assert.equal(describeTrigger({ triggerType: 'CloudWatchEvent' }, undefined).short, 'EventBridge');
    const tag = describeTrigger({ triggerType: 'WebhookV2', sourceRevisions: [{ actionName: 'Source', revisionSummary: '{"TagName":"v1.0.0"}' }] }, triggers);
    assert.deepEqual(tag, { short: 'push to tag v1.0.0', full: 'Git push to tag v1.0.0', filters: ['push: tags v*, not v*-rc*'] });
    const rollback = describeTrigger({ triggerType: 'ManualRollback', triggerDetail: 'arn:aws:iam::1:user/tomasz', rollbackTargetId: '46156f90-8627' }, undefined);
    assert.equal(rollback.full, 'Manual rollback by tomasz to 46156f90');
    assert.equal(describeTrigger({}, undefined).short, '');
  });
});

describe('V2 condition verdicts', () => {
  const declared: StageConditionDeclarations = {
    beforeEntry: { conditions: [{ result: 'SKIP', rules: [{ name: 'Window', provider: 'DeploymentWindow', configuration: {} }] }] },
    onSuccess: { conditions: [{ result: 'ROLLBACK', rules: [{ name: 'Probe', provider: 'LambdaInvoke', configuration: {} }] }] },
  };

  it('an entry condition with result SKIP skips; a success condition with ROLLBACK rolls back', () => {
    const skipped: StageConditionStates = { beforeEntry: { status: 'Failed', conditions: [{ status: 'Failed', rules: [{ name: 'Window', status: 'Failed', summary: 'outside the window' }] }] } };
    const v = conditionVerdict(declared, skipped);
    assert.deepEqual(v, { kind: 'beforeEntry', status: 'Failed', reason: 'outside the window', result: 'SKIP', rule: 'Window' });
    assert.equal(verdictSentence(v), 'Skipped by its entry condition: outside the window');
    assert.deepEqual(overridableKinds(declared, skipped), [], 'SKIP is not overridable: the execution was not held');
    const rolledBack: StageConditionStates = { onSuccess: { status: 'Failed', conditions: [{ rules: [{ name: 'Probe', status: 'Failed', errorMessage: '3 paths down' }] }] } };
    assert.equal(verdictSentence(conditionVerdict(declared, rolledBack)!), 'Rolled back by its success condition: 3 paths down');
    assert.deepEqual(overridableKinds(declared, rolledBack), []);
  });

  it('an evaluation in progress can be overridden; a passed one is no verdict', () => {
    const running: StageConditionStates = { onSuccess: { status: 'InProgress', conditions: [{ status: 'InProgress', rules: [{ name: 'Probe', status: 'InProgress' }] }] } };
    assert.deepEqual(overridableKinds(declared, running), ['onSuccess']);
    assert.equal(verdictSentence(conditionVerdict(declared, running)!), 'Waiting for its success condition');
    assert.equal(conditionVerdict(declared, { beforeEntry: { status: 'Succeeded', conditions: [] } }), undefined);
  });

  it('lists declared rules and ones only the state knows, per condition', () => {
    const rules = rulesOf('beforeEntry', declared, { beforeEntry: { conditions: [{ rules: [{ name: 'Window' }, { name: 'Added' }] }] } });
    assert.deepEqual(rules.map((r) => [r.condition, r.name, r.result, r.declaration !== undefined]), [[0, 'Window', 'SKIP', true], [0, 'Added', 'SKIP', false]]);
  });
});
