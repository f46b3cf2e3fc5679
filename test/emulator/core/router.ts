// Where service modules register their operations, and how a request finds one.
import type { JsonOperation, QueryService, RawRoute, RestRoute } from './contract';
import { compileUriPattern, matchUriPattern, type UriPattern } from './uri-pattern';

export interface JsonTarget {
  targetPrefix: string;
  signingName: string;
  operations: Record<string, JsonOperation>;
}

interface CompiledRoute {
  signingName: string;
  route: RestRoute;
  pattern: UriPattern;
}

export interface RestMatch {
  signingName: string;
  route: RestRoute;
  labels: Record<string, string>;
}

export class Router {
  private readonly targets = new Map<string, JsonTarget>();
  private readonly restByMethod = new Map<string, CompiledRoute[]>();
  private raws: RawRoute[] = [];
  private readonly queryByVersion = new Map<string, QueryService>();

  addJson(targetPrefix: string, signingName: string, operations: Record<string, JsonOperation>): void {
    const existing = this.targets.get(targetPrefix);
    if (existing && existing.signingName !== signingName) {
      throw new Error(`target ${targetPrefix} is registered with signing name ${existing.signingName}, not ${signingName}`);
    }
    this.targets.set(targetPrefix, { targetPrefix, signingName, operations: { ...existing?.operations, ...operations } });
  }

  addRest(signingName: string, routes: RestRoute[]): void {
    for (const route of routes) {
      const method = route.method.toUpperCase();
      const list = this.restByMethod.get(method) ?? [];
      list.push({ signingName, route, pattern: compileUriPattern(route.pattern) });
      list.sort((a, b) => b.pattern.specificity - a.pattern.specificity);
      this.restByMethod.set(method, list);
    }
  }

  addQuery(service: QueryService): void {
    if (this.queryByVersion.has(service.version)) throw new Error(`API version ${service.version} is registered twice`);
    this.queryByVersion.set(service.version, service);
  }

  /** The awsQuery service whose API version a request names. */
  query(version: string): QueryService | undefined {
    return this.queryByVersion.get(version);
  }

  addRaw(route: RawRoute): void {
    this.raws.push(route);
    this.raws.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** `X-Amz-Target: Prefix.Operation` → the target and operation name (operation may be unknown). */
  json(amzTarget: string): { target: JsonTarget; operation: string } | undefined {
    const dot = amzTarget.lastIndexOf('.');
    if (dot < 0) return undefined;
    const target = this.targets.get(amzTarget.slice(0, dot));
    return target ? { target, operation: amzTarget.slice(dot + 1) } : undefined;
  }

  rest(method: string, segments: readonly string[], query: URLSearchParams): RestMatch | undefined {
    for (const c of this.restByMethod.get(method.toUpperCase()) ?? []) {
      const labels = matchUriPattern(c.pattern, segments, query);
      if (labels) return { signingName: c.signingName, route: c.route, labels };
    }
    return undefined;
  }

  /** True when some REST route has this path under another method (→ 405 rather than 404). */
  restPathExists(segments: readonly string[], query: URLSearchParams): boolean {
    for (const list of this.restByMethod.values()) {
      if (list.some((c) => matchUriPattern(c.pattern, segments, query))) return true;
    }
    return false;
  }

  raw(path: string): RawRoute | undefined {
    return this.raws.find((r) => path.startsWith(r.prefix));
  }

  /** Every registered API operation, as `signingName:Operation`. */
  operations(): string[] {
    const out: string[] = [];
    for (const t of this.targets.values()) for (const op of Object.keys(t.operations)) out.push(`${t.signingName}:${op}`);
    for (const list of this.restByMethod.values()) for (const c of list) out.push(`${c.signingName}:${c.route.operation}`);
    for (const q of this.queryByVersion.values()) for (const op of Object.keys(q.operations)) out.push(`${q.signingName}:${op}`);
    return out.sort();
  }
}
