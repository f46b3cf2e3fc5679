import * as assert from 'node:assert/strict';
import type { ExecutionDetail } from '../../../src/pipelines/model/types';
import { timelineHtml, timelineTitle } from '../../../src/pipelines/present/timeline-html';
import { timelineView } from '../../../src/pipelines/present/timeline-view';
import { assertInert } from '../core/inert-html';
import { structure } from './fixtures';

const t0 = Date.UTC(2026, 10, 21, 10, 0, 0);
const detail: ExecutionDetail = {
  pipelineName: 'web', id: '7d9f4a3e-0000-4000-8000-000000000001', status: 'Failed', statusSummary: 'Build failed',
  pipelineVersion: 4, triggerType: 'Webhook', triggerDetail: 'push to main',
  artifactRevisions: [{ name: 'SourceArtifact', revisionId: 'a'.repeat(40), revisionSummary: '{"CommitMessage":"Fix | pipes"}', revisionUrl: 'https://github.com/acme/web/commit/a' }],
  variables: [{ name: 'ENV', value: 'prod' }],
  actions: [
    { stageName: 'Source', actionName: 'Source', status: 'Succeeded', startTime: t0, lastUpdateTime: t0 + 20_000, provider: 'CodeStarSourceConnection',
      externalExecutionUrl: 'https://github.com/acme/web/commit/a', namespace: 'SourceVariables', outputVariables: { CommitId: 'a'.repeat(40) } },
    { stageName: 'Build', actionName: 'Build', status: 'Failed', startTime: t0 + 21_000, lastUpdateTime: t0 + 201_000, provider: 'CodeBuild',
      externalExecutionId: 'web-build:0b6f4f1e', errorMessage: 'Build terminated with state: FAILED',
      logStreamArn: 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/codebuild/web-build:log-stream:0b6f4f1e' },
  ],
};
const opts = { region: 'us-east-1', now: t0 + 300_000 };

describe('execution timeline page', () => {
  it('stages in pipeline order with status, durations and bars proportional to time', () => {
    const v = timelineView(detail, structure(), opts);
    assert.deepEqual(v.stages.map((s) => [s.name, s.status.label, s.status.icon, s.duration]),
      [['Source', 'Succeeded', 'pass', '20 sec'], ['Build', 'Failed', 'error', '3 min'], ['Prod', 'Not reached', 'circle-outline', undefined]]);
    const span = 201_000;
    const [source, build, prod] = v.stages;
    assert.equal(source!.bar!.start, 0);
    assert.ok(Math.abs(source!.bar!.width - 20_000 / span) < 1e-9);
    assert.ok(Math.abs(build!.bar!.start - 21_000 / span) < 1e-9);
    assert.ok(Math.abs(build!.bar!.width - 180_000 / span) < 1e-9);
    assert.equal(prod!.bar, undefined);
    assert.equal(prod!.reached, false);
    assert.deepEqual(v.facts.find((f) => f.label === 'Took'), { label: 'Took', value: '3 min 21 sec' });
    assert.deepEqual(v.variables, [{ reference: '#{SourceVariables.CommitId}', value: 'a'.repeat(40), outputBy: 'Source / Source' }]);
  });

  it('a CodeBuild action opens its build log first, then the console; others their provider page', () => {
    const v = timelineView(detail, structure(), opts);
    const build = v.stages[1]!.actions[0]!;
    assert.deepEqual(v.targets[build.primary!], {
      kind: 'buildLogs', stageName: 'Build', actionName: 'Build', provider: 'CodeBuild', externalExecutionId: 'web-build:0b6f4f1e',
      logStreamArn: 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/codebuild/web-build:log-stream:0b6f4f1e', running: false,
    });
    assert.deepEqual(build.links.map((l) => l.label), ['Build log', 'Build in console']);
    assert.match(JSON.stringify(v.targets[build.links[1]!.target]), /codebuild\/projects\/web-build\/build\/web-build%3A0b6f4f1e/);
    const source = v.stages[0]!.actions[0]!;
    assert.deepEqual(v.targets[source.primary!], { kind: 'url', url: 'https://github.com/acme/web/commit/a' });
    assert.deepEqual(v.links.map((l) => [l.label, v.targets[l.target]!.kind]), [['Open in AWS Console', 'url'], ['Open as Markdown', 'markdown']]);
  });

  it('a running action is measured up to now, and the page says it is live', () => {
    const { errorMessage: _, ...build } = detail.actions[1]!;
    const running: ExecutionDetail = { ...detail, status: 'InProgress', actions: [{ ...build, status: 'InProgress', lastUpdateTime: t0 + 30_000 }] };
    const v = timelineView(running, structure(), { ...opts, now: t0 + 81_000 });
    assert.equal(v.running, true);
    assert.equal(v.stages[1]!.actions[0]!.duration, '1 min');
    assert.deepEqual([v.stages[1]!.status.icon, v.stages[1]!.status.spin], ['sync', true]);
    assert.match(timelineHtml(v), /Live: updates as the execution runs/);
  });

  it('renders names, durations and status words, with codicons and no emoji', () => {
    const v = timelineView(detail, structure(), opts);
    const page = timelineHtml(v);
    assert.equal(timelineTitle(v), 'web · 7d9f4a3e');
    assert.match(page, /codicon-error/);
    assert.match(page, /<span class="status-label">Failed<\/span>/);
    assert.match(page, /<h2 class="cell-name">Build<\/h2>/);
    assert.match(page, /data-action="open" data-index="\d+"[^>]*title="Build log">Build<\/button>/);
    assert.match(page, /<span class="cell-duration">3 min<\/span>/);
    assert.match(page, /This execution did not reach this stage\./);
    assert.doesNotMatch(page, /\p{Extended_Pictographic}/u);
    assertInert(page);
  });

  it('escapes hostile names, messages and links, and never links anything but https', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const hostile: ExecutionDetail = {
      ...detail, pipelineName: evil, statusSummary: '</p><script>alert(1)</script>',
      artifactRevisions: [{ name: evil, revisionId: evil, revisionUrl: 'javascript:alert(1)' }],
      variables: [{ name: evil, value: '<b>x</b>' }],
      actions: [
        { ...detail.actions[0]!, stageName: evil, actionName: `${evil}<svg onload=alert(1)>`, provider: evil, externalExecutionUrl: 'javascript:alert(1)', summary: '<iframe src=//x>',
          namespace: evil, outputVariables: { [evil]: '<style>*{}</style>' } },
        { ...detail.actions[1]!, errorMessage: '<a href="command:workbench.action.quit">x</a>', externalExecutionUrl: 'vscode://x' },
      ],
    };
    const v = timelineView(hostile, undefined, opts);
    assert.ok(v.targets.every((t) => t.kind !== 'url' || t.url.startsWith('https://')));
    const page = timelineHtml(v);
    assertInert(page);
    assert.ok(!page.includes(evil));
    assert.match(page, /&lt;img src=x onerror=alert\(1\)&gt;&quot;&#39;&amp;/);
    assert.match(page, /&lt;\/p&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(page, /&lt;a href=&quot;command:workbench\.action\.quit&quot;&gt;x&lt;\/a&gt;/);
  });
});
