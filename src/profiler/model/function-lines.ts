import type { ParsedFrame } from './frame-name';

function indentOf(line: string): number {
  const m = /^[ \t]*/.exec(line)![0];
  let width = 0;
  for (const ch of m) width += ch === '\t' ? 8 : 1;
  return width;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Line index range [start, end) of a Python class body (or the whole file). */
function pythonClassScope(lines: readonly string[], className: string | undefined): [number, number] | undefined {
  if (!className) return [0, lines.length];
  const re = new RegExp(`^\\s*class\\s+${escapeRegExp(className)}\\b`);
  const start = lines.findIndex((l) => re.test(l));
  if (start < 0) return undefined;
  const indent = indentOf(lines[start]!);
  let end = start + 1;
  for (; end < lines.length; end++) {
    const l = lines[end]!;
    if (l.trim().length === 0 || l.trim().startsWith('#')) continue;
    if (indentOf(l) <= indent) break;
  }
  return [start, end];
}

function findPythonDef(lines: readonly string[], className: string | undefined, functionName: string, hint: number | undefined): number | undefined {
  if (functionName.startsWith('<')) return undefined;
  const scope = pythonClassScope(lines, className) ?? [0, lines.length];
  const re = new RegExp(`^\\s*(?:async\\s+)?def\\s+${escapeRegExp(functionName)}\\s*[([]`);
  const hits: number[] = [];
  for (let i = scope[0]; i < scope[1]; i++) if (re.test(lines[i]!)) hits.push(i);
  if (hits.length === 0) return undefined;
  if (hint !== undefined) {
    const before = hits.filter((h) => h <= hint - 1);
    if (before.length > 0) return before[before.length - 1];
  }
  return hits[0];
}

const JAVA_STATEMENT = /^\s*(?:return|new|throw|else|if|while|for|switch|case|do|try|catch|assert|yield|this\.|super\.)\b/;

/** The line of the innermost named class that was found (-1: none), where the method search starts. */
function javaClassStart(lines: readonly string[], classes: readonly string[]): number {
  let from = -1;
  for (const cls of classes) {
    if (/^\d+$/.test(cls)) break; // anonymous class: stay in the enclosing one
    const re = new RegExp(`\\b(?:class|interface|enum|record)\\s+${escapeRegExp(cls)}\\b`);
    const at = lines.findIndex((l, i) => i >= Math.max(from, 0) && re.test(l));
    if (at < 0) break;
    from = at;
  }
  return from;
}

function findJavaMethod(lines: readonly string[], frame: Extract<ParsedFrame, { kind: 'java' }>): number | undefined {
  const classes = [frame.outerClass, ...frame.innerClasses];
  const classLine = javaClassStart(lines, classes);
  const start = Math.max(classLine, 0);
  const named = [...classes].reverse().find((c) => !/^\d+$/.test(c)) ?? frame.outerClass;
  if (frame.methodName === '<clinit>') {
    const at = lines.findIndex((l, i) => i >= start && /^\s*static\s*\{/.test(l));
    return at >= 0 ? at : classLine >= 0 ? classLine : undefined;
  }
  const method = frame.methodName === '<init>' ? named : frame.lambdaOf ?? frame.methodName;
  const decl = new RegExp(`(?:^|[\\s>\\]])${escapeRegExp(method)}\\s*\\(`);
  const search = (from: number): number | undefined => {
    for (let i = from; i < lines.length; i++) {
      const l = lines[i]!;
      if (!decl.test(l) || JAVA_STATEMENT.test(l)) continue;
      const beforeName = l.slice(0, l.search(decl) + 1);
      if (beforeName.includes('=') || beforeName.includes('(')) continue;
      if (/;\s*$/.test(l) && !/\babstract\b|\binterface\b/.test(l)) continue;
      // A declaration has something before the name (a type or modifiers); a bare call does not.
      if (frame.methodName !== '<init>' && !/[\w>\]]\s+$/.test(l.slice(0, l.search(new RegExp(`${escapeRegExp(method)}\\s*\\(`))))) continue;
      return i;
    }
    return undefined;
  };
  const found = search(start) ?? search(0);
  // A class without an explicit constructor: its declaration stands for <init>.
  if (found === undefined && frame.methodName === '<init>' && classLine >= 0) return classLine;
  return found;
}

function firstMatch(lines: readonly string[], re: RegExp, hint?: number): number | undefined {
  const hits: number[] = [];
  for (let i = 0; i < lines.length; i++) if (re.test(lines[i]!)) hits.push(i);
  if (hits.length === 0) return undefined;
  if (hint !== undefined) {
    const before = hits.filter((h) => h <= hint - 1);
    if (before.length > 0) return before[before.length - 1];
  }
  return hits[0];
}

/** `func Name(`, `func (r *T) Name(`, `func Name[T any](`. */
function findGoFunc(lines: readonly string[], frame: Extract<ParsedFrame, { kind: 'go' }>, hint?: number): number | undefined {
  const recv = frame.receiver ? `\\(\\s*\\w*\\s*\\*?\\s*${escapeRegExp(frame.receiver)}(?:\\[[^\\]]*\\])?\\s*\\)\\s*` : '';
  return firstMatch(lines, new RegExp(`^func\\s+${recv}${escapeRegExp(frame.functionName)}\\s*[([]`), hint);
}

/** Rust `fn name` (any visibility, async, unsafe, extern, const) or C++ `Scope::name(` / a declaration with a body. */
function findScoped(lines: readonly string[], frame: Extract<ParsedFrame, { kind: 'scoped' }>, hint?: number): number | undefined {
  const fn = escapeRegExp(frame.functionName);
  const rust = firstMatch(lines, new RegExp(`^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:const\\s+)?(?:async\\s+)?(?:unsafe\\s+)?(?:extern\\s+"[^"]*"\\s+)?fn\\s+${fn}\\b`), hint);
  if (rust !== undefined) return rust;
  const scope = frame.scopes[frame.scopes.length - 1];
  if (scope) {
    const qualified = firstMatch(lines, new RegExp(`(?:^|[\\s*&])${escapeRegExp(scope)}::${fn}\\s*\\((?!.*;\\s*$)`), hint);
    if (qualified !== undefined) return qualified;
  }
  return firstMatch(lines, new RegExp(`^\\s*(?:[\\w:<>,*&~]+\\s+)+\\**${fn}\\s*\\([^;]*$`), hint);
}

/** JavaScript/TypeScript: `function name(`, `name = (…) =>`, `name: function`, a method `name(…) {`. */
function findJsFunction(lines: readonly string[], name: string, hint?: number): number | undefined {
  const n = escapeRegExp(name);
  return firstMatch(lines, new RegExp(`(?:\\bfunction\\s*\\*?\\s*${n}\\s*[(<]|\\b${n}\\s*[=:]\\s*(?:async\\s+)?(?:function\\b|\\([^)]*\\)\\s*(?::[^=]*)?=>|\\w+\\s*=>)|^\\s*(?:(?:public|private|protected|static|async|override|get|set)\\s+)*\\*?${n}\\s*(?:<[^>]*>)?\\([^;]*\\)\\s*(?::[^{;]*)?\\{)`), hint);
}

/**
 * The 0-based line where the function of a frame is defined, found by a regex scan of the file:
 * Python `def` (inside `class X` when the frame names one; the last def at or above `hintLine` when
 * a name is defined twice), Java method or constructor declarations (a lambda maps to its enclosing
 * method). Undefined for module-level code and names not found.
 */
export function findFunctionLine(text: string, frame: ParsedFrame, hintLine?: number): number | undefined {
  const lines = text.split(/\r?\n/);
  switch (frame.kind) {
    case 'python': return findPythonDef(lines, frame.className, frame.functionName, hintLine);
    case 'bare': return findPythonDef(lines, undefined, frame.functionName, hintLine) ?? findJsFunction(lines, frame.functionName, hintLine);
    case 'java': return findJavaMethod(lines, frame);
    case 'go': return findGoFunc(lines, frame, hintLine);
    case 'scoped': return findScoped(lines, frame, hintLine);
    default: return undefined;
  }
}

/**
 * The last line (0-based) of the function whose definition starts at `start`: the indented block of
 * a Python `def …:`, else the brace block that opens on or after it (strings and comments are not
 * parsed; a brace inside one can end the block early, which only shortens the mark). Capped at 2,000 lines.
 */
export function functionEndLine(text: string, start: number): number {
  const lines = text.split(/\r?\n/);
  const first = lines[start];
  if (first === undefined) return start;
  const limit = Math.min(lines.length, start + 2000);
  if (/:\s*(#.*)?$/.test(first) && /^\s*(async\s+)?def\s/.test(first)) {
    const indent = indentOf(first);
    let last = start;
    for (let i = start + 1; i < limit; i++) {
      const l = lines[i]!;
      if (l.trim().length === 0 || l.trim().startsWith('#')) continue;
      if (indentOf(l) <= indent) break;
      last = i;
    }
    return last;
  }
  let depth = 0;
  let opened = false;
  for (let i = start; i < limit; i++) {
    for (const ch of lines[i]!) {
      if (ch === '{') { depth++; opened = true; } else if (ch === '}') depth--;
      if (opened && depth === 0) return i;
    }
    if (!opened && i > start + 5) return start;
  }
  return start;
}
