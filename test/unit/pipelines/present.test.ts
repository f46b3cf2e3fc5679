import * as assert from 'node:assert/strict';
import { nodeIds } from '../../../src/pipelines/model/keys';
import { PipelineStore } from '../../../src/pipelines/model/store';
import type { TreeNode } from '../../../src/pipelines/model/tree';
import { buildConsoleUrl, httpsOnly, logStreamConsoleUrl } from '../../../src/aws/console';
import { executionConsoleUrl, pipelineArn, pipelineConsoleUrl } from '../../../src/pipelines/present/console';
import { escapeMarkdown, inlineCode, link } from '../../../src/core/markdown';
import { executionDescription, present, type PresentContext } from '../../../src/pipelines/present/nodes';
import { filterMessage } from '../../../src/core/tree';
import { commitMessageOf, revisionLine, shortRevision } from '../../../src/pipelines/present/revision';
import { statusIcon } from '../../../src/pipelines/present/status';
import { action, execution, stage, standardRuntime, structure, T, runtime } from './fixtures';

const NOW = 1_700_000_600_000;
const key = { target: T, name: 'web' };

function ctx(store: PipelineStore, pinned = false): PresentContext {
  return { store, now: NOW, isPinned: () => pinned, isWatched: () => false, pageSize: 50 };
}

function seeded(): PipelineStore {
  const s = new PipelineStore();
  s.setTargets([{ profile: 'demo', region: 'us-east-1' }]);
  s.applyList(T, [{ name: 'web', pipelineType: 'V2', executionMode: 'QUEUED', version: 4 }]);
  return s;
}

const pipelineNode: TreeNode = { kind: 'pipeline', id: nodeIds.pipeline(key), key };

