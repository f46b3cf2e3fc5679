import { findNodeAtLocation, getLocation, type Node as JsonNode, parseTree } from '../syntax/jsonc';
import { describe, expand, type SchemaRef, splitDocs } from '../schema/navigate';
import { LineIndex } from '../text/line-index';
import type { Range } from '../types';
import { documentModel, type DocumentModel } from './model';
import { displayValues, docsMarkdown, propertiesOf, schemasFor, typesOf } from './schema-path';
import { yamlCursor } from './yaml-context';

export interface CompletionItem {
  label: string;
  kind: 'property' | 'value';
  /** First sentence of the documentation. */
  detail?: string;
  /** Markdown: description, allowed values and a link to the AWS documentation. */
  documentation?: string;
  insertText: string;
  /** The text the completion replaces. */
  range: Range;
  /** Orders completions: required keys first, then alphabetical. */
  sortText: string;
}

export interface CompletionOptions {
  kind: 'buildspec' | 'appspec';
  path?: string;
}

/** Keys that fit at the cursor, or values of the key being typed. */
export function complete(text: string, offset: number, options: CompletionOptions): CompletionItem[] {
  const model = documentModel(text, options.kind, options.path);
  const lines = new LineIndex(text);
  return model.format === 'json' ? completeJson(model, offset, lines) : completeYaml(model, offset, lines);
}

function firstSentence(refs: readonly SchemaRef[]): string | undefined {
  const { text } = splitDocs(describe(refs));
  const m = /^(.*?[.!?])(\s|$)/.exec(text);
  return (m?.[1] ?? text) || undefined;
}

function requiredAt(refs: readonly SchemaRef[]): Set<string> {
  const out = new Set<string>();
  for (const ref of refs) for (const s of expand(ref)) if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === 'string') out.add(r);
  return out;
}

/** Hide lowercase aliases of documented PascalCase keys (they exist for validation, not for typing). */
function visibleKeys(props: Map<string, SchemaRef>): [string, SchemaRef][] {
  const names = [...props.keys()];
  return [...props.entries()].filter(([n]) => !(n === n.toLowerCase() && names.some((m) => m !== n && m.toLowerCase() === n)));
}

function completeYaml(model: DocumentModel, offset: number, lines: LineIndex): CompletionItem[] {
  const cursor = yamlCursor(model.text, offset);
  const range = lines.range(cursor.prefixStart, offset);
  if (cursor.position === 'value' && cursor.key !== undefined) {
    return valueItems(schemasFor(model, [...cursor.path, cursor.key]), range, 'yaml');
  }
  const refs = schemasFor(model, cursor.path);
  const props = propertiesOf(refs);
  if (props.size === 0) return cursor.inItem ? valueItems(refs, range, 'yaml') : [];
  const required = requiredAt(refs);
  const childIndent = ' '.repeat(cursor.indent + 2);
  const out: CompletionItem[] = [];
  for (const [name, ref] of visibleKeys(props)) {
    if (cursor.siblings.has(name)) continue;
    const types = typesOf([ref]);
    const childRefs = [ref];
    const hasChildren = propertiesOf(childRefs).size > 0 || types.has('object');
    const insertText = types.has('array') && !types.has('string')
      ? `${name}:\n${childIndent}- `
      : hasChildren && !types.has('string') ? `${name}:\n${childIndent}` : `${name}: `;
    const doc = docsMarkdown(childRefs, name);
    const detail = firstSentence(childRefs);
    out.push({ label: name, kind: 'property', insertText, range, sortText: `${required.has(name) ? '0' : '1'}${name}`,
      ...(detail ? { detail } : {}), ...(doc ? { documentation: doc } : {}) });
  }
  return out;
}

function valueItems(refs: readonly SchemaRef[], range: Range, format: 'yaml' | 'json'): CompletionItem[] {
  const values = displayValues(refs);
  const doc = docsMarkdown(refs);
  return values.map((v, i) => ({
    label: v, kind: 'value' as const, range, sortText: String(i).padStart(3, '0'),
    insertText: format === 'json' ? (/^(true|false|-?\d+(\.\d+)?)$/.test(v) ? v : JSON.stringify(v)) : v,
    ...(doc ? { documentation: doc } : {}),
  }));
}

function completeJson(model: DocumentModel, offset: number, lines: LineIndex): CompletionItem[] {
  const location = getLocation(model.text, offset);
  const path = location.path.filter((p) => p !== '') as (string | number)[];
  const prev = location.previousNode;
  const replace = prev && (prev.type === 'string' || prev.type === 'property') && offset >= prev.offset && offset <= prev.offset + prev.length
    ? lines.range(prev.offset, prev.offset + prev.length) : lines.range(offset, offset);
  if (location.isAtPropertyKey) {
    const parentPath = path.slice(0, -1);
    const refs = schemasFor(model, parentPath);
    const tree = parseTree(model.text);
    const parent: JsonNode | undefined = tree ? findNodeAtLocation(tree, parentPath) : undefined;
    const present = new Set((parent?.children ?? []).map((c): unknown => c.children?.[0]?.value).filter((v): v is string => typeof v === 'string'));
    const required = requiredAt(refs);
    return visibleKeys(propertiesOf(refs)).filter(([n]) => !present.has(n) || n === path[path.length - 1]).map(([name, ref]) => {
      const doc = docsMarkdown([ref], name);
      const detail = firstSentence([ref]);
      return { label: name, kind: 'property' as const, insertText: `"${name}": `, range: replace, sortText: `${required.has(name) ? '0' : '1'}${name}`,
        ...(detail ? { detail } : {}), ...(doc ? { documentation: doc } : {}) };
    });
  }
  const refs = schemasFor(model, path);
  return valueItems(refs.length ? refs : [], replace, 'json');
}

