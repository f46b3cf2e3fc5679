import { parseFrameName, type GoFrame, type ParsedFrame, type ScopedFrame } from './frame-name';
import { findFunctionLine } from './function-lines';

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
  /**
   * The file was chosen by its name alone (the frame's package path is not under it), e.g. the one
   * `OrderController.java` of another sample project: good enough for navigation, never for findings.
   */
  readonly guessed?: true;
}

/** What the profile says about one frame: its name and, for Python, the file on the profiled host. */
export interface FrameQuery {
  readonly name: string;
  readonly hostFile?: string;
  readonly line?: number;
}

/** Symbol lookups read at most this many Rust/C++ files. */
const MAX_SCANNED = 5000;

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

  /** Go/Rust/C++ files by extension, for symbol lookups that have no file from the profile. */
  private readonly byExt = new Map<string, WorkspaceFile[]>();
  private readonly definesCache = new Map<string, boolean>();
  private readonly texts = new Map<string, string | undefined>();

  /** `readText` gives a workspace file's text (for Go, Rust and C++ symbols, which name no file). */
  constructor(files: readonly WorkspaceFile[], private readonly readText?: (path: string) => string | undefined) {
    const sorted = [...files].map((f) => ({ path: slash(f.path), rel: slash(f.rel) }))
      .sort((a, b) => a.rel.length - b.rel.length || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    for (const f of sorted) {
      const base = basename(f.path);
      const list = this.byBase.get(base);
      if (list) list.push(f);
      else this.byBase.set(base, [f]);
      this.byPath.set(f.path, f);
      const ext = /\.(\w+)$/.exec(base)?.[1]?.toLowerCase() ?? '';
      const group = ext === 'go' ? 'go' : ext === 'rs' ? 'rs' : /^(c|cc|cpp|cxx|h|hh|hpp|hxx)$/.test(ext) ? 'cpp' : '';
      if (group) {
        const l = this.byExt.get(group);
        if (l) l.push(f); else this.byExt.set(group, [f]);
      }
    }
  }

  /** Host path prefix → workspace prefix rewrites learned so far, most used first. */
  learnedPrefixes(): { host: string; workspace: string }[] {
    return [...this.prefixes].sort((a, b) => b[1].hits - a[1].hits).map(([host, v]) => ({ host, workspace: v.workspace }));
  }

  /** Resolves many frames: unambiguous ones first, so their prefix rewrites settle the rest. */
  resolveAll(queries: readonly FrameQuery[]): (ResolvedFrame | undefined)[] {
    const out = new Array<ResolvedFrame | undefined>(queries.length).fill(undefined);
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
    const found = (file: WorkspaceFile | undefined, guessed = false): ResolvedFrame | undefined =>
      (file ? { file, frame, ...(line !== undefined && line > 0 ? { line } : {}), ...(guessed ? { guessed: true as const } : {}) } : undefined);
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
        const exact = this.bySuffix([...pkg, `${frame.outerClass}.java`], allowAmbiguous);
        if (exact) return found(exact);
        return pkg.length > 0 ? found(this.uniqueBase(`${frame.outerClass}.java`), true) : undefined;
      }
      case 'go':
        return found((query.hostFile ? this.fromHostFile(query.hostFile, [], allowAmbiguous) : undefined) ?? this.goSymbol(frame));
      case 'scoped':
        return found((query.hostFile ? this.fromHostFile(query.hostFile, [], allowAmbiguous) : undefined) ?? this.scopedSymbol(frame));
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

  private text(file: WorkspaceFile): string | undefined {
    if (!this.readText) return undefined;
    if (!this.texts.has(file.path)) this.texts.set(file.path, this.readText(file.path));
    return this.texts.get(file.path);
  }

  /** Whether a file defines the frame's function (its text scanned once per file and function). */
  private defines(file: WorkspaceFile, frame: ParsedFrame): boolean {
    if (!this.readText) return false;
    const key = `${file.path}\u0000${JSON.stringify(frame)}`;
    let hit = this.definesCache.get(key);
    if (hit === undefined) {
      const text = this.text(file);
      hit = text !== undefined && findFunctionLine(text, frame) !== undefined;
      this.definesCache.set(key, hit);
    }
    return hit;
  }

  /** `example.com/mod/pkg.(*T).M`: .go files in a folder ending with the most of the import path that defines M. */
  private goSymbol(frame: GoFrame): WorkspaceFile | undefined {
    // A go.mod maps the module path to its folder: the package is a folder below it.
    for (const mod of this.byBase.get('go.mod') ?? []) {
      const text = this.text(mod);
      const module = text !== undefined ? /^module\s+"?([^\s"]+)"?/m.exec(text)?.[1] : undefined;
      if (!module || !(frame.packagePath === module || frame.packagePath.startsWith(`${module}/`))) continue;
      const dir = [...segmentsOf(mod.rel).slice(0, -1), ...segmentsOf(frame.packagePath.slice(module.length))].join('/');
      const hit = (this.byExt.get('go') ?? []).find((f) => segmentsOf(f.rel).slice(0, -1).join('/') === dir && this.defines(f, frame));
      if (hit) return hit;
    }
    const pkg = segmentsOf(frame.packagePath);
    const ranked = (this.byExt.get('go') ?? [])
      .map((f) => ({ f, score: sharedTail(segmentsOf(f.rel).slice(0, -1), pkg) }))
      .filter((c) => c.score > 0 || frame.packagePath === 'main')
      .sort((a, b) => b.score - a.score || (a.f.rel.endsWith('_test.go') ? 1 : 0) - (b.f.rel.endsWith('_test.go') ? 1 : 0));
    return ranked.find((c) => this.defines(c.f, frame))?.f;
  }

  /** `crate::module::Type::method` / `ns::Class::method`: the file that defines it, preferring paths that share scope names. */
  private scopedSymbol(frame: ScopedFrame): WorkspaceFile | undefined {
    // Standard libraries are never workspace code; scanning for them would read every file per frame.
    if (/^(std|core|alloc|__gnu_cxx|__cxxabiv1|boost|tokio|hyper)$/.test(frame.scopes[0] ?? '')) return undefined;
    const scopes = frame.scopes.map((s) => s.toLowerCase());
    const score = (f: WorkspaceFile): number => segmentsOf(f.rel).filter((seg) => scopes.includes(seg.replace(/\.\w+$/, '').toLowerCase())).length;
    const candidates = [...(this.byExt.get('rs') ?? []), ...(this.byExt.get('cpp') ?? [])].slice(0, MAX_SCANNED).sort((a, b) => score(b) - score(a));
    return candidates.find((f) => this.defines(f, frame));
  }

  private uniqueBase(base: string): WorkspaceFile | undefined {
    const list = this.byBase.get(base) ?? [];
    return list.length === 1 ? list[0] : undefined;
  }
}