describe('presenters', () => {
  it('maps statuses to themed codicons', () => {
    assert.deepEqual(statusIcon('Succeeded'), { id: 'pass', color: 'testing.iconPassed' });
    assert.deepEqual(statusIcon('Failed'), { id: 'error', color: 'testing.iconFailed' });
    assert.equal(statusIcon('InProgress').id, 'sync~spin');
    assert.equal(statusIcon(undefined).id, 'circle-outline');
  });

  it('describes a pipeline as "Succeeded · 5 minutes ago" with a tooltip naming trigger, revision and commit message', () => {
    const s = seeded();
    s.applyRecent(key, [execution('e1', { lastUpdateTime: NOW - 5 * 60_000 })]);
    const p = present(pipelineNode, ctx(s));
    assert.equal(p.label, 'web');
    assert.equal(p.description, 'Succeeded · 5 minutes ago');
    assert.deepEqual(p.icon, { id: 'pass', color: 'testing.iconPassed' });
    assert.match(p.tooltip ?? '', /Trigger: Webhook/);
    assert.match(p.tooltip ?? '', /^\*\*web\*\* · V2 pipeline · runs queue · version 4\n/);
    assert.match(p.tooltip ?? '', /\[aaaaaaa\]\(https:\/\/github\.com\/acme\/web\/commit\/aaaa\)/);
    assert.match(p.tooltip ?? '', /Fix the login page/);
    assert.doesNotMatch(p.tooltip ?? '', /Longer body/, 'only the first line of the message');
    assert.equal(p.contextValue, 'pipeline:unpinned:unwatched');
  });

  it('running pipelines count from their start; pending approvals change icon, text and context', () => {
    const s = seeded();
    s.applyRecent(key, [execution('e1', { status: 'InProgress', startTime: NOW - 120_000 })]);
    assert.equal(present(pipelineNode, ctx(s, true)).description, 'In progress · 2 minutes ago');
    assert.equal(present(pipelineNode, ctx(s, true)).contextValue, 'pipeline:pinned:unwatched:running');
    s.applyRuntime(key, standardRuntime());
    const p = present(pipelineNode, ctx(s));
    assert.match(p.description ?? '', /^Waiting for approval/);
    assert.equal(p.icon?.id, 'person');
    assert.match(p.contextValue, /:approval$/);
    assert.match(p.tooltip ?? '', /Waiting for approval: Prod \/ Approve/);
    const prod = present({ kind: 'stage', id: nodeIds.stage(key, 'Prod'), key, stage: 'Prod' }, ctx(s));
    assert.deepEqual(prod.icon, { id: 'person', color: 'charts.yellow' }, 'a stage waiting on a person does not spin');
    assert.match(prod.description ?? '', /^Waiting for approval · /);
  });

  it('says on the row that a disabled transition holds the latest run, with a lock on that stage', () => {
    const s = seeded();
    s.applyStructure(key, structure());
    s.applyRecent(key, [execution('exec-1', { status: 'InProgress', startTime: NOW - 3 * 3_600_000 })]);
    s.applyRuntime(key, runtime([
      stage('Source', [action('Source')]),
      stage('Build', [action('Build')]),
      stage('Prod', [action('Approve'), action('Deploy')], { latestExecutionId: 'exec-0', inbound: { enabled: false, disabledReason: 'Change freeze' } }),
    ]));
    const p = present(pipelineNode, ctx(s));
    assert.equal(p.description, 'Blocked: Prod transition disabled');
    assert.deepEqual(p.icon, { id: 'lock', color: 'charts.yellow' });
    assert.match(p.tooltip ?? '', /\$\(lock\) Held before Prod: its inbound transition is disabled \(“Change freeze”\)/);
    const prod = present({ kind: 'stage', id: nodeIds.stage(key, 'Prod'), key, stage: 'Prod' }, ctx(s));
    assert.deepEqual(prod.icon, { id: 'lock', color: 'charts.yellow' }, 'not the green check of its previous run');
    assert.match(prod.tooltip ?? '', /latest run waits here/);
    const build = present({ kind: 'stage', id: nodeIds.stage(key, 'Build'), key, stage: 'Build' }, ctx(s));
    assert.equal(build.icon?.id, 'pass');
  });

  it('shows a disabled inbound transition on the stage, with its reason in the tooltip', () => {
    const s = seeded();
    s.applyStructure(key, structure());
    const rt = standardRuntime();
    rt.stages[1] = stage('Build', [action('Build', { status: 'Failed', errorMessage: 'Build failed: exit status 1' })], { status: 'Failed', inbound: { enabled: false, disabledReason: 'Release freeze', lastChangedBy: 'alice' } });
    s.applyRuntime(key, rt);
    const p = present({ kind: 'stage', id: nodeIds.stage(key, 'Build'), key, stage: 'Build' }, ctx(s));
    assert.match(p.description ?? '', /^Transition disabled · Failed · /);
    assert.match(p.tooltip ?? '', /Inbound transition disabled: Release freeze — by alice/);
    assert.deepEqual(p.icon, { id: 'lock', color: 'disabledForeground' }, 'closed, but holding no run');
    assert.equal(p.contextValue, 'stage:transitionDisabled:retryable:rollbackable', 'a V2 stage after the first can be rolled back');
    assert.equal(p.collapsible, 'expanded', 'failed stages open by themselves');
    const first = present({ kind: 'stage', id: nodeIds.stage(key, 'Source'), key, stage: 'Source' }, ctx(s));
    assert.equal(first.contextValue, 'stage', 'the first stage has no inbound transition to toggle');
  });

  it('actions show provider, status, error details, and context for logs and approvals', () => {
    const s = seeded();
    s.applyStructure(key, structure());
    s.applyRuntime(key, runtime([
      stage('Source', [action('Source')]),
      stage('Build', [action('Build', { status: 'Failed', errorCode: 'JobFailed', errorMessage: 'Build terminated with state: FAILED', externalExecutionId: 'web-build:0b6f4f1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', externalExecutionUrl: 'https://console.aws.amazon.com/codebuild/home' })], { status: 'Failed' }),
      stage('Prod', [action('Approve', { status: 'InProgress', token: 't' })], { status: 'InProgress' }),
    ]));
    const build = present({ kind: 'action', id: 'b', key, stage: 'Build', action: 'Build' }, ctx(s));
    assert.match(build.description ?? '', /^CodeBuild · Failed · .* · Build terminated with state: FAILED$/);
    assert.deepEqual(build.icon, { id: 'tools', color: 'testing.iconFailed' });
    assert.equal(build.contextValue, 'action:codebuild:failed:link');
    assert.match(build.tooltip ?? '', /`JobFailed`/);
    assert.match(build.tooltip ?? '', /Project: `web-build`/);
    assert.deepEqual(build.command, { id: 'conveyor.pipelines.showActionLogs', title: 'Show Build Logs' }, 'a click opens the build log');
    assert.doesNotMatch(build.tooltip ?? '', /right-click/i);
    const approve = present({ kind: 'action', id: 'a', key, stage: 'Prod', action: 'Approve' }, ctx(s));
    assert.equal(approve.contextValue, 'action:approval');
    assert.equal(approve.command, undefined, 'approving takes a decision, not a click');
    assert.deepEqual(approve.icon, { id: 'person', color: 'charts.yellow' });
  });

  it('execution rows show the revision, status, age and duration, and open the timeline on click', () => {
    const s = seeded();
    s.applyExecutions(key, { items: [execution('0123456789abcdef', { lastUpdateTime: NOW - 60_000, startTime: NOW - 360_000 })] }, false);
    const p = present({ kind: 'execution', id: 'x', key, executionId: '0123456789abcdef' }, ctx(s));
    assert.equal(p.label, 'aaaaaaa Fix the login page');
    assert.equal(p.description, 'Succeeded · 1 minute ago · webhook · 5 min');
    assert.equal(p.command?.id, 'conveyor.pipelines.showExecution');
    assert.equal(p.contextValue, 'execution:done:rollbackTarget', 'a V2 execution that succeeded is a rollback target');
  });

  it('says "Never run" for pipelines without executions and nothing before statuses load', () => {
    const s = seeded();
    assert.equal(present(pipelineNode, ctx(s)).description, '');
    s.applyRecent(key, []);
    assert.equal(present(pipelineNode, ctx(s)).description, 'Never run');
    assert.equal(executionDescription(undefined, NOW), 'Never run');
  });

  it('the filter message counts matches', () => {
    assert.equal(filterMessage('', 1, 2, 'pipelines'), undefined);
    assert.equal(filterMessage('api', 12, 1000, 'pipelines'), 'Filter “api”: 12 of 1,000 pipelines');
    assert.equal(filterMessage('api', 12, 1000, 'projects', false), 'Filter “api”: 12 of 1,000+ projects');
  });

  it('commit messages come out of CodeStar JSON summaries or plain text', () => {
    assert.equal(commitMessageOf('{"ProviderType":"GitHub","CommitMessage":"Add X"}'), 'Add X');
    assert.equal(commitMessageOf('Plain message'), 'Plain message');
    assert.equal(commitMessageOf('{not json'), '{not json');
    assert.equal(shortRevision('b'.repeat(40)), 'bbbbbbb');
    assert.equal(revisionLine({ actionName: 'S', revisionId: 'c'.repeat(40), revisionSummary: 'One\nTwo' }), 'ccccccc One');
  });

  it('opens an action provider\'s own link only when it is https (security review 2026-12, hardening)', () => {
    assert.equal(httpsOnly('https://deploy.example.com/runs/42'), 'https://deploy.example.com/runs/42');
    for (const url of ['file:///etc/passwd', 'file://server/share/x.exe', 'vscode://ms-vscode.remote/open?x', 'javascript:alert(1)', 'http://example.com/', 'not a url', undefined]) {
      assert.equal(httpsOnly(url), undefined, String(url));
    }
  });

  it('console links and ARNs follow the region and partition', () => {
    assert.equal(pipelineConsoleUrl('eu-west-1', 'my pipe'), 'https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/my%20pipe/view?region=eu-west-1');
    assert.equal(executionConsoleUrl('us-east-1', 'p', 'e-1'), 'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/p/executions/e-1/timeline?region=us-east-1');
    assert.equal(pipelineConsoleUrl('cn-north-1', 'p'), 'https://cn-north-1.console.amazonaws.cn/codesuite/codepipeline/pipelines/p/view?region=cn-north-1');
    assert.match(pipelineConsoleUrl('us-gov-west-1', 'p'), /^https:\/\/us-gov-west-1\.console\.amazonaws-us-gov\.com\//);
    assert.equal(buildConsoleUrl('us-east-1', 'web-build:abc'), 'https://us-east-1.console.aws.amazon.com/codesuite/codebuild/projects/web-build/build/web-build%3Aabc/?region=us-east-1');
    assert.equal(logStreamConsoleUrl('us-east-1', '/aws/codebuild/web', 'abc'),
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Fcodebuild$252Fweb/log-events/abc');
    assert.equal(pipelineArn('cn-north-1', '123456789012', 'p'), 'arn:aws-cn:codepipeline:cn-north-1:123456789012:p');
  });

  it('markdown helpers escape names and refuse non-http links', () => {
    assert.equal(escapeMarkdown('a_b*[c]'), 'a\\_b\\*\\[c\\]');
    assert.equal(escapeMarkdown('payments-api v1.2 (eu)'), 'payments-api v1.2 (eu)', 'stays readable as text');
    assert.equal(escapeMarkdown('# not a heading\n- not a list\n1. nor this'), '\\# not a heading  \n\\- not a list  \n1\\. nor this');
    assert.equal(inlineCode('x`y'), '``x`y``');
    assert.equal(link('t', 'javascript:alert(1)'), 't');
    assert.equal(link('t', 'https://x/(y)'), '[t](https://x/%28y%29)');
  });
});
