// The tree model and the login service against the emulator over HTTP with the real SDK client.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeartifactClient } from '@aws-sdk/client-codeartifact';
import { explainAwsError } from '../../../src/aws/errors';
import { redactor } from '../../../src/core/redact';
import { EMPTY_MANIFEST } from '../../../src/artifacts/login/manifest';
import { nodeConfigFs } from '../../../src/artifacts/login/node-fs';
import { performLogin } from '../../../src/artifacts/login/service';
import { operationOf, stampFailedCalls } from '../../../src/aws/clients';
import { fetchVersionDetails, renderVersionDetails } from '../../../src/artifacts/tree/details';
import { ArtifactsModel, errorDetailsOf } from '../../../src/artifacts/tree/model';
import type { ArtifactNode } from '../../../src/artifacts/tree/nodes';
import { createEmulator, type Emulator } from '../../emulator/index';

/**
 * The model's "these rows have more to say now" calls (`changed`): `next(parent)`, asked before the
 * rows are, settles at the next one for that parent.
 */
class Changes {
  private readonly waiting = new Map<string, (() => void)[]>();
  private readonly counts = new Map<string, number>();
  readonly changed = (parent: ArtifactNode): void => {
    this.counts.set(parent.id, this.count(parent) + 1);
    for (const settle of this.waiting.get(parent.id) ?? []) settle();
    this.waiting.delete(parent.id);
  };
  count(parent: ArtifactNode): number {
    return this.counts.get(parent.id) ?? 0;
  }
  next(parent: ArtifactNode): Promise<void> {
    return new Promise((resolve) => this.waiting.set(parent.id, [...this.waiting.get(parent.id) ?? [], resolve]));
  }
}

