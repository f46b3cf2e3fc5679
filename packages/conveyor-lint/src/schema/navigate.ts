import { schemaDocuments, type SchemaTarget } from './schemas';

/** A JSON Schema object, read structurally. */
export type Schema = { readonly [key: string]: unknown };

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function documentFor(target: SchemaTarget): Schema {
  const doc = target.startsWith('buildspec') ? schemaDocuments.buildspec : schemaDocuments.appspec;
  return isSchema(doc) ? doc : {};
}

/** The definition a document kind/version/platform validates against. */
export function rootSchema(target: SchemaTarget): SchemaRef {
  const doc = documentFor(target);
  const defs = isSchema(doc.definitions) ? doc.definitions : {};
  const schema = defs[target];
  return { doc, schema: isSchema(schema) ? schema : {} };
}

export interface SchemaRef {
  /** The schema document, for resolving `$ref`. */
  doc: Schema;
  schema: Schema;
}

function resolveRef(doc: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let cur: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    if (!isSchema(cur)) return undefined;
    cur = cur[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return isSchema(cur) ? cur : undefined;
}

/** The schema and every schema it stands for: `$ref` targets and the branches of anyOf/oneOf/allOf. */
export function expand(ref: SchemaRef, depth = 0): Schema[] {
  const out: Schema[] = [ref.schema];
  if (depth > 16) return out;
  const target = typeof ref.schema.$ref === 'string' ? resolveRef(ref.doc, ref.schema.$ref) : undefined;
  if (target) out.push(...expand({ doc: ref.doc, schema: target }, depth + 1));
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const branches = ref.schema[key];
    if (Array.isArray(branches)) for (const b of branches) if (isSchema(b)) out.push(...expand({ doc: ref.doc, schema: b }, depth + 1));
  }
  return out;
}

/** Subschemas for a child (property name or array index) of a value matching `ref`. */
export function child(ref: SchemaRef, segment: string | number): SchemaRef[] {
  const out: SchemaRef[] = [];
  for (const s of expand(ref)) {
    if (typeof segment === 'number' || /^\d+$/.test(String(segment))) {
      if (isSchema(s.items)) out.push({ doc: ref.doc, schema: s.items });
    }
    if (typeof segment === 'string') {
      const props = isSchema(s.properties) ? s.properties : undefined;
      const named = props?.[segment];
      if (isSchema(named)) out.push({ doc: ref.doc, schema: named });
      else if (isSchema(s.additionalProperties) && s.type !== 'array') out.push({ doc: ref.doc, schema: s.additionalProperties });
    }
  }
  return out;
}

export function childAll(refs: readonly SchemaRef[], segment: string | number): SchemaRef[] {
  return refs.flatMap((r) => child(r, segment));
}

/** Follows a path of keys and indexes from a root schema. */
export function schemasAt(target: SchemaTarget, path: readonly (string | number)[]): SchemaRef[] {
  let refs = [rootSchema(target)];
  for (const segment of path) {
    refs = childAll(refs, segment);
    if (refs.length === 0) break;
  }
  return refs;
}

/** Named properties allowed at this location, with their schemas (first definition wins). */
export function propertiesOf(refs: readonly SchemaRef[]): Map<string, SchemaRef> {
  const out = new Map<string, SchemaRef>();
  for (const ref of refs) {
    for (const s of expand(ref)) {
      if (!isSchema(s.properties)) continue;
      for (const [name, schema] of Object.entries(s.properties)) {
        if (!out.has(name) && isSchema(schema)) out.set(name, { doc: ref.doc, schema });
      }
    }
  }
  return out;
}

export function describe(refs: readonly SchemaRef[]): string | undefined {
  for (const ref of refs) for (const s of expand(ref)) if (typeof s.description === 'string') return s.description;
  return undefined;
}

/** Values of `enum` and `const` at this location. */
export function enumValues(refs: readonly SchemaRef[]): unknown[] {
  const out: unknown[] = [];
  for (const ref of refs) {
    for (const s of expand(ref)) {
      if (Array.isArray(s.enum)) out.push(...(s.enum as unknown[]));
      if ('const' in s) out.push(s.const);
      if (Array.isArray(s.examples)) out.push(...(s.examples as unknown[]));
    }
  }
  return [...new Set(out)];
}

export function typesOf(refs: readonly SchemaRef[]): Set<string> {
  const out = new Set<string>();
  for (const ref of refs) for (const s of expand(ref)) if (typeof s.type === 'string') out.add(s.type);
  return out;
}

/** Splits a description into its text and its documentation link (the `Docs: <url>` suffix). */
export function splitDocs(description: string | undefined): { text: string; url?: string } {
  if (!description) return { text: '' };
  const m = /\s*Docs: (https:\/\/\S+)\s*$/.exec(description);
  return m?.[1] ? { text: description.slice(0, m.index), url: m[1] } : { text: description };
}
