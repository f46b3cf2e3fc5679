// The on-disk form of a V8 code cache for one of the extension's bundles: which cache file a bundle
// uses, the key that says which build of the bundle and which V8 made it, and a checksum, checked
// before V8 sees the bytes (V8 itself only checks a cache's payload in debug builds, and a torn or
// garbled file must never reach it).
import { createHash } from 'node:crypto';

/** What a cache is valid for: the bundle (path under dist/, size, modification time) and the V8 that compiled it. */
export interface CodeCacheSubject {
  /** The bundle's path relative to the extension's dist folder, with `/`. */
  file: string;
  size: number;
  mtimeMs: number;
  v8: string;
}

export function codeCacheKey(subject: CodeCacheSubject): string {
  return JSON.stringify([subject.file, subject.size, Math.round(subject.mtimeMs), subject.v8]);
}

/** `features/validation.js` → `features--validation.js.v8cache`: one cache file per bundle, rewritten when the key changes. */
export function codeCacheFileName(file: string): string {
  return `${file.split(/[\\/]+/).filter(Boolean).map((part) => part.replace(/[^\w.-]/g, '_')).join('--')}.v8cache`;
}

const MAGIC = Buffer.from('CONVEYOR-V8C1');
const DIGEST_BYTES = 32;

const digest = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

/** Magic, key length (u32 LE), key, SHA-256 of the data, the data. */
export function encodeCodeCache(key: string, data: Uint8Array): Buffer {
  const keyBytes = Buffer.from(key, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(keyBytes.length);
  return Buffer.concat([MAGIC, length, keyBytes, digest(data), data]);
}

export type DecodedCodeCache = { data: Buffer } | { unusable: 'stale' | 'corrupt' };

/** The cached data if `bytes` is a whole cache file made for `key`. */
export function decodeCodeCache(bytes: Buffer, key: string): DecodedCodeCache {
  const headerEnd = MAGIC.length + 4;
  if (bytes.length < headerEnd || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { unusable: 'corrupt' };
  const keyEnd = headerEnd + bytes.readUInt32LE(MAGIC.length);
  const dataStart = keyEnd + DIGEST_BYTES;
  if (dataStart >= bytes.length) return { unusable: 'corrupt' };
  if (bytes.toString('utf8', headerEnd, keyEnd) !== key) return { unusable: 'stale' };
  const data = bytes.subarray(dataStart);
  return digest(data).equals(bytes.subarray(keyEnd, dataStart)) ? { data } : { unusable: 'corrupt' };
}
