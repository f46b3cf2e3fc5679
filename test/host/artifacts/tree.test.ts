// The Artifacts tree inside a real extension host, against the emulator's demo CodeArtifact data.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DETAILS_SCHEME, DetailsDocuments, detailsUri } from '../../../src/artifacts/editor/details-document';
import { DETAILS_VIEW_TYPE } from '../../../src/artifacts/editor/details-panel';
import { ArtifactsTreeProvider } from '../../../src/artifacts/editor/tree-provider';
import { ArtifactsModel } from '../../../src/artifacts/tree/model';
import type { ArtifactNode } from '../../../src/artifacts/tree/nodes';
import { activateConveyor, testAwsSession } from '../foundation/helpers';
import { nextEvent } from '../waits';
import { admin, emulatorUrl, rig, useEmulator, type Rig } from './helpers';

async function child(provider: ArtifactsTreeProvider, parent: ArtifactNode | undefined, name: string): Promise<ArtifactNode> {
  const children = await provider.getChildren(parent);
  const found = children.find((c) => c.label === name);
  assert.ok(found, `no "${name}" under ${parent?.label ?? 'the root'}: ${children.map((c) => c.label).join(', ')}`);
  return found;
}

describe('Artifacts tree (emulator)', function () {
  this.timeout(60_000);
  let provider: ArtifactsTreeProvider;
  let model: ArtifactsModel;

  before(async function () {
    if (!emulatorUrl()) this.skip();
    await useEmulator();
  });
  beforeEach(async () => {
    const aws = (await activateConveyor()).aws;
    model = new ArtifactsModel({
      client: () => aws.client('codeartifact'),
      explain: (err, op) => {
        const e = aws.explain(err, { service: 'codeartifact', operation: op });
        return { message: e.message, category: e.category };
      },
      pageSize: { versions: 2 },
      extraDomains: () => [{ name: 'platform', owner: '222222222222' }],
      changed: (parent) => provider.refresh(parent),
    });
    provider = new ArtifactsTreeProvider(model, () => aws.current?.profile);
  });
  afterEach(async () => {
    provider.dispose();
    if (emulatorUrl()) await admin('DELETE', 'faults');
  });

  it('shows domains with their owner, repositories with where their packages come from, upstreams and external connections', async () => {
    const roots = await provider.getChildren();
    const acme = roots.find((n) => n.label === 'acme');
    const platform = roots.find((n) => n.label === 'platform');
    assert.ok(acme && platform, roots.map((r) => r.label).join(', '));
    assert.equal(provider.getTreeItem(acme).description, '111111111111');
    assert.equal(provider.getTreeItem(platform).description, '222222222222 · shared', 'a domain shared from another account (settings) shows its owner');
    // The rows come first; once their facts are read, the view is told to show the domain's rows again.
    const refreshed = nextEvent('the acme rows refreshed with their facts', provider.onDidChangeTreeData, (n) => n === acme);
    assert.deepEqual((await provider.getChildren(acme)).map((r) => r.label).sort(), ['npm-store', 'python', 'team-npm']);
    await refreshed;
    const repos = await provider.getChildren(acme);
    const team = repos.find((r) => r.label === 'team-npm') as ArtifactNode;
    const item = provider.getTreeItem(team);
    assert.equal(item.description, 'upstream npm-store');
    assert.match(typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '', /published by Acme teams/, 'the repository\'s own description is in the tooltip');
    assert.equal(item.contextValue, 'conveyor.artifacts.repository');
    const teamChildren = await provider.getChildren(team);
    const upstream = teamChildren.find((c) => c.data.kind === 'upstream');
    assert.equal(upstream?.label, 'npm-store');
    const store = await provider.getChildren(repos.find((r) => r.label === 'npm-store'));
    const external = store.find((c) => c.data.kind === 'external');
    assert.equal(external?.label, 'public:npmjs');
    assert.match(String(provider.getTreeItem(external).description), /external connection · npm/);
  });

  it('groups packages by format and namespace, and lists versions with status and publish time', async () => {
    const team = await child(provider, await child(provider, undefined, 'acme'), 'team-npm');
    const npm = await child(provider, team, 'npm');
    const scope = await child(provider, npm, '@acme');
    const versioned = nextEvent('the @acme rows refreshed with their versions', provider.onDidChangeTreeData, (n) => n === scope);
    assert.deepEqual((await provider.getChildren(scope)).map((p) => p.label).sort(), ['logger', 'ui-kit']);
    assert.ok((await provider.getChildren(npm)).some((p) => p.label === 'order-client'), 'unscoped packages sit directly under the format');
    await versioned;
    const uiKit = await child(provider, scope, 'ui-kit');
    // The newest published version (1.3.0-beta.1 is newer but unlisted), its age, then the full name.
    assert.match(String(provider.getTreeItem(uiKit).description), /^1\.2\.0 · (just now|yesterday|\d+ \w+ ago|on \d{4}-\d\d-\d\d) · @acme\/ui-kit$/);
    const timed = nextEvent('the ui-kit versions refreshed with their publish times', provider.onDidChangeTreeData, (n) => n === uiKit);
    await provider.getChildren(uiKit);
    await timed;
    const versions = await provider.getChildren(uiKit);
    assert.equal(versions.filter((v) => v.data.kind === 'version').length, 2, 'a page of two versions');
    const newest = versions[0] as ArtifactNode;
    assert.equal(newest.label, '1.3.0-beta.1');
    assert.match(String(provider.getTreeItem(newest).description), /^Unlisted · (just now|yesterday|\d+ \w+ ago|on \d{4}-\d\d-\d\d)$/);
    assert.equal((provider.getTreeItem(newest).iconPath as vscode.ThemeIcon).id, 'eye-closed');
    assert.equal(provider.getTreeItem(newest).command?.command, 'conveyor.artifacts.showDetails');

    const more = versions.find((v) => v.data.kind === 'loadMore') as ArtifactNode;
    assert.equal(provider.getTreeItem(more).command?.command, 'conveyor.artifacts.loadMore');
    assert.ok(more.data.kind === 'loadMore');
    await model.loadMore(more.data.listing);
    const after = await provider.getChildren(uiKit);
    assert.equal(after.filter((v) => v.data.kind === 'version').length, 4);
    const moreAgain = after.find((v) => v.data.kind === 'loadMore');
    assert.ok(moreAgain?.data.kind === 'loadMore');
    await model.loadMore(moreAgain.data.listing);
    const all = await provider.getChildren(uiKit);
    assert.deepEqual(all.map((v) => v.label), ['1.3.0-beta.1', '1.2.0', '1.1.0', '1.0.0', '0.9.0']);
    assert.match(String(provider.getTreeItem(all[4] as ArtifactNode).description), /^Archived/);
  });

  it('filters packages by name prefix on the server', async () => {
    model.setFilter('ui');
    const team = await child(provider, await child(provider, undefined, 'acme'), 'team-npm');
    const npm = await child(provider, team, 'npm');
    const scope = await child(provider, npm, '@acme');
    assert.deepEqual((await provider.getChildren(scope)).map((p) => p.label), ['ui-kit']);
    model.setFilter('nothing-like-this');
    const empty = await provider.getChildren(team);
    assert.ok(empty.some((n) => n.label === 'No packages starting with "nothing-like-this".'));
  });

  it('turns an access-denied repository and throttling into error nodes with actionable messages', async () => {
    await admin('POST', 'faults', { operation: 'ListPackages', service: 'codeartifact', kind: 'error', status: 403, errorType: 'AccessDeniedException',
      message: 'User: arn:aws:iam::111111111111:user/dev is not authorized to perform: codeartifact:ListPackages on resource: arn:aws:codeartifact:us-east-1:111111111111:repository/acme/python' });
    const python = await child(provider, await child(provider, undefined, 'acme'), 'python');
    const errors = (await provider.getChildren(python)).filter((n) => n.data.kind === 'error');
    assert.equal(errors.length, 1);
    // The one error state: a short title, the whole message beside it, a click that offers the next steps.
    assert.equal(errors[0]?.label, 'Couldn’t list packages');
    assert.match(errors[0]?.description ?? '', /Access denied.*codeartifact:ListPackages/);
    const item = provider.getTreeItem(errors[0]);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
    assert.equal(item.command?.command, 'conveyor.aws.showErrorDetails');
    assert.deepEqual(item.command?.arguments?.[0], { title: 'Couldn’t list packages', message: errors[0]?.description, category: 'accessDenied',
      profile: (await activateConveyor()).aws.current?.profile, retry: { command: 'conveyor.artifacts.refresh', args: [python] } });
    await admin('DELETE', 'faults');

    await admin('POST', 'faults', { operation: 'ListDomains', service: 'codeartifact', kind: 'throttle' });
    model.clear();
    const roots = await provider.getChildren();
    assert.equal(roots[0]?.label, 'Couldn’t list domains');
    assert.match(roots[0]?.description ?? '', /throttl/i);
    assert.deepEqual(roots.slice(1).map((n) => n.label), ['platform'], 'shared domains from settings still show');
  });

  it('"Show details" renders summary, dependencies, assets and readme as Markdown', async () => {
    // The test bundle's own session: the document's paginator needs a client of the test bundle's SDK.
    const aws = await testAwsSession();
    const docs = new DetailsDocuments((t) => aws.client('codeartifact', t), (err, op) => aws.explain(err, { service: 'codeartifact', operation: op }).message);
    const uri = detailsUri({ domain: 'acme', domainOwner: '111111111111', repository: 'team-npm', format: 'npm', namespace: 'acme', package: 'ui-kit', version: '1.2.0' });
    assert.equal(uri.scheme, DETAILS_SCHEME);
    const text = await docs.provideTextDocumentContent(uri).finally(() => aws.dispose());
    assert.match(text, /^# @acme\/ui-kit 1\.2\.0/);
    assert.match(text, /npm install @acme\/ui-kit@1\.2\.0/);
    assert.match(text, /## Dependencies \(3\)[\s\S]*@acme\/logger \| \^2\.1\.0/);
    assert.match(text, /## Assets \(1\)\n\n\| Name \| Size \| SHA-256 \|\n\|---\|---\|---\|\n\| package\.tgz \| \d+ B \| [0-9a-f]{64} \|/);
    assert.match(text, /## Readme\n\n# @acme\/ui-kit/);
  });

  describe('commands on nodes (feature with a scripted UI)', () => {
    let r: Rig;
    beforeEach(async () => { r = await rig(); });
    afterEach(() => r.dispose());

    it('copies an install snippet for the chosen ecosystem, and opens the details panel (reused on a second open)', async () => {
      const p = r.feature.provider;
      const team = await child(p, await child(p, undefined, 'platform'), 'releases');
      const maven = await child(p, team, 'Maven');
      const group = await child(p, maven, 'com.acme.platform');
      const core = await child(p, group, 'platform-core');
      const v2 = await child(p, core, '2.0.0');
      r.ui.answer('Gradle (Kotlin DSL)');
      assert.equal(await r.feature.copySnippet(v2), 'implementation("com.acme.platform:platform-core:2.0.0")');
      assert.deepEqual(r.ui.of('copy'), ['implementation("com.acme.platform:platform-core:2.0.0")']);
      assert.equal(await r.feature.copySnippet(v2, 'Maven (pom.xml)'), '<dependency>\n  <groupId>com.acme.platform</groupId>\n  <artifactId>platform-core</artifactId>\n  <version>2.0.0</version>\n</dependency>');
      const view = await r.feature.showDetails(v2);
      assert.equal(view?.name, 'com.acme.platform:platform-core');
      assert.deepEqual(view?.snippets.map((s) => s.label), ['Maven (pom.xml)', 'Gradle (Kotlin DSL)', 'Gradle (Groovy DSL)']);
      const panel = view && r.feature.details.panelOf(view);
      assert.equal(panel?.viewType, DETAILS_VIEW_TYPE);
      assert.equal(panel?.title, 'com.acme.platform:platform-core 2.0.0');
      assert.match(panel?.webview.html ?? '', /codicons\/codicon\.css/);
      const again = await r.feature.showDetails(v2);
      assert.equal(again && r.feature.details.panelOf(again), panel, 'the same panel');
      let closed = false;
      panel?.onDidDispose(() => { closed = true; });
      r.dispose();
      assert.ok(closed, 'disposing the feature closes its panels');
      r = await rig();
    });
  });
});
