// gunzip for the web build: the platform's DecompressionStream (browsers, web workers and Node ≥ 18
// alike), stopped as soon as the output would exceed the bound, so a gzip bomb costs at most that much.
import type { AsyncGunzip } from './decode-bytes';

export const gunzipStream: AsyncGunzip = async (bytes, maxBytes) => {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel();
      throw new RangeError(`more than ${maxBytes} bytes once decompressed`);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
};
