// An in-memory ConfigFs for property tests that run thousands of logins: same contract as the real
// one (bytes in, bytes out, modes, exclusive copies, folders), none of its fsync cost.
import * as path from 'node:path';
import type { ConfigFs } from '../../../src/artifacts/login/node-fs';

export class MemoryFs implements ConfigFs {
  readonly files = new Map<string, { bytes: Buffer; mode: number }>();
  readonly dirs = new Set<string>(['/']);

  put(file: string, bytes: Uint8Array, mode = 0o644): void {
    for (let d = path.dirname(file); !this.dirs.has(d); d = path.dirname(d)) this.dirs.add(d);
    this.files.set(file, { bytes: Buffer.from(bytes), mode });
  }

  /** Every path that exists, files and folders, sorted. */
  listing(): string[] {
    return [...this.files.keys(), ...this.dirs].sort();
  }

  async read(file: string): Promise<Uint8Array | undefined> {
    const f = this.files.get(file);
    return f ? Buffer.from(f.bytes) : undefined;
  }

  async realpath(file: string): Promise<string> {
    return file;
  }

  async mode(file: string): Promise<number | undefined> {
    if (this.dirs.has(file)) return 0o755;
    return this.files.get(file)?.mode;
  }

  async writeAtomic(file: string, data: Uint8Array, mode: number): Promise<void> {
    if (!this.dirs.has(path.dirname(file))) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    this.files.set(file, { bytes: Buffer.from(data), mode });
  }

  async copyIfAbsent(from: string, to: string, mode: number): Promise<boolean> {
    if (this.files.has(to)) return false;
    const source = this.files.get(from);
    if (!source) throw Object.assign(new Error(`ENOENT: ${from}`), { code: 'ENOENT' });
    this.files.set(to, { bytes: Buffer.from(source.bytes), mode });
    return true;
  }

  async chmod(file: string, mode: number): Promise<void> {
    const f = this.files.get(file);
    if (f) f.mode = mode;
  }

  async remove(file: string): Promise<void> {
    this.files.delete(file);
  }

  async mkdirp(dir: string): Promise<string[]> {
    const missing: string[] = [];
    for (let d = dir; !this.dirs.has(d); d = path.dirname(d)) missing.unshift(d);
    for (const d of missing) this.dirs.add(d);
    return missing;
  }

  async rmdirIfEmpty(dir: string): Promise<void> {
    const inside = (p: string): boolean => p.startsWith(`${dir}/`);
    if (![...this.files.keys()].some(inside) && ![...this.dirs].some(inside)) this.dirs.delete(dir);
  }
}
