import { parseFastYaml } from './fast-yaml';
import { parseJson } from './json-parser';
import { estimateDepth, LIMITS } from './limits';
import type { MapNode, Node, ParsedDocument, SyntaxProblem } from './tree';
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
  if (parsed.root) parsed.problems.push(...duplicateKeys(parsed.root, text));
  return { ...parsed, aborted: false };
}

function abort(options: ParseOptions, problem: SyntaxProblem): ParseResult {
  return { root: undefined, problems: [problem], format: options.format, parser: options.format === 'json' ? 'jsonc' : 'yaml', aborted: true };
}

function tooDeep(options: ParseOptions): ParseResult {
  return abort(options, { start: 0, end: 0, rule: 'file/too-deep', severity: 'error',
    message: `Not validated: the document nests more than ${LIMITS.maxDepth} levels deep. Buildspecs and appspecs need a handful.` });
}

/** Every repeated key in every mapping, reported at the repetition, naming the line of the first. */
export function duplicateKeys(root: Node, text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const visited = new Set<Node>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || visited.has(node)) continue;
    visited.add(node);
    if (node.kind === 'map') {
      checkMap(node, text, problems);
      for (const pair of node.pairs) stack.push(pair.value);
    } else if (node.kind === 'seq') {
      for (const item of node.items) stack.push(item);
    }
  }
  return problems.sort((a, b) => a.start - b.start);
}

function checkMap(map: MapNode, text: string, problems: SyntaxProblem[]): void {
  if (map.pairs.length < 2) return;
  const seen = new Map<string, number>();
  for (const pair of map.pairs) {
    if (pair.keyText === undefined) continue;
    const first = seen.get(pair.keyText);
    if (first === undefined) {
      seen.set(pair.keyText, pair.key.start);
      continue;
    }
    const line = lineOf(text, first) + 1;
    problems.push({
      start: pair.key.start, end: pair.key.end, rule: 'yaml/duplicate-key', severity: 'error',
      message: `Duplicate key '${pair.keyText}': it is already defined on line ${line}, and parsers disagree on which value wins. Keep one.`,
    });
  }
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  let i = text.indexOf('\n');
  while (i !== -1 && i < offset) {
    line++;
    i = text.indexOf('\n', i + 1);
  }
  return line;
}
