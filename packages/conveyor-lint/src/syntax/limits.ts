/** Bounds that keep validation fast and safe on hostile or accidental input. */
export const LIMITS = {
  /** Beyond this many characters nothing is parsed. */
  maxChars: 16 * 1024 * 1024,
  /** The complete `yaml` library is slower (and superlinear); beyond this size only the fast parser runs. */
  maxCharsForFullParser: 1024 * 1024,
  /** Nesting depth (block indentation levels plus flow brackets) beyond which a document is not parsed. */
  maxDepth: 256,
  /** Values that aliases may expand to, in total, before the document counts as an alias bomb. */
  maxExpandedValues: 250_000,
} as const;

/**
 * An upper estimate of the nesting depth of a YAML or JSON text, in one linear pass: indentation levels
 * (as a stack of indents), compact `- ` nesting on a line, and open flow brackets outside quotes.
 */
export function estimateDepth(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let maxDepth = 0;
  let quote = 0;
  let lineStart = true;
  let indent = 0;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      indent = 0;
      dashes = 0;
      if (quote === 39) quote = 0; // single quotes in YAML do not span lines in the common case
      continue;
    }
    if (quote !== 0) {
      if (c === 92 && quote === 34) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32) {
        indent++;
        continue;
      }
      if (c === 45 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) {
        dashes++;
        indent++;
        continue;
      }
      lineStart = false;
      if (c === 35) continue;
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= indent) indents.pop();
      indents.push(indent);
    }
    if (c === 34 || c === 39) quote = c;
    else if (c === 91 || c === 123) flow++;
    else if ((c === 93 || c === 125) && flow > 0) flow--;
    else if (c === 35 && (text.charCodeAt(i - 1) === 32)) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl - 1;
      continue;
    }
    const depth = indents.length + dashes + flow;
    if (depth > maxDepth) {
      maxDepth = depth;
      if (maxDepth > limit) return maxDepth;
    }
  }
  return maxDepth;
}
