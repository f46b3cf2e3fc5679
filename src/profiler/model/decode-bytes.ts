// Profile bytes → Profile, for the desktop and the web build alike: the caller brings gunzip (node:zlib on
// the desktop, DecompressionStream in the web build; see decode.ts and gunzip-stream.ts).
import { parseCodeGuruBytes } from './codeguru-stream';
import { parseCpuProfile } from './cpuprofile-format';
import { parseFoldedStacks } from './folded-format';
import { isJfr, parseJfrJson } from './jfr-format';
import { parsePerfScript } from './perf-script-format';
import { parsePprof } from './pprof-profile';
import { ProfileFormatError, type Profile, type ProfileFormat } from './profile';
import type { FrameMapper } from './source-maps';
import { parseSpeedscope } from './speedscope-format';

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

/**
 * Decompresses gzip into at most `maxBytes` (a RangeError, or Node's ERR_BUFFER_TOO_LARGE, when the output
 * would be larger).
 */
export type Gunzip = (bytes: Uint8Array, maxBytes: number) => Uint8Array;
export type AsyncGunzip = (bytes: Uint8Array, maxBytes: number) => Uint8Array | Promise<Uint8Array>;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function isIon(bytes: Uint8Array, contentType: string | undefined): boolean {
  if (contentType && /\bx-amzn-ion\b/i.test(contentType)) return true;
  return bytes.length >= 4 && bytes[0] === 0xe0 && bytes[1] === 0x01 && bytes[2] === 0x00 && bytes[3] === 0xea;
}

/** Gunzips when the bytes start with 1f 8b or the response said gzip; bounded by `maxBytes`. */
function gunzipIfNeeded(bytes: Uint8Array, contentEncoding: string | undefined, maxBytes: number, gunzip: Gunzip): Uint8Array;
function gunzipIfNeeded(bytes: Uint8Array, contentEncoding: string | undefined, maxBytes: number, gunzip: AsyncGunzip): Uint8Array | Promise<Uint8Array>;
function gunzipIfNeeded(bytes: Uint8Array, contentEncoding: string | undefined, maxBytes: number, gunzip: AsyncGunzip): Uint8Array | Promise<Uint8Array> {
  const saysGzip = /gzip/i.test(contentEncoding ?? '');
  if (!isGzip(bytes) && !saysGzip) return bytes;
  const failed = (err: unknown): Uint8Array => {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new ProfileFormatError(`The profile is larger than ${Math.round(maxBytes / 1048576)} MiB once decompressed; Conveyor does not open it.`);
    }
    // A transport that already decompressed (but kept the header) sends plain bytes.
    if (!isGzip(bytes)) return bytes;
    throw new ProfileFormatError(`The profile is not valid gzip: ${err instanceof Error ? err.message : String(err)}`);
  };
  try {
    const out = gunzip(bytes, maxBytes);
    return out instanceof Uint8Array ? out : out.catch(failed);
  } catch (err) {
    return failed(err);
  }
}

/** The formats Conveyor reads, named for the message shown when a file is none of them. */
export const FORMATS_READ = 'pprof (gzipped or not), Chrome .cpuprofile, speedscope JSON, CodeGuru JSON, collapsed stacks, `perf script` output or a Java Flight Recording (.jfr)';

/** What the file name says, when it says anything. */
export function formatFromName(fileName: string | undefined): ProfileFormat | undefined {
  const name = (fileName ?? '').toLowerCase().replace(/\.gz$/, '');
  if (/\.(pb|pprof|prof)$/.test(name) || /^(cpu|mem|heap|block|mutex|allocs|goroutine)\.(out|pb)$/.test(name)) return 'pprof';
  if (name.endsWith('.cpuprofile')) return 'cpuprofile';
  if (name.endsWith('.speedscope.json')) return 'speedscope';
  if (name.endsWith('.jfr')) return 'jfr';
  if (/\.(folded|collapsed|stacks)$/.test(name)) return 'folded';
  if (/(^|[.-])perf([.-]script)?(\.(txt|data\.txt|script))?$/.test(name) || name.endsWith('.perf')) return 'perf';
  return undefined;
}

function firstNonSpace(raw: Uint8Array): number {
  let start = raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
  while (start < raw.length && (raw[start] === 0x20 || raw[start] === 0x0a || raw[start] === 0x0d || raw[start] === 0x09)) start++;
  return start;
}

/** Text formats have no NUL or other control bytes (bar tab, newline, CR) in their first KiB. */
function looksBinary(raw: Uint8Array): boolean {
  const n = Math.min(raw.length, 1024);
  for (let i = 0; i < n; i++) {
    const b = raw[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) return true;
  }
  return false;
}

/** A `perf script` sample: a header line followed by a tab-indented frame "addr symbol (dso)". */
function looksPerf(head: string): boolean {
  return /^[^\n]*\s\d+(?:\/\d+)?\s[^\n]*:[^\n]*\n\t\s*[0-9a-fA-F]+ /m.test(head);
}

/**
 * The format of (decompressed) profile bytes, by content first: JFR magic, JSON shape, protobuf,
 * `perf script` text; the file name breaks ties and picks the format of anything else.
 */
