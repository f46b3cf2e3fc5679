import { getLocation } from '../syntax/jsonc';
import type { Node } from '../syntax/tree';
import { LineIndex } from '../text/line-index';
import type { Range } from '../types';
import { documentModel, type DocumentModel } from './model';
import { docsMarkdown, schemasFor } from './schema-path';
import { yamlCursor } from './yaml-context';

export interface Hover {
  /** Markdown: the property's description, its allowed values and a link to the AWS documentation. */
  contents: string;
  range: Range;
}

/** Documentation for the key (or value) under the cursor. */
export function hover(text: string, offset: number, options: { kind: 'buildspec' | 'appspec'; path?: string }): Hover | undefined {
  const model = documentModel(text, options.kind, options.path);
  const lines = new LineIndex(text);
  const target = model.clean && model.parsed.root ? fromTree(model.parsed.root, offset) : model.format === 'json' ? fromJson(model, offset) : fromLine(model, offset);
  if (!target) return undefined;
  const name = target.path[target.path.length - 1];
  if (typeof name !== 'string') return undefined;
  const contents = docsMarkdown(schemasFor(model, target.path), name);
  return contents ? { contents, range: lines.range(target.start, target.end) } : undefined;
}

interface Target {
  path: (string | number)[];
  start: number;
  end: number;
}

function fromTree(root: Node, offset: number): Target | undefined {
  const path: (string | number)[] = [];
  let node: Node = root;
  for (let depth = 0; depth < 256; depth++) {
    if (node.kind === 'map') {
      const pair = node.pairs.find((p) => offset >= p.key.start && offset <= Math.max(p.key.end, p.value.end));
      if (!pair || pair.keyText === undefined) return undefined;
      path.push(pair.keyText);
      if (offset <= pair.key.end) return { path, start: pair.key.start, end: pair.key.end };
      if (pair.value.kind === 'scalar' || pair.value.kind === 'alias') return { path, start: pair.value.start, end: pair.value.end };
      node = pair.value;
    } else if (node.kind === 'seq') {
      const index = node.items.findIndex((i) => offset >= i.start && offset <= i.end);
      const item = node.items[index];
      if (!item) return undefined;
      path.push(index);
      if (item.kind === 'scalar') return undefined;
      node = item;
    } else {
      return undefined;
    }
  }
  return undefined;
}

function fromLine(model: DocumentModel, offset: number): Target | undefined {
  const lineStart = model.text.lastIndexOf('\n', offset - 1) + 1;
  const nl = model.text.indexOf('\n', offset);
  const line = model.text.slice(lineStart, nl === -1 ? model.text.length : nl);
  const m = /^(\s*(?:-\s+)*)("[^"]*"|'[^']*'|[^\s#'"][^:#]*?)\s*:(\s|$)/.exec(line);
  if (!m) return undefined;
  const keyStart = lineStart + (m[1]?.length ?? 0);
  const key = (m[2] ?? '').replace(/^["']|["']$/g, '');
  const cursor = yamlCursor(model.text, keyStart);
  return { path: [...cursor.path, key], start: keyStart, end: keyStart + (m[2]?.length ?? 0) };
}

function fromJson(model: DocumentModel, offset: number): Target | undefined {
  const location = getLocation(model.text, offset);
  const node = location.previousNode;
  const path = location.path.filter((p) => p !== '') as (string | number)[];
  if (!node) return undefined;
  return { path, start: node.offset, end: node.offset + node.length };
}
