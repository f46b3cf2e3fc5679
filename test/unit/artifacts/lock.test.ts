// The inter-process lock and the record store around it: stale locks (dead holder, or one that
// stopped touching its lock), a live holder waited for, a lost lock noticed before saving, the
// compare-and-swap on the record's generation, and the one-time adoption of older versions' logins.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LockLostError, LockTimeoutError, withLock } from '../../../src/artifacts/login/lock';
import { EMPTY_MANIFEST, type LoginMeta } from '../../../src/artifacts/login/manifest';
import { nodeConfigFs } from '../../../src/artifacts/login/node-fs';
import { LoginRecordStore, RECORD_FILE, RecordChangedError, type SecretVault } from '../../../src/artifacts/login/record-store';

class MemoryVault implements SecretVault {
  readonly data = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.data.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.data.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }
}

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 1000) throw new Error(`never: ${what}`);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('inter-process lock and login record', () => {
  let dir: string;
  let lockFile: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-lock-'));
    lockFile = path.join(dir, 'test.lock');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const holder = (pid: number): string => JSON.stringify({ pid, host: os.hostname(), nonce: 'theirs', since: 1_800_000_000_000 });

  it('takes at once a lock left by a process that no longer exists', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    assert.ok(dead);
    fs.writeFileSync(lockFile, holder(dead));
    let waited = false;
    const result = await withLock(lockFile, async () => {
      assert.match(fs.readFileSync(lockFile, 'utf8'), new RegExp(`"pid":${process.pid}`));
      return 'ran';
    }, { onWait: () => { waited = true; } });
    assert.equal(result, 'ran');
    assert.equal(waited, false);
    assert.equal(fs.existsSync(lockFile), false, 'released');
  });

  it('waits for a live holder, and gives up with a clear error', async () => {
    fs.writeFileSync(lockFile, holder(process.ppid));
    let waitedFor: number | undefined;
    await assert.rejects(withLock(lockFile, async () => 'ran', { timeoutMs: 200, onWait: (h) => { waitedFor = h?.pid; } }),
      (err: unknown) => err instanceof LockTimeoutError && err.message.includes(`process ${process.ppid}`));
    assert.equal(waitedFor, process.ppid);
    assert.equal(fs.readFileSync(lockFile, 'utf8'), holder(process.ppid), 'the live holder\'s lock is left alone');
  });

  it('breaks the lock of a holder that stopped touching it', async () => {
    fs.writeFileSync(lockFile, holder(process.ppid));
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile, old, old);
    assert.equal(await withLock(lockFile, async () => 'ran', { staleMs: 30_000, timeoutMs: 5_000 }), 'ran');
  });

  it('the holder touches its lock while it works, and notices when it lost it', async () => {
    await withLock(lockFile, async (lock) => {
      const first = fs.statSync(lockFile).mtimeMs;
      fs.utimesSync(lockFile, new Date(first - 10_000), new Date(first - 10_000));
      await until('a heartbeat', () => fs.statSync(lockFile).mtimeMs > first - 10_000);
      await lock.check();
      fs.writeFileSync(lockFile, holder(process.ppid)); // another window broke it and holds it now
      await assert.rejects(lock.check(), LockLostError);
    }, { heartbeatMs: 20 });
    assert.equal(fs.readFileSync(lockFile, 'utf8'), holder(process.ppid), 'the new holder\'s lock is not removed');
  });

  describe('record store', () => {
    const meta = (id: string): LoginMeta => ({ id, request: { tool: 'pip', placement: 'terminal', domain: 'd', domainOwner: '111111111111', repository: 'r', region: 'us-east-1', endpoint: 'https://x/', tokenVariable: 'CODEARTIFACT_AUTH_TOKEN' },
      target: { profile: 'p', region: 'us-east-1' }, issuedAt: 1, expiresAt: 2, environmentNames: ['PIP_INDEX_URL'], files: [] });

    it('refuses to save over a record another process saved meanwhile (compare-and-swap on its generation)', async () => {
      const store = new LoginRecordStore(dir, nodeConfigFs, new MemoryVault());
      await store.transact((tx) => tx.save({ ...EMPTY_MANIFEST, active: [meta('a')] }));
      const file = path.join(dir, RECORD_FILE);
      await assert.rejects(store.transact(async (tx) => {
        const theirs = JSON.parse(fs.readFileSync(file, 'utf8')) as { generation: number };
        fs.writeFileSync(file, JSON.stringify({ ...theirs, generation: theirs.generation + 1 })); // a writer that ignored the lock
        await tx.save({ ...tx.manifest, active: [] });
      }), RecordChangedError);
      assert.deepEqual((await store.read()).active?.map((m) => m.id), ['a']);
    });

    it('adopts the logins an older version kept in globalState, once, and keeps replaced credentials out of the file', async () => {
      fs.writeFileSync(path.join(dir, RECORD_FILE), JSON.stringify({ version: 1, logins: [{ id: 'old', files: [] }], files: [] }));
      const vault = new MemoryVault();
      let legacy = [meta('old')];
      const store = new LoginRecordStore(dir, nodeConfigFs, vault, { legacyLogins: () => legacy });
      assert.deepEqual((await store.read()).active?.map((m) => m.id), ['old'], 'shown before any transaction');
      await store.transact(async () => undefined);
      legacy = [];
      assert.deepEqual((await store.read()).active?.map((m) => m.id), ['old'], 'now in the shared record');
      await store.transact((tx) => tx.save({
        ...tx.manifest,
        logins: [{ id: 'old', files: [{ path: '/x/.npmrc', format: 'npmrc', tokenBearing: true, undo: { created: [], entries: [{ address: ['k'], prior: 'k=SECRET-BEFORE', priorSecret: true, secret: true, written: 'sha256:0' }] } }] }],
      }));
      assert.ok(!fs.readFileSync(path.join(dir, RECORD_FILE), 'utf8').includes('SECRET-BEFORE'));
      assert.deepEqual([...vault.data.values()], ['k=SECRET-BEFORE']);
      await store.transact((tx) => {
        assert.equal(tx.manifest.logins[0]?.files[0]?.undo.entries[0]?.prior, 'k=SECRET-BEFORE', 'joined back for logout');
        return tx.save({ ...tx.manifest, logins: [], active: [] });
      });
      assert.equal(vault.data.size, 0, 'a credential no longer needed is deleted');
    });
  });
});
