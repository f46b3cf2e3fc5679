/** What a frame name says about where its code lives. */
export type ParsedFrame =
  | { kind: 'python'; module: string; className?: string; functionName: string }
  | { kind: 'java'; packageName: string; className: string; outerClass: string; innerClasses: string[]; methodName: string; lambdaOf?: string; line?: number }
  | { kind: 'bare'; functionName: string }
  | { kind: 'synthetic' | 'native' | 'unknown' };

export type PythonFrame = Extract<ParsedFrame, { kind: 'python' }>;
export type JavaFrame = Extract<ParsedFrame, { kind: 'java' }>;

const PY_IDENT = /^[A-Za-z_][\w]*$/;
const PY_MODULE = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/;
const PY_FUNCTION = /^([A-Za-z_][\w]*|<[a-z_]+>)$/;
const JAVA_IDENT = /^[A-Za-z_$][\w$]*$/;

/** async-profiler style annotations: `_[j]` JIT, `_[i]` inlined, `_[k]` kernel, `_[0]` interpreted. */
function stripAnnotations(name: string): string {
  return name.replace(/_\[[a-z0-9]\]$/, '');
}

/**
 * Parses a frame name.
 * - Python agent: `module.path:Class:function` / `module.path:function` (module = dotted file path).
 * - Java: `pkg.Class.method`, `pkg.Outer$Inner.method`, `pkg.Class.lambda$method$0`, `pkg.Class.<init>`,
 *   also `pkg/Class.method` and `…method(Class.java:42)` / `…method(Ljava/lang/String;)V`.
 * - `<Sleep>`, `<Truncated>` and the like are synthetic.
 */
export function parseFrameName(raw: string): ParsedFrame {
  const name = stripAnnotations(raw.trim());
  if (name.length === 0 || name.length > 2048) return { kind: 'unknown' };
  if (name.startsWith('<') || name.startsWith('[')) return { kind: 'synthetic' };
  if (name.includes('::') || /\.so(\.\d+)*$/.test(name) || name.startsWith('0x')) return { kind: 'native' };

  // `pkg.Class.method(Class.java:42)` carries a colon too, but is Java.
  if (/\(.*\)$/.test(name)) {
    const java = parseJava(name);
    if (java) return java;
  }
  if (name.includes(':')) {
    const parts = name.split(':');
    const module = parts[0]!;
    const functionName = parts[parts.length - 1]!;
    if (parts.length <= 3 && PY_MODULE.test(module) && PY_FUNCTION.test(functionName)) {
      const className = parts.length === 3 ? parts[1]! : undefined;
      if (className === undefined) return { kind: 'python', module, functionName };
      if (PY_IDENT.test(className)) return { kind: 'python', module, className, functionName };
    }
    return { kind: 'unknown' };
  }

  const java = parseJava(name);
  if (java) return java;
  if (PY_IDENT.test(name)) return { kind: 'bare', functionName: name };
  return { kind: 'unknown' };
}

function parseJava(input: string): ParsedFrame | undefined {
  let name = input;
  let line: number | undefined;
  const paren = name.indexOf('(');
  if (paren > 0) {
    const inside = name.slice(paren);
    const lineMatch = /^\([\w$]+\.(?:java|kt|scala|groovy):(\d+)\)$/.exec(inside);
    if (lineMatch) line = Number(lineMatch[1]);
    name = name.slice(0, paren);
  }
  name = name.replace(/\//g, '.');
  const segments = name.split('.');
  if (segments.length < 2) return undefined;
  const methodName = segments[segments.length - 1]!;
  const classPath = segments.slice(0, -1);
  if (!(JAVA_IDENT.test(methodName) || methodName === '<init>' || methodName === '<clinit>')) return undefined;
  if (!classPath.every((s) => JAVA_IDENT.test(s))) return undefined;
  const className = classPath[classPath.length - 1]!;
  const packageName = classPath.slice(0, -1).join('.');
  // A class name starts upper case by convention; `module.function` (lower case) is not Java.
  const [outerClass, ...innerClasses] = className.split('$').filter((s) => s.length > 0);
  if (!outerClass || !/^[A-Z]/.test(outerClass)) return undefined;
  const frame: JavaFrame = { kind: 'java', packageName, className, outerClass, innerClasses, methodName };
  const lambda = /^lambda\$(.+)\$\d+$/.exec(methodName);
  if (lambda && lambda[1] !== 'static') frame.lambdaOf = lambda[1]!;
  if (line !== undefined) frame.line = line;
  return frame;
}

/** A short label for the function a frame is in, e.g. `OrderService.handle`. */
export function shortFunctionName(frame: ParsedFrame, fallback: string): string {
  switch (frame.kind) {
    case 'python': return frame.className ? `${frame.className}.${frame.functionName}` : frame.functionName;
    case 'java': return `${frame.className.split('$').pop() ?? frame.className}.${frame.lambdaOf ? `λ ${frame.lambdaOf}` : frame.methodName}`;
    case 'bare': return frame.functionName;
    default: return fallback;
  }
}
