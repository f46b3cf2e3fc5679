// Loads the extension's lazy bundles (dist/features, dist/sdk, dist/vendor) the way Node's require
// does — one module object, registered in require.cache — but compiled with a V8 code cache kept in
// the extension's global storage, so a bundle's second first use (the next window, the next start)
// skips parsing and compiling it. Only files this loader is given, and the relative requires they make
// of other files under dist/, go through it: nothing process-wide changes (no compile cache switch,
// no require hook), so other extensions in the host load exactly as before. A cache is written once
// the bundle has run and the host has been idle a moment (it then holds the functions that ran), to a
// temporary file renamed into place, so two windows never see half a file.
import { channel } from 'node:diagnostics_channel';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vm from 'node:vm';
import { codeCacheFileName, codeCacheKey, decodeCodeCache, encodeCodeCache } from '../core/code-cache';
import type { Logger } from '../core/log';

/** How a bundle's compile used its cache: `stale`: made for another build or V8; `rejected`: V8 refused it. */
export type CacheUse = 'accepted' | 'rejected' | 'stale' | 'corrupt' | 'none' | 'off';

export interface BundleLoad {
  /** Under dist/, with `/`. */
  file: string;
  cache: CacheUse;
  /** When it started (performance.now()) and how long it took, the bundles it required included. */
  startMs: number;
  ms: number;
  /** Required by another bundle (not directly by the activation shell). */
  nested: boolean;
}

/** Published for every bundle loaded (the activation benchmark's timeline subscribes). */
export const BUNDLE_LOAD_CHANNEL = 'conveyor:bundle-load';

/** How long the host must stay without loading a bundle before caches are written. */
const IDLE_BEFORE_WRITE_MS = 1_500;

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

interface PendingWrite { script: vm.Script; cacheFile: string; key: string }

export interface CodeCacheOptions {
  /** The extension's dist folder: bundles under it are loaded by this loader. */
  root: string;
  /** Where caches are kept; undefined: compile without a cache. */
  cacheDir: string | undefined;
  log: Logger;
}

export class BundleLoader {
  private options: CodeCacheOptions | undefined;
  private readonly pending = new Map<string, PendingWrite>();
  private timer: NodeJS.Timeout | undefined;
  private writeFailed = false;
  private depth = 0;
  private readonly published = channel(BUNDLE_LOAD_CHANNEL);
  /** Every bundle loaded by this loader, in order (host tests read it). */
  readonly loads: BundleLoad[] = [];

  /** Where caches are kept (undefined: none). */
  get cacheDir(): string | undefined {
    return this.options?.cacheDir;
  }

  configure(options: CodeCacheOptions): void {
    this.options = options;
    this.writeFailed = false;
  }

  /** The bundle's exports: from require.cache if any require loaded it, else compiled (with its cache) and run. */
  require(file: string, parent?: Module): unknown {
    const existing = require.cache[file];
    if (existing) return existing.exports as unknown;
    const module = new Module(file, parent);
    module.filename = file;
    require.cache[file] = module;
    const startMs = performance.now();
    const nested = this.depth > 0;
    this.depth++;
    let cache: CacheUse;
    try {
      cache = this.evaluate(module);
    } catch (err) {
      delete require.cache[file];
      throw err;
    } finally {
      this.depth--;
    }
    module.loaded = true;
    const load: BundleLoad = { file: this.relative(file), cache, startMs, ms: performance.now() - startMs, nested };
    this.loads.push(load);
    if (this.published.hasSubscribers) this.published.publish(load);
    return module.exports as unknown;
  }

  /** Writes the caches still to write now (instead of when the host is next idle). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const writes = [...this.pending.values()];
    this.pending.clear();
    for (const write of writes) await this.write(write);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending.clear();
  }

  private evaluate(module: Module): CacheUse {
    const file = module.filename;
    const source = fs.readFileSync(file, 'utf8');
    const cacheDir = this.options?.cacheDir;
    let script: vm.Script;
    let cache: CacheUse = 'off';
    let target: PendingWrite | undefined;
    if (cacheDir) {
      const stat = fs.statSync(file);
      const relative = this.relative(file);
      const key = codeCacheKey({ file: relative, size: stat.size, mtimeMs: stat.mtimeMs, v8: process.versions.v8 });
      const cacheFile = path.join(cacheDir, codeCacheFileName(relative));
      const read = readCache(cacheFile, key);
      script = compile(source, file, 'data' in read ? read.data : undefined);
      cache = 'data' in read ? (script.cachedDataRejected === true ? 'rejected' : 'accepted') : read.unusable;
      if (cache !== 'accepted') target = { script, cacheFile, key };
    } else {
      script = compile(source, file, undefined);
    }
    const run = script.runInThisContext({ displayErrors: true }) as ModuleFunction;
    run.call(module.exports, module.exports, this.requireFor(module), module, file, path.dirname(file));
    if (target) this.schedule(target);
    return cache;
  }

  /** The `require` a bundle sees: its relative requires of other bundles come back here. */
  private requireFor(module: Module): NodeJS.Require {
    const base = Module.createRequire(module.filename);
    const load = (request: string): unknown => {
      if (request.startsWith('./') || request.startsWith('../')) {
        const target = path.resolve(path.dirname(module.filename), request);
        if (this.owns(target)) return this.require(target, module);
      }
      return module.require(request) as unknown;
    };
    return Object.assign(load, { resolve: base.resolve, cache: base.cache, extensions: base.extensions, main: base.main });
  }

  private owns(file: string): boolean {
    const root = this.options?.root;
    return root !== undefined && file.startsWith(root + path.sep) && file.endsWith('.js') && fs.existsSync(file);
  }

  private relative(file: string): string {
    const root = this.options?.root;
    return (root ? path.relative(root, file) : path.basename(file)).split(path.sep).join('/');
  }

  private schedule(write: PendingWrite): void {
    this.pending.set(write.cacheFile, write);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { void this.flush(); }, IDLE_BEFORE_WRITE_MS);
    this.timer.unref();
  }

  private async write({ script, cacheFile, key }: PendingWrite): Promise<void> {
    const temporary = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
    try {
      const bytes = encodeCodeCache(key, script.createCachedData());
      await fs.promises.mkdir(path.dirname(cacheFile), { recursive: true });
      await fs.promises.writeFile(temporary, bytes);
      await fs.promises.rename(temporary, cacheFile);
    } catch (err) {
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
      // The cache only saves time: a folder that cannot be written is said once, quietly.
      if (!this.writeFailed) this.options?.log.debug(`Bundles load without a code cache: ${cacheFile} could not be written (${err instanceof Error ? err.message : String(err)})`);
      this.writeFailed = true;
    }
  }
}

function readCache(cacheFile: string, key: string): { data: Buffer } | { unusable: 'stale' | 'corrupt' | 'none' } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return { unusable: 'none' };
  }
  return decodeCodeCache(bytes, key);
}

function compile(source: string, filename: string, cachedData: Buffer | undefined): vm.Script {
  // A bundle's `import()` (none today) resolves as it would in a module Node loaded.
  return new vm.Script(Module.wrap(source), {
    filename, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER, ...(cachedData ? { cachedData } : {}),
  });
}

/** The one loader of the extension host (the activation shell configures it). */
export const bundleLoader = new BundleLoader();
