/** Characters XML 1.0 forbids even when escaped (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/F). */
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes text for HTML/XML element content and attribute values (double or single quoted). */
export function escapeHtml(text: string): string {
  return text.replace(INVALID_XML, '\ufffd').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escapes Markdown so a frame name shows as text (no links, images, HTML or emphasis). */
export function escapeMarkdown(text: string): string {
  return text.replace(INVALID_XML, '\ufffd').replace(/[\\`*_{}[\]()#+\-.!|<>&~"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : `\\${c}`));
}
