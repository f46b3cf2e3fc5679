// The web build's profiler bundle, loaded on the first profile the way the web worker extension host
// loads an extension.
import * as vscode from 'vscode';

/** The web profiler's bundle (built from src/profiler/editor/web-profiler.ts), relative to the extension. */
const PROFILER_BUNDLE = 'dist/web/profiler.js';

async function readBundle(uri: vscode.Uri): Promise<string> {
  if (uri.scheme !== 'https' && uri.scheme !== 'http') return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const response = await fetch(uri.toString(true));
  if (!response.ok) throw new Error(`Couldn't load the flame graph code from ${uri.toString(true)}: HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}

/**
 * CommonJS evaluated with a `require` that knows only `vscode` (the bundle's one external). On
 * vscode.dev the extension's files have https: URLs to fetch; on a remote in the browser
 * (code-server), vscode-remote: URIs that vscode.workspace.fs reads.
 */
export async function loadWebProfiler(extensionUri: vscode.Uri): Promise<typeof import('./web-profiler')> {
  const uri = vscode.Uri.joinPath(extensionUri, PROFILER_BUNDLE);
  const source = await readBundle(uri);
  const module = { exports: {} };
  const requireVscode = (id: string): unknown => {
    if (id === 'vscode') return vscode;
    throw new Error(`${PROFILER_BUNDLE} asked for '${id}', which the web build does not have`);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- our own bundle, as VS Code loads extensions here (no ESM import in this host)
  const init = new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${uri.toString(true)}`) as (m: object, e: object, r: typeof requireVscode) => void;
  init(module, module.exports, requireVscode);
  return module.exports as typeof import('./web-profiler');
}
