import { parseFastYaml } from './fast-yaml';
import { parseJson } from './json-parser';
import { LineIndex } from '../text/line-index';
import { estimateDepth, LIMITS } from './limits';
import type { MapNode, Node, Pair, ParsedDocument, SyntaxProblem } from './tree';
import { parseWithYamlLib } from './yaml-lib-parser';

export interface ParseOptions {
  format: 'yaml' | 'json';
  /** YAML tags to accept silently (CloudFormation templates). */
  customTags?: readonly string[];
}

export interface ParseResult extends ParsedDocument {
  /** True when the text was not (fully) parsed: binary, too large, too deep. Nothing else should run. */
  aborted: boolean;
}

/** Parses a buildspec, appspec or template within the bounds in LIMITS; never throws for any input. */
export function parseText(text: string, options: ParseOptions): ParseResult {
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    return abort(options, { start: 0, end: 0, rule: 'file/binary', severity: 'error',
      message: 'This file contains NUL bytes: it is a binary file, not YAML or JSON text, so it cannot be a buildspec or appspec.' });
  }
  if (text.length > LIMITS.maxChars) {
    return abort(options, { start: 0, end: 0, rule: 'file/too-large', severity: 'warning',
      message: `Not validated: the file has ${text.length} characters, more than the ${LIMITS.maxChars} this validator reads.` });
  }
  let parsed: ParsedDocument;
  if (options.format === 'yaml') {
    const fast = options.customTags ? undefined : parseFastYaml(text);
    if (fast !== undefined) {
      parsed = { root: fast ?? undefined, problems: [], format: 'yaml', parser: 'fast' };
    } else {
      const depth = estimateDepth(text, LIMITS.maxDepth);
      if (depth > LIMITS.maxDepth) return tooDeep(options);
      if (text.length > LIMITS.maxCharsForFullParser) {
        return abort(options, { start: 0, end: 0, rule: 'file/too-large', severity: 'warning',
          message: `Not validated: the file is larger than ${LIMITS.maxCharsForFullParser} characters and uses YAML features (anchors, tags, flow collections, multi-line quoted strings, ...) that only the complete, slower parser reads.` });
      }
      parsed = parseWithYamlLib(text, options.customTags ? { customTags: options.customTags } : {});
    }
  } else {
    const depth = estimateDepth(text, LIMITS.maxDepth);
    if (depth > LIMITS.maxDepth) return tooDeep(options);
    parsed = parseJson(text);
  }
  // A loop, not push(...array): spreading an unbounded array overflows the call stack.
  if (parsed.root) for (const problem of duplicateKeys(parsed.root, text)) parsed.problems.push(problem);
  return { ...parsed, aborted: false };
}

function abort(options: ParseOptions, problem: SyntaxProblem): ParseResult {
  return { root: undefined, problems: [problem], format: options.format, parser: options.format === 'json' ? 'jsonc' : 'yaml', aborted: true };
}

function tooDeep(options: ParseOptions): ParseResult {
  return abort(options, { start: 0, end: 0, rule: 'file/too-deep', severity: 'error',
    message: `Not validated: the document nests more than ${LIMITS.maxDepth} levels deep. Buildspecs and appspecs need a handful.` });
}

/** Duplicate-key errors listed per file; one more error says how many others were found. */
export const MAX_DUPLICATE_KEY_REPORTS = 1000;

interface Duplicate {
  pair: Pair;
  /** Offset of the first definition of the same key in the same mapping. */
  first: number;
}

/**
 * Every repeated key in every mapping, reported at the repetition, naming the line of the first; in
 * document order, at most MAX_DUPLICATE_KEY_REPORTS of them plus one "and N more". Linear in the size
 * of the tree: one line index for the whole text, built only when there is a duplicate.
 */
export function duplicateKeys(root: Node, text: string): SyntaxProblem[] {
  const found: Duplicate[] = [];
  const visited = new Set<Node>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || visited.has(node)) continue;
    visited.add(node);
    if (node.kind === 'map') {
      collectDuplicates(node, found);
      for (const pair of node.pairs) stack.push(pair.value);
    } else if (node.kind === 'seq') {
      for (const item of node.items) stack.push(item);
    }
  }
  if (found.length === 0) return [];
  found.sort((a, b) => a.pair.key.start - b.pair.key.start);
  const lines = new LineIndex(text);
  const problems = found.slice(0, MAX_DUPLICATE_KEY_REPORTS).map(({ pair, first }): SyntaxProblem => ({
    start: pair.key.start, end: pair.key.end, rule: 'yaml/duplicate-key', severity: 'error',
    message: `Duplicate key '${pair.keyText ?? ''}': it is already defined on line ${lines.positionAt(first).line + 1}, and parsers disagree on which value wins. Keep one.`,
  }));
  const next = found[MAX_DUPLICATE_KEY_REPORTS];
  if (next) {
    const more = found.length - MAX_DUPLICATE_KEY_REPORTS;
    problems.push({
      start: next.pair.key.start, end: next.pair.key.end, rule: 'yaml/duplicate-key', severity: 'error',
      message: `And ${more} more duplicate key${more === 1 ? '' : 's'} from here on, not listed one by one (${found.length} in all). Keep one definition of each key.`,
    });
  }
  return problems;
}

function collectDuplicates(map: MapNode, found: Duplicate[]): void {
  if (map.pairs.length < 2) return;
  const seen = new Map<string, number>();
  for (const pair of map.pairs) {
    if (pair.keyText === undefined) continue;
    const first = seen.get(pair.keyText);
    if (first === undefined) seen.set(pair.keyText, pair.key.start);
    else found.push({ pair, first });
  }
}
