import type { FlameElements } from './flame-view';

function byId<T extends HTMLElement>(doc: Document, id: string): T {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`The page has no #${id}.`);
  return el as T;
}

/** The flame graph page's elements (src/profiler/flame/html.ts), by id. */
export function flameElements(doc: Document): FlameElements {
  const get = <T extends HTMLElement>(id: string): T => byId<T>(doc, id);
  return {
    title: get('title'), subtitle: get('subtitle'), view: get('view'), search: get('search'), matched: get('matched'),
    mode: get('mode'), mine: get('mine'), reset: get('reset'), breadcrumb: get('breadcrumb'), banner: get('banner'),
    chart: get('chart'), canvas: get('canvas'), spacer: get('spacer'), details: get('details'), tooltip: get('tooltip'),
    table: get('table'),
    legend: { root: get('legend'), toggle: get('legend-toggle'), list: get('legend-list') },
    hot: {
      caption: get('table-caption'), grid: get('grid'), body: get('grid-body'), spacer: get('grid-spacer'),
      headers: { name: get('col-name'), self: get('col-self'), total: get('col-total') },
    },
  };
}