export function detectFormat(raw: Uint8Array, fileName?: string): ProfileFormat {
  if (isJfr(raw)) return 'jfr';
  const byName = formatFromName(fileName);
  const start = firstNonSpace(raw);
  if (raw[start] === 0x7b /* { */) {
    const head = new TextDecoder('utf-8').decode(raw.subarray(start, start + 65_536));
    if (/"\$schema"\s*:\s*"[^"]*speedscope/.test(head) || (/"shared"\s*:/.test(head) && /"profiles"\s*:/.test(head))) return 'speedscope';
    if (/^\{\s*"nodes"\s*:\s*\[/.test(head) || (/"callFrame"\s*:/.test(head) && /"nodes"\s*:/.test(head))) return 'cpuprofile';
    if (byName === 'speedscope' || byName === 'cpuprofile') return byName;
    if (byName === 'folded' || byName === 'perf') return byName;
    return 'codeguru';
  }
  if (looksBinary(raw)) return 'pprof';
  if (byName === 'pprof' || byName === 'jfr') return byName;
  const head = new TextDecoder('utf-8').decode(raw.subarray(start, start + 65_536));
  if (byName === 'perf' || looksPerf(head)) return 'perf';
  return 'folded';
}

/** Bytes from GetProfile or a local file → Profile (every format but JFR, which needs the `jfr` tool). */
export function decodeProfileWith(gunzip: Gunzip, bytes: Uint8Array, hints: DecodeHints = {}): Profile {
  const maxBytes = checkedSize(bytes, hints);
  const raw = checkedRaw(gunzipIfNeeded(bytes, hints.contentEncoding, maxBytes, gunzip), hints);
  return decodeAs(raw, detectFormat(raw, hints.fileName), hints.fileName);
}

/** The JSON `jfr print --json` prints for a recording (the JDK's tool; see service/jfr-tool). */
export type JfrPrinter = (recording: Uint8Array) => Promise<string>;

export type AsyncDecodeHints = DecodeHints & { jfr?: JfrPrinter; mapFrame?: FrameMapper };

/** decodeProfileWith for every format, JFR included when a `jfr` printer is given. */
export async function decodeProfileWithAsync(gunzip: AsyncGunzip, bytes: Uint8Array, hints: AsyncDecodeHints = {}): Promise<Profile> {
  const maxBytes = checkedSize(bytes, hints);
  const raw = checkedRaw(await gunzipIfNeeded(bytes, hints.contentEncoding, maxBytes, gunzip), hints);
  const format = detectFormat(raw, hints.fileName);
  if (format !== 'jfr') return decodeAs(raw, format, hints.fileName, hints.mapFrame);
  if (!hints.jfr) throw new ProfileFormatError('This is a Java Flight Recording; reading it needs the JDK\'s `jfr` tool.');
  const json = await hints.jfr(raw);
  return parseJfrJson(parseJson(json, 'the `jfr` tool\'s output'));
}

function checkedSize(bytes: Uint8Array, hints: DecodeHints): number {
  const maxBytes = hints.maxBytes ?? MAX_PROFILE_BYTES;
  if (bytes.length > maxBytes) throw new ProfileFormatError(`The profile is larger than ${Math.round(maxBytes / 1048576)} MiB; Conveyor does not open it.`);
  return maxBytes;
}

function checkedRaw(raw: Uint8Array, hints: DecodeHints): Uint8Array {
  if (isIon(raw, hints.contentType)) {
    throw new ProfileFormatError('The profile is in Amazon Ion format; Conveyor reads CodeGuru profiles as JSON (Accept: application/json).');
  }
  if (firstNonSpace(raw) >= raw.length) throw new ProfileFormatError('The profile is empty.');
  return raw;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ProfileFormatError(`${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function decodeAs(raw: Uint8Array, format: ProfileFormat, fileName: string | undefined, mapFrame?: FrameMapper): Profile {
  const text = (): string => new TextDecoder('utf-8').decode(raw.subarray(firstNonSpace(raw)));
  switch (format) {
    case 'pprof': return parsePprof(raw);
    case 'cpuprofile': return parseCpuProfile(parseJson(text(), 'The .cpuprofile'), undefined, mapFrame);
    case 'speedscope': return parseSpeedscope(parseJson(text(), 'The speedscope file'));
    case 'perf': return parsePerfScript(text());
    case 'jfr': throw new ProfileFormatError('This is a Java Flight Recording; reading it needs the JDK\'s `jfr` tool.');
    case 'codeguru': {
      const body = raw.subarray(firstNonSpace(raw));
      try {
        return parseCodeGuruBytes(body);
      } catch (err) {
        // "{" also starts a folded line now and then.
        if (formatFromName(fileName) === undefined && err instanceof ProfileFormatError && /no "callgraph"|not valid JSON/.test(err.message)) {
          try { return parseFoldedStacks(text()); } catch { /* the CodeGuru message says more */ }
        }
        throw err;
      }
    }
    case 'folded': {
      try {
        return parseFoldedStacks(text());
      } catch (err) {
        if (err instanceof ProfileFormatError && formatFromName(fileName) === undefined) {
          throw new ProfileFormatError(`This file is not a profile Conveyor reads: ${FORMATS_READ}.`);
        }
        throw err;
      }
    }
  }
}
