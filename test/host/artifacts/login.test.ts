// The login flow inside a real extension host: pickers (scripted), tool detection, placements,
// terminal environment, status bar countdown, refresh, logout, secrets hygiene and fault handling.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MANIFEST_FILE } from '../../../src/artifacts/editor/store';
import { listWorkspace } from '../../../src/artifacts/editor/workspace';
import { detectTools } from '../../../src/artifacts/detect/detect';
import { ACCEPT_ACTIVE, admin, emulatorUrl, eventually, rig, tree, type Rig } from './helpers';

const NPM_KEY = /^\/\/127\.0\.0\.1:\d+\/_codeartifact\/acme-111111111111\/npm\/team-npm\/:_authToken=(\S+)$/m;

describe('CodeArtifact login flow (emulator, scripted UI)', function () {
  this.timeout(60_000);
  let r: Rig;

  before(function () {
    if (!emulatorUrl()) this.skip();
  });
  beforeEach(async () => { r = await rig(); });
  afterEach(async () => {
    r.dispose();
    if (emulatorUrl()) await admin('DELETE', 'faults');
  });

  it('asks for domain, repository, tool (preselected from the workspace) and placement, then writes the project config', async () => {
    fs.writeFileSync(path.join(r.project, 'package.json'), '{"name":"app","version":"1.0.0"}');
    fs.writeFileSync(path.join(r.project, 'pnpm-lock.yaml'), 'lockfileVersion: 9.0\n');
    r.ui.answer('acme', 'team-npm', ACCEPT_ACTIVE, 'Project config', '');
    const result = await r.feature.login({ projectDir: r.project });
    assert.ok(result.ok, JSON.stringify(result));
    // One multi-step flow, numbered out of the steps the answers lead through (pnpm adds the scope).
    const steps = r.ui.calls.filter((c) => c.kind === 'step');
    assert.match(steps[0]?.text ?? '', /^Step 1\/4: Log in to CodeArtifact: domain: acme \| platform/);
    assert.match(steps[1]?.text ?? '', /^Step 2\/4: Log in to CodeArtifact: repository in acme: npm-store \| python \| team-npm/);
    assert.equal(steps[2]?.active, 'pnpm', 'pnpm-lock.yaml preselects pnpm');
    assert.match(steps[3]?.text ?? '', /^Step 4\/5: .*\$\(circle-slash\) Terminal only/, 'terminal only is shown as unavailable for pnpm');
    assert.equal(steps[3]?.active, 'Project config');
    assert.match(steps[4]?.text ?? '', /^Step 5\/5: Log in to CodeArtifact: npm scope \(optional\)$/);
    assert.equal(steps.length, 5);

    assert.match(fs.readFileSync(path.join(r.project, '.npmrc'), 'utf8'), /^registry=http:\/\/127\.0\.0\.1:\d+\/_codeartifact\/acme-111111111111\/npm\/team-npm\/\n$/);
    assert.match(fs.readFileSync(path.join(r.home, '.npmrc'), 'utf8'), /_authToken=\$\{CODEARTIFACT_AUTH_TOKEN\}\n$/);
    const token = r.env.terminal(r.folder).get('CODEARTIFACT_AUTH_TOKEN');
    assert.ok(token && token.length > 100, 'terminals of the project\'s workspace folder get the token');
    assert.equal(r.env.vars.size, 0, 'and no other terminal');
    assert.equal(r.env.persistent, false, 'VS Code must not persist the token');
    assert.match(r.ui.of('notify')[0] ?? '', /^info: Logged pnpm in to acme\/team-npm for 12 h/);
  });

  it('detects the tool of each sample project in the workspace through vscode.workspace.fs', async function () {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!root) this.skip();
    const detected = async (folder: string) => detectTools(await listWorkspace(vscode.Uri.joinPath(root, 'artifacts', folder))).map((d) => d.tool);
    assert.deepEqual(await detected('web'), ['pnpm', 'npm']);
    assert.deepEqual(await detected('orders-worker'), ['pip']);
    assert.deepEqual(await detected('platform-consumer'), ['maven']);
  });

  it('user config like the AWS CLI: token in ~/.npmrc (0600), status bar countdown, refresh replaces only the token, logout restores the file', async () => {
    const npmrc = path.join(r.home, '.npmrc');
    const original = '# mine\r\nsave-exact=true\r\n';
    fs.writeFileSync(npmrc, original);
    const result = await r.feature.login({ domain: 'acme', domainOwner: '111111111111', repository: 'team-npm', tool: 'npm', placement: 'user', scope: '' });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(r.ui.pending, 0);
    assert.equal(fs.statSync(npmrc).mode & 0o777, 0o600);
    const first = fs.readFileSync(npmrc, 'utf8');
    const token = NPM_KEY.exec(first.replace(/\r/g, ''))?.[1] ?? '';
    assert.ok(first.startsWith(original) && token.length > 100);
    assert.equal(r.env.terminal(r.folder).size, 0, 'user config puts nothing in terminals');

    const text = Object.values(r.feature.statusItems.texts())[0] ?? '';
    assert.match(text, /^\$\(key\) team-npm · npm (11h 59m|12h 00m)$/);

    // Secrets: the token is in SecretStorage only — not in globalState, not in the manifest.
    assert.ok(!JSON.stringify([...r.state.data]).includes(token));
    assert.ok(!fs.readFileSync(path.join(r.storage, MANIFEST_FILE), 'utf8').includes(token));
    assert.ok([...r.secrets.data.values()].includes(token));

    const refreshed = await r.feature.refresh(result.id);
    assert.equal(refreshed?.status, 'valid');
    const second = fs.readFileSync(npmrc, 'utf8');
    const newToken = NPM_KEY.exec(second.replace(/\r/g, ''))?.[1] ?? '';
    assert.notEqual(newToken, token);
    assert.equal(second, first.replace(token, newToken), 'a refresh changes nothing but the token');

    const out = await r.feature.logout(result.id);
    assert.ok(out.ok);
    assert.equal(fs.readFileSync(npmrc, 'utf8'), original);
    assert.deepEqual(r.feature.statusItems.texts(), {});
    assert.equal(r.secrets.data.size, 0, 'the token is forgotten');
  });

  it('the repository context menu passes the repository; terminal-only Yarn puts nothing on disk', async () => {
    const repoNode = { id: 'repo:x', label: 'team-npm', contextValue: 'conveyor.artifacts.repository', collapsible: true, icon: 'repo',
      data: { kind: 'repository' as const, ref: { domain: 'acme', domainOwner: '111111111111', repository: 'team-npm' } } };
    r.ui.answer('Yarn (Berry, 2+)', 'Terminal only');
    const before = tree(r.home);
    const result = await r.feature.login(repoNode);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.changes, []);
    assert.deepEqual(tree(r.home), before);
    assert.deepEqual([...r.env.terminal(r.folder).keys()].sort(), ['CODEARTIFACT_AUTH_TOKEN', 'YARN_NPM_ALWAYS_AUTH', 'YARN_NPM_AUTH_TOKEN', 'YARN_NPM_REGISTRY_SERVER']);
    // Until the placement is known a scope question may follow (Step 2/3); terminal-only Yarn has none.
    assert.deepEqual(r.ui.of('step').map((t) => t.split(':').slice(0, 3).join(':')),
      ['Step 1/2: Log in to CodeArtifact: package manager', 'Step 2/3: Log in to CodeArtifact: where Yarn (Berry, 2+) gets the token'],
      'no scope question: Yarn has no environment form for scopes');
    await r.feature.logout(result.id);
    assert.equal(r.env.terminal(r.folder).size, 0);
  });

  it('refuses a placement the tool cannot honour, with the reason', async () => {
    const result = await r.feature.login({ domain: 'acme', domainOwner: '111111111111', repository: 'team-npm', tool: 'npm', placement: 'terminal' });
    assert.equal(result.ok, false);
    assert.match(r.ui.of('notify')[0] ?? '', /^warning: npm: "terminal" is not available\. npm and pnpm read a registry token only from an \.npmrc key/);
  });

  it('a second login that would take over another login\'s entries asks first, then logs the other out', async () => {
    const base = { domain: 'acme', domainOwner: '111111111111', tool: 'npm' as const, placement: 'user' as const, scope: '' };
    const a = await r.feature.login({ ...base, repository: 'team-npm' });
    assert.ok(a.ok);
    r.ui.answer(false);
    const refused = await r.feature.login({ ...base, repository: 'npm-store' });
    assert.equal(refused.ok, false);
    assert.match(r.ui.of('confirm')[0] ?? '', /already has entries from your CodeArtifact login npm → acme\/team-npm/);
    r.ui.answer(true);
    const b = await r.feature.login({ ...base, repository: 'npm-store' });
    assert.ok(b.ok);
    assert.deepEqual(r.feature.activeLogins().map((s) => s.meta.request.repository), ['npm-store']);
    assert.match(fs.readFileSync(path.join(r.home, '.npmrc'), 'utf8'), /^registry=.*\/npm\/npm-store\/\n\/\/.*\/npm\/npm-store\/:_authToken=\S+\n$/);
  });

  it('restores logins after a restart: token back in terminals, timers and status items re-armed', async () => {
    const result = await r.feature.login({ domain: 'acme', domainOwner: '111111111111', repository: 'python', tool: 'pip', placement: 'terminal', pipOption: 'index-url' });
    assert.ok(result.ok);
    const before = r.env.terminal(r.folder).get('PIP_INDEX_URL');
    assert.ok(before);
    r.env.clear();
    await r.feature.restore();
    assert.equal(r.env.terminal(r.folder).get('PIP_INDEX_URL'), before);
    assert.ok(Object.keys(r.feature.statusItems.texts()).length === 1);
  });

  it('a login that expired while VS Code was closed is refreshed at startup', async () => {
    const result = await r.feature.login({ domain: 'acme', domainOwner: '111111111111', repository: 'python', tool: 'twine', placement: 'terminal' });
    assert.ok(result.ok);
    const oldToken = r.env.terminal(r.folder).get('TWINE_PASSWORD');
    const file = path.join(r.storage, MANIFEST_FILE);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { active: { expiresAt: number; issuedAt: number }[] };
    fs.writeFileSync(file, JSON.stringify({ ...stored, active: stored.active.map((m) => ({ ...m, issuedAt: Date.now() - 2 * 3_600_000, expiresAt: Date.now() - 3_600_000 })) }));
    r.env.clear();
    await r.feature.restore();
    const twine = (): string | undefined => r.env.terminal(r.folder).get('TWINE_PASSWORD');
    await eventually('the refreshed token', () => twine() !== undefined && twine() !== oldToken);
    const active = (): { expiresAt: number }[] => (JSON.parse(fs.readFileSync(file, 'utf8')) as { active: { expiresAt: number }[] }).active;
    assert.ok((active()[0]?.expiresAt ?? 0) > Date.now());
  });

  describe('faults: clear messages, no file changed', () => {
    const request = { domain: 'acme', domainOwner: '111111111111', repository: 'python', tool: 'twine' as const, placement: 'user' as const };

    it('throttled GetAuthorizationToken', async () => {
      fs.writeFileSync(path.join(r.home, '.pypirc'), '[pypi]\nusername = __token__\n');
      const before = tree(r.home);
      await admin('POST', 'faults', { operation: 'GetAuthorizationToken', service: 'codeartifact', kind: 'throttle' });
      const result = await r.feature.login(request);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, /GetAuthorizationToken is being throttled/);
      assert.match(r.ui.of('notify')[0] ?? '', /^error: CodeArtifact login failed; no file was changed\./);
      assert.deepEqual(tree(r.home), before);
      assert.deepEqual(r.feature.activeLogins(), []);
    });

    it('access denied on the repository', async () => {
      await admin('POST', 'faults', { operation: 'GetRepositoryEndpoint', service: 'codeartifact', kind: 'error', status: 403, errorType: 'AccessDeniedException',
        message: 'User: arn:aws:iam::111111111111:user/dev is not authorized to perform: codeartifact:GetRepositoryEndpoint on resource: arn:aws:codeartifact:us-east-1:111111111111:repository/acme/python' });
      const result = await r.feature.login(request);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, /Access denied: profile "conveyor-demo" is missing the IAM permission codeartifact:GetRepositoryEndpoint/);
      assert.deepEqual(tree(r.home), {});
    });

    it('expired credentials', async () => {
      const result = await r.feature.login({ ...request, target: { profile: 'expired', region: 'us-east-1' } });
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, /expired/i);
      assert.deepEqual(tree(r.home), {});
    });

    it('a failing refresh keeps the login, says why, and a later refresh recovers', async () => {
      const result = await r.feature.login({ ...request, placement: 'terminal' });
      assert.ok(result.ok);
      await admin('POST', 'faults', { operation: 'GetAuthorizationToken', service: 'codeartifact', kind: 'throttle' });
      const failed = await r.feature.refresh(result.id);
      assert.equal(failed?.status, 'retrying');
      assert.match(failed?.lastError ?? '', /throttled/);
      assert.match(Object.values(r.feature.statusItems.texts())[0] ?? '', /^\$\(warning\) python · twine/);
      await admin('DELETE', 'faults');
      const ok = await r.feature.refresh(result.id);
      assert.equal(ok?.status, 'valid');
    });
  });
});
