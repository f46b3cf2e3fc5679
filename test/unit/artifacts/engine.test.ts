// The login engine against a real temporary folder: atomic writes, modes, backups, symlinks,
// re-login, logout, several logins sharing a file, conflicts and refusals.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigEditError } from '../../../src/artifacts/config/edit';
import { applyLogin, applyLogout, BACKUP_SUFFIX, LoginConflictError } from '../../../src/artifacts/login/engine';
import { EMPTY_MANIFEST, joinSecrets, splitSecrets, type Manifest } from '../../../src/artifacts/login/manifest';
import { nodeConfigFs } from '../../../src/artifacts/login/node-fs';
import { planLogin, type LoginRequest, type PlanContext } from '../../../src/artifacts/login/plan';

const EP = 'https://acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/npm/team-npm/';
const mode = (f: string): number => fs.statSync(f).mode & 0o777;

describe('login engine (real files)', () => {
  let root: string;
  let home: string;
  let project: string;
  let ctx: PlanContext;
  const req = (over: Partial<LoginRequest> = {}): LoginRequest => ({
    tool: 'npm', placement: 'user', domain: 'acme', domainOwner: '111111111111', repository: 'team-npm', region: 'us-east-1',
    endpoint: EP, tokenVariable: 'CODEARTIFACT_AUTH_TOKEN', projectDir: project, ...over,
  });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-engine-'));
    home = path.join(root, 'home');
    project = path.join(root, 'project');
    fs.mkdirSync(home);
    fs.mkdirSync(project);
    ctx = { home, platform: 'linux', env: {}, exists: (p) => fs.existsSync(p) };
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates a missing file with mode 0600 and deletes it (and the folders it made) on logout', async () => {
    const plan = planLogin(req({ tool: 'pip', endpoint: EP.replace('/npm/', '/pypi/') }), ctx);
    const file = path.join(home, '.config', 'pip', 'pip.conf');
    const { manifest, changes } = await applyLogin(plan, 'TOKEN-1', EMPTY_MANIFEST, nodeConfigFs);
    assert.deepEqual(changes.map((c) => [c.path, c.action]), [[file, 'created']]);
    assert.equal(mode(file), 0o600);
    assert.match(fs.readFileSync(file, 'utf8'), /^\[global\]\nindex-url = https:\/\/aws:TOKEN-1@/);
    const out = await applyLogout(manifest.logins[0]?.id ?? '', manifest, nodeConfigFs);
    assert.deepEqual(out.changes.map((c) => c.action), ['deleted']);
    assert.equal(fs.existsSync(path.join(home, '.config')), false, 'the folders created for it are gone');
    assert.deepEqual(out.manifest, EMPTY_MANIFEST);
  });

  it('edits an existing file surgically, keeps a backup, tightens then restores its mode', async () => {
    const npmrc = path.join(home, '.npmrc');
    const original = '# my settings\nfund=false\r\n@other:registry=https://other.example/\n';
    fs.writeFileSync(npmrc, original, { mode: 0o644 });
    fs.chmodSync(npmrc, 0o644);
    const { manifest, changes } = await applyLogin(planLogin(req(), ctx), 'TOKEN-1', EMPTY_MANIFEST, nodeConfigFs);
    assert.equal(changes[0]?.action, 'updated');
    assert.equal(changes[0]?.backup, npmrc + BACKUP_SUFFIX);
    assert.equal(fs.readFileSync(npmrc + BACKUP_SUFFIX, 'utf8'), original);
    assert.equal(mode(npmrc + BACKUP_SUFFIX), 0o600);
    assert.equal(mode(npmrc), 0o600);
    const text = fs.readFileSync(npmrc, 'utf8');
    assert.ok(text.startsWith(original), 'existing lines untouched');
    assert.ok(text.endsWith(`registry=${EP}\n//acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/npm/team-npm/:_authToken=TOKEN-1\n`));
    assert.ok(!JSON.stringify(manifest).includes('TOKEN-1'), 'the manifest never holds the token');

    const out = await applyLogout(manifest.logins[0]?.id ?? '', manifest, nodeConfigFs);
    assert.equal(out.changes[0]?.action, 'restored');
    assert.equal(fs.readFileSync(npmrc, 'utf8'), original);
    assert.equal(mode(npmrc), 0o644);
    assert.equal(fs.existsSync(npmrc + BACKUP_SUFFIX), false, 'a backup identical to the restored file is removed');
  });

  it('re-login replaces only the token, and logout still restores the state before the first login', async () => {
    const npmrc = path.join(home, '.npmrc');
    fs.writeFileSync(npmrc, 'registry=https://registry.npmjs.org/\n');
    const first = await applyLogin(planLogin(req(), ctx), 'TOKEN-1', EMPTY_MANIFEST, nodeConfigFs);
    const afterFirst = fs.readFileSync(npmrc, 'utf8');
    const second = await applyLogin(planLogin(req(), ctx), 'TOKEN-2', first.manifest, nodeConfigFs);
    assert.equal(fs.readFileSync(npmrc, 'utf8'), afterFirst.replace('TOKEN-1', 'TOKEN-2'));
    assert.equal(second.manifest.logins.length, 1);
    await applyLogout(second.manifest.logins[0]?.id ?? '', second.manifest, nodeConfigFs);
    assert.equal(fs.readFileSync(npmrc, 'utf8'), 'registry=https://registry.npmjs.org/\n');
  });

  it('a replaced credential is split out of the stored manifest and restored from the secret store', async () => {
    const npmrc = path.join(home, '.npmrc');
    const original = '//acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/npm/team-npm/:_authToken=OLD-SECRET\n';
    fs.writeFileSync(npmrc, original);
    const { manifest } = await applyLogin(planLogin(req(), ctx), 'TOKEN-1', EMPTY_MANIFEST, nodeConfigFs);
    const { manifest: stored, secrets } = splitSecrets(manifest);
    assert.ok(!JSON.stringify(stored).includes('OLD-SECRET'));
    assert.deepEqual(Object.values(secrets), ['//acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/npm/team-npm/:_authToken=OLD-SECRET']);
    const reloaded: Manifest = joinSecrets(JSON.parse(JSON.stringify(stored)) as Manifest, (k) => secrets[k]);
    await applyLogout(reloaded.logins[0]?.id ?? '', reloaded, nodeConfigFs);
    assert.equal(fs.readFileSync(npmrc, 'utf8'), original);
  });

  it('follows a symlinked dotfile and leaves the link in place', async () => {
    const dotfiles = path.join(root, 'dotfiles');
    fs.mkdirSync(dotfiles);
    fs.writeFileSync(path.join(dotfiles, 'npmrc'), 'fund=false\n');
    fs.symlinkSync(path.join(dotfiles, 'npmrc'), path.join(home, '.npmrc'));
    const { manifest } = await applyLogin(planLogin(req(), ctx), 'TOKEN-1', EMPTY_MANIFEST, nodeConfigFs);
    assert.ok(fs.lstatSync(path.join(home, '.npmrc')).isSymbolicLink());
    assert.match(fs.readFileSync(path.join(dotfiles, 'npmrc'), 'utf8'), /_authToken=TOKEN-1/);
    await applyLogout(manifest.logins[0]?.id ?? '', manifest, nodeConfigFs);
    assert.equal(fs.readFileSync(path.join(dotfiles, 'npmrc'), 'utf8'), 'fund=false\n');
    assert.ok(fs.lstatSync(path.join(home, '.npmrc')).isSymbolicLink());
  });

  it('two logins share a file; each logout removes only its own entries and the last restores the file', async () => {
    const settings = path.join(home, '.m2', 'settings.xml');
    const a = await applyLogin(planLogin(req({ tool: 'maven' }), ctx), 'TOKEN-A', EMPTY_MANIFEST, nodeConfigFs);
    const b = await applyLogin(planLogin(req({ tool: 'maven', repository: 'other', endpoint: EP.replace('team-npm', 'other') }), ctx), 'TOKEN-B', a.manifest, nodeConfigFs);
    const both = fs.readFileSync(settings, 'utf8');
    assert.match(both, /TOKEN-A[\s\S]*TOKEN-B/);
    const afterA = await applyLogout(a.manifest.logins[0]?.id ?? '', b.manifest, nodeConfigFs);
    const left = fs.readFileSync(settings, 'utf8');
    assert.ok(!left.includes('TOKEN-A') && left.includes('TOKEN-B'));
    assert.match(left, /<servers>/, 'the <servers> element created by the first login stays while the second uses it');
    const afterB = await applyLogout(afterA.manifest.logins[0]?.id ?? '', afterA.manifest, nodeConfigFs);
    assert.deepEqual(afterB.changes.map((c) => c.action), ['deleted']);
    assert.equal(fs.existsSync(settings), false);
  });

  it('two pnpm project logins share the ~/.npmrc ${VAR} line; it goes away with the last of them, in either order', async () => {
    const npmrc = path.join(home, '.npmrc');
    fs.writeFileSync(npmrc, 'fund=false\n');
    const other = path.join(root, 'other');
    fs.mkdirSync(other);
    for (const firstOut of [0, 1]) {
      const a = await applyLogin(planLogin(req({ tool: 'pnpm', placement: 'project' }), ctx), 'T1', EMPTY_MANIFEST, nodeConfigFs);
      const b = await applyLogin(planLogin(req({ tool: 'pnpm', placement: 'project', projectDir: other }), ctx), 'T2', a.manifest, nodeConfigFs);
      assert.equal(fs.readFileSync(npmrc, 'utf8'), 'fund=false\n//acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/npm/team-npm/:_authToken=${CODEARTIFACT_AUTH_TOKEN}\n');
      const ids = b.manifest.logins.map((l) => l.id);
      const first = await applyLogout(ids[firstOut] ?? '', b.manifest, nodeConfigFs);
      assert.match(fs.readFileSync(npmrc, 'utf8'), /_authToken=\$\{CODEARTIFACT_AUTH_TOKEN\}/, 'still needed by the other project');
      await applyLogout(ids[1 - firstOut] ?? '', first.manifest, nodeConfigFs);
      assert.equal(fs.readFileSync(npmrc, 'utf8'), 'fund=false\n');
      assert.equal(fs.existsSync(path.join(project, '.npmrc')), false);
      assert.equal(fs.existsSync(path.join(other, '.npmrc')), false);
    }
  });

  it('refuses a second login that would take over another login\'s entries', async () => {
    const a = await applyLogin(planLogin(req(), ctx), 'TOKEN-A', EMPTY_MANIFEST, nodeConfigFs);
    const before = fs.readFileSync(path.join(home, '.npmrc'), 'utf8');
    await assert.rejects(applyLogin(planLogin(req({ repository: 'other', endpoint: EP.replace('team-npm', 'other') }), ctx), 'TOKEN-B', a.manifest, nodeConfigFs),
      (err: unknown) => err instanceof LoginConflictError && err.otherLogins[0] === a.manifest.logins[0]?.id);
    assert.equal(fs.readFileSync(path.join(home, '.npmrc'), 'utf8'), before);
  });

  it('writes nothing at all when one of the files cannot be edited safely', async () => {
    fs.writeFileSync(path.join(project, 'pyproject.toml'), '[tool.poetry]\nsource = [{ name = "x", url = "https://x/" }]\n');
    const auth = path.join(home, '.config', 'pypoetry', 'auth.toml');
    await assert.rejects(applyLogin(planLogin(req({ tool: 'poetry', endpoint: EP.replace('/npm/', '/pypi/') }), ctx), 'T', EMPTY_MANIFEST, nodeConfigFs),
      (err: unknown) => err instanceof ConfigEditError && /pyproject\.toml/.test(err.message));
    assert.equal(fs.existsSync(auth), false);
    assert.equal(fs.readFileSync(path.join(project, 'pyproject.toml'), 'utf8'), '[tool.poetry]\nsource = [{ name = "x", url = "https://x/" }]\n');
  });

  it('leaves alone what the person changed after login, and says so', async () => {
    const npmrc = path.join(home, '.npmrc');
    const { manifest } = await applyLogin(planLogin(req(), ctx), 'TOKEN-1', EMPTY_MANIFEST, nodeConfigFs);
    fs.writeFileSync(npmrc, fs.readFileSync(npmrc, 'utf8').replace(`registry=${EP}`, 'registry=https://mine.example/') + 'save-exact=true\n');
    const out = await applyLogout(manifest.logins[0]?.id ?? '', manifest, nodeConfigFs);
    assert.equal(fs.readFileSync(npmrc, 'utf8'), 'registry=https://mine.example/\nsave-exact=true\n');
    assert.deepEqual(out.changes[0]?.kept, ['registry was changed after login; left as it is']);
  });

  it('replaces files atomically: no temporary file is left behind', async () => {
    await applyLogin(planLogin(req({ tool: 'twine', endpoint: EP.replace('/npm/', '/pypi/') }), ctx), 'T', EMPTY_MANIFEST, nodeConfigFs);
    assert.deepEqual(fs.readdirSync(home).sort(), ['.pypirc']);
  });
});
