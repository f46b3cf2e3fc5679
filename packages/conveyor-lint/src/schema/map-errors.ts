import type { ErrorObject } from 'ajv';
import type { RawDiagnostic, RawFix } from '../engine/raw';
import type { Node, Pair } from '../syntax/tree';
import { closestMatch } from '../text/edit-distance';
import { findPair, type Located, locate, parsePointer } from './pointer';
import { childAll, propertiesOf, schemasAt } from './navigate';
import { looksLikePlaceholder } from './placeholders';
import type { SchemaTarget } from './schemas';

export interface MapContext {
  text: string;
  root: Node;
  /** ECS and Lambda appspec keys are case-insensitive. */
  caseInsensitive: boolean;
  /** JSON pointers explained by rules: schema errors there are dropped. */
  claimed: ReadonlySet<string>;
  /** What the document is, for messages ("buildspec", "EC2/On-Premises appspec", ...). */
  documentLabel: string;
  /** The version(s) this kind of document uses, for a plain message and a fix on a wrong `version`. */
  version: { expected: string; fixTo: string };
  /** The schema definition validated against, to tell where a misplaced key belongs. */
  target: SchemaTarget;
}

/** Turns ajv's errors into diagnostics with precise ranges and messages written for people. */
export function mapSchemaErrors(errors: readonly ErrorObject[], ctx: MapContext): RawDiagnostic[] {
  const out: RawDiagnostic[] = [];
  const seen = new Set<string>();
  // One error per unknown key is unbounded: everything looked up per error is indexed once per call,
  // so thousands of unknown keys cost linear time, not quadratic.
  const lookup = new Lookup(ctx);
  for (const error of collapseAnyOf(errors.filter((e) => e.keyword !== 'if'))) {
    const subject = subjectPointer(error);
    if (ctx.claimed.has(subject) || ctx.claimed.has(error.instancePath)) continue;
    const diagnostic = toDiagnostic(error, ctx, lookup);
    if (!diagnostic) continue;
    const key = `${diagnostic.start}:${diagnostic.end}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out;
}

/** The location an error is about: the unknown or missing key itself, or the value. */
function subjectPointer(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `${error.instancePath}/${escape(params.additionalProperty)}`;
  }
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return `${error.instancePath}/${escape(params.missingProperty)}`;
  }
  return error.instancePath;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A mapping's keys, indexed: the pair each key designates (the last one wins) and the set of keys. */
interface MapKeys {
  byKey: Map<string, Pair>;
  byLowerKey?: Map<string, Pair>;
  present: Set<string | undefined>;
}

/** Per-call indexes of the mappings errors point into, and of where misplaced keys belong. */
class Lookup {
  private readonly maps = new WeakMap<readonly Pair[], MapKeys>();
  private readonly belongs = new Map<string, Map<string, string>>();

  constructor(private readonly ctx: MapContext) {}

  locate(pointer: string): Located {
    return locate(this.ctx.root, pointer, this.ctx.caseInsensitive, (pairs, key, caseInsensitive) => {
      const keys = this.keysOf(pairs);
      const exact = keys.byKey.get(key);
      if (exact || !caseInsensitive) return exact;
      keys.byLowerKey ??= new Map(pairs.filter((p) => p.keyText !== undefined).map((p) => [p.keyText?.toLowerCase() ?? '', p]));
      return keys.byLowerKey.get(key.toLowerCase()) ?? findPair(pairs, key, caseInsensitive);
    });
  }

  keysOf(pairs: readonly Pair[]): MapKeys {
    let keys = this.maps.get(pairs);
    if (!keys) {
      const byKey = new Map<string, Pair>();
      for (const p of pairs) if (p.keyText !== undefined) byKey.set(p.keyText, p);
      keys = { byKey, present: new Set(pairs.map((p) => p.keyText)) };
      this.maps.set(pairs, keys);
    }
    return keys;
  }

  /** Where `key`, unknown at `pointer`, is a valid key one or two levels down (lost indentation). */
  whereKeyBelongs(pointer: string, key: string): string | undefined {
    let index = this.belongs.get(pointer);
    if (!index) {
      index = keysBelow(this.ctx.target, pointer);
      this.belongs.set(pointer, index);
    }
    return index.get(key);
  }
}

/**
 * `anyOf` (how the schemas spell union types) makes ajv report every branch. Keep the errors of the
 * branches whose type matches the data; if no branch's type matches, report one "expected X or Y" error.
 */
function collapseAnyOf(errors: readonly ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  const replacements = new Map<ErrorObject, ErrorObject>();
  const within = errorsWithin(errors);
  for (const anyOf of errors) {
    if (anyOf.keyword !== 'anyOf') continue;
    const prefix = `${anyOf.schemaPath}/`;
    const branchErrors = (within.get(anyOf.instancePath) ?? []).filter((e) => e !== anyOf && e.schemaPath.startsWith(prefix));
    const branches = new Set<string>();
    const typeMismatch = new Set<string>();
    const expected: string[] = [];
    for (const e of branchErrors) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      branches.add(branch);
      if (e.instancePath === anyOf.instancePath && (e.keyword === 'type' || (e.keyword === 'enum' && !isObjectOrArray(e.data)))) {
        if (e.schemaPath === `${prefix}${branch}/${e.keyword}`) {
          typeMismatch.add(branch);
          const p = e.params as Record<string, unknown>;
          if (typeof p.type === 'string') expected.push(p.type);
        }
      }
    }
    const branchCount = Array.isArray(anyOf.schema) ? anyOf.schema.length : branches.size;
    const matching = [...Array(branchCount).keys()].map(String).filter((b) => !typeMismatch.has(b));
    if (matching.length > 0) {
      drop.add(anyOf);
      for (const e of branchErrors) {
        const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
        if (!matching.includes(branch)) drop.add(e);
      }
    } else {
      for (const e of branchErrors) drop.add(e);
      replacements.set(anyOf, { ...anyOf, keyword: 'type', params: { type: [...new Set(expected)].join(',') } });
    }
  }
  return errors.filter((e) => !drop.has(e)).map((e) => replacements.get(e) ?? e);
}

/**
 * The errors at or below each instance location that has an anyOf error: one entry per (error, enclosing
 * anyOf location), so the lookups cost the errors' depth, not the number of errors.
 */
function errorsWithin(errors: readonly ErrorObject[]): Map<string, ErrorObject[]> {
  const out = new Map<string, ErrorObject[]>();
  for (const e of errors) if (e.keyword === 'anyOf') out.set(e.instancePath, []);
  if (out.size === 0) return out;
  for (const e of errors) {
    const path = e.instancePath;
    out.get('')?.push(e);
    for (let i = path.indexOf('/', 1); ; i = path.indexOf('/', i + 1)) {
      const prefix = i === -1 ? path : path.slice(0, i);
      if (prefix !== '') out.get(prefix)?.push(e);
      if (i === -1) break;
    }
  }
  return out;
}

function isObjectOrArray(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function toDiagnostic(error: ErrorObject, ctx: MapContext, lookup: Lookup): RawDiagnostic | undefined {
  const params = error.params as Record<string, unknown>;
  const at = lookup.locate(error.instancePath);
  const where = describePath(error.instancePath);
  const label = lastSegment(error.instancePath);
  const base = { severity: 'error' as const, rule: 'schema/invalid-value' };
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const keys = at.node.kind === 'map' ? lookup.keysOf(at.node.pairs) : undefined;
      const pair = keys?.byKey.get(key);
      const allowed = allowedKeys(error.parentSchema);
      const suggestion = closestMatch(key, allowed.filter((k) => !keys?.present.has(k)));
      const list = allowed.length > 0 && allowed.length <= 12 ? ` Allowed here: ${allowed.join(', ')}.` : '';
      const belongs = suggestion ? undefined : lookup.whereKeyBelongs(error.instancePath, key);
      const message = suggestion
        ? `Unknown key '${key}' ${where}. Did you mean '${suggestion}'?`
        : belongs
          ? `Unknown key '${key}' ${where}: '${key}' belongs under ${belongs}. Check the indentation.`
          : `Unknown key '${key}' ${where}: it is not part of the ${ctx.documentLabel} format.${list}`;
      const range = pair ? { start: pair.key.start, end: pair.key.end } : fallbackRange(at, ctx);
      return { ...range, ...base, rule: 'schema/unknown-key', message, ...(suggestion && pair ? { fix: renameKey(pair, suggestion) } : {}) };
    }
    case 'required': {
      const key = String(params.missingProperty);
      const message = error.instancePath === ''
        ? `Missing required key '${key}' at the top level of this ${ctx.documentLabel}.`
        : `Missing required key '${key}' ${where}.`;
      return { ...requiredRange(at, ctx), ...base, rule: 'schema/missing-key', message };
    }
    case 'type': {
      const expected = String(params.type).split(',').map(typeName);
      const message = `${capitalize(label)} must be ${orList([...new Set(expected)])}, not ${describeValue(error.data)}.`;
      return { ...valueRange(at, ctx), ...base, message };
    }
    case 'enum':
    case 'const': {
      if (looksLikePlaceholder(error.data)) return undefined;
      if (error.instancePath === '/version') {
        const fix = at.node.kind === 'scalar' ? replaceScalar(at.node, ctx.version.fixTo) : undefined;
        return { ...valueRange(at, ctx), ...base, message: `Version ${quoteValue(error.data)} is not valid here: this ${ctx.documentLabel.replace(/ \(version .*\)$/, '')} must use version ${ctx.version.expected}.`,
          ...(fix ? { fix: { ...fix, title: `Change the version to ${ctx.version.fixTo}` } } : {}) };
      }
      const values = error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue];
      const shown = [...new Set(values.filter((v) => typeof v === 'string' || typeof v === 'number').map((v) => String(v)))];
      const suggestion = typeof error.data === 'string' ? closestMatch(error.data, shown) : undefined;
      const message = suggestion
        ? `${quoteValue(error.data)} is not a valid value for ${label}. Did you mean '${suggestion}'?`
        : `${quoteValue(error.data)} is not a valid value for ${label}. Expected ${orList(shown.slice(0, 12).map((v) => `'${v}'`))}.`;
      const range = valueRange(at, ctx);
      const fix = suggestion && at.node.kind === 'scalar' ? replaceScalar(at.node, suggestion) : undefined;
      return { ...range, ...base, message, ...(fix ? { fix } : {}) };
    }
    case 'pattern': {
      if (looksLikePlaceholder(error.data)) return undefined;
      return { ...valueRange(at, ctx), ...base, message: `${quoteValue(error.data)} is not a valid value for ${label}.` };
    }
    case 'minLength':
      return { ...valueRange(at, ctx), ...base, message: `${capitalize(label)} must not be empty.` };
    case 'maxLength':
      return { ...valueRange(at, ctx), ...base, message: `${capitalize(label)} must be at most ${String(params.limit)} characters long.` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' }[error.keyword];
      return { ...valueRange(at, ctx), ...base, message: `${capitalize(label)} must be ${op} ${String(params.limit)} (it is ${String(error.data)}).` };
    }
    case 'minItems':
      return { ...valueRange(at, ctx), ...base, message: `${capitalize(label)} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.` };
    case 'maxItems':
      return { ...valueRange(at, ctx), ...base, message: `${capitalize(label)} allows at most ${String(params.limit)} items.` };
    case 'minProperties':
      return { ...valueRange(at, ctx), ...base, message: `${capitalize(label)} needs at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}.` };
    case 'maxProperties':
      return { ...valueRange(at, ctx), ...base, message: `${capitalize(label)} allows only ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'} per list item.` };
    default:
      return { ...valueRange(at, ctx), ...base, message: `${capitalize(label)}: ${error.message ?? 'invalid value'}.` };
  }
}

