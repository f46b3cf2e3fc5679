// The flame graph's colour legend and the reasons on its disabled controls. Text only via textContent;
// colours via the CSSOM (allowed under the page's CSP, unlike style attributes).
import type { LegendEntry } from '../flame/legend';

export interface LegendElements {
  toggle: HTMLButtonElement;
  list: HTMLElement;
}

/** Fills the legend; `describe` shows an entry's explanation in the footer (hover and keyboard focus). */
export function fillLegend(el: LegendElements, entries: readonly LegendEntry[], describe: (text: string) => void): void {
  el.list.replaceChildren(...entries.map((entry) => {
    const item = document.createElement('li');
    item.tabIndex = 0;
    item.title = entry.detail;
    item.setAttribute('aria-description', entry.detail);
    const parts: HTMLElement[] = [];
    if (entry.scale) parts.push(scaleText(entry.scale[0]));
    if (entry.colors.length > 0) {
      const swatch = document.createElement('span');
      swatch.className = entry.colors.length > 3 ? 'swatch gradient' : 'swatch';
      swatch.setAttribute('aria-hidden', 'true');
      if (entry.colors.length === 1) swatch.style.background = entry.colors[0]!;
      else swatch.style.backgroundImage = `linear-gradient(to right, ${gradientStops(entry.colors)})`;
      parts.push(swatch);
    }
    if (entry.scale) parts.push(scaleText(entry.scale[2]));
    const label = document.createElement('span');
    label.className = 'legend-label';
    label.textContent = entry.label;
    parts.push(label);
    item.replaceChildren(...parts);
    const show = (): void => describe(`${entry.label}: ${entry.detail}`);
    item.addEventListener('focus', show);
    item.addEventListener('mouseenter', show);
    return item;
  }));
}

/** A scale (many colours) blends; a few colours are side-by-side stripes, as the frames look. */
function gradientStops(colors: readonly string[]): string {
  if (colors.length > 3) return colors.join(', ');
  const step = 100 / colors.length;
  return colors.map((c, i) => `${c} ${i * step}% ${(i + 1) * step}%`).join(', ');
}

function scaleText(text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'scale';
  span.textContent = text;
  return span;
}

/** Opens or closes the legend's list from its "Colours" button. */
export function bindLegendToggle(el: LegendElements): void {
  el.toggle.addEventListener('click', () => {
    const open = el.toggle.getAttribute('aria-expanded') !== 'true';
    el.toggle.setAttribute('aria-expanded', String(open));
    el.list.hidden = !open;
  });
}

/**
 * Marks a control unavailable with `aria-disabled` (it stays focusable, so keyboard and screen-reader
 * users reach the reason) and puts the reason in its tooltip and description; `usable` is its normal tooltip.
 */
export function markUnavailable(control: HTMLButtonElement | HTMLSelectElement, reason: string | undefined, usable: string): void {
  control.disabled = false;
  if (reason) {
    control.setAttribute('aria-disabled', 'true');
    control.setAttribute('aria-description', reason);
    control.title = reason;
  } else {
    control.removeAttribute('aria-disabled');
    control.removeAttribute('aria-description');
    control.title = usable;
  }
}

export function isUnavailable(control: HTMLElement): boolean {
  return control.getAttribute('aria-disabled') === 'true';
}
