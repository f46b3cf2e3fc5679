// The explorer against the emulator over real HTTP: loading, per-node change events, request budgets
// on a simulated clock, and faults (throttling, 5xx, expired credentials, dropped connections, a
// pipeline deleted while shown).
import * as assert from 'node:assert/strict';
import { CodePipelineClient, PutApprovalResultCommand, GetPipelineStateCommand } from '@aws-sdk/client-codepipeline';
import { describeFreshness } from '../../../src/core/explorer';
import { nodeIds } from '../../../src/pipelines/model/keys';
import type { TreeNode } from '../../../src/pipelines/model/tree';
import { createEmulator, type Emulator } from '../../emulator/index';
import { explorerOn, type Harness } from './emulator-harness';

const names = (nodes: TreeNode[]): string[] => nodes.map((n) => (n.kind === 'pipeline' ? n.key.name : n.kind === 'message' ? `!${n.severity}:${n.text}` : n.kind));

describe('pipelines explorer against the emulator', function () {
  this.timeout(60_000);
  let emu: Emulator;
  let h: Harness;

  before(async () => {
    // Frozen simulated time: nothing moves unless a test makes it.
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

  it('lists the account\'s pipelines sorted, and loads stages and actions when a pipeline opens', async () => {
    const roots = await h.explorer.getChildren();
    assert.equal(roots.length, 12);
    assert.deepEqual(names(roots).slice(0, 3), ['analytics-dashboard', 'auth-service', 'data-lake-etl']);
    const orders = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'orders-service-release')!;
    const stages = await h.explorer.getChildren(orders);
    assert.deepEqual(stages.map((s) => (s.kind === 'stage' ? s.stage : s.kind)), ['Source', 'Build', 'Staging', 'Approval', 'Production', 'executions']);
    const approval = await h.explorer.getChildren(stages[3]);
    const p = h.explorer.present(approval[0]!);
    assert.equal(p.contextValue, 'action:approval:link');
    assert.match(p.description ?? '', /^Manual · Waiting for approval/);
    const billing = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'legacy-billing')!;
    const deploy = (await h.explorer.getChildren(billing)).find((s) => s.kind === 'stage' && s.stage === 'Deploy')!;
    assert.match(h.explorer.present(deploy).description ?? '', /^Transition disabled/);
  });

  it('puts what needs attention first and refreshes the list when a row moves', async () => {
    h.dispose();
    h = explorerOn(emu, { order: 'attention' });
    const roots = await h.explorer.getChildren();
    assert.equal(names(roots)[0], 'analytics-dashboard', 'nothing known yet: alphabetical');
    for (const name of ['orders-service-release', 'legacy-billing']) {
      await h.explorer.getChildren(roots.find((n) => n.kind === 'pipeline' && n.key.name === name));
    }
    h.explorer.setWindowFocused(true);
    h.explorer.setViewVisible(true);
    h.changes.length = 0;
    await h.advance(0);
    assert.ok(h.changes.some((ids) => ids.includes('')), 'the reordered list re-renders from the root');
    const ordered = names(await h.explorer.getChildren());
    // Failed (infra-networking's push was blocked by its alarm), waiting for approval, held by a
    // disabled transition, running, then the rest; alphabetical within each.
    assert.deepEqual(ordered, ['infra-networking', 'payments-api', 'orders-service-release', 'legacy-billing',
      'ml-feature-store', 'storefront-web', 'analytics-dashboard', 'auth-service', 'data-lake-etl', 'docs-site', 'inventory-sync', 'mobile-backend']);
    const billing = h.explorer.tree.get(nodeIds.pipeline({ target: h.target, name: 'legacy-billing' }))!;
    assert.equal(h.explorer.present(billing).description, 'Blocked: Deploy transition disabled', 'not "In progress · 3 h ago"');
    h.changes.length = 0;
    h.explorer.setOrder('name');
    assert.deepEqual(h.changes, [['']]);
    assert.equal(names(await h.explorer.getChildren())[0], 'analytics-dashboard');
  });

  it('polls statuses of listed pipelines in the background and fires each row once', async () => {
    await h.explorer.getChildren();
    h.explorer.setWindowFocused(true);
    h.explorer.setViewVisible(true);
    h.changes.length = 0;
    await h.advance(0);
    const pipelineEvents = h.changes.flat().filter((id) => id.startsWith('["P"'));
    assert.equal(new Set(pipelineEvents).size, 12);
    assert.equal(pipelineEvents.length, 12, 'one change event per row');
    const payments = h.explorer.tree.get(nodeIds.pipeline({ target: h.target, name: 'payments-api' }))!;
    assert.match(h.explorer.present(payments).description ?? '', /^Failed · /);
    assert.equal(h.explorer.present(payments).icon?.color, 'testing.iconFailed');
    // Nothing changes on the server: the next rounds cost requests but fire no events.
    h.changes.length = 0;
    await h.advance(10 * 60_000);
    assert.deepEqual(h.changes, []);
  });

  it('an approval refreshes only the approval action and its pipeline row', async () => {
    const roots = await h.explorer.getChildren();
    const orders = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'orders-service-release')!;
    await h.explorer.getChildren(orders);
    const key = { target: h.target, name: 'orders-service-release' };
    const client = new CodePipelineClient(emu.clientConfig());
    const state = await client.send(new GetPipelineStateCommand({ name: key.name }));
    const token = state.stageStates?.find((s) => s.stageName === 'Approval')?.actionStates?.[0]?.latestExecution?.token;
    assert.ok(token);
    await client.send(new PutApprovalResultCommand({ pipelineName: key.name, stageName: 'Approval', actionName: 'ProductionSignOff', token, result: { status: 'Approved', summary: 'ok' } }));
    client.destroy();
    h.changes.length = 0;
    await h.explorer.refreshAfterAction(key, ['runtime']);
    const fired = h.changes.flat();
    assert.ok(fired.includes(nodeIds.pipeline(key)), 'the row lost its "waiting for approval"');
    for (const id of fired) assert.ok(id.includes('orders-service-release'), `unrelated node fired: ${id}`);
  });

  it('asks GetPipelineState only for expanded pipelines, never for the whole account', async () => {
    const roots = await h.explorer.getChildren();
    h.explorer.setWindowFocused(true);
    h.explorer.setViewVisible(true);
    const storefront = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'storefront-web')!;
    await h.explorer.getChildren(storefront);
    h.explorer.setExpanded(storefront, true);
    emu.stats.reset();
    await h.advance(10 * 60_000);
    const ops = emu.stats.read().services.codepipeline ?? {};
    // One running, expanded pipeline: polled every 5 s backing off to 30 s ⇒ ~20–40 calls in 10 minutes.
    assert.ok((ops.GetPipelineState ?? 0) >= 15 && (ops.GetPipelineState ?? 0) <= 45, `GetPipelineState ${ops.GetPipelineState}`);
    // Rows of running pipelines back off to 30 s; idle rows refresh every 5 minutes (3 times in 10 minutes).
    const running = roots.filter((n) => n.kind === 'pipeline' && h.explorer.isRunning(n.key)).length;
    assert.ok(running >= 1 && running < 12);
    const budget = (12 - running) * 3 + running * 45;
    assert.ok((ops.ListPipelineExecutions ?? 0) <= budget, `ListPipelineExecutions ${ops.ListPipelineExecutions} > ${budget}`);
    assert.ok((ops.ListPipelineExecutions ?? 0) >= (12 - running) * 2 + running * 15, `ListPipelineExecutions ${ops.ListPipelineExecutions}`);
    assert.equal(ops.ListPipelines, 2);
    // Hidden view and no pins: nothing at all.
    h.explorer.setViewVisible(false);
    emu.stats.reset();
    await h.advance(30 * 60_000);
    assert.equal(emu.stats.read().total, 0);
  });

  it('shows throttling as an error node, backs off, and recovers when it clears', async () => {
    emu.faults.add({ operation: 'ListPipelines', kind: 'throttle' });
    const roots = await h.explorer.getChildren();
    assert.equal(roots.length, 1);
    assert.match(names(roots)[0] ?? '', /^!error:.*throttled/);
    h.explorer.setWindowFocused(true);
    h.explorer.setViewVisible(true);
    emu.stats.reset();
    await h.advance(60_000);
    const throttled = emu.stats.read().operations.ListPipelines ?? 0;
    assert.ok(throttled >= 2 && throttled <= 6, `backs off: ${throttled} calls in a minute`);
    emu.faults.clear();
    await h.advance(5 * 60_000);
    assert.equal(h.explorer.tree.roots().length, 12, 'recovered by itself');
  });

  it('reports 5xx and dropped connections, and keeps the last good data under the error', async () => {
    await h.explorer.getChildren();
    emu.faults.add({ operation: 'ListPipelines', kind: 'error', status: 500, errorType: 'InternalFailure', message: 'boom' });
    await h.explorer.refresh();
    let roots = h.explorer.tree.roots();
    assert.match(names(roots)[0] ?? '', /^!error:CodePipeline had an internal error \(HTTP 500\)/);
    assert.equal(roots.length, 13, 'the last list stays');
    emu.faults.clear();
    emu.faults.add({ operation: 'ListPipelines', kind: 'drop' });
    await h.explorer.refresh();
    roots = h.explorer.tree.roots();
    assert.match(names(roots)[0] ?? '', /^!error:Could not reach CodePipeline/);
    emu.faults.clear();
    await h.explorer.refresh();
    assert.equal(h.explorer.tree.roots().length, 12);
  });

  it('says when the credentials expired', async () => {
    h.dispose();
    h = explorerOn(emu, { account: 'expired' });
    const roots = await h.explorer.getChildren();
    assert.match(names(roots)[0] ?? '', /^!error:The credentials of profile .* have expired/);
  });

  it('marks a pipeline deleted while shown, then drops it from the list', async () => {
    const roots = await h.explorer.getChildren();
    const docs = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'docs-site')!;
    await h.explorer.getChildren(docs);
    const region = emu.state.codepipeline.region(emu.accounts.main.accountId, 'us-east-1');
    region.pipelines.delete('docs-site');
    region.sortedNames.splice(region.sortedNames.indexOf('docs-site'), 1);
    h.changes.length = 0;
    await h.explorer.refresh(docs);
    assert.ok(h.changes.flat().includes(docs.id));
    await new Promise((r) => setTimeout(r, 200));
    await h.explorer.loadList(h.target);
    assert.ok(!names(h.explorer.tree.roots()).includes('docs-site'));
  });

  it('pages executions with "Load more"', async () => {
    const roots = await h.explorer.getChildren();
    const web = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'storefront-web')!;
    const children = await h.explorer.getChildren(web);
    const executions = children.find((c) => c.kind === 'executions')!;
    const first = await h.explorer.getChildren(executions);
    assert.equal(first.length, 21);
    assert.equal(first[20]?.kind, 'moreExecutions');
    await h.explorer.loadMore(first[20]);
    const more = h.explorer.tree.children(executions);
    assert.ok(more.length > 21);
    const ids = more.filter((n) => n.kind === 'execution').map((n) => (n.kind === 'execution' ? n.executionId : ''));
    assert.equal(new Set(ids).size, ids.length, 'no execution twice');
  });

  // The one loading, error and stale state of the generic explorer (src/core/explorer.ts).
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
