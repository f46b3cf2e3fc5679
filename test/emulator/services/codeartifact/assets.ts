import { createHash } from 'node:crypto';
import type { Asset } from './model';

/** An asset whose bytes are made on first use (so seeding stays fast) and then kept. */
export function lazyAsset(name: string, make: () => Buffer, estimate = 2048): Asset {
  let bytes: Buffer | undefined;
  return { name, bytes: () => (bytes ??= make()), sizeHint: () => bytes?.length ?? estimate };
}

export function fixedAsset(name: string, bytes: Buffer): Asset {
  return { name, bytes: () => bytes, sizeHint: () => bytes.length };
}

const hashCache = new WeakMap<Buffer, Record<string, string>>();

/** The AssetHashes map (HashAlgorithm → hex digest). */
export function assetHashes(bytes: Buffer): Record<string, string> {
  let hashes = hashCache.get(bytes);
  if (!hashes) {
    hashes = {
      MD5: createHash('md5').update(bytes).digest('hex'),
      'SHA-1': createHash('sha1').update(bytes).digest('hex'),
      'SHA-256': createHash('sha256').update(bytes).digest('hex'),
      'SHA-512': createHash('sha512').update(bytes).digest('hex'),
    };
    hashCache.set(bytes, hashes);
  }
  return hashes;
}
