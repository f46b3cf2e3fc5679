import type { CallTree } from '../model/call-tree';
import { formatPercent } from '../model/format';
import { escapeHtml } from './escape';
import { computeX } from './layout';
import { fitLabel } from './render';
import { WARM_COUNT, nameHash } from './palette';

export interface SvgOptions {
  width?: number;
  rowHeight?: number;
  maxRows?: number;
  /** Share of the whole profile the root stands for, shown in the header line. */
  rootFraction?: number;
}

// Fixed colours: a hover image cannot read the theme, so these work on light and dark backgrounds.
const FILLS = Array.from({ length: WARM_COUNT }, (_, i) => `hsl(${(8 + ((i * 7) % WARM_COUNT) * 3.3).toFixed(1)},78%,${62 + (i % 4) * 2}%)`);
const CHAR_WIDTH = 6.6;

/**
 * A small icicle (root on top) of a function's callees as a standalone SVG document, built from the
 * model only. Every piece of text is escaped; nothing but rect, text and title elements is emitted.
 */
export function calleeFlameSvg(tree: CallTree, options: SvgOptions = {}): string {
  const width = options.width ?? 420;
  const rowH = options.rowHeight ?? 16;
  const maxRows = options.maxRows ?? 7;
  const rootTotal = tree.total[0] ?? 0;
  const rows = Math.min(maxRows, tree.maxDepth + 1);
  const header = 16;
  const height = header + rows * rowH;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Menlo, Consolas, 'DejaVu Sans Mono', monospace" font-size="11">`);
  const caption = options.rootFraction !== undefined ? `callees · ${formatPercent(options.rootFraction)} of the profile` : 'callees';
  parts.push(`<text x="2" y="11" fill="#888888">${escapeHtml(caption)}</text>`);
  if (rootTotal > 0) {
    const x = computeX(tree);
    const scale = width / rootTotal;
    let i = 0;
    while (i < tree.size) {
      const w = tree.total[i]! * scale;
      const d = tree.depth[i]!;
      if (w < 1 || d >= rows) { i = tree.end[i]!; continue; }
      const left = x[i]! * scale;
      const y = header + d * rowH;
      const name = tree.names[tree.nameId[i]!]!;
      const fill = FILLS[nameHash(name) % WARM_COUNT]!;
      const share = formatPercent(tree.total[i]! / rootTotal);
      parts.push(`<g><title>${escapeHtml(`${name} (${share})`)}</title><rect x="${left.toFixed(2)}" y="${y}" width="${Math.max(0.5, w - (w > 3 ? 1 : 0)).toFixed(2)}" height="${rowH - 1}" fill="${fill}"/>`);
      const label = fitLabel(name, Math.floor((w - 6) / CHAR_WIDTH));
      if (label !== undefined) parts.push(`<text x="${(left + 3).toFixed(2)}" y="${y + rowH / 2 + 3.5}" fill="#111111">${escapeHtml(label)}</text>`);
      parts.push('</g>');
      i++;
    }
  }
  parts.push('</svg>');
  return parts.join('');
}

/** `data:` URI of an SVG (base64, so nothing in it can end a Markdown link). */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
