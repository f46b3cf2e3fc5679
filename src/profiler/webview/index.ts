// Entry of the flame graph webview (bundled by scripts/build.mjs to dist/webview/profiler.js).
import type { HostMessage } from '../flame/protocol';
import { flameElements } from './elements';
import { FlameView } from './flame-view';
import { readTheme, watchTheme } from './theme';
import { connect } from './vscode-api';

function start(): void {
  const post = connect();
  document.addEventListener('securitypolicyviolation', (e) => {
    post({ type: 'cspViolation', directive: e.violatedDirective, blockedURI: e.blockedURI });
  });
  const view = new FlameView(flameElements(document), post, readTheme(document));
  watchTheme(document, () => view.setTheme(readTheme(document)));
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (typeof data !== 'object' || data === null || typeof (data as { type?: unknown }).type !== 'string') return;
    try {
      view.handle(data as HostMessage);
    } catch (err) {
      post({ type: 'log', message: `flame graph: ${err instanceof Error ? err.message : String(err)}` });
    }
  });
  post({ type: 'ready' });
}

start();
