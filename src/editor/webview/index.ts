// The script of the detail pages (bundled by scripts/build.mjs to dist/webview/editor.js). The extension
// renders and escapes the content; this page shows it, keeps focus and scroll across live updates, and
// turns clicks on `[data-action]` controls (buttons and links, so keyboard users get them too) into messages.
import type { DetailPageMessage, DetailUpdate } from '../../core/detail-page';

interface VsCodeApi {
  postMessage(message: DetailPageMessage): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { postMessage: () => undefined };
const content = document.getElementById('content');

function replaceContent(markup: string): void {
  if (!content) return;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;
  const scrollY = window.scrollY;
  content.innerHTML = markup;
  if (focused) content.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
  window.scrollTo(0, scrollY);
}

function isUpdate(data: unknown): data is DetailUpdate {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'update'
    && typeof (data as { html?: unknown }).html === 'string';
}

document.addEventListener('securitypolicyviolation', (e) => {
  api.postMessage({ type: 'cspViolation', directive: e.violatedDirective, blockedURI: e.blockedURI });
});

document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-action]') : null;
  if (!target) return;
  e.preventDefault();
  const index = Number(target.dataset.index ?? '0');
  api.postMessage({ type: 'action', action: target.dataset.action ?? '', index });
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isUpdate(event.data)) replaceContent(event.data.html);
});

api.postMessage({ type: 'ready' });
