import { isUtf8 } from 'node:buffer';

export interface DecodedText {
  /** The text, with a byte-order mark kept as U+FEFF (as readFileSync(file, 'utf8') returns it). */
  text: string;
  /** Set when the bytes are not valid UTF-8: where the first byte that is not UTF-8 stands. */
  invalid?: { offset: number; byte: number };
}

const REPLACEMENT = '\uFFFD';
const ENCODED_REPLACEMENT = Buffer.from(REPLACEMENT, 'utf8');

/**
 * Decodes a file's bytes as UTF-8, and says where they stop being UTF-8 instead of hiding it behind
 * U+FFFD. `invalid.offset` is an offset in `text`; `invalid.byte` the byte value found there.
 */
export function decodeUtf8(bytes: Buffer): DecodedText {
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { text };
  // Every character before the first undecodable one round-trips, so its byte offset is the UTF-8 length
  // of the text before it. A U+FFFD that the file itself holds (EF BF BD) is passed over.
  let byteOffset = 0;
  let previous = 0;
  for (let at = text.indexOf(REPLACEMENT); at !== -1; at = text.indexOf(REPLACEMENT, at + 1)) {
    byteOffset += Buffer.byteLength(text.slice(previous, at), 'utf8');
    previous = at;
    if (!bytes.subarray(byteOffset, byteOffset + ENCODED_REPLACEMENT.length).equals(ENCODED_REPLACEMENT)) {
      return { text, invalid: { offset: at, byte: bytes[byteOffset] ?? 0 } };
    }
  }
  return { text, invalid: { offset: 0, byte: bytes[0] ?? 0 } };
}
