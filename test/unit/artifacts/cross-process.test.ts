// Review findings 4 and 10 with real processes: two "windows" (cross-process-worker.ts, each its own
// Node process with its own SDK client) share one home folder, one login record, one lock and one
// secret store, as two VS Code windows do. Interleavings are made exact by pausing one window where
// it holds the lock and waiting until the other reports that it waits for it; crashes are real
// SIGKILLs at the worst moments. Every scenario ends with the files and the record checked byte for
// byte, and with nothing left behind (token, backup, lock).
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { loginId, type LoginRequest } from '../../../src/artifacts/login/plan';
import { LOCK_FILE, RECORD_FILE } from '../../../src/artifacts/login/record-store';
import { createEmulator, type Emulator } from '../../emulator/index';
import type { Gate, WorkerCommand, WorkerEvent } from './cross-process-worker';

const WORKER = path.join(__dirname, 'cross-process-worker.ts');
type Op = { op: 'login'; request: Omit<LoginRequest, 'endpoint'> } | { op: 'refresh'; id: string; known: number } | { op: 'logout'; id: string };
interface Meta { id: string; issuedAt: number; expiresAt: number }

class Window {
  private readonly inbox: WorkerEvent[] = [];
  private readonly listeners = new Set<() => void>();
  private seq = 0;
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (event: WorkerEvent) => {
      this.inbox.push(event);
      for (const l of [...this.listeners]) l();
    });
    child.on('exit', () => {
      this.exited = true;
      for (const l of [...this.listeners]) l();
    });
  }

  static async open(init: Extract<WorkerCommand, { type: 'init' }>): Promise<Window> {
    const w = new Window(fork(WORKER, [], { execArgv: ['--no-warnings', '--conditions=conveyor-source', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    w.send(init);
    await w.next((e) => e.type === 'ready');
    return w;
  }

  private send(command: WorkerCommand): void {
    this.child.send(command);
  }

  /** The first event not yet taken that matches (also one that arrived before the call). */
  next(match: (e: WorkerEvent) => boolean): Promise<WorkerEvent> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const i = this.inbox.findIndex(match);
        if (i >= 0) {
          this.listeners.delete(check);
          resolve(this.inbox.splice(i, 1)[0] as WorkerEvent);
        } else if (this.exited) {
          this.listeners.delete(check);
          reject(new Error('the window exited'));
        }
      };
      this.listeners.add(check);
      check();
    });
  }

  async run(op: Op): Promise<unknown> {
    const seq = ++this.seq;
    this.send({ type: 'run', seq, ...op });
    const e = await this.next((x) => (x.type === 'done' || x.type === 'failed') && x.seq === seq);
    if (e.type === 'failed') throw Object.assign(new Error(e.message), { name: e.name });
    return e.type === 'done' ? e.result : undefined;
  }

  /** Starts `op`, paused at `point`; resolves (with the op's result promise) once it is there. */
  async pausedAt(point: Gate, op: Op): Promise<{ result: Promise<unknown> }> {
    this.send({ type: 'gate', point });
    const result = this.run(op);
    result.catch(() => undefined);
    await this.next((e) => e.type === 'paused' && e.point === point);
    return { result };
  }

  waiting(): Promise<WorkerEvent> {
    return this.next((e) => e.type === 'waiting');
  }

  resume(): void {
    this.send({ type: 'continue' });
  }

  async kill(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await gone;
  }
}

