import * as assert from 'node:assert/strict';
import { deploymentPage, revisionWords } from '../../../src/deploy/model/deployment-page';
import type { DeploymentSummary, TargetInfo } from '../../../src/deploy/model/types';
import { deploymentHtml, OPEN_LINK } from '../../../src/deploy/present/deployment-html';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const DEPLOYMENT: DeploymentSummary = {
  id: 'd-ABCDEF123', applicationName: 'orders-api', groupName: 'orders-api-prod', status: 'Failed', computePlatform: 'Server',
  deploymentConfigName: 'CodeDeployDefault.OneAtATime', deploymentType: 'IN_PLACE', creator: 'user',
  createTime: T0, startTime: T0 + 1000, completeTime: T0 + 101_000,
  error: { code: 'HEALTH_CONSTRAINTS', message: 'The overall deployment failed because too many individual instances failed.' },
  overview: { Failed: 1, Skipped: 1 },
  revision: { type: 'S3', label: 's3://b/k.zip', s3: { bucket: 'b', key: 'k.zip', bundleType: 'zip', eTag: 'abc' } },
};
const TARGETS: TargetInfo[] = [
  { deploymentId: 'd-ABCDEF123', id: 'i-2', kind: 'instance', status: 'Skipped', events: [{ name: 'ApplicationStop', status: 'Skipped' }] },
  {
    deploymentId: 'd-ABCDEF123', id: 'i-1', kind: 'instance', status: 'Failed', events: [
      { name: 'BeforeInstall', status: 'Succeeded', startTime: T0 + 1000, endTime: T0 + 21_000, durationMs: 20_000, diagnostics: { errorCode: 'Success', logTail: 'ok\n' } },
      { name: 'AfterInstall', status: 'Failed', startTime: T0 + 51_000, endTime: T0 + 101_000, durationMs: 50_000,
        diagnostics: { errorCode: 'ScriptFailed', scriptName: 'scripts/<migrate>.sh', message: 'Script at specified location: <img src=x onerror=alert(1)> run as user root failed', logTail: 'boom' } },
      { name: 'ApplicationStart', status: 'Skipped' },
    ],
  },
];
const OPTIONS = { region: 'us-east-1', consoleUrl: 'https://console/d', now: T0 + 200_000 };

describe('deploy: deployment details page', () => {
  it('says the status in words, the error, and the facts a person asks about', () => {
    const page = deploymentPage(DEPLOYMENT, TARGETS, OPTIONS);
    assert.equal(page.title, 'd-ABCDEF123 · orders-api-prod');
    assert.deepEqual(page.status, { label: 'Failed', icon: 'error', spin: false, tone: 'failed' });
    assert.equal(page.summary, 'HEALTH_CONSTRAINTS: The overall deployment failed because too many individual instances failed.');
    assert.deepEqual(Object.fromEntries(page.facts.map((f) => [f.label, f.value])), {
      Application: 'orders-api', 'Deployment group': 'orders-api-prod', 'Compute platform': 'EC2/On-premises', 'Deployment type': 'in place',
      Configuration: 'OneAtATime', Revision: 's3://b/k.zip (zip, ETag abc)', 'Created by': 'a person (API, CLI or console)',
      Created: '2026-12-07 09:00:00 UTC', Started: '2026-12-07 09:00:01 UTC', Ended: '2026-12-07 09:01:41 UTC', Duration: '1 min 40 sec', Targets: '1 failed, 1 skipped',
    });
    assert.equal(page.running, false);
  });

  it('lists the failed target first with its lifecycle events on the deployment\'s time span, and their links', () => {
    const page = deploymentPage(DEPLOYMENT, TARGETS, OPTIONS);
    assert.deepEqual(page.targets.map((t) => `${t.id} ${t.status.label}`), ['i-1 Failed', 'i-2 Skipped']);
    const [before, after, start] = page.targets[0]!.events;
    assert.deepEqual({ bar: before!.bar, duration: before!.duration, message: before!.message }, { bar: { start: 0, width: 0.2 }, duration: '20 sec', message: undefined });
    assert.deepEqual(after!.bar, { start: 0.5, width: 0.5 });
    assert.deepEqual([before!.started, after!.started], ['+0 ms', '+50 sec'], 'after the deployment\'s start');
    assert.equal(after!.message, 'ScriptFailed · script scripts/<migrate>.sh · Script at specified location: <img src=x onerror=alert(1)> run as user root failed');
    assert.deepEqual(page.links[after!.link!.target], { kind: 'failure', targetId: 'i-1', event: 'AfterInstall' });
    assert.equal(after!.link!.label, 'Open Failure');
    assert.deepEqual(page.links[before!.link!.target], { kind: 'eventLog', targetId: 'i-1', event: 'BeforeInstall' });
    assert.equal(start!.link, undefined);
    assert.equal(start!.bar, undefined, 'a skipped event has no bar');
    assert.deepEqual(page.links[page.consoleLink], { kind: 'console', url: 'https://console/d' });
  });

  it('words revisions of every kind, a running deployment and a waiting blue/green one', () => {
    assert.equal(revisionWords({ type: 'GitHub', label: 'x', gitHub: { repository: 'acme/orders', commitId: '0123456789abcdef' } }), 'GitHub acme/orders at 0123456789ab');
    assert.equal(revisionWords({ type: 'AppSpecContent', label: 'x', sha256: 'f'.repeat(64) }), 'AppSpec content (sha256 ffffffffffff)');
    const running = deploymentPage({ ...DEPLOYMENT, status: 'InProgress', completeTime: undefined, error: undefined }, [], { ...OPTIONS, targetCount: 120 });
    assert.equal(running.running, true);
    assert.deepEqual(running.status, { label: 'In progress', icon: 'sync', spin: true, tone: 'running' });
    assert.equal(running.facts.find((f) => f.label === 'Duration')?.value, '3 min 19 sec so far');
    assert.equal(running.moreTargets, 120);
    const waiting = deploymentPage({ ...DEPLOYMENT, status: 'Ready', waitingFor: 'trafficRerouting', error: undefined }, [], OPTIONS);
    assert.equal(waiting.status.label, 'Waiting to reroute traffic');
    assert.match(waiting.summary ?? '', /Continue Deployment to reroute production traffic/);
    assert.equal(waiting.summaryIsError, false);
  });

  it('renders escaped HTML with codicons and validated link buttons, never inline styles or scripts', () => {
    const page = deploymentPage(DEPLOYMENT, TARGETS, OPTIONS);
    const body = deploymentHtml(page);
    assert.ok(!body.includes('<img'), 'the hostile message is text');
    assert.ok(body.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!/style=|<script/i.test(body));
    assert.match(body, /codicon codicon-error/);
    assert.equal((body.match(new RegExp(`data-action="${OPEN_LINK}"`, 'g')) ?? []).length, page.links.length, 'a button per link');
    assert.match(body, /Open Failure/);
    assert.match(body, /aria-label="Lifecycle events on i-1"/);
  });
});
