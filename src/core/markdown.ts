/**
 * Escapes text for a MarkdownString / markdown document so names and messages render literally, while
 * staying readable as plain text (the timeline document is read as text too): inline markup characters
 * are always escaped, block markers (#, -, +, 1.) only where they would start a block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([#+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
    .replace(/\r?\n/g, '  \n');
}

/** Inline code that survives backticks inside the text. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

/** A markdown link, only for http(s) URLs (anything else is shown as escaped text). */
export function link(text: string, url: string | undefined): string {
  if (!url || !/^https?:\/\//i.test(url)) return escapeMarkdown(text);
  const safe = url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(text)}](${safe})`;
}

/** Text for a markdown table cell: pipes escaped, one line. */
export function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A fixed-width bar showing where a span sits between `from` and `to` (a text Gantt chart row). */
export function ganttBar(start: number | undefined, end: number | undefined, from: number, to: number, width = 32): string {
  if (start === undefined || end === undefined || to <= from) return ' '.repeat(width);
  const scale = width / (to - from);
  const a = Math.min(width - 1, Math.max(0, Math.floor((start - from) * scale)));
  const b = Math.min(width, Math.max(a + 1, Math.ceil((end - from) * scale)));
  return ' '.repeat(a) + '█'.repeat(b - a) + ' '.repeat(width - b);
}
