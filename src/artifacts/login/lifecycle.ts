// When to refresh a CodeArtifact token, and the timers that do it. Pure policy plus a scheduler that
// takes its clock from outside, so tests drive it with simulated time.

export const MIN_DURATION_SECONDS = 900;
export const MAX_DURATION_SECONDS = 43200;

/** The duration setting, clamped to what GetAuthorizationToken accepts. */
export function normaliseDuration(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : MAX_DURATION_SECONDS;
  return Math.min(MAX_DURATION_SECONDS, Math.max(MIN_DURATION_SECONDS, n));
}

/**
 * How long before expiry to refresh: a tenth of the lifetime, at least 2 and at most 30 minutes, and
 * never more than half of it. A 12-hour token is refreshed 30 minutes early, a 15-minute one 2 minutes.
 */
export function refreshLeadMs(issuedAt: number, expiresAt: number): number {
  const lifetime = Math.max(0, expiresAt - issuedAt);
  const lead = Math.min(30 * 60_000, Math.max(2 * 60_000, lifetime / 10));
  return Math.min(lead, lifetime / 2);
}

export function refreshAt(issuedAt: number, expiresAt: number): number {
  return expiresAt - refreshLeadMs(issuedAt, expiresAt);
}

/** Backoff between failed refreshes: 30 s, 1, 2, 4 … minutes, at most 10, never past the expiry. */
export function retryDelayMs(attempt: number): number {
  return Math.min(10 * 60_000, 30_000 * 2 ** Math.max(0, attempt));
}

/** "11h 59m", "4m 05s", "42s", "expired". */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return 'expired';
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}

export type TokenStatus = 'valid' | 'refreshing' | 'retrying' | 'expired';

export interface TrackedToken {
  id: string;
  issuedAt: number;
  expiresAt: number;
  status: TokenStatus;
  /** Failed refresh attempts since the last success. */
  failures: number;
  lastError?: string;
}

export interface Refreshed {
  issuedAt: number;
  expiresAt: number;
}

/**
 * Keeps every active login's token fresh: refreshes ahead of expiry, retries with backoff on failure,
 * and reports each change. A token that expires anyway is marked expired (the login stays, so the
 * person can refresh it by hand once the cause is fixed).
 */
export class TokenScheduler {
  private readonly tokens = new Map<string, TrackedToken>();
  private readonly timers = new Map<string, { cancel(): void }>();

  constructor(
    private readonly clock: Clock,
    private readonly refresh: (id: string) => Promise<Refreshed>,
    private readonly onChange: (token: TrackedToken) => void,
  ) {}

  track(id: string, issuedAt: number, expiresAt: number): void {
    const token: TrackedToken = { id, issuedAt, expiresAt, status: this.clock.now() >= expiresAt ? 'expired' : 'valid', failures: 0 };
    this.tokens.set(id, token);
    this.onChange(token);
    this.schedule(token);
  }

  untrack(id: string): void {
    this.timers.get(id)?.cancel();
    this.timers.delete(id);
    this.tokens.delete(id);
  }

  get(id: string): TrackedToken | undefined {
    return this.tokens.get(id);
  }

  all(): TrackedToken[] {
    return [...this.tokens.values()];
  }

  /** Refreshes now (the person asked, or a tool got a 401). */
  async refreshNow(id: string): Promise<TrackedToken | undefined> {
    const token = this.tokens.get(id);
    if (!token) return undefined;
    this.timers.get(id)?.cancel();
    await this.attempt(token);
    return this.tokens.get(id);
  }

  dispose(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
    this.tokens.clear();
  }

  private schedule(token: TrackedToken): void {
    this.timers.get(token.id)?.cancel();
    const now = this.clock.now();
    let at: number;
    if (token.status === 'retrying') {
      // Back off, but make one last attempt a second before expiry, and a final one at expiry.
      const lastChance = token.expiresAt - 1000;
      at = now + retryDelayMs(token.failures - 1);
      if (at >= lastChance) at = now < lastChance ? lastChance : token.expiresAt;
    } else {
      at = refreshAt(token.issuedAt, token.expiresAt);
    }
    if (token.status === 'expired') return;
    this.timers.set(token.id, this.clock.setTimeout(() => { void this.attempt(token); }, Math.max(0, at - now)));
  }

  private async attempt(token: TrackedToken): Promise<void> {
    if (this.tokens.get(token.id) !== token) return;
    token.status = 'refreshing';
    this.onChange(token);
    try {
      const next = await this.refresh(token.id);
      if (this.tokens.get(token.id) !== token) return;
      const fresh: TrackedToken = { id: token.id, issuedAt: next.issuedAt, expiresAt: next.expiresAt, status: 'valid', failures: 0 };
      this.tokens.set(token.id, fresh);
      this.onChange(fresh);
      this.schedule(fresh);
    } catch (err) {
      if (this.tokens.get(token.id) !== token) return;
      token.failures++;
      token.lastError = err instanceof Error ? err.message : String(err);
      token.status = this.clock.now() >= token.expiresAt ? 'expired' : 'retrying';
      this.onChange(token);
      if (token.status === 'retrying') this.schedule(token);
      else this.stop(token.id);
    }
  }

  private stop(id: string): void {
    this.timers.get(id)?.cancel();
    this.timers.delete(id);
  }

  /** Marks tokens whose expiry has passed; call from a ticking UI (the status bar). */
  sweep(): void {
    const now = this.clock.now();
    for (const token of this.tokens.values()) {
      if (token.status !== 'expired' && token.status !== 'refreshing' && now >= token.expiresAt) {
        token.status = 'expired';
        this.timers.get(token.id)?.cancel();
        this.timers.delete(token.id);
        this.onChange(token);
      }
    }
  }
}