describe('artifacts model and login service (emulator)', function () {
  this.timeout(60_000);
  let emu: Emulator;
  let client: CodeartifactClient;
  /** Calls of the client still waiting for an answer: each test ends once the look-ups it started are answered. */
  let inFlight = 0;
  let quiet: (() => void) | undefined;
  const explain = (err: unknown, operation: string) => {
    const e = explainAwsError(err, { service: 'codeartifact', operation, profile: 'dev' });
    return { message: e.message, category: e.category };
  };

  before(async () => {
    emu = await createEmulator({ seed: { dataset: 'demo' }, speed: 0 });
    client = new CodeartifactClient(emu.clientConfig());
    // As every client the extension builds (src/aws/clients.ts): a failed call says which operation failed.
    stampFailedCalls(client.middlewareStack, 'codeartifact');
    client.middlewareStack.add((next) => async (args) => {
      inFlight += 1;
      try {
        return await next(args);
      } finally {
        inFlight -= 1;
        if (inFlight === 0) quiet?.();
      }
    }, { step: 'initialize', name: 'countCallsInFlight' });
  });
  after(async () => {
    client.destroy();
    await emu.close();
  });
  const settled = async (): Promise<void> => {
    if (inFlight > 0) await new Promise<void>((resolve) => { quiet = resolve; });
    quiet = undefined;
    // The callers' own continuations (the model's, after the answer) run before the next turn of the loop.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  afterEach(async () => {
    emu.faults.clear();
    await settled();
  });

  const model = (pageSize?: ConstructorParameters<typeof ArtifactsModel>[0]['pageSize'], changes = new Changes()) => new ArtifactsModel({
    client: () => client, explain, ...(pageSize ? { pageSize } : {}), extraDomains: () => [{ name: 'platform', owner: '222222222222' }],
    changed: changes.changed,
  });
  const find = async (m: ArtifactsModel, parent: ArtifactNode | undefined, label: string): Promise<ArtifactNode> => {
    const list = parent ? await m.children(parent) : await m.roots();
    const n = list.find((x) => x.label === label);
    assert.ok(n, `${label} not in ${list.map((x) => x.label).join(', ')}`);
    return n;
  };

  it('pages through repositories and packages with "Load more" nodes', async () => {
    const m = model({ repositories: 2, packages: 2 });
    const acme = await find(m, undefined, 'acme');
    const first = await m.children(acme);
    assert.deepEqual(first.map((n) => n.data.kind), ['repository', 'repository', 'loadMore']);
    const more = first[2];
    assert.ok(more?.data.kind === 'loadMore');
    await m.loadMore(more.data.listing);
    assert.deepEqual((await m.children(acme)).map((n) => n.label), ['npm-store', 'python', 'team-npm']);

    const team = await find(m, acme, 'team-npm');
    const page1 = await m.children(team);
    assert.ok(page1.some((n) => n.data.kind === 'loadMore'));
    for (let i = 0; i < 5; i++) {
      const lm = (await m.children(team)).find((n) => n.data.kind === 'loadMore');
      if (lm?.data.kind !== 'loadMore') break;
      await m.loadMore(lm.data.listing);
    }
    const npm = await find(m, team, 'npm');
    const unscoped = (await m.children(npm)).filter((n) => n.data.kind === 'package').map((n) => n.label).sort();
    assert.deepEqual(unscoped, ['ms', 'order-client']);
  });

  it('a failed listing is the one error state: a short title, the whole message, next steps on click', async () => {
    emu.faults.add({ operation: 'ListRepositoriesInDomain', kind: 'error', status: 400, errorType: 'ExpiredTokenException', message: 'The security token included in the request is expired' });
    const m = model();
    const acme = await find(m, undefined, 'acme');
    const [row] = await m.children(acme);
    assert.equal(row?.label, 'Couldn’t list repositories');
    assert.match(row?.description ?? '', /^The credentials of profile "dev" have expired \(ExpiredTokenException\)\. .*choose another profile\.$/);
    assert.equal(row?.tooltip, `Couldn’t list repositories\n\n${row?.description ?? ''}\n\nClick for the details and what to do next.`);
    assert.deepEqual(errorDetailsOf(row, 'dev', acme), {
      title: 'Couldn’t list repositories', message: row?.description, category: 'credentialsExpired', profile: 'dev',
      retry: { command: 'conveyor.artifacts.refresh', args: [acme] },
    });
    assert.deepEqual(errorDetailsOf(acme, 'dev', undefined), undefined, 'only error rows have details');
    emu.faults.add({ operation: 'ListDomains', kind: 'throttle' });
    m.clear();
    const [root] = await m.roots();
    assert.equal(root?.label, 'Couldn’t list domains');
    assert.deepEqual(errorDetailsOf(root, undefined, undefined)?.retry, { command: 'conveyor.artifacts.refresh', args: [] }, 'a root row retries the whole view');
  });

  it('a version row says when it was published in the views\' one time format; the tooltip has the timestamp', async () => {
    const changes = new Changes();
    const m = new ArtifactsModel({ client: () => client, explain, now: () => emu.clock.now() + 3 * 86_400_000, changed: changes.changed });
    const team = await find(m, await find(m, undefined, 'acme'), 'team-npm');
    const uiKit = await find(m, await find(m, await find(m, team, 'npm'), '@acme'), 'ui-kit');
    const hold = emu.faults.add({ operation: 'DescribePackageVersion', kind: 'hold' });
    const filled = changes.next(uiKit);
    assert.equal((await m.children(uiKit)).find((n) => n.label === '1.2.0')?.description, 'Published', 'the rows before their publish times');
    emu.faults.remove(hold.id);
    await filled;
    const version = (await m.children(uiKit)).find((n) => n.label === '1.2.0');
    assert.match(version?.description ?? '', /^Published · \d+ days ago$/);
    assert.match(version?.tooltip ?? '', /Published \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });

  it('a repository row says where its packages come from, not its prose; expanding it reads nothing twice', async () => {
    const changes = new Changes();
    const m = model(undefined, changes);
    const acme = await find(m, undefined, 'acme');
    const filled = changes.next(acme);
    await m.children(acme);
    await filled;
    const repos = await m.children(acme);
    const described = Object.fromEntries(repos.map((n) => [n.label, n.description ?? '']));
    assert.deepEqual(described, { 'npm-store': 'external: npm registry', 'team-npm': 'upstream npm-store', python: 'external: PyPI' });
    assert.match(repos.find((n) => n.label === 'team-npm')?.tooltip ?? '', /npm packages published by Acme teams/, 'the prose stays in the tooltip');
    const before = emu.stats.read().operations.DescribeRepository ?? 0;
    await m.children(repos.find((n) => n.label === 'team-npm')!);
    assert.equal(emu.stats.read().operations.DescribeRepository ?? 0, before, 'the row\'s DescribeRepository is reused');
  });

  it('shows the rows at once and what they say once it is read: a held DescribeRepository holds no row back', async () => {
    const changes = new Changes();
    const m = model(undefined, changes);
    const acme = await find(m, undefined, 'acme');
    const before = emu.stats.read().operations.DescribeRepository ?? 0;
    const hold = emu.faults.add({ operation: 'DescribeRepository', kind: 'hold' });
    const filled = changes.next(acme);
    const bare = await m.children(acme);
    assert.deepEqual(bare.map((n) => `${n.label}: ${n.description ?? ''}`), ['npm-store: ', 'python: ', 'team-npm: '], 'the rows, before their facts');
    // Expanding a row meanwhile waits for its own facts (the look-up already under way).
    const expanded = m.children(bare.find((n) => n.label === 'team-npm')!);
    emu.faults.remove(hold.id);
    assert.ok((await expanded).some((n) => n.label === 'npm-store' && n.description === 'upstream'));
    await filled;
    assert.equal(changes.count(acme), 1);
    assert.equal((emu.stats.read().operations.DescribeRepository ?? 0) - before, 3, 'one DescribeRepository per repository');
    assert.equal((await m.children(acme)).find((n) => n.label === 'team-npm')?.description, 'upstream npm-store');
  });

  it('drops what a look-up started before a refresh brings back', async () => {
    const changes = new Changes();
    const m = model(undefined, changes);
    const acme = await find(m, undefined, 'acme');
    const hold = emu.faults.add({ operation: 'DescribeRepository', kind: 'hold' });
    await m.children(acme);
    m.clear();
    emu.faults.remove(hold.id);
    await settled();
    assert.equal(changes.count(acme), 0, 'no refresh asked for rows that are gone');
    const fresh = await find(m, undefined, 'acme');
    const filled = changes.next(fresh);
    assert.ok((await m.children(fresh)).every((n) => n.description === undefined), 'nothing read before the refresh shows');
    await filled;
    assert.equal((await m.children(fresh)).find((n) => n.label === 'python')?.description, 'external: PyPI');
  });

  it('a package row says its latest published version and its age, looked up once per row', async () => {
    const explained: string[] = [];
    const changes = new Changes();
    const m = new ArtifactsModel({
      client: () => client, now: () => emu.clock.now() + 3 * 86_400_000, changed: changes.changed,
      explain: (err, operation) => { explained.push(operation); return explain(err, operation); },
    });
    const team = await find(m, await find(m, undefined, 'acme'), 'team-npm');
    const acme = await find(m, await find(m, team, 'npm'), '@acme');
    await settled(); // the unscoped npm packages' look-ups
    const before = emu.stats.read().operations.ListPackageVersions ?? 0;
    const filled = changes.next(acme);
    assert.ok((await m.children(acme)).every((n) => !/ · \d+ days ago/.test(n.description ?? '')), 'the rows come before their versions');
    await filled;
    const rows = await m.children(acme);
    const looked = (emu.stats.read().operations.ListPackageVersions ?? 0) - before;
    assert.equal(looked, rows.length, 'one ListPackageVersions per package row');
    const uiKit = rows.find((n) => n.label === 'ui-kit');
    assert.match(uiKit?.description ?? '', /^\d+\.\d+\.\d+\S* · \d+ days ago · @acme\/ui-kit$/);
    const latest = /^(\S+) · /.exec(uiKit?.description ?? '')?.[1] ?? '';
    // The same version the versions list puts first (newest published), with its timestamp in the tooltip.
    const versions = (await m.children(uiKit!)).filter((n) => n.data.kind === 'version' && n.data.status === 'Published');
    const newest = [...versions].sort((a, b) => (b.data.kind === 'version' ? b.data.publishedTime ?? 0 : 0) - (a.data.kind === 'version' ? a.data.publishedTime ?? 0 : 0))[0];
    assert.equal(latest, newest?.label);
    assert.match(uiKit?.tooltip ?? '', new RegExp(`Latest version ${latest.replace(/\./g, '\\.')}, published \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`));
    const again = emu.stats.read().operations.ListPackageVersions ?? 0;
    await m.children(acme);
    assert.equal(emu.stats.read().operations.ListPackageVersions ?? 0, again, 'cached with the tree: no second look-up');
    assert.deepEqual(explained, []);

    // A failed look-up leaves that row without a version (explained, so logged at warning); the others keep theirs.
    m.invalidate(team.data);
    await m.children(team);
    emu.faults.add({ operation: 'ListPackageVersions', kind: 'error', status: 500, times: 1 });
    const refilled = changes.next(acme);
    await m.children(acme);
    await refilled;
    const retried = await m.children(acme);
    assert.deepEqual(explained, ['ListPackageVersions']);
    const withVersion = retried.filter((n) => /^\S+ · \d+ days ago · /.test(n.description ?? ''));
    assert.equal(withVersion.length, retried.length - 1, retried.map((n) => `${n.label}: ${n.description ?? ''}`).join(' | '));
    const without = retried.find((n) => !withVersion.includes(n));
    assert.equal(without?.description, `@acme/${without?.label ?? ''}`);
    assert.equal(without?.data.kind, 'package', 'the row is still the package, not an error');
  });

  it('shows the shared domain from settings next to the account\'s own', async () => {
    const roots = await model().roots();
    assert.deepEqual(roots.map((r) => [r.label, r.description]), [['acme', '111111111111'], ['platform', '222222222222 · shared']]);
    const releases = await find(model(), await find(model(), undefined, 'platform'), 'releases');
    assert.equal(releases.data.kind, 'repository');
  });

  it('renders details of a Maven version: dependencies with scopes, jar and pom assets', async () => {
    const details = await fetchVersionDetails(client, { domain: 'platform', domainOwner: '222222222222', repository: 'releases', format: 'maven', namespace: 'com.acme.platform', package: 'platform-client', version: '2.1.0' }, (e) => String(e));
    const md = renderVersionDetails(details);
    assert.match(md, /^# com\.acme\.platform:platform-client 2\.1\.0/);
    assert.match(md, /\| org\.junit\.jupiter:junit-jupiter \| 5\.10\.0 \| test \|/);
    assert.match(md, /platform-client-2\.1\.0\.jar/);
    assert.match(md, /<artifactId>platform-client<\/artifactId>/);
  });

  it('a failing call during login says which operation failed and leaves no file behind', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-svc-'));
    try {
      emu.faults.add({ operation: 'GetAuthorizationToken', kind: 'error', status: 403, errorType: 'AccessDeniedException', message: 'not authorized to perform: codeartifact:GetAuthorizationToken' });
      const deps = { client, fs: nodeConfigFs, now: () => emu.clock.now(), context: { home, platform: 'linux' as const, env: {}, exists: (p: string) => fs.existsSync(p) } };
      const request = { tool: 'twine' as const, placement: 'user' as const, domain: 'acme', domainOwner: '111111111111', repository: 'python', region: 'us-east-1', tokenVariable: 'CODEARTIFACT_AUTH_TOKEN' };
      const err = await performLogin(deps, request, 900, EMPTY_MANIFEST).then(() => undefined, (e: unknown) => e);
      assert.equal(operationOf(err), 'GetAuthorizationToken');
      assert.deepEqual(fs.readdirSync(home), []);
      emu.faults.clear();
      const ok = await performLogin(deps, request, 900, EMPTY_MANIFEST);
      assert.equal(redactor.redact(`token ${ok.issued.token}`), 'token ****', 'the issued token is registered with the redactor');
      assert.equal(ok.issued.expiresAt - emu.clock.now(), 900_000);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