/**
 * The keys that are valid one or two levels below a location (lost indentation), e.g. `build` → `phases`,
 * each with where it belongs; one level down wins over two, and earlier properties over later ones.
 */
function keysBelow(target: SchemaTarget, pointer: string): Map<string, string> {
  const here = schemasAt(target, parsePointer(pointer));
  const out = new Map<string, string>();
  const add = (key: string, where: string): void => {
    if (!out.has(key)) out.set(key, where);
  };
  for (const [name] of propertiesOf(here)) {
    for (const [key] of propertiesOf(childAll(here, name))) add(key, name);
  }
  const twoDown = new Map<string, string>();
  for (const [name] of propertiesOf(here)) {
    const below = childAll(here, name);
    for (const [inner] of propertiesOf(below)) {
      for (const [key] of propertiesOf(childAll(below, inner))) if (!twoDown.has(key)) twoDown.set(key, `${name}.${inner}`);
    }
  }
  for (const [key, where] of twoDown) add(key, where);
  return out;
}

function allowedKeys(parentSchema: unknown): string[] {
  if (typeof parentSchema !== 'object' || parentSchema === null) return [];
  const props = (parentSchema as { properties?: unknown }).properties;
  if (typeof props !== 'object' || props === null) return [];
  // Lowercase duplicates of documented PascalCase keys are accepted, but not worth suggesting.
  const names = Object.keys(props);
  return names.filter((n) => !(n === n.toLowerCase() && names.some((m) => m !== n && m.toLowerCase() === n)));
}

