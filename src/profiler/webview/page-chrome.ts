// The flame graph page's text around the canvas. Frame names only ever go in via textContent.
import type { FlameTree } from '../flame/flame-tree';

export function fillViewPicker(select: HTMLSelectElement, views: readonly { id: string; label: string }[], current: string): void {
  select.replaceChildren(...views.map((v) => {
    const option = document.createElement('option');
    option.value = v.id;
    option.textContent = v.label;
    option.selected = v.id === current;
    return option;
  }));
}

/** "all → a → b → zoomed" as buttons (the first and the last six levels when the path is long). */
export function fillBreadcrumb(nav: HTMLElement, tree: FlameTree | undefined, zoomNode: number, zoomTo: (node: number) => void): void {
  const crumbs: HTMLElement[] = [];
  if (tree && zoomNode > 0) {
    const path: number[] = [];
    for (let i = zoomNode; i >= 0; i = tree.parent[i]!) path.push(i);
    path.reverse();
    const shown = path.length > 8 ? [path[0]!, -1, ...path.slice(-6)] : path;
    for (const node of shown) {
      if (crumbs.length > 0) {
        const sep = document.createElement('span');
        sep.className = 'sep';
        sep.textContent = '→';
        crumbs.push(sep);
      }
      if (node < 0) {
        const more = document.createElement('span');
        more.textContent = '…';
        crumbs.push(more);
        continue;
      }
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = node === 0 ? 'all' : tree.names[tree.nameId[node]!] ?? '';
      b.addEventListener('click', () => zoomTo(node));
      crumbs.push(b);
    }
  }
  nav.replaceChildren(...crumbs);
  nav.hidden = crumbs.length === 0;
}

/** Fills and places the tooltip next to the pointer, inside the window. */
export function showTooltip(tip: HTMLElement, title: string, lines: readonly string[], hint: string, clientX: number, clientY: number): void {
  const head = document.createElement('div');
  head.className = 'tip-title';
  head.textContent = title;
  const body = lines.map((l) => {
    const div = document.createElement('div');
    div.textContent = l;
    return div;
  });
  const foot = document.createElement('div');
  foot.className = 'tip-hint';
  foot.textContent = hint;
  tip.replaceChildren(head, ...body, foot);
  tip.hidden = false;
  const pad = 12;
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  tip.style.left = `${clientX + pad + w > window.innerWidth ? Math.max(0, clientX - pad - w) : clientX + pad}px`;
  tip.style.top = `${clientY + pad + h > window.innerHeight ? Math.max(0, clientY - pad - h) : clientY + pad}px`;
}

/** A message over the graph; `loading` adds an indeterminate progress bar. */
export function showBanner(banner: HTMLElement, text: string, kind: 'info' | 'error' | 'loading'): void {
  if (kind === 'loading') {
    const bar = document.createElement('span');
    bar.className = 'bar';
    bar.setAttribute('aria-hidden', 'true');
    banner.replaceChildren(bar, text);
  } else {
    banner.textContent = text;
  }
  banner.className = kind;
  banner.hidden = false;
}

export function hideBanner(banner: HTMLElement): void {
  banner.hidden = true;
  banner.className = '';
  banner.textContent = '';
}
