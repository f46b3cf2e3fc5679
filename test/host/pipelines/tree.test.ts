// The Pipelines tree provider inside a real extension host, against the emulator's demo account.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PipelinesTreeProvider } from '../../../src/pipelines/editor/tree-provider';
import { nodeIds, targetKey } from '../../../src/pipelines/model/keys';
import type { TreeNode } from '../../../src/pipelines/model/tree';
import { admin, releaseEmulator, DEMO, emulatorUrl, PROD, rig, type Rig } from './helpers';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

describe('Pipelines tree provider (emulator)', function () {
  this.timeout(60_000);
  let r: Rig;
  let provider: PipelinesTreeProvider;

  before(function () {
    if (!emulatorUrl()) this.skip();
  });
  beforeEach(async () => {
    r = await rig();
    provider = new PipelinesTreeProvider(r.explorer);
  });
  afterEach(() => {
    provider.dispose();
    r.dispose();
  });
  after(async () => {
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
  });

  it('shows the demo pipelines with status icons, "Failed · … ago" descriptions and markdown tooltips', async () => {
    const roots = await provider.getChildren();
    assert.equal(roots.length, 12);
    const payments = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'payments-api')!;
    await r.explorer.loadRecent((payments as Extract<TreeNode, { kind: 'pipeline' }>).key);
    const item = provider.getTreeItem(payments);
    assert.equal(label(item), 'payments-api');
    // Other suites move the emulator clock ahead of the host clock, so "just now" is possible too.
    assert.match(String(item.description), /^Failed · (just now|\d+ (minutes?|hours?) ago)$/);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.equal(item.iconPath.id, 'error');
    assert.equal((item.iconPath.color)?.id, 'testing.iconFailed');
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
    assert.match(item.tooltip.value, /Trigger: Source change event \(EventBridge\)/);
    assert.match(item.tooltip.value, /Reject refunds larger than the captured amount/);
    assert.equal(item.contextValue, 'pipeline:unpinned:unwatched');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });

  it('expands a pipeline into stages, actions with provider icons, and an Executions node', async () => {
    const roots = await provider.getChildren();
    const orders = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'orders-service-release')!;
    const stages = await provider.getChildren(orders);
    assert.deepEqual(stages.map((s) => label(provider.getTreeItem(s))), ['Source', 'Build', 'Staging', 'Approval', 'Production', 'Executions']);
    const approval = stages[3]!;
    const actions = await provider.getChildren(approval);
    const signOff = provider.getTreeItem(actions[0]!);
    assert.equal(signOff.contextValue, 'action:approval:link');
    assert.equal((signOff.iconPath as vscode.ThemeIcon).id, 'person');
    const build = (await provider.getChildren(stages[1]))[0]!;
    const buildItem = provider.getTreeItem(build);
    assert.match(String(buildItem.contextValue), /^action:codebuild/);
    assert.equal((buildItem.iconPath as vscode.ThemeIcon).id, 'tools');
    assert.match(String(buildItem.description), /^CodeBuild · Succeeded/);
    assert.equal(provider.getParent(build), stages[1]);
  });

  it('shows a disabled inbound transition on its stage', async () => {
    const roots = await provider.getChildren();
    const billing = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'legacy-billing')!;
    const deploy = (await provider.getChildren(billing)).find((s) => s.kind === 'stage' && s.stage === 'Deploy')!;
    const item = provider.getTreeItem(deploy);
    assert.match(String(item.description), /^Transition disabled/);
    assert.match(String(item.contextValue), /transitionDisabled/);
    assert.match((item.tooltip as vscode.MarkdownString).value, /Inbound transition disabled/);
  });

  it('fires change events only for the nodes whose data changed', async () => {
    const roots = await provider.getChildren();
    for (const n of roots) if (n.kind === 'pipeline') await r.explorer.loadRecent(n.key);
    const storefront = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'storefront-web')!;
    await provider.getChildren(storefront);
    provider.fired.length = 0;
    // Reloading identical data fires nothing.
    for (const n of roots) if (n.kind === 'pipeline' && n.key.name !== 'storefront-web') await r.explorer.loadRecent(n.key);
    assert.deepEqual(provider.fired, []);
    // Disable a transition elsewhere, then refresh that pipeline: only its stage changes.
    const key = { target: targetKey(DEMO), name: 'docs-site' };
    const docs = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'docs-site')!;
    await provider.getChildren(docs);
    provider.fired.length = 0;
    // Declining the confirmation changes nothing, so nothing fires.
    r.ui.answer(false);
    assert.equal(await r.commands.setTransition({ ...DEMO, pipelineName: 'docs-site', stageName: 'Deploy', reason: 'Host test freeze' }, false), false);
    assert.deepEqual(provider.fired, []);
    r.ui.answer(true);
    assert.equal(await r.commands.setTransition({ ...DEMO, pipelineName: 'docs-site', stageName: 'Deploy', reason: 'Host test freeze' }, false), true);
    assert.deepEqual(provider.fired.flat(), [nodeIds.stage(key, 'Deploy')]);
    assert.equal(await r.commands.setTransition({ ...DEMO, pipelineName: 'docs-site', stageName: 'Deploy' }, true), true);
  });

  it('puts account/region roots side by side when several are configured', async () => {
    r.explorer.setTargets([DEMO, { ...PROD, label: 'Production' }]);
    const roots = await provider.getChildren();
    assert.deepEqual(roots.map((n) => label(provider.getTreeItem(n))), ['conveyor-demo', 'Production']);
    assert.equal(provider.getTreeItem(roots[1]!).contextValue, 'account');
    const prod = await provider.getChildren(roots[1]);
    assert.equal(prod.length, 2);
    assert.ok(prod.every((n) => n.kind === 'pipeline' && n.key.target === targetKey(PROD)));
    assert.match(String(provider.getTreeItem(roots[1]!).description), /eu-west-1 · 2 pipelines/);
  });

  it('filters by name and pages executions', async () => {
    await provider.getChildren();
    r.explorer.setFilter('pay');
    const filtered = await provider.getChildren();
    assert.deepEqual(filtered.map((n) => label(provider.getTreeItem(n))), ['payments-api']);
    r.explorer.setFilter('');
    const storefront = (await provider.getChildren()).find((n) => n.kind === 'pipeline' && n.key.name === 'storefront-web')!;
    const executions = (await provider.getChildren(storefront)).find((n) => n.kind === 'executions')!;
    const page = await provider.getChildren(executions);
    const more = page[page.length - 1]!;
    const moreItem = provider.getTreeItem(more);
    assert.equal(label(moreItem), 'Load more…');
    assert.equal(moreItem.command?.command, 'conveyor.pipelines.loadMore');
    await r.commands.loadMore(more);
    assert.ok((await provider.getChildren(executions)).length > page.length);
    const first = provider.getTreeItem(page[0]!);
    assert.equal(first.command?.command, 'conveyor.pipelines.showExecution');
    assert.match(String(first.contextValue), /^execution:/);
  });
});
