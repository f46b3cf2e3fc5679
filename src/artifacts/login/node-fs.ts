// The file operations a login needs, on the real file system: atomic replacement (temporary file in
// the same folder, fsync, rename, fsync of the folder), permission bits kept or tightened, symlinks
// followed so a dotfile managed elsewhere stays a link.
import { randomBytes } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
import * as path from 'node:path';

export interface ConfigFs {
  /** The file's bytes (config files are decoded by the engine, which knows their format). */
  read(file: string): Promise<Uint8Array | undefined>;
  /** The file's real location (links resolved, also for a file that does not exist yet). */
  realpath(file: string): Promise<string>;
  mode(file: string): Promise<number | undefined>;
  /** Replaces the file's content atomically, with the given permission bits. */
  writeAtomic(file: string, data: Uint8Array, mode: number): Promise<void>;
  /** Copies a file unless the target exists; true when it copied. */
  copyIfAbsent(from: string, to: string, mode: number): Promise<boolean>;
  chmod(file: string, mode: number): Promise<void>;
  remove(file: string): Promise<void>;
  /** Creates the folder and its missing parents; returns the folders it created, outermost first. */
  mkdirp(dir: string): Promise<string[]>;
  /** Removes a folder if it is empty. */
  rmdirIfEmpty(dir: string): Promise<void>;
}

function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'ENOENT';
}

async function resolveReal(file: string): Promise<string> {
  try {
    return await fsp.realpath(file);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    // A dangling symlink points at the file to create; otherwise resolve the folder.
    try {
      const target = await fsp.readlink(file);
      return resolveReal(path.resolve(path.dirname(file), target));
    } catch (linkErr) {
      if (!isNotFound(linkErr) && (linkErr as { code?: string }).code !== 'EINVAL') throw linkErr;
    }
    const parent = path.dirname(file);
    if (parent === file) return file;
    return path.join(await resolveReal(parent), path.basename(file));
  }
}

async function fsyncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot open or sync a folder; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}

export const nodeConfigFs: ConfigFs = {
  async read(file) {
    try {
      return await fsp.readFile(file);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  },

  realpath: resolveReal,

  async mode(file) {
    try {
      return (await fsp.stat(file)).mode & 0o7777;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  },

  async writeAtomic(file, data, mode) {
    const dir = path.dirname(file);
    const temp = path.join(dir, `.${path.basename(file)}.conveyor-${randomBytes(6).toString('hex')}.tmp`);
    const handle = await fsp.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    try {
      await handle.writeFile(data);
      await handle.chmod(mode); // the umask may have narrowed or the creation mode ignored
      await handle.sync();
    } catch (err) {
      await handle.close();
      await fsp.rm(temp, { force: true });
      throw err;
    }
    await handle.close();
    try {
      await fsp.rename(temp, file);
    } catch (err) {
      await fsp.rm(temp, { force: true });
      throw err;
    }
    await fsyncDir(dir);
  },

  async copyIfAbsent(from, to, mode) {
    try {
      await fsp.copyFile(from, to, constants.COPYFILE_EXCL);
    } catch (err) {
      if ((err as { code?: string }).code === 'EEXIST') return false;
      throw err;
    }
    await fsp.chmod(to, mode);
    return true;
  },

  async chmod(file, mode) {
    await fsp.chmod(file, mode);
  },

  async remove(file) {
    await fsp.rm(file, { force: true });
  },

  async mkdirp(dir) {
    const missing: string[] = [];
    let d = dir;
    for (;;) {
      try {
        await fsp.stat(d);
        break;
      } catch (err) {
        if (!isNotFound(err)) throw err;
        missing.unshift(d);
        const parent = path.dirname(d);
        if (parent === d) break;
        d = parent;
      }
    }
    for (const m of missing) await fsp.mkdir(m, { mode: 0o700 }).catch((err: unknown) => { if ((err as { code?: string }).code !== 'EEXIST') throw err; });
    return missing;
  },

  async rmdirIfEmpty(dir) {
    try {
      await fsp.rmdir(dir);
    } catch {
      // Not empty (or already gone): leave it.
    }
  },
};
