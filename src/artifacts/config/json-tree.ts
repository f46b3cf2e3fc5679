// A strict JSON parser that keeps offsets: every value and property knows where its source text is.
// (jsonc-parser's UMD build cannot be bundled by esbuild, and registries.json is plain JSON.)

export type JsonNodeType = 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonNode {
  type: JsonNodeType;
  offset: number;
  length: number;
  /** object: properties; property: [key, value]; array: items. */
  children?: JsonNode[];
  /** string / number / boolean / null values, and a property key's text. */
  value?: unknown;
}

export class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at offset ${offset}`);
  }
}

export function parseJsonTree(text: string): JsonNode {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /[ \t\r\n]/.test(text[i] ?? '')) i++;
  };
  const fail = (msg: string): never => {
    throw new JsonSyntaxError(msg, i);
  };
  const str = (): JsonNode => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if ((text.charCodeAt(i) ?? 0) < 0x20) fail('control character in string');
      i++;
    }
    if (text[i] !== '"') fail('unterminated string');
    i++;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, i));
    } catch {
      fail('bad string escape');
    }
    return { type: 'string', offset: start, length: i - start, value };
  };
  const value = (): JsonNode => {
    ws();
    const c = text[i];
    const start = i;
    if (c === '{') {
      i++;
      const children: JsonNode[] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { type: 'object', offset: start, length: i - start, children };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a property name');
        const key = str();
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        const v = value();
        children.push({ type: 'property', offset: key.offset, length: v.offset + v.length - key.offset, children: [key, v] });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { type: 'object', offset: start, length: i - start, children };
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const children: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { type: 'array', offset: start, length: i - start, children };
      }
      for (;;) {
        children.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { type: 'array', offset: start, length: i - start, children };
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
    if (!lit) return fail('unexpected character');
    i += lit[0].length;
    const v: unknown = JSON.parse(lit[0]);
    return { type: v === null ? 'null' : typeof v === 'boolean' ? 'boolean' : 'number', offset: start, length: lit[0].length, value: v };
  };
  const root = value();
  ws();
  if (i < text.length) fail('trailing characters');
  return root;
}
