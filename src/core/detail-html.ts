// Pieces the detail pages share: codicons (the bundled font, never emoji), status badges, link buttons and
// time bars. Bars are SVG rectangles placed by attributes, since the pages' CSP allows no inline styles.
import { html, type Html } from './html';

export type Tone = 'succeeded' | 'failed' | 'running' | 'stopped' | 'neutral';

export function codicon(id: string, spin = false): Html {
  return html`<i class="codicon codicon-${id.replace(/[^a-z0-9-]/g, '')}${spin ? ' codicon-modifier-spin' : ''}" aria-hidden="true"></i>`;
}

/** An icon and its words, coloured by tone; the words are always visible (colour is not the only signal). */
export function statusBadge(s: { label: string; icon: string; spin?: boolean; tone: Tone }): Html {
  return html`<span class="status tone-${s.tone}">${codicon(s.icon, s.spin === true)}<span class="status-label">${s.label}</span></span>`;
}

/** A button the page's script turns into `{ type: 'action', action, index }`. */
export function actionButton(action: string, index: number, content: Html, options: { className?: string; title?: string } = {}): Html {
  return html`<button type="button" class="${options.className ?? 'link-button'}" data-action="${action}" data-index="${index}" data-key="${action}-${index}"${options.title ? html` title="${options.title}"` : ''}>${content}</button>`;
}

/** A bar on a time span: `start` and `width` are fractions of it. */
export function timeBar(bar: { start: number; width: number } | undefined, tone: Tone, label: string): Html {
  if (!bar) return html`<span class="track empty" role="img" aria-label="${label}"></span>`;
  const x = (bar.start * 1000).toFixed(1);
  const width = Math.max(bar.width * 1000, 4).toFixed(1);
  return html`<svg class="track" viewBox="0 0 1000 10" preserveAspectRatio="none" role="img" aria-label="${label}"><rect class="bar tone-${tone}" x="${x}" y="0" width="${width}" height="10" rx="2"></rect></svg>`;
}
