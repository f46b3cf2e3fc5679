// Text that reaches a terminal must not be able to drive it: a key in a buildspec can hold ESC, BEL or CR
// (as a double-quoted YAML string), which would let the file retitle the terminal, erase lines or
// overwrite the error that names it. Such characters are written as JSON writes them (`\u001b`).

// C0 controls and DEL, C1 controls, the Unicode line and paragraph separators, and the bidirectional
// embeddings, overrides and isolates (which reorder what the line appears to say).
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
