// Config files are bytes. Conveyor edits them as text only in an encoding it can turn back into the
// very same bytes, and only where the tool reads that encoding too:
// - UTF-8, with or without a byte order mark: every format.
// - An ASCII-compatible single-byte encoding (Latin-1, windows-1252, ISO-8859-15, …): the line-based
//   formats and XML, whose tools read such files (Java's Properties reads ISO-8859-1, Python reads
//   the locale's encoding, XML says which one in its declaration). The bytes are read as Latin-1,
//   which maps every byte to one character and back, and Conveyor only ever adds ASCII to them.
// - UTF-16 with a byte order mark: XML only (XML parsers read it; npm, pip or Poetry do not).
// Anything else is refused before a byte is written: TOML, YAML and JSON files that are not UTF-8,
// UTF-16 in other formats, UTF-32, files with NUL bytes, XML declaring a multi-byte encoding.
import { ConfigEditError } from './edit';
import type { ConfigFormat } from './formats';

export type FileEncoding = 'utf-8' | 'single-byte' | 'utf-16le' | 'utf-16be';

export interface DecodedFile {
  /** The text, a byte order mark included as U+FEFF (the editors treat it as outside the document). */
  text: string;
  encoding: FileEncoding;
}

/** A file Conveyor does not edit because of its encoding; nothing was written. */
export class ConfigEncodingError extends ConfigEditError {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigEncodingError';
  }
}

const SINGLE_BYTE_FORMATS: ReadonlySet<ConfigFormat> = new Set<ConfigFormat>(['npmrc', 'pipconf', 'pypirc', 'properties', 'requirements', 'netrc', 'xml']);
const UTF8_ONLY: Partial<Record<ConfigFormat, string>> = { toml: 'TOML', yaml: 'Yarn\'s YAML', json: 'SwiftPM\'s JSON' };
/** XML encodings that are one byte per character with ASCII in the lower half. */
const SINGLE_BYTE_XML = /^(?:us-?ascii|ascii|iso[-_]?8859[-_]\d{1,2}|latin-?\d|l\d|windows-125\d|cp-?125\d|koi8-[ru])$/i;
const FIX = 'Save it as UTF-8 (in VS Code: "Reopen with Encoding", then "Save with Encoding" › UTF-8) and log in again.';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function hex(byte: number | undefined): string {
  return `0x${(byte ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lossy = buffer.toString('utf8');
  for (let i = lossy.indexOf('\uFFFD'); i >= 0; i = lossy.indexOf('\uFFFD', i + 1)) {
    // Everything before the first bad sequence decodes exactly, so its UTF-8 length is its byte offset.
    const offset = Buffer.byteLength(lossy.slice(0, i), 'utf8');
    if (!startsWith(buffer.subarray(offset), 0xef, 0xbf, 0xbd)) return offset;
  }
  return 0;
}

/** The encoding an XML declaration names (read as ASCII), if any. */
function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString('latin1');
  return /^(?:\u00EF\u00BB\u00BF)?\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
}

function refuse(reason: string): never {
  throw new ConfigEncodingError(`${reason}. Conveyor does not edit it, so that no byte of it is lost, and left it unchanged. ${FIX}`);
}

function decodeAs(bytes: Uint8Array, encoding: FileEncoding): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encoding) {
    case 'utf-8': return buffer.toString('utf8');
    case 'single-byte': return buffer.toString('latin1');
    case 'utf-16le': return buffer.toString('utf16le');
    case 'utf-16be': return Buffer.from(buffer).swap16().toString('utf16le');
  }
}

/** The file's text and how to write it back, or a refusal that says why and what to do. */
export function decodeConfig(bytes: Uint8Array, format: ConfigFormat): DecodedFile {
  if (startsWith(bytes, 0xff, 0xfe, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xfe, 0xff)) refuse('it is UTF-32 text');
  const utf16 = startsWith(bytes, 0xff, 0xfe) ? 'utf-16le' : startsWith(bytes, 0xfe, 0xff) ? 'utf-16be' : undefined;
  if (utf16) {
    if (format !== 'xml') refuse(`it is UTF-16 text (it starts with the byte order mark ${hex(bytes[0])} ${hex(bytes[1])}), and Conveyor edits this kind of file only as UTF-8`);
    if (bytes.byteLength % 2 !== 0) refuse('it starts like UTF-16 text but has an odd number of bytes');
    return { text: decodeAs(bytes, utf16), encoding: utf16 };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) refuse(`it has a NUL byte at offset ${nul}: it is UTF-16 without a byte order mark, or not a text file`);
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: see below whether this format may be edited as single-byte text.
  }
  const at = firstInvalidUtf8(bytes);
  const notUtf8 = `it is not UTF-8 text (byte ${hex(bytes[at])} at offset ${at} is not valid UTF-8)`;
  const utf8Only = UTF8_ONLY[format];
  if (utf8Only) refuse(`${notUtf8}, and ${utf8Only} files must be UTF-8`);
  if (!SINGLE_BYTE_FORMATS.has(format)) refuse(notUtf8);
  if (format === 'xml') {
    const declared = declaredXmlEncoding(bytes);
    if (declared === undefined) refuse(`${notUtf8}, and its XML declaration names no other encoding (XML is UTF-8 unless it says otherwise)`);
    if (!SINGLE_BYTE_XML.test(declared)) refuse(`${notUtf8}; it declares encoding "${declared}", which Conveyor cannot edit byte for byte`);
  }
  return { text: decodeAs(bytes, 'single-byte'), encoding: 'single-byte' };
}

export function encodeConfig(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'single-byte': return Buffer.from(text, 'latin1');
    case 'utf-16le': return Buffer.from(text, 'utf16le');
    case 'utf-16be': return Buffer.from(text, 'utf16le').swap16();
  }
}

/** Text that would not come back from its own bytes (a lone surrogate in UTF-8, U+0100+ in a single-byte file) is refused. */
export function checkRoundTrip(text: string, encoding: FileEncoding): void {
  if (decodeAs(encodeConfig(text, encoding), encoding) !== text) {
    throw new ConfigEncodingError(`the edited text cannot be written back as ${encoding === 'single-byte' ? 'single-byte text' : encoding.toUpperCase()}, so the file was left unchanged`);
  }
}

function nonAsciiCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) if (ch > '\u007F') counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/**
 * What a login adds to a single-byte file must be ASCII: the same bytes in every such encoding, so
 * the tool reads what Conveyor meant whichever one the file is in.
 */
export function checkEdit(before: string, after: string, encoding: FileEncoding): void {
  checkRoundTrip(after, encoding);
  if (encoding !== 'single-byte') return;
  const had = nonAsciiCounts(before);
  for (const [ch, n] of nonAsciiCounts(after)) {
    if (n > (had.get(ch) ?? 0)) {
      throw new ConfigEncodingError(`the login would add the non-ASCII character U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} to a file that is not UTF-8, so the file was left unchanged. ${FIX}`);
    }
  }
}

export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