describe('CodeArtifact logins across processes (two windows, one record)', function () {
  this.timeout(120_000);
  let emu: Emulator;
  let root: string;
  let home: string;
  let storage: string;
  let windows: Window[];
  const NPMRC_BEFORE = 'color=false\r\n; mine\r\n';
  const PYPIRC_BEFORE = '[pypi]\nusername = __token__\n';
  const base = { domain: 'acme', domainOwner: '111111111111', region: 'us-east-1', tokenVariable: 'CODEARTIFACT_AUTH_TOKEN', placement: 'user' } as const;
  const npmTeam: Omit<LoginRequest, 'endpoint'> = { ...base, tool: 'npm', repository: 'team-npm' };
  const npmStore: Omit<LoginRequest, 'endpoint'> = { ...base, tool: 'npm', repository: 'npm-store', scope: '@team' };
  const pip: Omit<LoginRequest, 'endpoint'> = { ...base, tool: 'pip', repository: 'python', pipOption: 'index-url' };
  const twine: Omit<LoginRequest, 'endpoint'> = { ...base, tool: 'twine', repository: 'python' };
  const tokenCalls = (): number => emu.stats.read().operations.GetAuthorizationToken ?? 0;
  const npmrc = (): string => fs.readFileSync(path.join(home, '.npmrc'), 'latin1');
  const record = (): { active?: Meta[]; logins: { id: string }[]; files: unknown[]; pending?: unknown } =>
    JSON.parse(fs.readFileSync(path.join(storage, RECORD_FILE), 'utf8')) as { active?: Meta[]; logins: { id: string }[]; files: unknown[] };
  const secrets = (): string[] => (fs.existsSync(path.join(storage, 'secrets.json')) ? Object.keys(JSON.parse(fs.readFileSync(path.join(storage, 'secrets.json'), 'utf8')) as object) : []);

  /** Everything back as it was: files byte-identical, record and secret store empty, no backup, no lock. */
  function assertPristine(): void {
    assert.equal(npmrc(), NPMRC_BEFORE);
    assert.equal(fs.readFileSync(path.join(home, '.pypirc'), 'utf8'), PYPIRC_BEFORE);
    assert.equal(fs.existsSync(path.join(home, '.config')), false, 'pip.conf and its folders are gone');
    const r = record();
    assert.deepEqual([r.active, r.logins, r.files, r.pending], [[], [], [], undefined]);
    assert.deepEqual(secrets(), []);
    assert.deepEqual(fs.readdirSync(home).sort(), ['.npmrc', '.pypirc']);
    assert.equal(fs.existsSync(path.join(storage, LOCK_FILE)), false);
  }

  before(async () => {
    emu = await createEmulator({ seed: { dataset: 'demo' }, speed: 0 });
  });
  after(async () => { await emu.close(); });
  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-windows-'));
    home = path.join(root, 'home');
    storage = path.join(root, 'storage');
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(home, '.npmrc'), NPMRC_BEFORE);
    fs.writeFileSync(path.join(home, '.pypirc'), PYPIRC_BEFORE);
    const init = { type: 'init' as const, storage, home, project: root, client: emu.clientConfig() };
    windows = await Promise.all([Window.open(init), Window.open(init)]);
  });
  afterEach(async () => {
    await Promise.all(windows.map((w) => w.kill()));
    fs.rmSync(root, { recursive: true, force: true });
  });
  const pair = (): [Window, Window] => [windows[0] as Window, windows[1] as Window];

  it('both windows refresh the same login at once: one token request, the other window takes that token, logout leaves nothing', async () => {
    const [a, b] = pair();
    const login = await a.run({ op: 'login', request: npmTeam }) as { meta: Meta; token: string };
    const calls = tokenCalls();
    const first = await a.pausedAt('locked', { op: 'refresh', id: login.meta.id, known: login.meta.issuedAt });
    const second = b.run({ op: 'refresh', id: login.meta.id, known: login.meta.issuedAt });
    await b.waiting();
    a.resume();
    const [ra, rb] = await Promise.all([first.result, second]) as { token: string; adopted: boolean; meta: Meta }[];
    assert.equal(ra?.adopted, false);
    assert.equal(rb?.adopted, true, 'the second window adopts the refreshed token');
    assert.equal(rb?.token, ra?.token);
    assert.equal(tokenCalls(), calls + 1, 'exactly one GetAuthorizationToken for both windows');
    assert.ok(npmrc().includes(`:_authToken=${ra?.token ?? '?'}\r\n`) && !npmrc().includes(login.token));
    assert.equal(record().active?.[0]?.issuedAt, ra?.meta.issuedAt);
    const out = await b.run({ op: 'logout', id: login.meta.id }) as { changes: { kept?: string[] }[] };
    assert.deepEqual(out.changes.flatMap((c) => c.kept ?? []), [], 'nothing is "changed after login"');
    assertPristine();
  });

  it('one window logs in a second login while the other refreshes the first: both are recorded, and both logouts restore the file', async () => {
    const [a, b] = pair();
    const one = await a.run({ op: 'login', request: npmTeam }) as { meta: Meta };
    const second = await a.pausedAt('locked', { op: 'login', request: npmStore });
    const refresh = b.run({ op: 'refresh', id: one.meta.id, known: one.meta.issuedAt });
    await b.waiting();
    a.resume();
    const [two] = await Promise.all([second.result, refresh]) as { meta: Meta }[];
    assert.deepEqual(record().active?.map((m) => m.id).sort(), [one.meta.id, two?.meta.id].sort());
    assert.deepEqual(record().logins.map((l) => l.id).sort(), [one.meta.id, two?.meta.id].sort());
    assert.match(npmrc(), /^color=false\r\n; mine\r\nregistry=.*\/npm\/team-npm\/\r\n\/\/.*team-npm\/:_authToken=\S+\r\n@team:registry=.*npm-store\/\r\n\/\/.*npm-store\/:_authToken=\S+\r\n$/);
    await b.run({ op: 'logout', id: two?.meta.id ?? '' });
    await a.run({ op: 'logout', id: one.meta.id });
    assertPristine();
  });

  it('one window logs out while the other refreshes: the refresh finds the login gone and writes nothing', async () => {
    const [a, b] = pair();
    const one = await a.run({ op: 'login', request: npmTeam }) as { meta: Meta };
    const logout = await b.pausedAt('locked', { op: 'logout', id: one.meta.id });
    const refresh = a.run({ op: 'refresh', id: one.meta.id, known: one.meta.issuedAt });
    await a.waiting();
    b.resume();
    await logout.result;
    await assert.rejects(refresh, { name: 'LoginGoneError' });
    assertPristine();
  });

  describe('finding 10: a window killed in the middle of a change', () => {
    it('after writing ~/.npmrc, before committing: the next transaction undoes the unfinished login; a new login and its logout restore the original', async () => {
      const [a, b] = pair();
      await a.pausedAt('written', { op: 'login', request: npmTeam });
      const crashed = npmrc();
      assert.match(crashed, /:_authToken=\S+\r\n$/, 'the token reached the file');
      await a.kill();
      // B finds the dead window's lock and the unfinished login; it undoes it before its own login.
      const again = await b.run({ op: 'login', request: npmTeam }) as { meta: Meta; token: string };
      assert.equal(npmrc(), `${NPMRC_BEFORE}${crashed.slice(NPMRC_BEFORE.length).replace(/_authToken=\S+/, `_authToken=${again.token}`)}`);
      await b.run({ op: 'logout', id: again.meta.id });
      assertPristine();
    });

    const refreshCrashes: [Gate, string, boolean][] = [
      ['ahead', 'after the record was written ahead but before the file: logout still removes the old token', true],
      ['written', 'after the file was written: logout removes the new token', false],
    ];
    for (const [point, title, oldTokenStays] of refreshCrashes) {
      it(`during a refresh, ${title}`, async () => {
        const [a, b] = pair();
        const one = await a.run({ op: 'login', request: npmTeam }) as { meta: Meta; token: string };
        await a.pausedAt(point, { op: 'refresh', id: one.meta.id, known: one.meta.issuedAt });
        await a.kill();
        assert.equal(npmrc().includes(one.token), oldTokenStays, `the file has the ${oldTokenStays ? 'old' : 'new'} token`);
        const out = await b.run({ op: 'logout', id: one.meta.id }) as { changes: { kept?: string[] }[] };
        assert.deepEqual(out.changes.flatMap((c) => c.kept ?? []), [], 'nothing is "changed after login"');
        assertPristine();
      });
    }
  });

  it('random logins, refreshes and logouts from both windows at once end with the right files and record', async () => {
    const requests = [npmTeam, npmStore, pip, twine];
    const ids = requests.map((r) => loginId(r));
    const plans = fc.sample(fc.array(fc.tuple(fc.constantFrom('login', 'refresh', 'logout'), fc.nat(requests.length - 1)), { minLength: 12, maxLength: 12 }), { numRuns: 2, seed: 20261213 });
    const known = new Map<string, number>();
    const play = async (w: Window, plan: [string, number][]): Promise<void> => {
      for (const [kind, i] of plan) {
        const id = ids[i] ?? '';
        const op: Op = kind === 'login' ? { op: 'login', request: requests[i] ?? npmTeam } : kind === 'refresh' ? { op: 'refresh', id, known: known.get(id) ?? 0 } : { op: 'logout', id };
        const result = await w.run(op).catch((err: Error) => {
          if (err.name !== 'LoginGoneError') throw err;
          return undefined;
        }) as { meta?: Meta } | undefined;
        if (result?.meta) known.set(id, result.meta.issuedAt);
      }
    };
    const [a, b] = pair();
    await Promise.all([play(a, plans[0] ?? []), play(b, plans[1] ?? [])]);
    // The record and the files agree: every login the record has is in the files, and logging them all out restores everything.
    for (const meta of record().active ?? []) await a.run({ op: 'logout', id: meta.id });
    assertPristine();
  });
});
