// XML (Maven settings.xml and pom.xml, NuGet.Config) by targeted splices: new elements are indented
// like their siblings and go last in their parent, existing values change in place, comments and
// formatting elsewhere are never touched.
// Address steps: `name`, `name[child=value]` (has a child element with that text), `name[@attr=value]`,
// `name[.=value]` (its own text); the first step names the root element. A final `@attr` addresses an
// attribute of the element before it; otherwise the last element's text is the value.
import type { ContainerRemoval, CreatedContainer, FormatEditor, WriteResult } from './edit';
import { outsideBom } from './bom';
import { ConfigEditError } from './edit';
import { detectEol, lineEndAt, lineStartAt, removeLines, splice } from './text';
import { escapeXmlAttr, escapeXmlText, scanXml, textOf, type XmlElement } from './xml-scan';

interface Step {
  name: string;
  key?: { kind: 'child' | 'attr' | 'self'; name: string; value: string };
}

const STEP = /^([A-Za-z_][-A-Za-z0-9_.]*)(?:\[(@?)([A-Za-z_.][-A-Za-z0-9_.]*|\.)=([^\]]*)\])?$/;

function parseStep(s: string): Step {
  const m = STEP.exec(s);
  if (!m?.[1]) throw new ConfigEditError(`Invalid XML address step ${s}`);
  if (m[3] === undefined || m[4] === undefined) return { name: m[1] };
  const kind = m[3] === '.' ? 'self' : m[2] === '@' ? 'attr' : 'child';
  return { name: m[1], key: { kind, name: m[3], value: m[4] } };
}

interface Parsed {
  steps: Step[];
  attr?: string;
}

function parseAddress(address: readonly string[]): Parsed {
  const last = address[address.length - 1];
  const attr = last?.startsWith('@') ? last.slice(1) : undefined;
  const steps = (attr !== undefined ? address.slice(0, -1) : address).map(parseStep);
  if (steps.length === 0 || (attr !== undefined && !/^[A-Za-z_][-A-Za-z0-9_.:]*$/.test(attr))) throw new ConfigEditError(`Invalid XML address ${address.join('/')}`);
  return attr !== undefined ? { steps, attr } : { steps };
}

function matches(text: string, el: XmlElement, step: Step): boolean {
  if (el.local !== step.name) return false;
  const key = step.key;
  if (!key) return true;
  if (key.kind === 'attr') return el.attrs.some((a) => a.name === key.name && a.value === key.value);
  if (key.kind === 'self') return textOf(text, el).trim() === key.value;
  return el.children.some((c) => c.local === key.name && c.children.length === 0 && textOf(text, c).trim() === key.value);
}

/** The elements found along the path (possibly fewer than the steps). */
function chain(text: string, steps: readonly Step[]): XmlElement[] {
  const { root } = scanXml(text);
  if (!root) throw new ConfigEditError('The XML file has no root element');
  const [first] = steps;
  if (!first || !matches(text, root, first)) throw new ConfigEditError(`The XML root is <${root.name}>, expected <${first?.name ?? '?'}>`);
  const found = [root];
  for (const step of steps.slice(1)) {
    const parent = found[found.length - 1] as XmlElement;
    const next = parent.children.find((c) => matches(text, c, step));
    if (!next) break;
    found.push(next);
  }
  return found;
}

function lineIndent(text: string, el: XmlElement): string | undefined {
  const before = text.slice(lineStartAt(text, el.start), el.start);
  return before.trim() === '' ? before : undefined;
}

/** The indentation step the file uses (two spaces when it cannot tell). */
function indentUnit(text: string, root: XmlElement): string {
  const queue = [root];
  while (queue.length > 0) {
    const el = queue.shift() as XmlElement;
    const outer = lineIndent(text, el);
    for (const c of el.children) {
      const inner = lineIndent(text, c);
      if (outer !== undefined && inner !== undefined && inner.length > outer.length && inner.startsWith(outer)) return inner.slice(outer.length);
      queue.push(c);
    }
  }
  return '  ';
}

