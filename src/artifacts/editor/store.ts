// Where active logins live between sessions and across windows: the shared login record in global
// storage (what each login is and what it changed on disk, mode 0600, never a token) and VS Code's
// SecretStorage (tokens, replaced credentials). Every change goes through the record's transactions
// (login/transactions.ts); this adapter keeps the last read of it for the views and the status bar.
import type * as vscode from 'vscode';
import type { LoginMeta } from '../login/manifest';
import type { ConfigFs } from '../login/node-fs';
import { LoginRecordStore, RECORD_FILE } from '../login/record-store';

export type { LoginMeta } from '../login/manifest';

/** The record's file name in global storage. */
export const MANIFEST_FILE = RECORD_FILE;
/** Where versions before the shared record kept the logins (adopted once by the record). */
export const LEGACY_LOGINS_KEY = 'conveyor.codeartifact.logins';

export type StoreContext = Pick<vscode.ExtensionContext, 'globalState' | 'secrets'> & { globalStoragePath: string };

function isLegacyMeta(v: unknown): v is LoginMeta {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Partial<LoginMeta>;
  return typeof m.id === 'string' && typeof m.request === 'object' && m.request !== null && typeof m.expiresAt === 'number' && typeof m.target === 'object';
}

export class LoginStore {
  readonly records: LoginRecordStore;
  private cache: LoginMeta[] = [];

  constructor(ctx: StoreContext, fs: ConfigFs, onRepair: (message: string) => void) {
    const legacy = (): LoginMeta[] => {
      const raw = ctx.globalState.get<unknown>(LEGACY_LOGINS_KEY);
      return Array.isArray(raw) ? raw.filter(isLegacyMeta).map((m) => ({ ...m, environmentNames: m.environmentNames ?? [], files: m.files ?? [] })) : [];
    };
    this.records = new LoginRecordStore(ctx.globalStoragePath, fs, ctx.secrets, { legacyLogins: legacy, onRepair });
  }

  /** The active logins as last read. */
  logins(): LoginMeta[] {
    return this.cache;
  }

  /** Reads the shared record again (this or another window changed it). */
  async reload(): Promise<LoginMeta[]> {
    this.cache = (await this.records.read()).active ?? [];
    return this.cache;
  }

  async token(id: string): Promise<string | undefined> {
    return this.records.token(id);
  }
}
