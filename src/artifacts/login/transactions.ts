// Login, refresh and logout as transactions on the shared record (see record-store.ts): each runs as
// the only writer across every VS Code window, on the record as it is now, and saves the record it is
// about to make true before any config file changes. The editor and the cross-process tests both go
// through here.
import type { CodeartifactClient } from '@aws-sdk/client-codeartifact';
import type { AwsTarget } from '../../aws/access';
import type { FileChange } from './engine';
import type { LoginMeta, Manifest, PendingChange } from './manifest';
import type { ConfigFs } from './node-fs';
import { loginId, type LoginRequest, type PlanContext } from './plan';
import type { LoginRecordStore } from './record-store';
import { performLogin, performLogout, type LoginOutcome } from './service';

export interface TransactionDeps {
  records: LoginRecordStore;
  fs: ConfigFs;
  context: PlanContext;
  now: () => number;
  client: (target: AwsTarget) => CodeartifactClient;
}

/** The login was logged out (in this window or another) before the change could run. */
export class LoginGoneError extends Error {
  constructor() {
    super('This CodeArtifact login no longer exists (it was logged out, perhaps in another window)');
    this.name = 'LoginGoneError';
  }
}

function pendingFor(manifest: Manifest, id: string): PendingChange {
  const previous = manifest.logins.find((l) => l.id === id)?.files.flatMap((f) => f.undo.entries.map((e) => ({ path: f.path, address: e.address, written: e.written })));
  return { id, ...(previous ? { previous } : {}) };
}

function committed(manifest: Manifest, meta: LoginMeta): Manifest {
  const rest = { ...manifest };
  delete rest.pending;
  return { ...rest, active: [...(manifest.active ?? []).filter((m) => m.id !== meta.id), meta] };
}

/** Issues a token and writes it where the plan says; the record is saved before and after the files change. */
async function issueAndWrite(deps: TransactionDeps, record: { manifest: Manifest; save(next: Manifest): Promise<void> }, request: Omit<LoginRequest, 'endpoint'> & { endpoint?: string },
  target: AwsTarget, durationSeconds: number, meta: (outcome: LoginOutcome) => LoginMeta): Promise<{ meta: LoginMeta; outcome: LoginOutcome }> {
  const before = record.manifest;
  const id = loginId(request);
  let wroteAhead = false;
  let outcome: LoginOutcome;
  try {
    outcome = await performLogin({ client: deps.client(target), fs: deps.fs, context: deps.context, now: deps.now }, request, durationSeconds, before, {
      beforeWrite: async (next) => {
        await record.save({ ...next, pending: pendingFor(before, id) });
        wroteAhead = true;
      },
    });
  } catch (err) {
    // The engine put the files back; the record goes back with them.
    if (wroteAhead) await record.save(before);
    throw err;
  }
  const done = meta(outcome);
  await record.save(committed(outcome.manifest, done));
  // Stored after the commit: a window told of the new token by the secret store finds the record that goes with it.
  await deps.records.setToken(id, outcome.issued.token);
  return { meta: done, outcome };
}

/** A new login (or a re-login of the same one: only its token changes). */
export function loginTransaction(deps: TransactionDeps, request: Omit<LoginRequest, 'endpoint'>, target: AwsTarget, durationSeconds: number): Promise<{ meta: LoginMeta; outcome: LoginOutcome }> {
  return deps.records.transact((tx) => issueAndWrite(deps, tx, request, target, durationSeconds, (o) => ({
    id: o.id, request: o.plan.request, target, issuedAt: o.issued.issuedAt, expiresAt: o.issued.expiresAt,
    environmentNames: Object.keys(o.environment), files: o.changes.map((c) => c.path),
  })));
}

export interface Refresh {
  meta: LoginMeta;
  token: string;
  /** Another window had refreshed it already: this one only took the new token. */
  adopted: boolean;
  changes: FileChange[];
}

/**
 * Refreshes a login's token. Every window schedules the same refresh; the first to get the lock does
 * it, and the others, finding a token issued after the one they knew (`knownIssuedAt`), take it.
 */
export function refreshTransaction(deps: TransactionDeps, id: string, knownIssuedAt: number, durationSeconds: number): Promise<Refresh> {
  return deps.records.transact(async (tx) => {
    const meta = tx.manifest.active?.find((m) => m.id === id);
    if (!meta) throw new LoginGoneError();
    if (meta.issuedAt > knownIssuedAt) {
      const token = await deps.records.token(id);
      if (token) return { meta, token, adopted: true, changes: [] };
    }
    const { meta: fresh, outcome } = await issueAndWrite(deps, tx, meta.request, meta.target, durationSeconds, (o) => ({
      ...meta, issuedAt: o.issued.issuedAt, expiresAt: o.issued.expiresAt, files: [...new Set([...meta.files, ...o.changes.map((c) => c.path)])],
    }));
    return { meta: fresh, token: outcome.issued.token, adopted: false, changes: outcome.changes };
  });
}

/** Removes exactly what the login added, forgets it and its token. */
export function logoutTransaction(deps: Pick<TransactionDeps, 'records' | 'fs'>, id: string): Promise<{ meta: LoginMeta | undefined; changes: FileChange[] }> {
  return deps.records.transact(async (tx) => {
    const meta = tx.manifest.active?.find((m) => m.id === id);
    const out = await performLogout({ fs: deps.fs }, id, tx.manifest);
    await tx.save({ ...out.manifest, active: (tx.manifest.active ?? []).filter((m) => m.id !== id) });
    await deps.records.deleteToken(id);
    return { meta, changes: out.changes };
  });
}
