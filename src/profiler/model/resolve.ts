import { parseFrameName, type ParsedFrame } from './frame-name';

/** A source file in the workspace. Paths use forward slashes. */
export interface WorkspaceFile {
  /** Absolute path. */
  readonly path: string;
  /** Relative to its workspace folder. */
  readonly rel: string;
}

export interface ResolvedFrame {
  readonly file: WorkspaceFile;
  readonly frame: ParsedFrame;
  /** 1-based line the profile names (Python executing line, Java `(File.java:N)`), if any. */
  readonly line?: number;
}

/** What the profile says about one frame: its name and, for Python, the file on the profiled host. */
export interface FrameQuery {
  readonly name: string;
  readonly hostFile?: string;
  readonly line?: number;
}

const slash = (p: string): string => p.replace(/\\/g, '/');
const segmentsOf = (p: string): string[] => slash(p).split('/').filter((s) => s.length > 0 && s !== '.');
const basename = (p: string): string => segmentsOf(p).pop() ?? '';

/** How many trailing path segments two paths share. */
function sharedTail(a: readonly string[], b: readonly string[]): number {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}

/**
 * Maps profile frames to workspace files. Python frames use the host `file` (its longest matching
 * tail in the workspace, consistent with the dotted module path) or the module path alone; each match
 * teaches a host→workspace prefix rewrite that then settles ambiguous files. Java frames map
 * `pkg.Outer$Inner.method` to `pkg/Outer.java` anywhere in the workspace (src/main/java, …).
 */
export class SourceResolver {
  private readonly byBase = new Map<string, WorkspaceFile[]>();
  private readonly byPath = new Map<string, WorkspaceFile>();
  private readonly prefixes = new Map<string, { workspace: string; hits: number }>();

