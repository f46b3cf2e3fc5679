// A small, position-keeping XML scanner: elements with the offsets of their tags, attributes with
// the offsets of their values. Enough to edit settings.xml, pom.xml and NuGet.Config by splicing.
import { ConfigEditError } from './edit';

export interface XmlAttr {
  name: string;
  /** Offset of the attribute name. */
  start: number;
  /** Offsets of the value between the quotes. */
  valueStart: number;
  valueEnd: number;
  value: string;
}

export interface XmlElement {
  name: string;
  /** Name without namespace prefix. */
  local: string;
  start: number;
  /** Just past the start tag's `>`. */
  startTagEnd: number;
  selfClosing: boolean;
  /** Offset of `</` (== startTagEnd when self-closing). */
  endTagStart: number;
  /** Just past the element. */
  end: number;
  attrs: XmlAttr[];
  children: XmlElement[];
  /** Comments, CDATA sections and processing instructions directly inside. */
  hasMarkup: boolean;
  parent?: XmlElement;
}

export interface XmlDocument {
  root: XmlElement | undefined;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;

export function decodeXml(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, inner: string) => inner.replace(/&/g, '\u0000amp;'))
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
      if (e === 'lt') return '<';
      if (e === 'gt') return '>';
      if (e === 'amp') return '&';
      if (e === 'quot') return '"';
      if (e === 'apos') return "'";
      const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    })
    // eslint-disable-next-line no-control-regex -- NUL marks the ampersands escaped above; no XML text holds one
    .replace(/\u0000amp;/g, '&');
}

export function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function fail(message: string, at: number): never {
  throw new ConfigEditError(`The XML is not well-formed (${message} at offset ${at}); fix it first`);
}

function skipTo(text: string, from: number, marker: string, what: string): number {
  const i = text.indexOf(marker, from);
  if (i < 0) fail(`unterminated ${what}`, from);
  return i + marker.length;
}

/** Parses the element structure; throws ConfigEditError for anything not well-formed. */
export function scanXml(text: string): XmlDocument {
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    const top = stack[stack.length - 1];
    if (text.startsWith('<!--', lt)) {
      i = skipTo(text, lt + 4, '-->', 'comment');
      if (top) top.hasMarkup = true;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      if (!top) fail('CDATA outside the root element', lt);
      i = skipTo(text, lt + 9, ']]>', 'CDATA section');
      top.hasMarkup = true;
      continue;
    }
    if (text.startsWith('<?', lt)) {
      i = skipTo(text, lt + 2, '?>', 'processing instruction');
      if (top) top.hasMarkup = true;
      continue;
    }
    if (text.startsWith('<!', lt)) {
      // DOCTYPE, possibly with an internal subset in brackets.
      let j = lt + 2;
      let depth = 0;
      for (; j < text.length; j++) {
        const c = text[j];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      if (j >= text.length) fail('unterminated declaration', lt);
      i = j + 1;
      continue;
    }
    if (text[lt + 1] === '/') {
      NAME.lastIndex = lt + 2;
      const m = NAME.exec(text);
      if (!m) fail('bad end tag', lt);
      const close = text.indexOf('>', lt);
      if (close < 0 || text.slice(lt + 2 + m[0].length, close).trim() !== '') fail('bad end tag', lt);
      const open = stack.pop();
      if (!open || open.name !== m[0]) fail(`</${m[0]}> does not close <${open?.name ?? '?'}>`, lt);
      open.endTagStart = lt;
      open.end = close + 1;
      i = close + 1;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const m = NAME.exec(text);
    if (!m) fail('bad start tag', lt);
    const name = m[0];
    let j = lt + 1 + name.length;
    const attrs: XmlAttr[] = [];
    let selfClosing = false;
    for (;;) {
      while (/\s/.test(text[j] ?? '')) j++;
      if (j >= text.length) fail('unterminated start tag', lt);
      if (text[j] === '>') {
        j++;
        break;
      }
      if (text.startsWith('/>', j)) {
        selfClosing = true;
        j += 2;
        break;
      }
      NAME.lastIndex = j;
      const a = NAME.exec(text);
      if (!a) fail('bad attribute', j);
      const attrStart = j;
      j += a[0].length;
      while (/\s/.test(text[j] ?? '')) j++;
      if (text[j] !== '=') fail('attribute without value', j);
      j++;
      while (/\s/.test(text[j] ?? '')) j++;
      const q = text[j];
      if (q !== '"' && q !== "'") fail('unquoted attribute', j);
      const close = text.indexOf(q, j + 1);
      if (close < 0) fail('unterminated attribute', j);
      attrs.push({ name: a[0], start: attrStart, valueStart: j + 1, valueEnd: close, value: decodeXml(text.slice(j + 1, close)) });
      j = close + 1;
    }
    const el: XmlElement = {
      name, local: name.includes(':') ? name.slice(name.indexOf(':') + 1) : name,
      start: lt, startTagEnd: j, selfClosing, endTagStart: j, end: j, attrs, children: [], hasMarkup: false,
      ...(top ? { parent: top } : {}),
    };
    if (top) top.children.push(el);
    else if (root) fail('a second root element', lt);
    else root = el;
    if (!selfClosing) stack.push(el);
    i = j;
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]?.name ?? '?'}> is never closed`, text.length);
  return { root };
}

/** The element's text content (entities and CDATA decoded), for leaves. */
export function textOf(text: string, el: XmlElement): string {
  if (el.selfClosing) return '';
  return decodeXml(text.slice(el.startTagEnd, el.endTagStart).replace(/<!--[\s\S]*?-->/g, ''));
}
