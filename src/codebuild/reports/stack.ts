// Stack frames in a failed test case's message: Python tracebacks, JVM and .NET stack traces, Node.js
// and Go frames. Each frame names a file (as the build saw it) and a line; the Testing view links the
// ones that resolve to workspace files.
import { sourceRelative } from './paths';

export interface StackFrame {
  /** What the frame says ran: a function, method or `<module>`. */
  label: string;
  /** The path as written in the message. */
  file: string;
  /** The workspace-relative path, when the file is in the build's source. */
  relative?: string;
  /** For JVM frames: the class's package as a folder (com/acme), to find File.java in the workspace. */
  packagePath?: string;
  /** 1-based. */
  line: number;
  column?: number;
}

const PYTHON = /^\s*File "([^"]+)", line (\d+)(?:, in (.+))?$/;
const JVM = /^\s*at ((?:[\w$]+\.)+)([\w$<>]+)\(([\w$.-]+\.(?:java|kt|scala|groovy)):(\d+)\)$/;
const NODE = /^\s*at (?:(.+?) \()?((?:[A-Za-z]:)?[^():]+\.(?:[cm]?[jt]sx?)):(\d+):(\d+)\)?$/;
const DOTNET = /^\s*at (.+?) in (.+?):line (\d+)$/;
const GO = /^\s+((?:[A-Za-z]:)?\/?[^\s:]+\.go):(\d+)(?: \+0x[0-9a-f]+)?$/;

function withRelative(frame: StackFrame): StackFrame {
  const relative = sourceRelative(frame.file);
  return relative ? { ...frame, relative } : frame;
}

/** Every frame the message names, outermost call first (as the traceback prints it). */
export function parseStackFrames(message: string | undefined): StackFrame[] {
  if (!message) return [];
  const out: StackFrame[] = [];
  let goFunction: string | undefined;
  for (const line of message.split(/\r?\n/)) {
    let m = PYTHON.exec(line);
    if (m?.[1] && m[2]) {
      out.push(withRelative({ label: m[3]?.trim() ?? '<module>', file: m[1], line: Number(m[2]) }));
      continue;
    }
    m = JVM.exec(line);
    if (m?.[1] && m[2] && m[3] && m[4]) {
      const qualified = m[1].slice(0, -1);
      const pkg = qualified.split('.').filter((s) => /^[a-z_]/.test(s)).join('/');
      out.push({ label: `${qualified}.${m[2]}`, file: m[3], line: Number(m[4]), ...(pkg ? { packagePath: pkg } : {}) });
      continue;
    }
    m = DOTNET.exec(line);
    if (m?.[1] && m[2] && m[3]) {
      out.push(withRelative({ label: m[1], file: m[2], line: Number(m[3]) }));
      continue;
    }
    m = NODE.exec(line);
    if (m?.[2] && m[3] && !m[2].startsWith('node:')) {
      out.push(withRelative({ label: m[1] ?? '<anonymous>', file: m[2], line: Number(m[3]), column: Number(m[4]) }));
      continue;
    }
    m = GO.exec(line);
    if (m?.[1] && m[2]) {
      out.push(withRelative({ label: goFunction ?? m[1], file: m[1], line: Number(m[2]) }));
      continue;
    }
    goFunction = /^[\w./*()-]+\(.*\)$/.test(line.trim()) ? line.trim() : undefined;
  }
  return out;
}

/** The message without its stack: what a person reads first ("ValueError: malformed sku 'ABC-10'"). */
export function failureHeadline(message: string | undefined): string {
  if (!message) return '';
  const lines = message.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  // A Python traceback that comes first ends with the exception.
  if (lines[0] === 'Traceback (most recent call last):') return lines[lines.length - 1] ?? '';
  return lines[0] ?? '';
}
