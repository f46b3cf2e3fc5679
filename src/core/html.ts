// HTML built from untrusted text (pipeline, action and package names, error messages, readmes): every
// interpolated value is escaped unless it is already-built Html, so escaping is the default, not a habit.

/** Characters XML 1.0 forbids even when escaped (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/F). */
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
export const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes text for HTML/XML element content and attribute values (double or single quoted). */
export function escapeHtml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '\ufffd').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Markup that is safe to embed as it is (built by `html`). */
export class Html {
  constructor(readonly text: string) {}
  toString(): string { return this.text; }
}

type Part = string | number | Html | readonly Html[] | undefined | null | false;

function part(value: Part): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Html) return value.text;
  if (typeof value === 'string' || typeof value === 'number') return escapeHtml(String(value));
  return value.map((v) => v.text).join('');
}

/** A tagged template: `html\`<b>${name}</b>\`` escapes `name`; nested `html` results and arrays of them go in as they are. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => { out += part(v) + (strings[i + 1] ?? ''); });
  return new Html(out);
}
