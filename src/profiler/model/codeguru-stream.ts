import { readCallgraph } from './codeguru-callgraph';
import { fromCodeGuruDocument } from './codeguru-format';
import { MAX_NODES } from './frame-tree';
import { COLON, COMMA, JsonCursor, LBRACE, RBRACE } from './json-cursor';
import { PreorderTreeBuilder } from './preorder-tree';
import { ProfileFormatError, WarningTally, makeProfile, type Profile, type ProfileMeta } from './profile';

/**
 * Parses CodeGuru agent-format JSON straight from bytes into a FrameTree, without building the
 * document's objects: JSON.parse gives each `children` object (keyed by frame names) its own hidden
 * class, which makes a 200k-frame profile take seconds. One pass over the bytes with an explicit stack,
 * so nesting depth costs no recursion; unknown members are skipped, malformed values become warnings.
 */
export function parseCodeGuruBytes(bytes: Uint8Array, maxNodes = MAX_NODES): Profile {
  const cursor = new JsonCursor(bytes);
  const warnings = new WarningTally();
  // A frame costs ~60-80 bytes of JSON: size the tables once instead of growing them.
  const tree = new PreorderTreeBuilder(maxNodes, Math.ceil(bytes.length / 64));
  const meta: ProfileMeta = {};
  let sawCallgraph = false;
  let bareNode = false;
  cursor.skipWs();
  if (cursor.peek() === 0xef && bytes[cursor.pos + 1] === 0xbb && bytes[cursor.pos + 2] === 0xbf) cursor.pos += 3;
  cursor.skipWs();
  if (cursor.peek() !== LBRACE) throw new ProfileFormatError('This is not a CodeGuru profile: the JSON is not an object.');
  cursor.pos++;
  let first = true;
  for (;;) {
    cursor.skipWs();
    if (cursor.peek() === RBRACE) { cursor.pos++; break; }
    if (!first) cursor.expect(COMMA);
    first = false;
    cursor.skipWs();
    const key = cursor.string();
    cursor.skipWs();
    cursor.expect(COLON);
    cursor.skipWs();
    if (key === 'callgraph') {
      sawCallgraph = true;
      if (cursor.peek() === LBRACE) readCallgraph(cursor, tree, warnings);
      else { cursor.skipValue(); warnings.add('"callgraph" is not an object'); }
    } else if (key === 'agentMetadata' || key === 'start' || key === 'end') {
      readMeta(key, cursor.value(), meta, warnings);
    } else {
      if (key === 'children' || key === 'counts') bareNode = true;
      cursor.skipValue();
    }
  }
  cursor.skipWs();
  if (cursor.pos < cursor.end) cursor.fail('unexpected content after the profile');
  if (!sawCallgraph) {
    // A bare call-graph node at the top: rare and small, so the general path is fine.
    if (bareNode) return fromCodeGuruDocument(JSON.parse(cursor.text.utf8(0, cursor.end)) as unknown, maxNodes);
    throw new ProfileFormatError('This is not a CodeGuru profile: it has no "callgraph".');
  }
  if (meta.durationMs === undefined && meta.startMs !== undefined && meta.endMs !== undefined && meta.endMs >= meta.startMs) meta.durationMs = meta.endMs - meta.startMs;
  if (tree.truncated) warnings.add(`the profile has more than ${maxNodes.toLocaleString('en-US')} frames; the rest were dropped`);
  return makeProfile('codeguru', tree.finish(), meta, warnings.list(), tree.truncated);
}

function readMeta(key: string, value: unknown, meta: ProfileMeta, warnings: WarningTally): void {
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  if (key === 'start') { const v = num(value); if (v !== undefined) meta.startMs = v; return; }
  if (key === 'end') { const v = num(value); if (v !== undefined) meta.endMs = v; return; }
  // agentMetadata is small: reuse the object-based reader for identical results.
  const parsed = fromCodeGuruDocument({ agentMetadata: value, callgraph: {} });
  if (parsed.sampleWeights.size > 0 || (typeof value === 'object' && value !== null && 'sampleWeights' in value)) meta.sampleWeights = parsed.sampleWeights;
  for (const w of parsed.warnings) warnings.add(w);
  if (parsed.durationMs !== undefined) meta.durationMs = parsed.durationMs;
  if (parsed.agent !== undefined) meta.agent = parsed.agent;
  if (parsed.runtimeVersion !== undefined) meta.runtimeVersion = parsed.runtimeVersion;
  if (parsed.numTimesSampled !== undefined) meta.numTimesSampled = parsed.numTimesSampled;
}
