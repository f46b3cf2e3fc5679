// Text from byte ranges, for the JSON cursor's hot loop. Node's Buffer decodes short Latin-1/UTF-8
// ranges faster than TextDecoder, so the desktop keeps it; the web build (no Buffer in a web worker)
// decodes with TextDecoder and String.fromCharCode. Both give the same strings: invalid UTF-8 becomes
// U+FFFD either way, and Latin-1 maps each byte to the code point of the same value.

export interface ByteText {
  latin1(start: number, end: number): string;
  utf8(start: number, end: number): string;
}

interface NodeBuffer { toString(encoding: 'latin1' | 'utf8', start: number, end: number): string }
interface NodeBufferClass { from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBuffer }

/** Node's Buffer when the host has one (the desktop extension host), else undefined (a web worker). */
const nodeBuffer = (globalThis as { Buffer?: NodeBufferClass }).Buffer;

/** Latin-1 decoding a chunk at a time (fromCharCode's argument count is bounded). */
function latin1Of(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 8192) out += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 8192)));
  return out;
}

export function byteText(bytes: Uint8Array, useBuffer = nodeBuffer !== undefined): ByteText {
  if (useBuffer && nodeBuffer) {
    const buf = nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { latin1: (start, end) => buf.toString('latin1', start, end), utf8: (start, end) => buf.toString('utf8', start, end) };
  }
  const decoder = new TextDecoder('utf-8');
  return { latin1: (start, end) => latin1Of(bytes, start, end), utf8: (start, end) => decoder.decode(bytes.subarray(start, end)) };
}
