import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from './jsonc';
import type { Node, ParsedDocument, Pair, SyntaxProblem } from './tree';
import { emptyScalar } from './yaml-lib-parser';

const friendly: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: "Expected ':'",
  CommaExpected: "Expected ','",
  CloseBraceExpected: "Expected '}'",
  CloseBracketExpected: "Expected ']'",
  EndOfFileExpected: 'Unexpected content after the end of the JSON value',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

/** Strict JSON (no comments, no trailing commas), as CodeDeploy reads a JSON appspec. */
export function parseJson(text: string): ParsedDocument {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const problems: SyntaxProblem[] = errors.map((e) => {
    const code = printParseErrorCode(e.error);
    return { start: e.offset, end: e.offset + Math.max(1, e.length), message: `JSON syntax error: ${friendly[code] ?? code}`, rule: 'json/syntax', severity: 'error' };
  });
  return { root: tree ? convert(tree) : undefined, problems, format: 'json', parser: 'jsonc' };
}

function convert(node: JsonNode): Node {
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'object': {
      const pairs: Pair[] = [];
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (!keyNode) continue;
        const key = convert(keyNode);
        const value = valueNode ? convert(valueNode) : emptyScalar(key.end);
        pairs.push({ key, keyText: typeof keyNode.value === 'string' ? keyNode.value : undefined, value });
      }
      return { kind: 'map', pairs, flow: true, start, end };
    }
    case 'array':
      return { kind: 'seq', items: (node.children ?? []).map(convert), flow: true, start, end };
    case 'string':
    case 'number':
    case 'boolean':
      return { kind: 'scalar', value: node.value as string | number | boolean, style: 'json', start, end };
    default:
      return { kind: 'scalar', value: null, style: 'json', start, end };
  }
}