export function renameKey(pair: Pair, to: string): RawFix {
  const key = pair.key;
  const quoted = key.kind === 'scalar' && key.style !== 'plain';
  const start = quoted ? key.start + 1 : key.start;
  const end = quoted ? key.end - 1 : key.end;
  return { title: `Change to '${to}'`, edits: [{ start, end, newText: to }] };
}

export function replaceScalar(node: Node, to: string): RawFix | undefined {
  if (node.kind !== 'scalar') return undefined;
  const quoted = node.style === 'single' || node.style === 'double' || node.style === 'json';
  if (node.style === 'literal' || node.style === 'folded') return undefined;
  return { title: `Change to '${to}'`, edits: [{ start: quoted ? node.start + 1 : node.start, end: quoted ? node.end - 1 : node.end, newText: to }] };
}

/** Where a "missing key" error points: the key holding the mapping, or the mapping's first key. */
function requiredRange(at: Located, ctx: MapContext): { start: number; end: number } {
  if (at.pair) return { start: at.pair.key.start, end: at.pair.key.end };
  if (at.node.kind === 'map' && at.node.pairs[0]) return { start: at.node.pairs[0].key.start, end: at.node.pairs[0].key.end };
  return fallbackRange(at, ctx);
}

/** Where a "bad value" error points: the scalar; for empty values and collections, the key. */
function valueRange(at: Located, ctx: MapContext): { start: number; end: number } {
  const node = at.node;
  if (node.kind === 'scalar' && node.end > node.start && at.exact) {
    if (node.style === 'literal' || node.style === 'folded') return firstLine(node.start, ctx.text);
    return { start: node.start, end: node.end };
  }
  if (node.kind === 'alias') return { start: node.start, end: node.end };
  if (at.pair) return { start: at.pair.key.start, end: at.pair.key.end };
  return fallbackRange(at, ctx);
}

