// Entry of the flame graph webview (bundled by scripts/build.mjs to dist/webview/profiler.js).
import type { HostMessage } from '../flame/protocol';
import { FlameView, type FlameElements } from './flame-view';
import { readTheme, watchTheme } from './theme';
import { connect } from './vscode-api';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The page has no #${id}.`);
  return el as T;
}

function start(): void {
  const post = connect();
  document.addEventListener('securitypolicyviolation', (e) => {
    post({ type: 'cspViolation', directive: e.violatedDirective, blockedURI: e.blockedURI });
  });
  const elements: FlameElements = {
    title: byId('title'), subtitle: byId('subtitle'), view: byId('view'), search: byId('search'), matched: byId('matched'),
    inverted: byId('inverted'), mine: byId('mine'), reset: byId('reset'), breadcrumb: byId('breadcrumb'), banner: byId('banner'),
    chart: byId('chart'), canvas: byId('canvas'), spacer: byId('spacer'), details: byId('details'), tooltip: byId('tooltip'),
  };
  const view = new FlameView(elements, post, readTheme(document));
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
