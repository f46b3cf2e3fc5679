/** What a frame name says about where its code lives. */
export type ParsedFrame =
  | { kind: 'python'; module: string; className?: string; functionName: string }
  | { kind: 'java'; packageName: string; className: string; outerClass: string; innerClasses: string[]; methodName: string; lambdaOf?: string; line?: number }
  | { kind: 'bare'; functionName: string }
  /** Go: `example.com/pkg.Func`, `pkg.(*T).Method`, `pkg.Func.func1` (a closure of Func). */
  | { kind: 'go'; packagePath: string; receiver?: string; functionName: string }
  /** Rust and C++: `crate::module::Type::method`, `ns::Class::method(int)`; scopes outermost first. */
  | { kind: 'scoped'; scopes: string[]; functionName: string }
  | { kind: 'synthetic' | 'native' | 'unknown' };

export type JavaFrame = Extract<ParsedFrame, { kind: 'java' }>;
export type GoFrame = Extract<ParsedFrame, { kind: 'go' }>;
export type ScopedFrame = Extract<ParsedFrame, { kind: 'scoped' }>;

const GO_NAME = /^((?:[\w.~-]+\/)*[\w~-]+)\.(?:\((\*?[\w]+)(?:\[[^\]]*\])?\)\.)?([\w]+)(?:\[[^\]]*\])?((?:\.(?:func|gowrap)\d+)*(?:\.\d+)*)(?:\.deferwrap\d+)?$/;

/** Go symbols as runtime/pprof writes them. */
function parseGo(name: string): GoFrame | undefined {
  const m = GO_NAME.exec(name);
  if (!m) return undefined;
  const frame: GoFrame = { kind: 'go', packagePath: m[1]!, functionName: m[3]! };
  if (m[2]) frame.receiver = m[2].replace(/^\*/, '');
  return frame;
}

/** Removes balanced `<…>` groups (template and generic arguments). */
function stripAngles(s: string): string {
  let out = '';
  let depth = 0;
  for (const ch of s) {
    if (ch === '<') depth++;
    else if (ch === '>' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** Rust (`a::b::f`, `<a::T as b::Tr>::f`, legacy `::h<hash>` suffixes) and C++ (`ns::C::f(int) const`). */
function parseScoped(raw: string): ScopedFrame | undefined {
  let name = raw.replace(/::h[0-9a-f]{16}$/, '').replace(/\{\{closure\}\}/g, '');
  const asTrait = /^<(.+?) as .+>::(.+)$/.exec(name);
  if (asTrait) name = `${asTrait[1]}::${asTrait[2]}`;
  const paren = name.indexOf('(');
  if (paren > 0) name = name.slice(0, paren);
  name = stripAngles(name).replace(/^.*\s(?=\S+$)/, '').replace(/::$/, '');
  const parts = name.split('::').filter((p) => p.length > 0);
  if (parts.length < 2) return undefined;
  const functionName = parts[parts.length - 1]!;
  if (!/^~?[A-Za-z_]\w*$/.test(functionName)) return undefined;
  const scopes = parts.slice(0, -1);
  if (!scopes.every((p) => /^[A-Za-z_]\w*$/.test(p))) return undefined;
  return { kind: 'scoped', scopes, functionName };
}

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
  if (name.includes('::')) return parseScoped(name) ?? { kind: 'native' };
  if (name.startsWith('<') || name.startsWith('[')) return { kind: 'synthetic' };
  if (/\.so(\.\d+)*$/.test(name) || name.startsWith('0x')) return { kind: 'native' };
  if (name.includes('.(')) {
    const go = parseGo(name);
    if (go) return go;
  }

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
  const go = parseGo(name);
  if (go) return go;
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
    case 'go': return frame.receiver ? `${frame.receiver}.${frame.functionName}` : frame.functionName;
    case 'scoped': return frame.scopes.length > 0 ? `${frame.scopes[frame.scopes.length - 1]}::${frame.functionName}` : frame.functionName;
    default: return fallback;
  }
}
