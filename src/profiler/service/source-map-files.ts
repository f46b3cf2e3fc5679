import * as fs from 'node:fs';
import * as path from 'node:path';
import { sourceMappingUrl, type LoadedMap } from '../model/source-maps';

/** Bundles and maps larger than this are not read for source mapping. */
const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
const MAX_MAP_BYTES = 256 * 1024 * 1024;

function readSmall(file: string, max: number): string | undefined {
  try {
    if (fs.statSync(file).size > max) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The source map of a generated JavaScript file on disk: its `//# sourceMappingURL=` (a file next to
 * it or a base64 data URL), else `<file>.map`. Undefined when there is none or it cannot be read.
 */
export function loadSourceMapFor(generatedFile: string): LoadedMap | undefined {
  if (!path.isAbsolute(generatedFile) || !/\.[cm]?js$/i.test(generatedFile)) return undefined;
  const code = readSmall(generatedFile, MAX_BUNDLE_BYTES);
  if (code === undefined) return undefined;
  const url = sourceMappingUrl(code);
  if (url?.startsWith('data:')) {
    const comma = url.indexOf(',');
    if (comma < 0) return undefined;
    const payload = url.slice(comma + 1);
    const json = /;base64$/i.test(url.slice(0, comma)) ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload);
    return { json, mapPath: `${generatedFile}.map` };
  }
  let mapPath = `${generatedFile}.map`;
  if (url && !/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    try { mapPath = path.resolve(path.dirname(generatedFile), decodeURIComponent(url)); } catch { return undefined; }
  }
  const json = readSmall(mapPath, MAX_MAP_BYTES);
  return json === undefined ? undefined : { json, mapPath };
}
