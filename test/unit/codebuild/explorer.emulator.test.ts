// The CodeBuild explorer against the emulator over real HTTP: projects with their last builds, builds
// with phases, artifacts and reports, batch builds as graph and matrix, polling on a simulated clock,
// actions, and faults (throttling, 5xx, expired credentials, denied ListBuilds).
import * as assert from 'node:assert/strict';
import { createCodeBuildApi } from '../../../src/codebuild/model/api';
import { nodeIds } from '../../../src/codebuild/model/keys';
import type { TreeNode } from '../../../src/codebuild/model/tree';
import { createEmulator, type Emulator } from '../../emulator/index';
import { explorerOn, type Harness } from './emulator-harness';

const label = (h: Harness, n: TreeNode): string => h.explorer.present(n).label;
const describe_ = (h: Harness, n: TreeNode): string => h.explorer.present(n).description ?? '';

describe('CodeBuild explorer against the emulator', function () {
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

  async function project(name: string): Promise<TreeNode> {
    const roots = await h.explorer.getChildren();
    const node = roots.find((n) => n.kind === 'project' && n.key.name === name);
    assert.ok(node, `${name} is listed`);
    return node;
  }

  it('lists the projects with their definitions, then every row\'s last build in the background', async () => {
    const roots = await h.explorer.getChildren();
    assert.equal(roots.length, 18);
    assert.deepEqual(roots.slice(0, 3).map((n) => label(h, n)), ['analytics-dashboard-build', 'auth-service-build', 'billing-legacy-build']);
    const orders = roots.find((n) => n.kind === 'project' && n.key.name === 'orders-api-unit-tests')!;
    assert.match(h.explorer.present(orders).tooltip ?? '', /Source: GITHUB `https:\/\/github\.com\/acme-retail\/orders-api\.git` @ `refs\/heads\/main` · buildspec `buildspec\.yml`/);
    assert.match(h.explorer.present(orders).tooltip ?? '', /Webhook: PUSH · HEAD\\_REF=\^refs\/heads\/main\$ \*\*or\*\*/);
    const runner = roots.find((n) => n.kind === 'project' && n.key.name === 'gha-runner-linux')!;
    assert.match(h.explorer.present(runner).tooltip ?? '', /BUILD\\_GENERAL1\\_LARGE · fleet `linux-large`/);
    h.explorer.setWindowFocused(true);
    h.explorer.setViewVisible(true);
    await h.advance(0);
    for (const n of roots) assert.notEqual(describe_(h, n), '', `${label(h, n)} shows its last build`);
    assert.match(describe_(h, orders), /^Failed · /);
    assert.equal(h.explorer.present(orders).icon?.color, 'testing.iconFailed');
    const running = roots.find((n) => n.kind === 'project' && n.key.name === 'payments-api-integration')!;
    assert.match(describe_(h, running), /^In progress · /);
    assert.match(h.explorer.present(running).contextValue, /:running/);
    const e2e = roots.find((n) => n.kind === 'project' && n.key.name === 'storefront-web-e2e')!;
    assert.match(describe_(h, e2e), /^Batch failed · /, 'a batch member\'s project shows its batch');
  });

  it('a project opens into its builds with phases, artifacts and reports', async () => {
    const orders = await project('orders-api-unit-tests');
    const children = await h.explorer.getChildren(orders);
    assert.deepEqual(children.map((c) => c.kind), ['reports', ...Array<string>(10).fill('build')]);
    const latest = children[1]!;
    assert.equal(label(h, latest), '#10');
    assert.match(describe_(h, latest), /^Failed · .* · 1 min 11 sec · f7c05b2 · by GitHub-Hookshot\/8f2c1a4$/);
    assert.match(h.explorer.present(latest).tooltip ?? '', /Build failed: COMMAND\\_EXECUTION\\_ERROR: Error while executing command: python -m pytest/);
    assert.equal(h.explorer.present(latest).command?.id, 'conveyor.codebuild.showBuild');
    const parts = await h.explorer.getChildren(latest);
    assert.deepEqual(parts.filter((p) => p.kind === 'phase').map((p) => label(h, p)).slice(0, 7),
      ['Submitted', 'Queued', 'Provisioning', 'Download source', 'Install', 'Pre build', 'Build']);
    const build = parts.find((p) => p.kind === 'phase' && p.phase === 'BUILD')!;
    assert.match(describe_(h, build), /^Failed · 18 sec · COMMAND_EXECUTION_ERROR: /);
    const reports = parts.filter((p) => p.kind === 'buildReport');
    assert.deepEqual(reports.map((r) => `${label(h, r)} = ${describe_(h, r)}`), [
      'orders-api-unit-tests-pytest_reports = 25 passed, 2 failed, 1 error, 2 skipped',
      'orders-api-unit-tests-coverage = 81.4% lines · 81.8% branches',
    ]);
    const groups = await h.explorer.getChildren(children[0]);
    assert.deepEqual(groups.map((g) => `${label(h, g)} ${describe_(h, g)}`), ['orders-api-unit-tests-coverage Coverage', 'orders-api-unit-tests-pytest_reports Tests']);
    const recent = await h.explorer.getChildren(groups[1]);
    assert.equal(recent.length, 5);
    assert.match(label(h, recent[0]!), /^#10$/);
  });

  it('pages builds with "Load more"', async () => {
    const orders = await project('orders-api-unit-tests');
    const before = await h.explorer.getChildren(orders);
    assert.ok(!before.some((c) => c.kind === 'moreBuilds'), 'ten builds fit one page');
    const many = await project('storefront-web-e2e');
    const rows = await h.explorer.getChildren(many);
    const more = rows.find((c) => c.kind === 'moreBuilds');
    assert.ok(more, 'the batch project has more builds than a page');
    await h.explorer.loadMore(more);
    const after = await h.explorer.getChildren(many);
    assert.ok(after.filter((c) => c.kind === 'build').length > rows.filter((c) => c.kind === 'build').length);
  });

  it('shows a batch build graph and a build matrix', async () => {
    const e2e = await project('storefront-web-e2e');
    const folder = (await h.explorer.getChildren(e2e)).find((c) => c.kind === 'batches')!;
    const batches = await h.explorer.getChildren(folder);
    assert.equal(batches.length, 2);
    assert.equal(label(h, batches[0]!), 'Batch #2');
    assert.match(describe_(h, batches[0]!), /^Failed · .* · build graph · failed: e2e_chrome$/);
    const groups = await h.explorer.getChildren(batches[0]);
    assert.deepEqual(groups.map((g) => `${label(h, g)}: ${describe_(h, g).replace(/ · \d+ (min|sec).*?(?= ·|$)/, '')}`), [
      'DOWNLOAD_SOURCE: Succeeded',
      'lint: Succeeded',
      'unit_tests: Succeeded · after lint',
      'build: Succeeded · after lint',
      'e2e_chrome: Failed · after build',
      'e2e_firefox: Succeeded · after build · failure ignored',
    ]);
    const matrix = await project('sdk-compat-matrix');
    const mFolder = (await h.explorer.getChildren(matrix)).find((c) => c.kind === 'batches')!;
    const [mBatch] = await h.explorer.getChildren(mFolder);
    assert.match(describe_(h, mBatch!), /build matrix/);
    const cells = (await h.explorer.getChildren(mBatch)).filter((g) => g.kind === 'group' && g.identifier !== 'DOWNLOAD_SOURCE');
    assert.equal(cells.length, 6);
    const labels = cells.map((c) => describe_(h, c));
    assert.ok(labels.every((l) => /NODE_VERSION=\d+/.test(l) && /aws\/codebuild\//.test(l)), labels.join('\n'));
    assert.equal(new Set(labels.map((l) => l.replace(/^.*? · .*? · /, ''))).size, 6, 'each cell differs');
  });

  it('polls one ListBuilds a minute while idle, and only the running build while it runs', async () => {
    await h.explorer.getChildren();
    h.explorer.setWindowFocused(true);
    h.explorer.setViewVisible(true);
    await h.advance(60_000);
    emu.stats.reset();
    await h.advance(10 * 60_000);
    const ops = emu.stats.read().operations;
    assert.equal(ops.ListBuilds, 10, JSON.stringify(ops));
    assert.ok((ops.BatchGetBuilds ?? 0) <= 10 * 2 + 20, `running build polled with backoff: ${JSON.stringify(ops)}`);
    assert.equal(ops.ListBuildsForProject ?? 0, 0, 'last builds are known: no per-project calls');
    assert.equal(ops.ListProjects, 2, 'the list refreshes every five minutes');
    const total = emu.stats.read().total;
    assert.ok(total / 10 < 20, `${total / 10} requests a minute`);
  });

  it('a build that finishes updates its project row, and one that starts shows up', async () => {
    const roots = await h.explorer.getChildren();
    h.explorer.setWindowFocused(true);
    h.explorer.setViewVisible(true);
    await h.advance(0);
    const running = roots.find((n) => n.kind === 'project' && n.key.name === 'payments-api-integration')!;
    assert.match(describe_(h, running), /^In progress/);
    emu.clock.advance(30 * 60_000);
    await h.advance(60_000);
    assert.match(describe_(h, running), /^(Succeeded|Failed) · /);
    const api = createCodeBuildApi(h.client);
    const started = await api.startBuild('nightly-db-backup', {});
    assert.ok(started);
    h.changes.length = 0;
    await h.advance(60_000);
    const nightly = roots.find((n) => n.kind === 'project' && n.key.name === 'nightly-db-backup')!;
    assert.match(describe_(h, nightly), /^In progress/);
    assert.ok(h.changes.flat().includes(nodeIds.project(nightly.kind === 'project' ? nightly.key : { target: '', name: '' })));
  });

  it('a new build of a project off screen is read only when the project is shown', async () => {
    h.dispose();
    h = explorerOn(emu, { pageSize: 5 });
    await h.explorer.getChildren();
    h.explorer.setWindowFocused(true);
    h.explorer.setViewVisible(true);
    await h.advance(60_000);
    const key = { target: h.target, name: 'sdk-compat-matrix' };
    h.explorer.setFilter('sdk-compat');
    await h.explorer.getChildren();
    await h.advance(60_000);
    const old = h.explorer.store.project(key)?.lastBuildId;
    assert.ok(old && h.explorer.store.project(key)?.lastBuildKnown, 'its last build was read while shown');
    h.explorer.setFilter('');
    await h.explorer.getChildren();
    assert.ok(!h.explorer.tree.displayedProjects().some((k) => k.name === key.name), 'off screen now');
    emu.stats.reset();
    const started = await createCodeBuildApi(h.client).startBuild(key.name, {});
    await h.advance(60_000);
    assert.equal(emu.stats.read().operations.BatchGetBuilds ?? 0, 0, 'the new build is not read while its project is off screen');
    assert.equal(h.explorer.store.project(key)?.lastBuildKnown, false, 'but its last build is no longer taken as known');
    h.explorer.setFilter('sdk-compat');
    const [row] = await h.explorer.getChildren();
    await h.advance(60_000);
    assert.equal(h.explorer.store.project(key)?.lastBuildId, started?.id, 'shown again: its last build is the new one');
    assert.match(describe_(h, row!), /^In progress/);
  });

  it('marks a build started with a local buildspec', async () => {
    const api = createCodeBuildApi(h.client);
    const build = await api.startBuild('orders-api-unit-tests', {
      buildspecOverride: 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo local\n',
      environmentVariables: [{ name: 'EXTRA', value: '1' }],
      sourceVersion: 'main',
    });
    assert.ok(build);
    const orders = await project('orders-api-unit-tests');
    await h.explorer.refreshAfterAction(orders.kind === 'project' ? orders.key : { target: '', name: '' }, build);
    const rows = await h.explorer.getChildren(orders);
    const first = rows.find((r) => r.kind === 'build')!;
    assert.equal(label(h, first), '#11');
    assert.match(describe_(h, first), /In progress · .* · local buildspec · by emulator-main/);
    assert.match(h.explorer.present(first).tooltip ?? '', /Ran a buildspec override/);
  });

  it('explains a failed listing with a retry row, and recovers', async () => {
    emu.faults.add({ operation: 'ListProjects', kind: 'error', status: 500, times: 1 });
    const roots = await h.explorer.getChildren();
    assert.equal(roots.length, 1);
    assert.equal(roots[0]!.kind, 'message');
    const error = h.explorer.present(roots[0]!);
    assert.equal(error.contextValue, 'message:retry:service');
    assert.equal(error.label, 'Couldn’t list projects');
    assert.match(error.description ?? '', /internal error \(HTTP 500\) during ListProjects/);
    assert.equal(error.command?.id, 'conveyor.aws.showErrorDetails');
    await h.explorer.refresh();
    const again = await h.explorer.getChildren();
    assert.equal(again.length, 18);
  });

  it('backs off when ListBuilds is throttled, and falls back to per-project calls when it is denied', async () => {
    await h.explorer.getChildren();
    h.explorer.setWindowFocused(true);
    h.explorer.setViewVisible(true);
    await h.advance(60_000);
    emu.faults.add({ operation: 'ListBuilds', kind: 'throttle' });
    emu.stats.reset();
    await h.advance(10 * 60_000);
    const throttled = emu.stats.read().operations.ListBuilds ?? 0;
    assert.ok(throttled >= 3 && throttled <= 12, `throttled ListBuilds calls: ${throttled}`);
    emu.faults.clear();
    emu.faults.add({ operation: 'ListBuilds', kind: 'error', status: 400, errorType: 'AccessDeniedException', message: 'User is not authorized to perform: codebuild:ListBuilds' });
    await h.explorer.refresh();
    assert.ok(h.explorer.store.target(h.target)?.recentDenied, 'ListBuilds denied');
    emu.stats.reset();
    await h.advance(5 * 60_000);
    const ops = emu.stats.read().operations;
    assert.equal(ops.ListBuilds ?? 0, 0, 'no more ListBuilds');
    assert.ok((ops.ListBuildsForProject ?? 0) >= 18, `shown projects polled one by one: ${JSON.stringify(ops)}`);
  });

  it('expired credentials show on the rows without crashing the view', async () => {
    h.dispose();
    h = explorerOn(emu, { account: 'expired' });
    const roots = await h.explorer.getChildren();
    assert.equal(roots.length, 1);
    assert.equal(label(h, roots[0]!), 'Couldn’t list projects');
    assert.match(describe_(h, roots[0]!), /expired|token/i);
  });
});
