import { SourceMapConsumer } from 'source-map-js';
import { fileFromUrl } from './cpuprofile-format';

/** Where generated code (a bundle) came from: the original file, 1-based line and, when the map says, name. */
export interface OriginalPosition {
  readonly file: string;
  readonly line: number;
  readonly name?: string;
}

/** Maps a generated position (1-based line, 0-based column; -1: the line's first mapping) to the original. */
export type FrameMapper = (file: string, line: number, column: number) => OriginalPosition | undefined;

/** A source map's JSON and the path of the map file (relative `sources` are resolved against it). */
export interface LoadedMap { readonly json: string; readonly mapPath: string }

/** The `//# sourceMappingURL=` of generated code (the last one, as browsers and Node read it). */
export function sourceMappingUrl(code: string): string | undefined {
  const tail = code.slice(-4096);
  let found: string | undefined;
  for (const m of tail.matchAll(/\/[/*][#@]\s*sourceMappingURL=([^\s*]+)/g)) found = m[1];
  return found;
}

/**
 * A FrameMapper over the source maps `load` finds for each generated file (cached per file, also when
 * there is none). A map that does not parse, or a position it does not cover, leaves the frame as it is.
 */
export function sourceMapMapper(load: (generatedFile: string) => LoadedMap | undefined): FrameMapper {
  const consumers = new Map<string, SourceMapConsumer | undefined>();
  const consumerFor = (file: string): SourceMapConsumer | undefined => {
    if (consumers.has(file)) return consumers.get(file);
    let consumer: SourceMapConsumer | undefined;
    try {
      const map = load(file);
      if (map) consumer = new SourceMapConsumer(map.json, `file://${map.mapPath.replace(/\\/g, '/')}`);
    } catch {
      consumer = undefined;
    }
    consumers.set(file, consumer);
    return consumer;
  };
  return (file, line, column) => {
    if (!(line > 0)) return undefined;
    const consumer = consumerFor(file);
    if (!consumer) return undefined;
    let at = column >= 0
      ? consumer.originalPositionFor({ line, column, bias: SourceMapConsumer.GREATEST_LOWER_BOUND })
      : consumer.originalPositionFor({ line, column: 0, bias: SourceMapConsumer.LEAST_UPPER_BOUND });
    // V8 places a function at its "(": the name is on the token just before it.
    if (column > 0 && !at.name) {
      const before = consumer.originalPositionFor({ line, column: column - 1, bias: SourceMapConsumer.GREATEST_LOWER_BOUND });
      if (before.name && before.source === at.source) at = before;
    }
    const source = at.source as string | null;
    const origLine = at.line as number | null;
    if (!source || !origLine) return undefined;
    const name = at.name as string | null;
    return { file: fileFromUrl(source) ?? source, line: origLine, ...(name ? { name } : {}) };
  };
}
