import { canonicalServerlessKey, inferPlatform, PLATFORM_LABEL } from '../appspec/platform';
import { RULES } from '../rules/catalog';
import type { MemoKey, Rule, RuleContext } from '../rules/rule';
import { mapSchemaErrors } from '../schema/map-errors';
import { type SchemaTarget, validatorFor } from '../schema/schemas';
import { parseText } from '../syntax/parse';
import { AliasExpansionError, type JsonValue, toValue } from '../syntax/to-value';
import type { MapNode, Node } from '../syntax/tree';
import type { AppSpecPlatform } from '../types';
import type { RawDiagnostic } from './raw';
import { foreignDocument } from './recognition';

export interface SpecOptions {
  kind: 'buildspec' | 'appspec';
  format: 'yaml' | 'json';
  fileExists?: (relativePath: string) => boolean;
}

export interface SpecResult {
  diagnostics: RawDiagnostic[];
  platform?: AppSpecPlatform;
  version?: '0.1' | '0.2';
}

/** Everything the validator reports for one buildspec or appspec text, in string offsets. */
export function validateSpec(text: string, options: SpecOptions): SpecResult {
  const parsed = parseText(text, { format: options.format });
  const out: RawDiagnostic[] = parsed.problems.map((p) => ({ start: p.start, end: p.end, severity: p.severity, message: p.message, rule: p.rule }));
  if (parsed.aborted) return { diagnostics: out };
  // With a syntax error the tree is a guess: report the syntax errors (and duplicates) only.
  if (parsed.problems.some((p) => p.severity === 'error' && (p.rule === 'yaml/syntax' || p.rule === 'json/syntax'))) {
    return { diagnostics: out };
  }
  const root = parsed.root;
  const label = options.kind === 'buildspec' ? 'buildspec' : 'appspec';
  if (!root || (root.kind === 'scalar' && root.value === null)) {
    out.push({ start: 0, end: 0, severity: 'error', rule: 'schema/missing-key',
      message: options.kind === 'buildspec' ? 'This buildspec is empty: it needs at least version: 0.2 and phases.' : 'This appspec is empty: it needs at least version: 0.0.' });
    return { diagnostics: out };
  }
  if (root.kind !== 'map') {
    const nl = text.indexOf('\n', root.start);
    out.push({ start: root.start, end: nl === -1 ? text.length : nl, severity: 'error', rule: 'file/not-a-mapping',
      message: `A ${label} must be a mapping of keys (version, ${options.kind === 'buildspec' ? 'phases' : 'hooks'}, ...), not ${root.kind === 'seq' ? 'a list' : 'a single value'}.` });
    return { diagnostics: out };
  }
  const foreign = foreignDocument(root, options.kind);
  if (foreign) return { diagnostics: [foreign] };
  let value: JsonValue;
  try {
    value = toValue(root);
  } catch (err) {
    if (!(err instanceof AliasExpansionError)) throw err;
    out.push({ start: err.alias.start, end: err.alias.end, severity: 'error', rule: 'yaml/alias-expansion',
      message: 'Not validated: the aliases in this document expand to more values than any buildspec or appspec needs (a "billion laughs" document).' });
    return { diagnostics: out };
  }

  let target: SchemaTarget;
  let platform: AppSpecPlatform | undefined;
  let version: '0.1' | '0.2' | undefined;
  let canonicalKey = (key: string): string => key;
  let documentLabel: string;
  if (options.kind === 'buildspec') {
    const v = (value as { version?: unknown }).version;
    version = v === 0.1 || v === '0.1' ? '0.1' : '0.2';
    target = version === '0.1' ? 'buildspec01' : 'buildspec02';
    documentLabel = v === undefined ? 'buildspec' : `buildspec (version ${version})`;
  } else {
    platform = inferPlatform(root);
    target = platform;
    documentLabel = `${PLATFORM_LABEL[platform]} appspec`;
    if (platform !== 'ec2') {
      canonicalKey = canonicalServerlessKey;
      for (const d of caseDuplicates(root)) out.push(d);
      value = canonicalize(value);
    }
  }

  const claimed = new Set<string>();
  const memos = new Map<MemoKey<unknown>, unknown>();
  const ctx: RuleContext = {
    text, root, kind: options.kind, format: options.format, canonicalKey,
    ...(platform ? { platform } : {}), ...(version ? { version } : {}),
    ...(options.fileExists ? { fileExists: options.fileExists } : {}),
    claim: (pointer) => claimed.add(pointer),
    memo<T>(key: MemoKey<T>, compute: () => T): T {
      if (memos.has(key)) return memos.get(key) as T;
      const value = compute();
      memos.set(key, value);
      return value;
    },
  };
  for (const rule of rulesFor(options.kind)) {
    for (const d of rule.check(ctx)) {
      out.push(d);
      for (const c of d.claims ?? []) claimed.add(c);
    }
  }

  const validate = validatorFor(target);
  if (!validate(value)) {
    // Loops, not push(...array): one error per unknown key is unbounded, and spreading it overflows the stack.
    for (const d of mapSchemaErrors(validate.errors ?? [], { text, root, caseInsensitive: platform !== undefined && platform !== 'ec2', claimed, documentLabel, target,
      version: options.kind === 'buildspec' ? { expected: '0.2 (or the older 0.1)', fixTo: '0.2' } : { expected: '0.0', fixTo: '0.0' } })) out.push(d);
  }
  return { diagnostics: out, ...(platform ? { platform } : {}), ...(version ? { version } : {}) };
}

const rulesByKind = new Map<'buildspec' | 'appspec', readonly Rule[]>();

function rulesFor(kind: 'buildspec' | 'appspec'): readonly Rule[] {
  let rules = rulesByKind.get(kind);
  if (!rules) {
    rules = RULES.filter((r) => r.kinds.includes(kind));
    rulesByKind.set(kind, rules);
  }
  return rules;
}

/** ECS and Lambda appspec keys in their documented spelling (CodeDeploy ignores their case). */
function canonicalize(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: JsonValue } = {};
  for (const [k, v] of Object.entries(value)) {
    const key = canonicalServerlessKey(k);
    // Assignment is a setter only for __proto__.
    if (key === '__proto__') Object.defineProperty(out, key, { value: canonicalize(v), enumerable: true, writable: true, configurable: true });
    else out[key] = canonicalize(v);
  }
  return out;
}

function caseDuplicates(root: Node): RawDiagnostic[] {
  const out: RawDiagnostic[] = [];
  const visit = (node: Node, depth: number): void => {
    if (depth > 64) return;
    if (node.kind === 'seq') node.items.forEach((i) => visit(i, depth + 1));
    if (node.kind !== 'map') return;
    checkMap(node, out);
    node.pairs.forEach((p) => visit(p.value, depth + 1));
  };
  visit(root, 0);
  return out;
}

function checkMap(map: MapNode, out: RawDiagnostic[]): void {
  const seen = new Map<string, string>();
  for (const pair of map.pairs) {
    if (pair.keyText === undefined) continue;
    const canonical = canonicalServerlessKey(pair.keyText);
    const lower = canonical.toLowerCase();
    const prior = seen.get(lower);
    if (prior !== undefined && prior !== pair.keyText) {
      out.push({ start: pair.key.start, end: pair.key.end, severity: 'error', rule: 'appspec/duplicate-key-case',
        message: `'${pair.keyText}' and '${prior}' are the same key for CodeDeploy, which ignores the case of ECS and Lambda AppSpec keys; keep one.` });
    } else if (prior === undefined) seen.set(lower, pair.keyText);
  }
}

