import * as assert from 'node:assert/strict';
import type { ExecutionDetail } from '../../../src/pipelines/model/types';
import { ganttBar } from '../../../src/core/markdown';
import { renderTimeline, stageSpans } from '../../../src/pipelines/present/timeline';
import { structure } from './fixtures';

const t0 = Date.UTC(2026, 10, 21, 10, 0, 0);
const detail: ExecutionDetail = {
  pipelineName: 'web', id: '7d9f4a3e-0000-4000-8000-000000000001', status: 'Failed', statusSummary: 'Build failed',
  pipelineVersion: 4, triggerType: 'Webhook', triggerDetail: 'push to main',
  artifactRevisions: [{ name: 'SourceArtifact', revisionId: 'a'.repeat(40), revisionSummary: '{"CommitMessage":"Fix | pipes"}', revisionUrl: 'https://github.com/acme/web/commit/a' }],
  variables: [{ name: 'ENV', value: 'prod' }],
  actions: [
    { stageName: 'Source', actionName: 'Source', status: 'Succeeded', startTime: t0, lastUpdateTime: t0 + 20_000, provider: 'CodeStarSourceConnection' },
    { stageName: 'Build', actionName: 'Build', status: 'Failed', startTime: t0 + 21_000, lastUpdateTime: t0 + 201_000, provider: 'CodeBuild',
      externalExecutionId: 'web-build:0b6f4f1e', errorMessage: 'Build terminated with state: FAILED',
      logStreamArn: 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/codebuild/web-build:log-stream:0b6f4f1e' },
  ],
};

describe('execution timeline', () => {
  it('orders stages as declared and marks unreached ones', () => {
    const spans = stageSpans(detail, structure(), t0 + 300_000);
    assert.deepEqual(spans.map((s) => [s.name, s.status, s.end !== undefined && s.start !== undefined ? s.end - s.start : undefined]),
      [['Source', 'Succeeded', 20_000], ['Build', 'Failed', 180_000], ['Prod', undefined, undefined]]);
  });

  it('renders facts, a Gantt block, per-stage tables with durations and links', () => {
    const md = renderTimeline(detail, structure(), { region: 'us-east-1', now: t0 + 300_000 });
    assert.match(md, /^# web · execution `7d9f4a3e`/);
    assert.match(md, /\*\*Took:\*\* 3 min 21 sec/);
    assert.match(md, /\*\*Trigger:\*\* Webhook {2}\n/);
    assert.match(md, /\*\*Pipeline variables:\*\* ENV=`prod`/);
    assert.match(md, /\[aaaaaaa\]\(https:\/\/github\.com\/acme\/web\/commit\/a\) Fix \\\| pipes/);
    assert.match(md, /codepipeline\/pipelines\/web\/executions\/7d9f4a3e-0000-4000-8000-000000000001\/timeline\?region=us-east-1/);
    assert.match(md, /```text\nSource \|█+ +\| 20 sec\nBuild {2}\| *█+ *\| 3 min\nProd {3}\| +\| not reached\n```/);
    assert.match(md, /## Build — Failed · 3 min/);
    assert.match(md, /\| Failed \| Build \| CodeBuild \| 10:00:21 UTC \| 3 min \| \*\*Error:\*\* Build terminated with state: FAILED · \[build\]\(https:\/\/us-east-1\.console\.aws\.amazon\.com\/codesuite\/codebuild\/projects\/web-build\/build\/web-build%3A0b6f4f1e\/\?region=us-east-1\) · \[logs\]/);
    assert.match(md, /## Prod — Not reached\n\n_This execution did not reach this stage._/);
  });

  it('gantt bars are proportional and at least one cell wide', () => {
    assert.equal(ganttBar(0, 50, 0, 100, 10), '█████     ');
    assert.equal(ganttBar(50, 51, 0, 100, 10), '     █    ');
    assert.equal(ganttBar(undefined, 1, 0, 100, 4), '    ');
  });
});