function render(steps: readonly Step[], leaf: { attr?: string; value: string }, indent: string, unit: string, eol: string, pretty: boolean): string {
  const [step, ...rest] = steps;
  if (!step) throw new ConfigEditError('Nothing to render');
  const attrs = step.key?.kind === 'attr' ? ` ${step.key.name}="${escapeXmlAttr(step.key.value)}"` : '';
  if (rest.length === 0) {
    if (leaf.attr !== undefined) return `<${step.name}${attrs} ${leaf.attr}="${escapeXmlAttr(leaf.value)}" />`;
    if (step.key?.kind === 'child') throw new ConfigEditError(`<${step.name}> cannot hold both a key child and a value`);
    return `<${step.name}${attrs}>${escapeXmlText(leaf.value)}</${step.name}>`;
  }
  const inner = indent + unit;
  const parts = [
    ...(step.key?.kind === 'child' ? [`<${step.key.name}>${escapeXmlText(step.key.value)}</${step.key.name}>`] : []),
    render(rest, leaf, inner, unit, eol, pretty),
  ];
  return pretty
    ? `<${step.name}${attrs}>${eol}${parts.map((p) => inner + p).join(eol)}${eol}${indent}</${step.name}>`
    : `<${step.name}${attrs}>${parts.join('')}</${step.name}>`;
}

/** Removes an element, with its line when it sits alone on it. */
function removeElement(text: string, el: XmlElement): string {
  const start = lineStartAt(text, el.start);
  const alone = text.slice(start, el.start).trim() === '' && text.slice(el.end, lineEndAt(text, el.end)).trim() === '';
  return alone ? removeLines(text, start, el.end) : splice(text, el.start, el.end, '');
}

/** Whether an element holds nothing but whitespace (and, for keyed steps, its key). */
function isEmpty(text: string, el: XmlElement, step: Step): boolean {
  if (el.hasMarkup) return false;
  if (el.attrs.some((a) => !(step.key?.kind === 'attr' && a.name === step.key.name))) return false;
  if (el.selfClosing) return true;
  const keyChild = step.key?.kind === 'child' ? el.children.find((c) => c.local === step.key?.name) : undefined;
  if (el.children.some((c) => c !== keyChild)) return false;
  let inner = text.slice(el.startTagEnd, el.endTagStart);
  if (keyChild) inner = text.slice(el.startTagEnd, keyChild.start) + text.slice(keyChild.end, el.endTagStart);
  return step.key?.kind === 'self' ? true : inner.trim() === '';
}

/** After its last child went, puts a parent that was `<x/>` back as it was. */
function restoreShape(text: string, parentSteps: readonly Step[], shape: string | undefined): string {
  if (shape === undefined || parentSteps.length === 0) return text;
  const found = chain(text, parentSteps);
  const parent = found.length === parentSteps.length ? found[found.length - 1] : undefined;
  if (!parent || parent.selfClosing || parent.children.length > 0 || parent.hasMarkup) return text;
  if (text.slice(parent.startTagEnd, parent.endTagStart).trim() !== '') return text;
  return splice(text, parent.start, parent.end, shape);
}

function locate(text: string, address: readonly string[]): { el?: XmlElement; parsed: Parsed; found: XmlElement[] } {
  const parsed = parseAddress(address);
  const found = chain(text, parsed.steps);
  return { parsed, found, ...(found.length === parsed.steps.length ? { el: found[found.length - 1] } : {}) };
}

