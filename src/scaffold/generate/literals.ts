// Source-code literals for the two template languages. Values from the wizard (names, ARNs, commands)
// pass through here, so nothing a person types can break out of a string in generated code.

export function tsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

export function pyString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

export type Literal = string | number | boolean | readonly Literal[] | { readonly [key: string]: Literal };

const TS_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A TypeScript expression for a JSON-like value, indented for the line it starts on. */
export function tsLiteral(value: Literal, indent = ''): string {
  return render(value, indent, {
    str: tsString, bool: (b) => String(b), key: (k) => (TS_IDENTIFIER.test(k) ? k : tsString(k)), unit: '  ',
  });
}

/** A Python expression for a JSON-like value (dict keys always quoted). */
export function pyLiteral(value: Literal, indent = ''): string {
  return render(value, indent, { str: pyString, bool: (b) => (b ? 'True' : 'False'), key: pyString, unit: '    ' });
}

interface Syntax { str(s: string): string; bool(b: boolean): string; key(k: string): string; unit: string }

function render(value: Literal, indent: string, s: Syntax): string {
  if (typeof value === 'string') return s.str(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return s.bool(value);
  const inner = `${indent}${s.unit}`;
  if (isArray(value)) {
    if (value.length === 0) return '[]';
    const flat = `[${value.map((v) => render(v, indent, s)).join(', ')}]`;
    if (flat.length <= 80 && !flat.includes('\n')) return flat;
    return `[\n${value.map((v) => `${inner}${render(v, inner, s)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${s.key(k)}: ${render(v, inner, s)},`).join('\n')}\n${indent}}`;
}

function isArray(value: Literal): value is readonly Literal[] {
  return Array.isArray(value);
}
