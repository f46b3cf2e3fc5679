// The detail pages (execution timeline, package version): a webview page whose body is HTML rendered by a
// pure, escaping presenter, with the flame graph's Content-Security-Policy (only the bundled script by nonce
// and the extension's stylesheets and fonts) and a small validated message protocol.
import { escapeHtml } from './html';

export interface DetailPageOptions {
  /** webview.cspSource */
  cspSource: string;
  /** A fresh random nonce per page: at least 16 base64url characters. */
  nonce: string;
  scriptUri: string;
  styleUris: readonly string[];
  title: string;
  /** The first content, so the page never opens blank. */
  body: string;
}

/**
 * The Content-Security-Policy of the extension's webview pages: the one script by nonce, the extension's own
 * styles, fonts and images; no inline script or style, no remote anything.
 */
export function webviewCsp(cspSource: string, nonce: string): string {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(nonce)) throw new Error('The nonce must be at least 16 base64url characters.');
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "connect-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The start of every extension webview page, up to its <body>: the CSP above, the stylesheets, the title. */
export function webviewPageStart(o: Pick<DetailPageOptions, 'cspSource' | 'nonce' | 'styleUris' | 'title'>): string {
  const csp = webviewCsp(o.cspSource, o.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${o.styleUris.map((u) => `<link rel="stylesheet" href="${escapeHtml(u)}">`).join('\n')}
<title>${escapeHtml(o.title)}</title>
</head>
<body>`;
}

export function detailPageHtml(o: DetailPageOptions): string {
  return `${webviewPageStart(o)}
<main id="content">${o.body}</main>
<script nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** Extension → page: the new content (the page keeps focus and scroll where it can). */
export interface DetailUpdate {
  type: 'update';
  html: string;
}

/** Page → extension. `action` names what the clicked control does, `index` which item of the page it is for. */
export type DetailPageMessage =
  | { type: 'ready' }
  | { type: 'action'; action: string; index: number }
  | { type: 'cspViolation'; directive: string; blockedURI: string };

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** Validates a message from the page: only the actions the page offers, with an index in range. */
export function parseDetailMessage(v: unknown, offered: (action: string) => number): DetailPageMessage | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const m = v as Record<string, unknown>;
  switch (m.type) {
    case 'ready': return { type: 'ready' };
    case 'action': {
      if (typeof m.action !== 'string' || typeof m.index !== 'number' || !Number.isInteger(m.index) || m.index < 0) return undefined;
      return m.index < offered(m.action) ? { type: 'action', action: m.action, index: m.index } : undefined;
    }
    case 'cspViolation': return { type: 'cspViolation', directive: text(m.directive, 200), blockedURI: text(m.blockedURI, 500) };
    default: return undefined;
  }
}
