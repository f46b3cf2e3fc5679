// The one error, loading and freshness state of the polling explorers (the generic PollingExplorer),
// on the Pipelines explorer against the emulator over real HTTP, with simulated time and injected faults.
import * as assert from 'node:assert/strict';
import { describeFreshness } from '../../../src/core/explorer';
import type { TreeNode } from '../../../src/pipelines/model/tree';
import { createEmulator, type Emulator } from '../../emulator/index';
import { explorerOn, type Harness } from './emulator-harness';

describe('pipelines explorer: loading, error and stale states', function () {
  this.timeout(60_000);
  let emu: Emulator;
  let h: Harness;

  before(async () => {
    emu = await createEmulator({ seed: { dataset: 'demo' }, speed: 0 });
  });
  after(async () => {
    await emu.close();
  });
  beforeEach(() => {
    emu.reset();
    h = explorerOn(emu);
  });
  afterEach(() => h.dispose());

  it('is busy while the view waits for its rows, and says when it was updated', async () => {
    const busy: boolean[] = [];
    h.explorer.onDidChangeBusy((b) => busy.push(b));
    assert.equal(describeFreshness(h.explorer.freshness(), h.clock.now(), true).description, undefined, 'nothing loaded yet');
    const pending = h.explorer.getChildren();
    assert.equal(h.explorer.busy, true);
    await pending;
    assert.deepEqual(busy, [true, false]);
    assert.equal(h.explorer.busy, false);
    await h.advance(12_000);
    assert.equal(describeFreshness(h.explorer.freshness(), h.clock.now(), true).description, 'updated 12 s ago');
    assert.equal(describeFreshness(h.explorer.freshness(), h.clock.now(), false).description, 'updated 12 s ago · auto-refresh off');
  });

  it('a refresh that fails keeps the rows, says they are stale and keeps the error reachable', async () => {
    const before = await h.explorer.getChildren();
    assert.equal(before.length, 12);
    await h.advance(3 * 60_000);
    emu.faults.add({ operation: 'ListPipelines', kind: 'error', status: 500, errorType: 'InternalFailure', message: 'boom' });
    let freshnessEvents = 0;
    h.explorer.onDidChangeFreshness(() => freshnessEvents++);
    await h.explorer.refresh();
    const after = await h.explorer.getChildren();
    assert.equal(after.length, 13, 'the error row, then the 12 pipelines still shown');
    const error = after[0] as Extract<TreeNode, { kind: 'message' }>;
    const row = h.explorer.present(error);
    assert.equal(row.label, 'Couldn’t list pipelines');
    assert.match(row.description ?? '', /internal error \(HTTP 500\) during ListPipelines/);
    assert.match(row.tooltip ?? '', /Showing the last list Conveyor loaded/);
    assert.equal(row.command?.id, 'conveyor.aws.showErrorDetails');
    const details = row.command?.args?.[0] as { title: string; message: string; retry?: { command: string; args: unknown[] } };
    assert.equal(details.title, 'Couldn’t list pipelines');
    assert.deepEqual(details.retry, { command: 'conveyor.pipelines.refresh', args: [error] });
    assert.ok(freshnessEvents >= 1);
    const fresh = describeFreshness(h.explorer.freshness(), h.clock.now(), true);
    assert.equal(fresh.stale, true);
    assert.equal(fresh.description, 'stale · updated 3 minutes ago');
    assert.match(fresh.message ?? '', /^Refresh failed; showing the last data loaded\. .*HTTP 500/);

    emu.faults.clear();
    await h.explorer.refresh();
    const recovered = describeFreshness(h.explorer.freshness(), h.clock.now(), true);
    assert.equal(recovered.stale, false);
    assert.equal(recovered.description, 'updated 0 s ago');
    assert.equal((await h.explorer.getChildren()).length, 12);
  });

  it('an expired session is an error row whose details offer signing in again', async () => {
    h.dispose();
    h = explorerOn(emu, { account: 'expired' });
    const roots = await h.explorer.getChildren();
    assert.equal(roots.length, 1);
    const row = h.explorer.present(roots[0]!);
    assert.equal(row.label, 'Couldn’t list pipelines');
    assert.match(row.contextValue, /^message:retry:/);
    const fresh = describeFreshness(h.explorer.freshness(), h.clock.now(), true);
    assert.equal(fresh.stale, false, 'nothing was shown before: an error, not stale data');
  });
});
