// Fault injection: tests (in process or over the admin API) make chosen operations fail, slow down,
// throttle, drop the connection, answer with a malformed body, or hold the answer until the fault is
// removed (a test then sees a loading state for as long as it needs, without guessing a delay).

export type FaultKind = 'error' | 'delay' | 'hold' | 'throttle' | 'drop' | 'malformed';

export interface FaultSpec {
  /** Operation name (e.g. `GetPipelineState`) or `*` for every API operation. */
  operation: string;
  /** Only requests signed for this service (signing name, e.g. `codepipeline`, `logs`). */
  service?: string;
  kind: FaultKind;
  /** error: HTTP status (default 400 when errorType is given, else 500). */
  status?: number;
  /** error: the error type (`__type` / `x-amzn-errortype`), default InternalFailure. */
  errorType?: string;
  /** error / throttle: the error message. */
  message?: string;
  /** error: extra members of the error body. */
  extra?: Record<string, unknown>;
  /** delay: real milliseconds added before the request is handled. */
  delayMs?: number;
  /** throttle: how many matching calls pass before throttling starts (default 0). */
  afterCalls?: number;
  /** How many times the fault fires before it is removed (default: until cleared). */
  times?: number;
}

export interface Fault extends FaultSpec {
  readonly id: string;
  /** Matching requests seen so far. */
  seen: number;
  /** Times the fault fired. */
  fired: number;
}

export interface FaultDecision {
  delayMs: number;
  /** Settles when every hold fault that matched this request has been removed (or cleared). */
  held?: Promise<void>;
  /** The fault that decides the outcome (error/throttle/drop/malformed), if any. */
  terminal?: Fault;
}

const KINDS: readonly FaultKind[] = ['error', 'delay', 'hold', 'throttle', 'drop', 'malformed'];

export class FaultRegistry {
  private faults: Fault[] = [];
  private nextId = 1;
  /** The release of each hold fault still registered. */
  private readonly holds = new Map<string, { released: Promise<void>; release: () => void }>();

  add(spec: FaultSpec): Fault {
    const problem = validateFaultSpec(spec);
    if (problem) throw new TypeError(problem);
    const fault: Fault = { ...spec, id: `fault-${this.nextId++}`, seen: 0, fired: 0 };
    this.faults.push(fault);
    if (spec.kind === 'hold') {
      let release = (): void => undefined;
      const released = new Promise<void>((resolve) => { release = resolve; });
      this.holds.set(fault.id, { released, release });
    }
    return fault;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    this.release(id);
    return this.faults.length !== before;
  }

  clear(): void {
    this.faults = [];
    for (const id of [...this.holds.keys()]) this.release(id);
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  /** Called once per API request: counts it against each matching fault and says what to do. */
  decide(service: string, operation: string): FaultDecision {
    let delayMs = 0;
    let terminal: Fault | undefined;
    const held: Promise<void>[] = [];
    for (const f of [...this.faults]) {
      if (f.operation !== '*' && f.operation !== operation) continue;
      if (f.service !== undefined && f.service !== service) continue;
      f.seen++;
      if (f.kind === 'delay') {
        delayMs += f.delayMs ?? 0;
        this.fire(f);
        continue;
      }
      if (f.kind === 'hold') {
        // Every matching request waits until the fault is removed; `times` does not apply.
        f.fired++;
        const hold = this.holds.get(f.id);
        if (hold) held.push(hold.released);
        continue;
      }
      if (terminal) continue;
      if (f.kind === 'throttle' && f.seen <= (f.afterCalls ?? 0)) continue;
      terminal = f;
      this.fire(f);
    }
    return { delayMs, ...(terminal ? { terminal } : {}), ...(held.length > 0 ? { held: Promise.all(held).then(() => undefined) } : {}) };
  }

  private release(id: string): void {
    this.holds.get(id)?.release();
    this.holds.delete(id);
  }

  private fire(f: Fault): void {
    f.fired++;
    if (f.times !== undefined && f.fired >= f.times) this.remove(f.id);
  }
}

/** A reason the spec is unusable, or undefined. Used for specs that arrive over HTTP too. */
export function validateFaultSpec(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'a fault must be an object';
  const spec = value as Record<string, unknown>;
  if (typeof spec.operation !== 'string' || !spec.operation) return 'operation must be a non-empty string (or "*")';
  if (!KINDS.includes(spec.kind as FaultKind)) return `kind must be one of ${KINDS.join(', ')}`;
  for (const key of ['status', 'delayMs', 'afterCalls', 'times'] as const) {
    const v = spec[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) return `${key} must be a non-negative integer`;
  }
  if (spec.status !== undefined && ((spec.status as number) < 400 || (spec.status as number) > 599)) return 'status must be 400-599';
  for (const key of ['service', 'errorType', 'message'] as const) {
    if (spec[key] !== undefined && typeof spec[key] !== 'string') return `${key} must be a string`;
  }
  if (spec.extra !== undefined && (typeof spec.extra !== 'object' || spec.extra === null || Array.isArray(spec.extra))) {
    return 'extra must be an object';
  }
  if (spec.kind === 'delay' && spec.delayMs === undefined) return 'a delay fault needs delayMs';
  if (spec.kind === 'hold' && spec.times !== undefined) return 'a hold fault lasts until it is removed: times does not apply';
  return undefined;
}
