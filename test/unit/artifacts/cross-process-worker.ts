// One "VS Code window" for cross-process.test.ts: a separate Node process that logs in, refreshes and
// logs out through the same transactions as the editor (src/artifacts/login/transactions.ts), with the
// real lock, the real file system, the real SDK client against the parent's emulator, and a secret
// store shared through a file (VS Code's SecretStorage is shared by every window the same way).
// The parent drives it over IPC and can make it pause at a point (to interleave, or to kill it there).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeartifactClient } from '@aws-sdk/client-codeartifact';
import type { ConfigFs } from '../../../src/artifacts/login/node-fs';
import type { EmulatorClientConfig } from '../../emulator/index';
import { nodeConfigFs } from '../../../src/artifacts/login/node-fs';
import type { LoginRequest } from '../../../src/artifacts/login/plan';
import { LoginRecordStore, RECORD_FILE, type SecretVault } from '../../../src/artifacts/login/record-store';
import { loginTransaction, logoutTransaction, refreshTransaction, type TransactionDeps } from '../../../src/artifacts/login/transactions';

export type Gate = 'locked' | 'ahead' | 'written';

export type WorkerCommand =
  | { type: 'init'; storage: string; home: string; project: string; client: EmulatorClientConfig }
  | { type: 'gate'; point: Gate }
  | { type: 'continue' }
  | { type: 'run'; seq: number; op: 'login'; request: Omit<LoginRequest, 'endpoint'> }
  | { type: 'run'; seq: number; op: 'refresh'; id: string; known: number }
  | { type: 'run'; seq: number; op: 'logout'; id: string };

export type WorkerEvent =
  | { type: 'ready' }
  | { type: 'waiting' }
  | { type: 'paused'; point: Gate }
  | { type: 'done'; seq: number; result: unknown }
  | { type: 'failed'; seq: number; name: string; message: string };

/** A secret store in one JSON file, written atomically; every write happens under the record lock. */
class FileVault implements SecretVault {
  constructor(private readonly file: string) {}
  private all(): Record<string, string> {
    return fs.existsSync(this.file) ? JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string> : {};
  }
  private save(all: Record<string, string>): void {
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(all));
    fs.renameSync(temp, this.file);
  }
  async get(key: string): Promise<string | undefined> {
    return this.all()[key];
  }
  async store(key: string, value: string): Promise<void> {
    this.save({ ...this.all(), [key]: value });
  }
  async delete(key: string): Promise<void> {
    const all = this.all();
    delete all[key];
    this.save(all);
  }
}

const send = (event: WorkerEvent): void => { process.send?.(event); };
let gate: Gate | undefined;
let resume: (() => void) | undefined;

async function pass(point: Gate): Promise<void> {
  if (gate !== point) return;
  gate = undefined;
  await new Promise<void>((resolve) => {
    resume = resolve;
    send({ type: 'paused', point });
  });
}

function gatedFs(recordPath: string): ConfigFs {
  return {
    ...nodeConfigFs,
    async read(file) {
      // The first thing a transaction does once it holds the lock is to read the record.
      if (file === recordPath) await pass('locked');
      return nodeConfigFs.read(file);
    },
    async writeAtomic(file, data, mode) {
      await nodeConfigFs.writeAtomic(file, data, mode);
      if (file === recordPath && Buffer.from(data).toString('utf8').includes('"pending"')) await pass('ahead');
      if (file !== recordPath) await pass('written');
    },
  };
}

let deps: TransactionDeps | undefined;

process.on('message', (command: WorkerCommand) => {
  switch (command.type) {
    case 'init': {
      const recordPath = path.join(command.storage, RECORD_FILE);
      const configFs = gatedFs(recordPath);
      const client = new CodeartifactClient(command.client);
      const records = new LoginRecordStore(command.storage, configFs, new FileVault(path.join(command.storage, 'secrets.json')), {
        lock: { onWait: () => send({ type: 'waiting' }) },
      });
      deps = { records, fs: configFs, context: { home: command.home, platform: 'linux', env: {}, exists: (p) => fs.existsSync(p) }, now: () => Date.now(), client: () => client };
      send({ type: 'ready' });
      return;
    }
    case 'gate':
      gate = command.point;
      return;
    case 'continue':
      resume?.();
      resume = undefined;
      return;
    case 'run': {
      const d = deps;
      if (!d) throw new Error('not initialised');
      const target = { profile: 'default', region: 'us-east-1' };
      const work = command.op === 'login' ? loginTransaction(d, command.request, target, 900).then(({ meta, outcome }) => ({ meta, token: outcome.issued.token }))
        : command.op === 'refresh' ? refreshTransaction(d, command.id, command.known, 900)
          : logoutTransaction(d, command.id);
      work.then((result) => send({ type: 'done', seq: command.seq, result }),
        (err: unknown) => send({ type: 'failed', seq: command.seq, name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) }));
    }
  }
});
