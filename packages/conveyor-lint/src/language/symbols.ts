import type { Node } from '../syntax/tree';
import { LineIndex } from '../text/line-index';
import type { Range } from '../types';
import { documentModel } from './model';

export type SymbolKind = 'key' | 'phase' | 'command' | 'hook' | 'script' | 'task' | 'resource' | 'item' | 'section';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}

const MAX_SYMBOLS = 5000;
const MAX_DEPTH = 8;

/** Outline: top-level sections; phases and their commands; hooks and their scripts; batch tasks; resources. */
export function documentSymbols(text: string, options: { kind: 'buildspec' | 'appspec'; path?: string }): DocumentSymbol[] {
  const model = documentModel(text, options.kind, options.path);
  const root = model.parsed.root;
  if (!model.clean || root?.kind !== 'map') return [];
  const lines = new LineIndex(text);
  let budget = MAX_SYMBOLS;

  const label = (node: Node): string => {
    if (node.kind === 'scalar') {
      const s = node.value === null ? '(empty)' : String(node.value);
      const first = s.split('\n')[0] ?? '';
      return first.length > 80 ? `${first.slice(0, 77)}...` : first + (s.includes('\n') && s.trim().includes('\n') ? ' ...' : '');
    }
    if (node.kind === 'map') {
      const p = node.pairs[0];
      return p ? `${p.keyText ?? '?'}: ${p.value.kind === 'scalar' ? label(p.value) : '...'}` : '{}';
    }
    return node.kind === 'seq' ? '[...]' : `*${node.name}`;
  };

  const kindFor = (path: readonly (string | number)[]): SymbolKind => {
    const [a, b, c] = path;
    if (options.kind === 'buildspec') {
      if (a === 'phases' && path.length === 2) return 'phase';
      if (a === 'phases' && path.length === 4 && (c === 'commands' || c === 'finally')) return 'command';
      if (a === 'phases' && path.length === 3) return c === 'commands' || c === 'finally' ? 'section' : 'key';
      if (a === 'batch' && path.length === 3 && typeof c === 'number') return 'task';
    } else {
      const top = typeof a === 'string' ? a.toLowerCase() : a;
      if (top === 'hooks' && path.length === 2 && typeof b === 'string') return 'hook';
      if (top === 'hooks' && path.length === 3 && typeof b === 'number') return 'hook';
      if (top === 'hooks' && path.length === 3 && typeof c === 'number') return 'script';
      if (top === 'resources' && path.length === 3 && typeof c === 'string') return 'resource';
    }
    return typeof path[path.length - 1] === 'number' ? 'item' : path.length === 1 ? 'section' : 'key';
  };

  const visit = (node: Node, path: (string | number)[], depth: number): DocumentSymbol[] => {
    if (depth > MAX_DEPTH || budget <= 0) return [];
    const out: DocumentSymbol[] = [];
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (budget-- <= 0) break;
        const childPath = [...path, pair.keyText ?? '?'];
        const kind = kindFor(childPath);
        const detail = pair.value.kind === 'scalar' && pair.value.value !== null ? label(pair.value) : kind === 'resource' ? describeResource(pair.value) : undefined;
        out.push({ name: pair.keyText ?? '?', kind, range: lines.range(pair.key.start, Math.max(pair.key.end, pair.value.end)),
          selectionRange: lines.range(pair.key.start, pair.key.end), children: visit(pair.value, childPath, depth + 1), ...(detail ? { detail } : {}) });
      }
    } else if (node.kind === 'seq') {
      node.items.forEach((item, index) => {
        if (budget-- <= 0) return;
        const childPath = [...path, index];
        const kind = kindFor(childPath);
        // A list item that is a single-key mapping (ECS/Lambda hooks, resources) is shown as that key.
        const single = item.kind === 'map' && item.pairs.length === 1 && kind !== 'task' && kind !== 'script' ? item.pairs[0] : undefined;
        const singleKind = single ? kindFor([...childPath, single.keyText ?? '']) : undefined;
        if (singleKind === 'hook' || singleKind === 'resource') {
          out.push(...visit(item, childPath, depth + 1));
          return;
        }
        const name = kind === 'task' ? scalarOf(item, 'identifier') ?? `task ${index + 1}` : kind === 'script' ? scalarOf(item, 'location') ?? label(item) : label(item);
        out.push({ name, kind, range: lines.range(item.start, item.end), selectionRange: lines.range(item.start, lineEndOf(text, item.start, item.end)),
          children: item.kind === 'scalar' || kind === 'command' ? [] : visit(item, childPath, depth + 1) });
      });
    }
    return out;
  };
  return visit(root, [], 0);
}

function scalarOf(node: Node, key: string): string | undefined {
  if (node.kind !== 'map') return undefined;
  const v = node.pairs.find((p) => p.keyText === key)?.value;
  return v?.kind === 'scalar' && v.value !== null ? String(v.value) : undefined;
}

function describeResource(node: Node): string | undefined {
  if (node.kind !== 'map') return undefined;
  const type = node.pairs.find((p) => p.keyText?.toLowerCase() === 'type')?.value;
  return type?.kind === 'scalar' && typeof type.value === 'string' ? type.value : undefined;
}

function lineEndOf(text: string, start: number, end: number): number {
  const nl = text.indexOf('\n', start);
  return nl === -1 || nl > end ? end : nl;
}
