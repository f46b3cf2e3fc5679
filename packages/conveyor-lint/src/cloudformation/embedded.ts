import { parseText } from '../syntax/parse';
import type { Node, ParsedDocument, ScalarNode, SyntaxProblem } from '../syntax/tree';
import { pairOf, pairsOf, valueOf } from '../rules/nodes';

/** CloudFormation's short-form intrinsic function tags. */
export const CFN_TAGS = ['!Ref', '!Sub', '!GetAtt', '!Join', '!Select', '!Split', '!FindInMap', '!If', '!Not', '!Equals', '!And', '!Or', '!Condition',
  '!ImportValue', '!GetAZs', '!Base64', '!Cidr', '!Transform', '!Length', '!ToJsonString', '!Rain::Embed'];

/** A buildspec written inline in a template, and how to map its offsets back into the template. */
export interface EmbeddedBuildspec {
  /** The logical ID of the AWS::CodeBuild::Project resource. */
  resource: string;
  text: string;
  /** Template offset of an offset in `text` (0..text.length). */
  toTemplate(offset: number): number;
  /** How edits must be written back: block scalars cannot take line breaks, JSON strings need escapes. */
  style: 'literal' | 'json' | 'double';
  /** Range of the BuildSpec key, for messages about the value as a whole. */
  keyStart: number;
  keyEnd: number;
}

/** The inline buildspecs (`Source.BuildSpec` of every `AWS::CodeBuild::Project`) of a YAML or JSON template. */
export function findEmbeddedBuildspecs(template: string, format: 'yaml' | 'json'): EmbeddedBuildspec[] {
  return scanTemplate(template, format).buildspecs;
}

/** The inline buildspecs, and why none could be looked for when the template was not parsed (too large, too deep). */
export function scanTemplate(template: string, format: 'yaml' | 'json'): { buildspecs: EmbeddedBuildspec[]; notParsed?: SyntaxProblem } {
  const parsed = parseText(template, format === 'yaml' ? { format, customTags: CFN_TAGS } : { format });
  if (parsed.aborted) return parsed.problems[0] ? { buildspecs: [], notParsed: parsed.problems[0] } : { buildspecs: [] };
  return { buildspecs: inlineBuildspecs(template, parsed) };
}

function inlineBuildspecs(template: string, parsed: ParsedDocument): EmbeddedBuildspec[] {
  if (!parsed.root || parsed.problems.some((p) => p.severity === 'error')) return [];
  const out: EmbeddedBuildspec[] = [];
  for (const resource of pairsOf(valueOf(parsed.root, 'Resources'))) {
    const type = valueOf(resource.value, 'Type');
    if (type?.kind !== 'scalar' || type.value !== 'AWS::CodeBuild::Project') continue;
    const pair = pairOf(valueOf(valueOf(resource.value, 'Properties'), 'Source'), 'BuildSpec');
    if (!pair) continue;
    const scalar = buildSpecScalar(pair.value);
    if (!scalar || typeof scalar.value !== 'string' || !/\n/.test(scalar.value) || !/\bphases\b|\bversion\b/.test(scalar.value)) continue;
    const mapped = mapScalar(template, scalar);
    if (mapped) out.push({ resource: resource.keyText ?? '', text: scalar.value, ...mapped, keyStart: pair.key.start, keyEnd: pair.key.end });
  }
  return out;
}

/** The string of `BuildSpec: |`, `BuildSpec: !Sub |` or `BuildSpec: { Fn::Sub: ... }`. */
function buildSpecScalar(node: Node): ScalarNode | undefined {
  if (node.kind === 'scalar') return node;
  if (node.kind === 'map' && node.pairs.length === 1 && node.pairs[0]?.keyText === 'Fn::Sub') {
    const v = node.pairs[0].value;
    return v.kind === 'scalar' ? v : undefined;
  }
  return undefined;
}

function mapScalar(template: string, node: ScalarNode): Pick<EmbeddedBuildspec, 'toTemplate' | 'style'> | undefined {
  if (node.style === 'literal') return mapLiteral(template, node);
  if (node.style === 'json' || node.style === 'double') return mapQuoted(template, node);
  return undefined; // folded, plain or single-quoted multi-line strings fold lines: offsets cannot be mapped
}

/** Literal block scalar: line i of the value is template line (header + 1 + i), minus the indentation. */
function mapLiteral(template: string, node: ScalarNode): Pick<EmbeddedBuildspec, 'toTemplate' | 'style'> | undefined {
  const value = String(node.value);
  const valueLineStarts: number[] = [0];
  for (let i = value.indexOf('\n'); i !== -1 && i < value.length - 1; i = value.indexOf('\n', i + 1)) valueLineStarts.push(i + 1);
  let ls = template.indexOf('\n', node.start) + 1;
  if (ls === 0) return undefined;
  // Content indentation: that of the first non-blank line.
  let probe = ls;
  let indent = -1;
  while (probe < template.length) {
    const nl = template.indexOf('\n', probe);
    const line = template.slice(probe, nl === -1 ? template.length : nl).replace(/\r$/, '');
    if (line.trim() !== '') {
      indent = line.length - line.trimStart().length;
      break;
    }
    probe = nl === -1 ? template.length : nl + 1;
  }
  if (indent < 0) return undefined;
  const sourceStarts: number[] = [];
  for (let i = 0; i < valueLineStarts.length; i++) {
    const nl = template.indexOf('\n', ls);
    const lineEnd = nl === -1 ? template.length : nl;
    sourceStarts.push(Math.min(ls + indent, lineEnd));
    ls = nl === -1 ? template.length : nl + 1;
  }
  const toTemplate = (offset: number): number => {
    let lo = 0;
    let hi = valueLineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((valueLineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (sourceStarts[lo] ?? node.start) + (offset - (valueLineStarts[lo] ?? 0));
  };
  return { toTemplate, style: 'literal' };
}

/** A JSON (or YAML double-quoted, single-line) string: each decoded character maps to its escape. */
function mapQuoted(template: string, node: ScalarNode): Pick<EmbeddedBuildspec, 'toTemplate' | 'style'> | undefined {
  const positions: number[] = [];
  const end = node.end - 1;
  if (template[node.start] !== '"' || template[end] !== '"') return undefined;
  for (let i = node.start + 1; i < end; i++) {
    const c = template[i];
    if (c === '\n' || c === '\r') return undefined; // YAML line folding inside the quotes
    positions.push(i);
    if (c !== '\\') continue;
    const e = template[i + 1];
    if (e === 'u') i += 5;
    else if (e === 'x') i += 3;
    else if (e === 'U') i += 9;
    else i += 1;
  }
  if (positions.length !== String(node.value).length) return undefined; // surrogate pairs etc.: give up safely
  positions.push(end);
  return { toTemplate: (offset) => positions[Math.max(0, Math.min(offset, positions.length - 1))] ?? end, style: node.style === 'json' ? 'json' : 'double' };
}
