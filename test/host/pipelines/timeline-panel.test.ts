// The execution timeline webview in a real host: one panel per execution (reused on a second open), its
// content read from the emulator, live updates from the explorer's own loads while the run goes on (simulated
// time), the pipeline polled as tracked only while a panel shows it running, and a clean close.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { silentLogger } from '../../../src/core/log';
import { createPipelineApi } from '../../../src/pipelines/model/api';
import { parseTargetKey, targetKey } from '../../../src/pipelines/model/keys';
import { TimelinePanels, TIMELINE_VIEW_TYPE } from '../../../src/pipelines/editor/timeline-panel';
import { admin, DEMO, emulatorUrl, eventually, releaseEmulator, rig, type Rig } from './helpers';

const T = targetKey(DEMO);

describe('Execution timeline panel (emulator)', function () {
  this.timeout(120_000);
  let r: Rig;
  let panels: TimelinePanels;
  const executed: { command: string; args: unknown[] }[] = [];

  before(async function () {
    if (!emulatorUrl()) this.skip();
    await admin('POST', 'reset');
  });
  beforeEach(async () => {
    r = await rig();
    await r.explorer.getChildren();
    panels = new TimelinePanels({
      explorer: r.explorer, apiFor: (t) => createPipelineApi(r.aws.client('codepipeline', parseTargetKey(t))), refOf: parseTargetKey,
      ui: r.ui, log: silentLogger, extensionUri: vscode.extensions.getExtension('conveyor-dev.conveyor')!.extensionUri,
      executeCommand: async (command, ...args) => { executed.push({ command, args }); return undefined; },
    });
  });
  afterEach(async () => {
    panels.dispose();
    r.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
  });

  it('opens one panel per execution with its stages, and reveals it on a second open', async () => {
    const key = { target: T, name: 'payments-api' };
    const latest = (await r.explorer.loadRecent(key), r.explorer.store.pipeline(key)?.recent?.[0]);
    assert.ok(latest);
    await panels.show(key, latest.id);
    const [shown] = panels.openPanels;
    assert.ok(shown?.panel && shown.view, 'a panel with content');
    assert.equal(shown.panel.viewType, TIMELINE_VIEW_TYPE);
    assert.equal(shown.panel.title, `payments-api · ${latest.id.slice(0, 8)}`);
    assert.match(shown.panel.webview.html, /Content-Security-Policy[^>]+script-src &#39;nonce-/);
    assert.match(shown.panel.webview.html, /codicons\/codicon\.css/);
    const build = shown.view.stages.find((s) => s.name === 'Build');
    assert.equal(build?.status.label, 'Failed');
    assert.ok(build?.actions.some((a) => a.primary !== undefined && shown.view!.targets[a.primary]?.kind === 'buildLogs'), 'a failed CodeBuild action links its log');
    await vscode.commands.executeCommand('workbench.action.closeOtherEditors');
    await panels.show(key, latest.id);
    assert.equal(panels.openPanels.length, 1);
    assert.equal(panels.openPanels[0]!.panel, shown.panel, 'the same panel');
    assert.ok(shown.panel.active, 'revealed');
  });

  it('updates while the execution runs, from the explorer\'s loads, and stops following once closed', async () => {
    const key = { target: T, name: 'mobile-backend' };
    const id = await r.commands.start({ ...DEMO, pipelineName: 'mobile-backend', variables: [] });
    assert.ok(id, JSON.stringify(r.ui.calls));
    await panels.show(key, id);
    const first = panels.openPanels[0]!.view!;
    assert.equal(first.running, true);
    assert.ok(r.explorer.interest().tracked.some((k) => k.name === 'mobile-backend'), 'polled while shown running');
    const updates: string[] = [];
    const sub = panels.onDidUpdate((e) => updates.push(e.view.status.label));
    try {
      await admin('POST', 'clock/advance', { ms: 60 * 60_000 });
      // The explorer's own load (as its polling does) is what the panel listens to.
      await eventually('the panel to show the finished run', async () => {
        await r.explorer.loadRecent(key);
        return panels.openPanels[0]?.view?.running === false;
      }, 60_000);
    } finally {
      sub.dispose();
    }
    assert.ok(updates.length > 0);
    assert.match(panels.openPanels[0]!.panel!.title, /^mobile-backend · /);
    assert.ok(!r.explorer.interest().tracked.some((k) => k.name === 'mobile-backend'), 'no longer polled once finished');
    panels.openPanels[0]!.panel!.dispose();
    await eventually('the panel to be gone', () => panels.openPanels.length === 0);
  });
});
