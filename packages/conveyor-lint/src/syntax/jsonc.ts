// jsonc-parser's "main" is a UMD build whose factory-wrapped require() calls esbuild cannot follow (the
// bundle then fails at run time with "Cannot find module './impl/format'"), and the build prefers "main"
// over "module". Its ES module build bundles cleanly; tsx loads it too.
export { findNodeAtLocation, getLocation, parseTree, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
export type { Node, ParseError } from 'jsonc-parser/lib/esm/main.js';
