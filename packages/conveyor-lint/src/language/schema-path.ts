import { canonicalServerlessKey } from '../appspec/platform';
import { describe, enumValues, propertiesOf, schemasAt, splitDocs, type SchemaRef, typesOf } from '../schema/navigate';
import type { DocumentModel } from './model';

/** The schema path for a document path: ECS and Lambda keys in their documented spelling. */
export function schemaPath(model: DocumentModel, path: readonly (string | number)[]): (string | number)[] {
  if (model.kind === 'appspec' && model.platform !== 'ec2') return path.map((p) => (typeof p === 'string' ? canonicalServerlessKey(p) : p));
  return [...path];
}

export function schemasFor(model: DocumentModel, path: readonly (string | number)[]): SchemaRef[] {
  return schemasAt(model.target, schemaPath(model, path));
}

/** Markdown for a property: its description and a link to the AWS documentation. */
export function docsMarkdown(refs: readonly SchemaRef[], title?: string): string | undefined {
  const { text, url } = splitDocs(describe(refs));
  if (!text && !url) return undefined;
  const parts: string[] = [];
  if (title) parts.push(`**${title}**`);
  if (text) parts.push(text);
  const values = displayValues(refs);
  if (values.length > 0 && values.length <= 12) parts.push(`Values: ${values.map((v) => `\`${v}\``).join(', ')}`);
  if (url) parts.push(`[AWS documentation](${url})`);
  return parts.join('\n\n');
}

/** Values worth offering for a property: enum/const/examples, one spelling per value. */
export function displayValues(refs: readonly SchemaRef[]): string[] {
  const raw = enumValues(refs);
  const out: string[] = [];
  const seen = new Set<string>();
  const hasYesNo = raw.includes('yes') && raw.includes('no');
  for (const v of raw) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') continue;
    const s = typeof v === 'number' && Number.isInteger(v) && raw.includes(`${v}.0`) ? `${v}.0` : String(v);
    if (hasYesNo && typeof v === 'string' && s !== s.toLowerCase()) continue;
    if (hasYesNo && !['yes', 'no', 'true', 'false'].includes(s.toLowerCase())) continue;
    const key = s.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

export { propertiesOf, typesOf };
