import { Alias, type CollectionTag, CST, type Document, isAlias, isMap, isPair, isScalar, isSeq, Parser, parseDocument, Scalar, type ScalarTag } from 'yaml';
import type { Node, ParsedDocument, Pair, ScalarStyle, SyntaxProblem } from './tree';
import { keyTextOf } from './tree';

export interface YamlLibOptions {
  /** Tags to accept silently (CloudFormation intrinsic functions in templates). */
  customTags?: readonly string[];
}

const styleOf: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'literal',
  BLOCK_FOLDED: 'folded',
};

/** Accepts a local tag on any node kind without changing how the node resolves. */
function passThroughTags(names: readonly string[]): (ScalarTag | CollectionTag)[] {
  return names.flatMap((tag): (ScalarTag | CollectionTag)[] => [
    { tag, resolve: (value: string) => value },
    { tag, collection: 'map', resolve: (value) => value },
    { tag, collection: 'seq', resolve: (value) => value },
  ]);
}

/** The complete, slower path: any YAML 1.2 the `yaml` library accepts, and its error messages. */
export function parseWithYamlLib(text: string, options: YamlLibOptions = {}): ParsedDocument {
  const doc = parseDocument(text, {
    prettyErrors: false,
    uniqueKeys: false,
    keepSourceTokens: false,
    strict: true,
    ...(options.customTags ? { customTags: passThroughTags(options.customTags) } : {}),
  });
  const problems: SyntaxProblem[] = [];
  for (const err of doc.errors) {
    const opening = /Missing closing .?quote/.test(err.message) ? openingQuote(text, err.pos[0]) : undefined;
    if (opening !== undefined) {
      const nl = text.indexOf('\n', opening);
      problems.push({ start: opening, end: nl === -1 ? text.length : nl, rule: 'yaml/syntax', severity: 'error',
        message: `YAML syntax error: ${err.message}: the quoted string that starts here is never closed.` });
      continue;
    }
    problems.push({ start: err.pos[0], end: err.pos[1], message: `YAML syntax error: ${err.message}`, rule: 'yaml/syntax', severity: 'error' });
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const tag = text.slice(warning.pos[0], warning.pos[1]);
      problems.push({ start: warning.pos[0], end: warning.pos[1], message: unsupportedTagMessage(tag), rule: 'yaml/unsupported-tag', severity: 'error' });
    } else {
      problems.push({ start: warning.pos[0], end: warning.pos[1], message: `YAML: ${warning.message}`, rule: 'yaml/syntax', severity: 'warning' });
    }
  }
  const converter = new Converter(text, doc);
  const root = doc.contents === null ? undefined : converter.convert(doc.contents, doc.range[0]);
  return { root, problems, format: 'yaml', parser: 'yaml' };
}

/**
 * The yaml library reports an unterminated quoted string where the input ends; people need to see where
 * it starts. Only runs on documents that already failed to parse.
 */
function openingQuote(text: string, errorOffset: number): number | undefined {
  let found: number | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const t of [item.key, item.value]) {
        if (!t || (t.type !== 'double-quoted-scalar' && t.type !== 'single-quoted-scalar')) continue;
        if (t.offset <= errorOffset && t.offset + t.source.length >= errorOffset - 1 && found === undefined) found = t.offset;
      }
    });
    if (token.value && (token.value.type === 'double-quoted-scalar' || token.value.type === 'single-quoted-scalar')) {
      if (token.value.offset <= errorOffset && found === undefined) found = token.value.offset;
    }
  }
  return found;
}

export function unsupportedTagMessage(tag: string): string {
  const cfn = /^!(Ref|Sub|GetAtt|Join|Select|Split|FindInMap|If|Not|Equals|And|Or|Condition|ImportValue|GetAZs|Base64|Cidr|Transform|Length|ToJsonString)$/.test(tag);
  return cfn
    ? `${tag} is a CloudFormation intrinsic function; it is not evaluated in this file, so the value stays unresolved. Render the file before deploying, or write the value literally.`
    : `Unknown YAML tag ${tag}: AWS reads this file as plain YAML and cannot resolve the tag.`;
}