  constructor(files: readonly WorkspaceFile[]) {
    const sorted = [...files].map((f) => ({ path: slash(f.path), rel: slash(f.rel) }))
      .sort((a, b) => a.rel.length - b.rel.length || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    for (const f of sorted) {
      const base = basename(f.path);
      const list = this.byBase.get(base);
      if (list) list.push(f);
      else this.byBase.set(base, [f]);
      this.byPath.set(f.path, f);
    }
  }

  /** Host path prefix → workspace prefix rewrites learned so far, most used first. */
  learnedPrefixes(): { host: string; workspace: string }[] {
    return [...this.prefixes].sort((a, b) => b[1].hits - a[1].hits).map(([host, v]) => ({ host, workspace: v.workspace }));
  }

  /** Resolves many frames: unambiguous ones first, so their prefix rewrites settle the rest. */
  resolveAll(queries: readonly FrameQuery[]): (ResolvedFrame | undefined)[] {
    const out: (ResolvedFrame | undefined)[] = new Array(queries.length).fill(undefined);
    const deferred: number[] = [];
    queries.forEach((q, i) => {
      const r = this.resolve(q, { allowAmbiguous: false });
      if (r) out[i] = r;
      else deferred.push(i);
    });
    for (const i of deferred) out[i] = this.resolve(queries[i]!);
    return out;
  }

  resolve(query: FrameQuery, options: { allowAmbiguous?: boolean } = {}): ResolvedFrame | undefined {
    const allowAmbiguous = options.allowAmbiguous ?? true;
    const frame = parseFrameName(query.name);
    const line = query.line ?? (frame.kind === 'java' ? frame.line : undefined);
    const found = (file: WorkspaceFile | undefined): ResolvedFrame | undefined =>
      (file ? { file, frame, ...(line !== undefined && line > 0 ? { line } : {}) } : undefined);
    switch (frame.kind) {
      case 'python': {
        const moduleSegs = frame.module.split('.');
        if (query.hostFile) {
          const viaHost = this.fromHostFile(query.hostFile, moduleSegs, allowAmbiguous);
          if (viaHost) return found(viaHost);
        }
        return found(this.fromModule(moduleSegs, allowAmbiguous));
      }
      case 'java': {
        const pkg = frame.packageName.length > 0 ? frame.packageName.split('.') : [];
        return found(this.bySuffix([...pkg, `${frame.outerClass}.java`], allowAmbiguous)
          ?? (pkg.length > 0 ? this.uniqueBase(`${frame.outerClass}.java`) : undefined));
      }
      case 'bare':
      case 'unknown':
        return query.hostFile ? found(this.fromHostFile(query.hostFile, [], allowAmbiguous)) : undefined;
      default:
        return undefined;
    }
  }

  private fromHostFile(hostFile: string, moduleSegs: readonly string[], allowAmbiguous: boolean): WorkspaceFile | undefined {
    const host = slash(hostFile);
    for (const [prefix, v] of this.prefixes) {
      if (host.startsWith(prefix)) {
        const hit = this.byPath.get(v.workspace + host.slice(prefix.length));
        if (hit) { v.hits++; return hit; }
      }
    }
    const hostSegs = segmentsOf(host);
    const base = hostSegs[hostSegs.length - 1] ?? '';
    // The host file must at least end with the module path (pkg/mod.py or pkg/mod/__init__.py).
    const minTail = moduleSegs.length === 0 ? 1 : base === '__init__.py' ? moduleSegs.length + 1 : moduleSegs.length;
    if (moduleSegs.length > 0) {
      const expected = base === '__init__.py' ? [...moduleSegs, '__init__.py'] : [...moduleSegs.slice(0, -1), `${moduleSegs[moduleSegs.length - 1]}.py`];
      if (sharedTail(hostSegs, expected) < expected.length) return undefined;
    }
    let best: WorkspaceFile | undefined;
    let bestScore = 0;
    let ties = 0;
    for (const f of this.byBase.get(base) ?? []) {
      const score = sharedTail(hostSegs, segmentsOf(f.rel));
      if (score < minTail) continue;
      if (score > bestScore) { best = f; bestScore = score; ties = 0; } else if (score === bestScore) ties++;
    }
    if (!best || (ties > 0 && !allowAmbiguous)) return undefined;
    this.learn(host, best.path, bestScore);
    return best;
  }

  /** Remembers "host path up to the shared tail" → "workspace path up to the same tail". */
  private learn(host: string, wsPath: string, shared: number): void {
    const tail = segmentsOf(host).slice(-shared).join('/');
    if (!host.endsWith(tail) || !wsPath.endsWith(tail)) return;
    const hostPrefix = host.slice(0, host.length - tail.length);
    const wsPrefix = wsPath.slice(0, wsPath.length - tail.length);
    const existing = this.prefixes.get(hostPrefix);
    if (!existing) this.prefixes.set(hostPrefix, { workspace: wsPrefix, hits: 1 });
    else if (existing.workspace === wsPrefix) existing.hits++;
  }

  private fromModule(moduleSegs: readonly string[], allowAmbiguous: boolean): WorkspaceFile | undefined {
    if (moduleSegs.length === 0) return undefined;
    const last = moduleSegs[moduleSegs.length - 1]!;
    return this.bySuffix([...moduleSegs.slice(0, -1), `${last}.py`], allowAmbiguous)
      ?? this.bySuffix([...moduleSegs, '__init__.py'], allowAmbiguous);
  }

  /** The file whose relative path ends with `tail`; with several, one under a learned prefix, else the shallowest. */
  private bySuffix(tail: readonly string[], allowAmbiguous: boolean): WorkspaceFile | undefined {
    const candidates = (this.byBase.get(tail[tail.length - 1] ?? '') ?? [])
      .filter((f) => sharedTail(segmentsOf(f.rel), tail) === tail.length);
    if (candidates.length <= 1) return candidates[0];
    const learned = [...this.prefixes.values()].map((v) => v.workspace);
    const preferred = candidates.find((f) => learned.some((w) => f.path.startsWith(w)));
    if (preferred) return preferred;
    return allowAmbiguous ? candidates[0] : undefined;
  }

  private uniqueBase(base: string): WorkspaceFile | undefined {
    const list = this.byBase.get(base) ?? [];
    return list.length === 1 ? list[0] : undefined;
  }
}
