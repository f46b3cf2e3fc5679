// Review finding 5 and the cross-window side of finding 4, in a real extension host: terminal tokens
// only for the terminals of the workspace folder a login was made for, a refused (or confirmed)
// second login that needs a variable another login sets in the same terminals, and a second
// "window" (another feature on the same home, global storage and secret store) whose logins,
// refreshes and logouts this window takes up, with one token request for both windows' refresh.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { admin, emulatorUrl, eventually, rig, type Rig } from './helpers';

const python = { domain: 'acme', domainOwner: '111111111111', repository: 'python' } as const;

async function tokenRequests(): Promise<number> {
  const stats = await admin('GET', 'stats') as { operations?: Record<string, number> };
  return stats.operations?.GetAuthorizationToken ?? 0;
}

describe('CodeArtifact logins: terminals and windows (emulator, scripted UI)', function () {
  this.timeout(60_000);
  const rigs: Rig[] = [];
  const open = async (options?: Parameters<typeof rig>[0]): Promise<Rig> => {
    const r = await rig(options);
    rigs.push(r);
    return r;
  };

  before(function () {
    if (!emulatorUrl()) this.skip();
  });
  afterEach(() => {
    for (const r of rigs.splice(0).reverse()) r.dispose();
  });

  it('finding 5: a project\'s token reaches only the terminals of its workspace folder; a project this window does not have open, none', async () => {
    const r = await open();
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-other-project-'));
    try {
      const here = await r.feature.login({ ...python, tool: 'poetry', placement: 'project', projectDir: r.project });
      const there = await r.feature.login({ ...python, tool: 'poetry', placement: 'project', projectDir: elsewhere });
      assert.ok(here.ok && there.ok, JSON.stringify([here, there]));
      const mine = await r.feature.store.token(here.id);
      const theirs = await r.feature.store.token(there.id);
      assert.ok(mine && theirs && mine !== theirs);
      const terminal = r.env.terminal(r.folder);
      assert.equal(terminal.get('POETRY_HTTP_BASIC_CODEARTIFACT_PASSWORD'), mine, 'this folder\'s terminals authenticate with this project\'s token');
      assert.equal(r.env.vars.size, 0, 'nothing in terminals outside the folder');
      const everywhere = [...r.env.vars.values(), ...[...r.env.scoped.values()].flatMap((s) => [...s.vars.values()])];
      assert.ok(!everywhere.includes(theirs), 'the other project\'s token is in no terminal of this window');
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('finding 5: a second login that needs a terminal variable another login sets in the same terminals asks first, then logs the other out', async () => {
    const r = await open();
    const first = await r.feature.login({ ...python, tool: 'poetry', placement: 'terminal', projectDir: r.project });
    assert.ok(first.ok);
    r.ui.answer(false);
    const refused = await r.feature.login({ ...python, tool: 'poetry', placement: 'project', projectDir: r.project });
    assert.equal(refused.ok, false);
    assert.equal(r.ui.of('confirm')[0], 'Terminals already get POETRY_HTTP_BASIC_CODEARTIFACT_USERNAME, POETRY_HTTP_BASIC_CODEARTIFACT_PASSWORD '
      + 'from your CodeArtifact login Poetry → acme/python [terminal]. Log out of it and continue?');
    assert.equal(fs.existsSync(path.join(r.project, 'pyproject.toml')), false, 'nothing written');
    assert.deepEqual(r.feature.activeLogins().map((s) => s.meta.id), [first.ok ? first.id : '']);
    r.ui.answer(true);
    const second = await r.feature.login({ ...python, tool: 'poetry', placement: 'project', projectDir: r.project });
    assert.ok(second.ok);
    assert.deepEqual(r.feature.activeLogins().map((s) => s.meta.request.placement), ['project']);
    assert.equal(r.env.terminal(r.folder).get('POETRY_HTTP_BASIC_CODEARTIFACT_PASSWORD'), await r.feature.store.token(second.id));
  });

  it('another window\'s login, refresh and logout reach this window; a refresh asked in both windows at once requests one token', async () => {
    const a = await open();
    const b = await open({ window: a });
    const login = await b.feature.login({ ...python, tool: 'pip', placement: 'terminal', pipOption: 'index-url', projectDir: b.project });
    assert.ok(login.ok);
    await eventually('window A to show B\'s login', () => Object.keys(a.feature.statusItems.texts()).length === 1);
    await eventually('window A\'s terminals to get the token', () => a.env.terminal(a.folder).get('PIP_INDEX_URL') === b.env.terminal(b.folder).get('PIP_INDEX_URL'));

    const before = await tokenRequests();
    const [ra, rb] = await Promise.all([a.feature.refresh(login.id), b.feature.refresh(login.id)]);
    assert.deepEqual([ra?.status, rb?.status], ['valid', 'valid']);
    assert.equal(await tokenRequests(), before + 1, 'one GetAuthorizationToken: the other window took the new token');
    const fresh = await b.feature.store.token(login.id);
    await eventually('both windows\' terminals to have the new token', () => [a, b].every((w) => w.env.terminal(w.folder).get('PIP_INDEX_URL')?.includes(`aws:${fresh ?? '?'}@`) === true));

    const out = await b.feature.logout(login.id);
    assert.ok(out.ok);
    await eventually('window A to drop the login', () => Object.keys(a.feature.statusItems.texts()).length === 0 && a.env.terminal(a.folder).size === 0);
  });
});