class Converter {
  private readonly anchors = new Map<string, Node>();

  constructor(private readonly text: string, private readonly doc: Document) {}

  convert(value: unknown, fallbackOffset: number): Node {
    if (isAlias(value)) return this.alias(value, fallbackOffset);
    const node = this.convertInner(value, fallbackOffset);
    const anchor = (value as { anchor?: string } | null)?.anchor;
    if (anchor) {
      node.anchor = anchor;
      this.anchors.set(anchor, node);
    }
    const tag = (value as { tag?: string } | null)?.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      const at = this.text.lastIndexOf(tag, node.start);
      node.tag = { name: tag, start: at >= 0 ? at : node.start, end: at >= 0 ? at + tag.length : node.start };
    }
    return node;
  }

  private alias(value: Alias, fallbackOffset: number): Node {
    const [start, end] = value.range ?? [fallbackOffset, fallbackOffset];
    return { kind: 'alias', name: value.source, target: this.anchors.get(value.source), start, end };
  }

  private convertInner(value: unknown, fallbackOffset: number): Node {
    if (isMap(value)) {
      const [start, end] = value.range ?? [fallbackOffset, fallbackOffset];
      const pairs: Pair[] = [];
      for (const item of value.items) {
        if (!isPair(item)) continue;
        const keyOffset = rangeOf(item.key)?.[0] ?? start;
        const key = item.key === null ? emptyScalar(keyOffset) : this.convert(item.key, keyOffset);
        const afterKey = key.end;
        const val = item.value === null ? emptyScalar(this.afterColon(afterKey)) : this.convert(item.value, afterKey);
        pairs.push({ key, keyText: keyTextOf(key), value: val });
      }
      const last = pairs[pairs.length - 1];
      const blockEnd = last ? Math.max(last.key.end, last.value.end) : end;
      return { kind: 'map', pairs, flow: value.flow === true, start, end: value.flow === true ? end : blockEnd };
    }
    if (isSeq(value)) {
      const [start, end] = value.range ?? [fallbackOffset, fallbackOffset];
      const items: Node[] = [];
      let cursor = start;
      for (const item of value.items) {
        const node = item === null ? emptyScalar(cursor) : this.convert(item, cursor);
        cursor = node.end;
        items.push(node);
      }
      const last = items[items.length - 1];
      const blockEnd = last ? Math.max(last.end, start + 1) : end;
      return { kind: 'seq', items, flow: value.flow === true, start, end: value.flow === true ? end : blockEnd };
    }
    if (isScalar(value)) {
      const [start, end] = value.range ?? [fallbackOffset, fallbackOffset];
      return { kind: 'scalar', value: scalarValue(value), style: styleOf[value.type ?? 'PLAIN'] ?? 'plain', start, end };
    }
    if (isPair(value)) {
      // A pair in sequence position (`[a: b]`) composes as a single-pair map.
      const key = value.key === null ? emptyScalar(fallbackOffset) : this.convert(value.key, fallbackOffset);
      const val = value.value === null ? emptyScalar(key.end) : this.convert(value.value, key.end);
      return { kind: 'map', pairs: [{ key, keyText: keyTextOf(key), value: val }], flow: true, start: key.start, end: val.end };
    }
    return emptyScalar(fallbackOffset);
  }

  private afterColon(offset: number): number {
    const colon = this.text.indexOf(':', offset);
    const newline = this.text.indexOf('\n', offset);
    return colon >= 0 && (newline < 0 || colon < newline) ? colon + 1 : offset;
  }
}

function rangeOf(value: unknown): [number, number, number] | undefined {
  const range = (value as { range?: [number, number, number] | null } | null)?.range;
  return range ?? undefined;
}

function scalarValue(scalar: Scalar): string | number | boolean | null {
  const v: unknown = scalar.value;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the core schema gives no other value; a custom tag's keeps String()'s text
  return String(v);
}

export function emptyScalar(offset: number): Node {
  return { kind: 'scalar', value: null, style: 'plain', start: offset, end: offset };
}
