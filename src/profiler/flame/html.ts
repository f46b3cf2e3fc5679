import { webviewPageStart } from '../../core/detail-page';
import { escapeHtml } from './escape';

export interface FlameHtmlOptions {
  /** webview.cspSource */
  cspSource: string;
  /** A fresh random nonce per page load. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  title: string;
}

/** A nonce for the page's one script tag: 128 random bits, base64url. */
export function makeNonce(random: (bytes: number) => Uint8Array): string {
  return btoa(String.fromCharCode(...random(16))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The flame graph page. Only the bundled script (by nonce) and the extension's stylesheet may load;
 * no inline script or style, no remote anything. Profile data never appears in this HTML: it arrives
 * by postMessage and is drawn on a canvas or set with textContent. Until the first message the page
 * says it is loading (with a progress bar), never a blank canvas.
 */
export function flameHtml(o: FlameHtmlOptions): string {
  return `${webviewPageStart({ ...o, styleUris: [o.styleUri] })}
<header class="toolbar">
  <div class="titles"><h1 id="title"></h1><span id="subtitle"></span></div>
  <div class="controls">
    <label class="view-picker">View <select id="view" aria-label="Counter view"></select></label>
    <div class="search"><input id="search" type="search" placeholder="Search frames ( / )" aria-label="Search frames" spellcheck="false" autocomplete="off"><span id="matched" aria-live="polite"></span></div>
    <button id="mode" type="button" aria-pressed="false" aria-controls="table" title="List the functions where time is spent (bottom-up), sortable, with their callers; the zoom is kept">Hot functions</button>
    <button id="mine" type="button" aria-pressed="true" title="Colour frames that are in your workspace">My code</button>
    <button id="reset" type="button" title="Show the whole profile (Esc)">Reset zoom</button>
  </div>
</header>
<nav id="breadcrumb" aria-label="Zoomed into"></nav>
<div id="banner" role="status" class="loading"><span class="bar" aria-hidden="true"></span>Loading the profile…</div>
<main id="chart" tabindex="0" role="application" aria-label="Flame graph. Arrow keys move between frames, Enter zooms, Escape resets, slash searches, Ctrl+Enter opens the source." aria-describedby="details">
  <canvas id="canvas"></canvas>
  <div id="spacer"></div>
</main>
<section id="table" hidden>
  <div id="table-caption" aria-live="polite"></div>
  <div id="grid" role="treegrid" tabindex="0" aria-label="Hot functions (bottom-up). Arrow keys move, Right shows a function's callers, Enter opens the source, the column headers sort." aria-describedby="table-caption">
    <div class="hot-head" role="row" aria-rowindex="1">
      <div id="col-name" role="columnheader" aria-sort="none"><button type="button">Function</button></div>
      <div id="col-self" role="columnheader" aria-sort="descending"><button type="button">Self</button></div>
      <div id="col-total" role="columnheader" aria-sort="none"><button type="button">Total</button></div>
    </div>
    <div id="grid-body" role="rowgroup"><div id="grid-spacer"></div></div>
  </div>
</section>
<div id="legend" role="region" aria-label="Colour legend">
  <button id="legend-toggle" type="button" aria-expanded="true" aria-controls="legend-list" title="Show or hide what the colours mean">Colours</button>
  <ul id="legend-list" aria-label="What the colours mean"></ul>
</div>
<footer id="details" aria-live="polite"></footer>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}
