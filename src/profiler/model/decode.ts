import { gunzipSync } from 'node:zlib';
import { parseCodeGuruBytes } from './codeguru-stream';
import { parseFoldedStacks } from './folded-format';
import { ProfileFormatError, type Profile } from './profile';

/** A decompressed profile larger than this is refused (a gzip bomb must not take the host down). */
export const MAX_PROFILE_BYTES = 512 * 1024 * 1024;

export interface DecodeHints {
  /** GetProfile's Content-Encoding. */
  contentEncoding?: string;
  /** GetProfile's Content-Type. */
  contentType?: string;
  /** A local file's name, used to pick the format when the bytes do not tell. */
  fileName?: string;
  maxBytes?: number;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function isIon(bytes: Uint8Array, contentType: string | undefined): boolean {
  if (contentType && /\bx-amzn-ion\b/i.test(contentType)) return true;
  return bytes.length >= 4 && bytes[0] === 0xe0 && bytes[1] === 0x01 && bytes[2] === 0x00 && bytes[3] === 0xea;
}

/** Gunzips when the bytes start with 1f 8b or the response said gzip; bounded by `maxBytes`. */
export function gunzipIfNeeded(bytes: Uint8Array, contentEncoding: string | undefined, maxBytes = MAX_PROFILE_BYTES): Uint8Array {
  const saysGzip = /gzip/i.test(contentEncoding ?? '');
  if (!isGzip(bytes) && !saysGzip) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new ProfileFormatError(`The profile is larger than ${Math.round(maxBytes / 1048576)} MiB once decompressed; Conveyor does not open it.`);
    }
    // A transport that already decompressed (but kept the header) sends plain bytes.
    if (!isGzip(bytes)) return bytes;
    throw new ProfileFormatError(`The profile is not valid gzip: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function looksFolded(fileName: string | undefined): boolean {
  return /\.(folded|collapsed|txt|stacks)$/i.test(fileName ?? '');
}

/** Bytes from GetProfile or a local file → Profile: gzip, then CodeGuru JSON or collapsed stacks. */
export function decodeProfile(bytes: Uint8Array, hints: DecodeHints = {}): Profile {
  const maxBytes = hints.maxBytes ?? MAX_PROFILE_BYTES;
  if (bytes.length > maxBytes) throw new ProfileFormatError(`The profile is larger than ${Math.round(maxBytes / 1048576)} MiB; Conveyor does not open it.`);
  const raw = gunzipIfNeeded(bytes, hints.contentEncoding, maxBytes);
  if (isIon(raw, hints.contentType)) {
    throw new ProfileFormatError('The profile is in Amazon Ion format; Conveyor reads CodeGuru profiles as JSON (Accept: application/json).');
  }
  let start = raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
  while (start < raw.length && (raw[start] === 0x20 || raw[start] === 0x0a || raw[start] === 0x0d || raw[start] === 0x09)) start++;
  if (start >= raw.length) throw new ProfileFormatError('The profile is empty.');
  const body = raw.subarray(start);
  if (raw[start] === 0x7b /* { */) {
    // JSON straight from bytes (no string, no document objects); a folded file may start with "{".
    if (!looksFolded(hints.fileName)) return parseCodeGuruBytes(body);
    try {
      return parseCodeGuruBytes(body);
    } catch {
      // fall through to collapsed stacks
    }
  }
  return parseFoldedStacks(new TextDecoder('utf-8').decode(body));
}
