// The desktop's profile decoding: decode-bytes.ts with node:zlib's gunzip (synchronous, bounded).
import { gunzipSync } from 'node:zlib';
import { decodeProfileWith, decodeProfileWithAsync, type AsyncDecodeHints, type DecodeHints, type Gunzip } from './decode-bytes';
import type { Profile } from './profile';

const gunzipNode: Gunzip = (bytes, maxBytes) => gunzipSync(bytes, { maxOutputLength: maxBytes });

/** Bytes from GetProfile or a local file → Profile (every format but JFR, which needs the `jfr` tool). */
export function decodeProfile(bytes: Uint8Array, hints: DecodeHints = {}): Profile {
  return decodeProfileWith(gunzipNode, bytes, hints);
}

/** decodeProfile for every format, JFR included. */
export function decodeProfileAsync(bytes: Uint8Array, hints: AsyncDecodeHints = {}): Promise<Profile> {
  return decodeProfileWithAsync(gunzipNode, bytes, hints);
}