function fallbackRange(at: Located, ctx: MapContext): { start: number; end: number } {
  const node = at.node;
  if (node.kind === 'map' && node.pairs[0]) return { start: node.pairs[0].key.start, end: node.pairs[0].key.end };
  return firstLine(node.start, ctx.text);
}

function firstLine(start: number, text: string): { start: number; end: number } {
  const nl = text.indexOf('\n', start);
  let end = nl === -1 ? text.length : nl;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return { start, end: Math.max(start, end) };
}

/** `in phases.build`, `in hooks.AfterInstall[0]`, `at the top level`. */
function describePath(pointer: string): string {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return 'at the top level';
  let out = '';
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`;
  return `in ${out}`;
}

function lastSegment(pointer: string): string {
  const segments = parsePointer(pointer);
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i] ?? '';
    if (!/^\d+$/.test(s)) return i === segments.length - 1 ? `'${s}'` : `each item of '${s}'`;
  }
  return 'the document';
}

function capitalize(s: string): string {
  return s.charAt(0) === "'" ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

function typeName(t: string): string {
  switch (t) {
    case 'object': return 'a mapping';
    case 'array': return 'a list';
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'integer': return 'a whole number';
    case 'boolean': return 'true or false';
    case 'null': return 'empty';
    default: return t;
  }
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'object': return 'a mapping';
    case 'string': return `the string ${quoteValue(v)}`;
    case 'number': return `the number ${String(v)}`;
    case 'boolean': return `the boolean ${String(v)}`;
    case 'bigint': case 'symbol': return String(v);
    default: return typeof v; // 'function': JSON values are never one
  }
}

function quoteValue(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 60 ? `${v.slice(0, 57)}...` : v}'`;
  if (v === null) return 'An empty value';
  if (typeof v === 'object') return JSON.stringify(v).slice(0, 60);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'symbol' || v === undefined) return String(v);
  return typeof v; // 'function': JSON values are never one
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'something else';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}
