// The extension's own CodeBuild feature in a real extension host: the view's projects and builds, the
// build details document, the CodeLens on the workspace's buildspec, and reports in the Testing view.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CodeBuildFeature } from '../../../src/codebuild/editor/codebuild-feature';
import { TEST_CONTROLLER_ID } from '../../../src/codebuild/editor/test-results';
import { extensionFeature, loadedFeatures } from '../foundation/helpers';
import { admin, emulatorUrl, releaseEmulator, useEmulator, DEMO } from '../pipelines/helpers';
import { revertDocument } from '../editors';
import { eventuallyValue } from '../waits';
import { key, T } from './helpers';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

describe('CodeBuild view in the extension (emulator)', function () {
  this.timeout(120_000);
  let f: CodeBuildFeature;

  before(async function () {
    if (!emulatorUrl()) this.skip();
    await admin('POST', 'reset');
    await useEmulator();
    f = (await extensionFeature<{ codebuild: CodeBuildFeature }>('codebuild')).codebuild;
    await f.explorer.refresh();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
  });

  it('loads as a feature of its own and lists the demo projects with their last builds', async () => {
    assert.ok((await loadedFeatures()).includes('codebuild'));
    const roots = await f.provider.getChildren();
    const names = roots.map((n) => label(f.provider.getTreeItem(n)));
    for (const name of ['orders-api-unit-tests', 'storefront-web-e2e', 'sdk-compat-matrix', 'nightly-db-backup']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    const orders = roots.find((n) => n.kind === 'project' && n.key.name === 'orders-api-unit-tests');
    assert.ok(orders);
    const item = await eventuallyValue('the last build of orders-api-unit-tests', () => f.provider.getTreeItem(orders), (i) => /ago/.test(String(i.description)));
    assert.match(String(item.description), /^Failed · .* ago$/);
    assert.equal(item.contextValue, 'project');
    const children = await f.provider.getChildren(orders);
    const builds = children.filter((n) => n.kind === 'build');
    assert.equal(builds.length, 10, 'a page of builds');
    assert.match(label(f.provider.getTreeItem(builds[0]!)), /^#\d+$/);
    assert.ok(children.some((n) => n.kind === 'reports'), 'the project writes reports');
  });

  it('shows a batch build as a graph of its groups', async () => {
    const roots = await f.provider.getChildren();
    const e2e = roots.find((n) => n.kind === 'project' && n.key.name === 'storefront-web-e2e')!;
    const batches = (await f.provider.getChildren(e2e)).find((n) => n.kind === 'batches');
    assert.ok(batches, 'a Batch builds node');
    const [latest] = await f.provider.getChildren(batches);
    assert.ok(latest?.kind === 'batch');
    assert.match(String(f.provider.getTreeItem(latest).description), /Failed · .*build graph · failed: e2e_chrome/);
    const groups = await f.provider.getChildren(latest);
    // CodeBuild runs a batch's source download as a build of its own, first.
    assert.deepEqual(groups.map((g) => label(f.provider.getTreeItem(g))), ['DOWNLOAD_SOURCE', 'lint', 'unit_tests', 'build', 'e2e_chrome', 'e2e_firefox']);
    assert.match(String(f.provider.getTreeItem(groups[4]!).description), /^Failed · .*after build/);
  });

  it('Show Build opens the build rendered (Markdown preview) with phases, durations and the source version', async () => {
    const [latest] = f.explorer.tree.shownBuildIds(key('orders-api-unit-tests'));
    assert.ok(latest);
    await vscode.commands.executeCommand('conveyor.codebuild.showBuild', { ...DEMO, buildId: latest });
    // Rendered, not the Markdown source: the active tab is the Markdown preview's webview.
    const tab = await eventuallyValue('the Markdown preview of the build', () => vscode.window.tabGroups.activeTabGroup.activeTab,
      (t) => t?.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview'));
    assert.match(tab?.label ?? '', /orders-api-unit-tests/);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'conveyor-build'), 'no editor shows the Markdown source');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'conveyor-build');
    const text = doc?.getText() ?? '';
    assert.match(text, /^# orders-api-unit-tests #\d+/);
    assert.match(text, /\*\*Source version:\*\*/);
    assert.match(text, /## Phases/);
    assert.match(text, /\| .* \| Build \| .* \|/);
  });

  it('puts the project, its last build and Start build above the workspace buildspec', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, 'buildspec.yml');
    await vscode.window.showTextDocument(uri);
    const titles = await eventuallyValue('the CodeLens', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return (lenses ?? []).map((l) => l.command?.title ?? '');
    }, (t) => t.some((x) => /CodeBuild orders-api-unit-tests: .* ago/.test(x)));
    assert.ok(titles.includes('$(play) Start build'));
    assert.ok(titles.includes('$(play) Start build with this file'));
    assert.ok(f.explorer.interest().followed.some((k) => k.name === 'orders-api-unit-tests'), 'the project stays current while the file is open');
  });

  it('a build started from the CodeLens with the local file says so in its row', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!;
    const uri = vscode.Uri.joinPath(folder.uri, 'buildspec.yml');
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '# tried locally\n'));
    try {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      const withFile = (lenses ?? []).find((l) => l.command?.title === '$(play) Start build with this file')?.command;
      assert.ok(withFile);
      const id = await vscode.commands.executeCommand<string>(withFile.command, ...((withFile.arguments ?? []) as unknown[]));
      assert.ok(id, 'a build started');
      const build = await f.explorer.build(T, id);
      assert.match(build?.buildspec ?? '', /# tried locally\n$/, 'the unsaved text ran');
      const row = f.explorer.present({ kind: 'build', id: '', key: key('orders-api-unit-tests'), buildId: id });
      assert.match(row.description ?? '', /local buildspec/);
    } finally {
      await revertDocument(editor.document.uri);
    }
  });

  it('shows the latest pytest report in the Testing view: outcomes, failures linked to workspace files', async () => {
    const groups = await f.apiFor(T).listReportGroupArns();
    const infos = await f.apiFor(T).getReportGroups(groups);
    const tests = infos.find((g) => g.name === 'orders-api-unit-tests-pytest_reports');
    assert.ok(tests);
    const [latest] = (await f.apiFor(T).listReportArns(tests.arn, 1)).items;
    assert.ok(latest);
    const shown = await f.tests.show(T, latest);
    assert.deepEqual(shown?.counts, { passed: 25, failed: 2, errored: 1, skipped: 2 });
    assert.match(shown?.runName ?? '', /^orders-api-unit-tests #\d+ · orders-api-unit-tests-pytest_reports$/);
    const root = f.tests.controller.items.get('orders-api-unit-tests-pytest_reports');
    assert.ok(root, 'a root item per report group');
    const charge = f.tests.outcomes.get('orders-api-unit-tests-pytest_reports/tests.test_service.TestPlaceOrder/test_zero_total_orders_skip_payment');
    assert.deepEqual(charge, { outcome: 'failed', frames: 2, location: 'app/payments/client.py:21' });
    assert.equal(f.tests.controller.id, TEST_CONTROLLER_ID);
  });

  it('shows the coverage report per workspace file', async function () {
    if (typeof vscode.FileCoverage !== 'function') this.skip();
    const infos = await f.apiFor(T).getReportGroups(await f.apiFor(T).listReportGroupArns());
    const cov = infos.find((g) => g.type === 'CODE_COVERAGE' && g.name.startsWith('orders-api-unit-tests'));
    assert.ok(cov);
    const [latest] = (await f.apiFor(T).listReportArns(cov.arn, 1)).items;
    const shown = await f.tests.show(T, latest!);
    assert.equal(shown?.kind, 'coverage');
    assert.ok((shown?.files?.shown ?? 0) >= 5, `files in the workspace: ${JSON.stringify(shown?.files)}`);
  });
});
