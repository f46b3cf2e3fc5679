import * as assert from 'node:assert/strict';

/** The tags and attributes a rendered detail page may contain: nothing a name or message could smuggle in. */
const TAGS = new Set(['header', 'h1', 'h2', 'p', 'span', 'i', 'div', 'button', 'dl', 'dt', 'dd', 'section', 'ul', 'li', 'svg', 'rect', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre']);
const ATTRIBUTES = new Set(['class', 'data-action', 'data-index', 'data-key', 'title', 'aria-label', 'aria-hidden', 'role', 'type', 'viewBox', 'preserveAspectRatio', 'x', 'y', 'width', 'height', 'rx']);

export function assertInert(markup: string): void {
  for (const m of markup.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    assert.ok(TAGS.has(m[1]!.toLowerCase()), `unexpected <${m[1]}> in ${m[0]}`);
    const rest = m[2]!.replace(/\s([\w-]+)="([^"<>]*)"/g, (_, name: string) => {
      assert.ok(ATTRIBUTES.has(name), `unexpected attribute ${name} in ${m[0]}`);
      return '';
    });
    assert.equal(rest.trim(), '', `unparsed attribute text in ${m[0]}`);
  }
}