const elementEditor: FormatEditor = {
  read(text, address) {
    const { el, parsed } = locate(text, address);
    if (!el) return undefined;
    if (parsed.attr !== undefined) {
      const a = el.attrs.find((x) => x.name === parsed.attr);
      return a ? { value: a.value, raw: text.slice(a.valueStart, a.valueEnd) } : undefined;
    }
    if (el.children.length > 0) throw new ConfigEditError(`<${el.name}> holds elements, not a value`);
    return { value: textOf(text, el).trim(), raw: text.slice(el.start, el.end) };
  },

  write(text, address, value): WriteResult {
    const { el, parsed, found } = locate(text, address);
    if (el) {
      if (parsed.attr !== undefined) {
        const a = el.attrs.find((x) => x.name === parsed.attr);
        if (a) return { text: splice(text, a.valueStart, a.valueEnd, escapeXmlAttr(value)), created: [] };
        const after = el.attrs.length > 0 ? (el.attrs[el.attrs.length - 1] as { valueEnd: number }).valueEnd + 1 : el.start + 1 + el.name.length;
        return { text: splice(text, after, after, ` ${parsed.attr}="${escapeXmlAttr(value)}"`), created: [] };
      }
      if (el.children.length > 0) throw new ConfigEditError(`<${el.name}> holds elements, not a value`);
      if (el.selfClosing) {
        const open = text.slice(el.start, el.end).replace(/\s*\/>$/, '>');
        return { text: splice(text, el.start, el.end, `${open}${escapeXmlText(value)}</${el.name}>`), created: [] };
      }
      return { text: splice(text, el.startTagEnd, el.endTagStart, escapeXmlText(value)), created: [] };
    }
    const parent = found[found.length - 1] as XmlElement;
    const remaining = parsed.steps.slice(found.length);
    const root = scanXml(text).root as XmlElement;
    const eol = detectEol(text);
    const unit = indentUnit(text, root);
    const leaf = parsed.attr !== undefined ? { attr: parsed.attr, value } : { value };
    const containerCount = parsed.attr !== undefined ? remaining.length : remaining.length - 1;
    const created: CreatedContainer[] = remaining.slice(0, containerCount)
      .map((_, i) => ({ address: address.slice(0, found.length + i + 1) }));
    const parentIndent = lineIndent(text, parent);
    const lastChild = parent.children[parent.children.length - 1];
    const childIndent = (lastChild && lineIndent(text, lastChild)) ?? `${parentIndent ?? ''}${unit}`;
    let result: string;
    let shape: string | undefined;
    if (parent.selfClosing) {
      shape = text.slice(parent.start, parent.end);
      const open = shape.replace(/\s*\/>$/, '>');
      const pretty = parentIndent !== undefined;
      const body = render(remaining, leaf, pretty ? childIndent : '', unit, eol, pretty);
      result = splice(text, parent.start, parent.end, pretty
        ? `${open}${eol}${childIndent}${body}${eol}${parentIndent}</${parent.name}>`
        : `${open}${body}</${parent.name}>`);
    } else {
      const endLineStart = lineStartAt(text, parent.endTagStart);
      const ownLine = text.slice(endLineStart, parent.endTagStart).trim() === '' && endLineStart > parent.startTagEnd - 1;
      if (ownLine) {
        const body = render(remaining, leaf, childIndent, unit, eol, true);
        result = splice(text, endLineStart, endLineStart, `${childIndent}${body}${eol}`);
      } else {
        result = splice(text, parent.endTagStart, parent.endTagStart, render(remaining, leaf, '', unit, eol, false));
      }
    }
    const outermost = created[0];
    if (outermost && shape !== undefined) outermost.shape = shape;
    return { text: result, created, ...(created.length === 0 && shape !== undefined ? { shape } : {}) };
  },

  restore(text, address, raw) {
    const { el, parsed } = locate(text, address);
    if (!el) return text;
    if (parsed.attr !== undefined) {
      const a = el.attrs.find((x) => x.name === parsed.attr);
      return a ? splice(text, a.valueStart, a.valueEnd, raw) : text;
    }
    return splice(text, el.start, el.end, raw);
  },

  remove(text, address, shape) {
    const { el, parsed } = locate(text, address);
    if (!el) return text;
    if (parsed.attr !== undefined) {
      const a = el.attrs.find((x) => x.name === parsed.attr);
      if (!a) return text;
      // write() inserted ` attr="value"`: take the one whitespace character before it too.
      const start = /\s/.test(text[a.start - 1] ?? '') ? a.start - 1 : a.start;
      return splice(text, start, a.valueEnd + 1, '');
    }
    return restoreShape(removeElement(text, el), parsed.steps.slice(0, -1), shape);
  },

  removeIfEmpty(text, container): ContainerRemoval {
    const parsed = parseAddress(container.address);
    const found = chain(text, parsed.steps);
    if (found.length !== parsed.steps.length) return 'absent';
    const el = found[found.length - 1] as XmlElement;
    const step = parsed.steps[parsed.steps.length - 1] as Step;
    if (!isEmpty(text, el, step)) return 'in-use';
    return { text: restoreShape(removeElement(text, el), parsed.steps.slice(0, -1), container.shape) };
  },
};

/** A byte order mark is the XML encoding signature, not content (XML 1.0, 4.3.3); the editor keeps it out of new lines' indentation. */
export const xmlEditor = outsideBom(elementEditor);
