// Request counters, read by tests and benchmarks through GET /_emulator/stats.

export interface StatsSnapshot {
  /** API requests (signed or not, successful or not) plus raw-route requests. */
  total: number;
  /** API requests per operation name, e.g. `{"ListPipelines": 3}`. */
  operations: Record<string, number>;
  /** The same per signing name: `{"codepipeline": {"ListPipelines": 3}}`. */
  services: Record<string, Record<string, number>>;
  /** Raw-route requests (package endpoints) per route prefix. */
  raw: Record<string, number>;
}

export class Stats {
  private snapshot: StatsSnapshot = Stats.empty();

  private static empty(): StatsSnapshot {
    return { total: 0, operations: {}, services: {}, raw: {} };
  }

  countOperation(service: string, operation: string): void {
    const s = this.snapshot;
    s.total++;
    s.operations[operation] = (s.operations[operation] ?? 0) + 1;
    const perService = (s.services[service] ??= {});
    perService[operation] = (perService[operation] ?? 0) + 1;
  }

  countRaw(prefix: string): void {
    this.snapshot.total++;
    this.snapshot.raw[prefix] = (this.snapshot.raw[prefix] ?? 0) + 1;
  }

  read(): StatsSnapshot {
    return structuredClone(this.snapshot);
  }

  reset(): void {
    this.snapshot = Stats.empty();
  }
}
