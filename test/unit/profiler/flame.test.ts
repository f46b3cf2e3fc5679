import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { viewTree, type CallTree } from '../../../src/profiler/model/call-tree';
import { parseFoldedStacks } from '../../../src/profiler/model/folded-format';
import { comparisonSummary, comparisonTitle, diffTrees } from '../../../src/profiler/model/diff';
import { escapeHtml, escapeMarkdown } from '../../../src/profiler/flame/escape';
import { fromWire, toWire } from '../../../src/profiler/flame/flame-tree';
import { depthAt, hitTest, navigate, rowY, type Geometry } from '../../../src/profiler/flame/geometry';
import { flameHtml, makeNonce } from '../../../src/profiler/flame/html';
import { computeX, interpolateViewport, nodeViewport, panViewport, zoomViewportAt } from '../../../src/profiler/flame/layout';
import { DIFF, DIFF_LEVELS, DIM, HIGHLIGHT, MERGED, MINE, MINE_COUNT, WARM_COUNT, assignBuckets, buildPalette, DEFAULT_THEME, parseColor } from '../../../src/profiler/flame/palette';
import { parseWebviewMessage } from '../../../src/profiler/flame/protocol';
import { FlameRenderer, fitLabel, type Ctx2D } from '../../../src/profiler/flame/render';
import { calleeFlameSvg, svgDataUri } from '../../../src/profiler/flame/svg';
import { nodeAt } from './helpers';

const tree = (folded: string): CallTree => viewTree(parseFoldedStacks(folded), 'latency');
const sample = tree('main;a;x 30\nmain;a;y 10\nmain;b 60\n');

class RecordingContext implements Ctx2D {
  private style = '';
  styleChanges = 0;
  get fillStyle(): string { return this.style; }
  // The renderer sets colours only; a gradient or pattern is recorded by its kind.
  set fillStyle(v: string | CanvasGradient | CanvasPattern) { this.style = typeof v === 'string' ? v : v.constructor.name; this.styleChanges++; }
  strokeStyle: string | CanvasGradient | CanvasPattern = '';
  lineWidth = 1;
  font = '';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  /** Frame rectangles (the first fillRect, the background, is left out). */
  rects: { x: number; y: number; w: number; h: number; fill: string }[] = [];
  texts: { text: string; x: number; y: number }[] = [];
  private background = true;
  fillRect(x: number, y: number, w: number, h: number): void {
    if (this.background) { this.background = false; return; }
    this.rects.push({ x, y, w, h, fill: this.style });
  }
  fillText(text: string, x: number, y: number): void { this.texts.push({ text, x, y }); }
  strokeRect(): void { /* outlines */ }
}

const geometry = (over: Partial<Geometry> = {}): Geometry => ({ width: 1000, height: 400, rowHeight: 18, scrollTop: 0, rootAtTop: true, maxDepth: sample.maxDepth, ...over });

function render(t: CallTree, over: Partial<Geometry> = {}, viewport = { x0: 0, x1: t.total[0]! }, minWidthPx = 0.5) {
  const ctx = new RecordingContext();
  const result = new FlameRenderer().render(ctx, {
    tree: t, x: computeX(t), viewport, geometry: geometry({ maxDepth: t.maxDepth, ...over }), buckets: new Uint8Array(t.size), palette: buildPalette(DEFAULT_THEME),
    focus: -1, hover: -1, minWidthPx, charWidth: 7, font: '12px monospace',
  });
  return { ctx, result };
}

describe('profiler: flame layout', () => {
  it('places children left to right inside their parent', () => {
    const x = computeX(sample);
    const a = nodeAt(sample, ['main', 'a']);
    const b = nodeAt(sample, ['main', 'b']);
    assert.equal(x[a], 0);
    assert.equal(x[nodeAt(sample, ['main', 'a', 'y'])], 30);
    assert.equal(x[b], 40);
  });

  it('keeps every child within its parent and siblings apart (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 30 }), (stacks) => {
      const t = tree(stacks.map(([f, c]) => `${f.join(';')} ${c}`).join('\n'));
      const x = computeX(t);
      for (let i = 1; i < t.size; i++) {
        const p = t.parent[i]!;
        assert.ok(x[i]! >= x[p]! && x[i]! + t.total[i]! <= x[p]! + t.total[p]! + 1e-9);
        const next = t.end[i]!;
        if (next < t.end[p]!) assert.ok(Math.abs(x[next]! - (x[i]! + t.total[i]!)) < 1e-9);
      }
    }));
  });

  it('zooms, pans and animates viewports within the root range', () => {
    const x = computeX(sample);
    assert.deepEqual(nodeViewport(sample, x, nodeAt(sample, ['main', 'b'])), { x0: 40, x1: 100 });
    assert.deepEqual(interpolateViewport({ x0: 0, x1: 100 }, { x0: 40, x1: 100 }, 1), { x0: 40, x1: 100 });
    assert.deepEqual(interpolateViewport({ x0: 0, x1: 100 }, { x0: 40, x1: 100 }, 0), { x0: 0, x1: 100 });
    assert.deepEqual(panViewport({ x0: 40, x1: 60 }, 500, 1000, 100), { x0: 30, x1: 50 });
    assert.deepEqual(panViewport({ x0: 10, x1: 30 }, 5000, 1000, 100), { x0: 0, x1: 20 }, 'clamped at the left');
    const z = zoomViewportAt({ x0: 0, x1: 100 }, 0.5, 500, 1000, 100);
    assert.deepEqual(z, { x0: 25, x1: 75 });
    assert.deepEqual(zoomViewportAt(z, 10, 0, 1000, 100), { x0: 0, x1: 100 }, 'never wider than the profile');
  });
});

describe('profiler: flame rendering', () => {
  it('draws one rectangle per visible frame, batched into one fill per colour', () => {
    const { ctx, result } = render(sample);
    assert.equal(result.rects, sample.size);
    assert.equal(ctx.rects.length, sample.size);
    assert.equal(ctx.styleChanges, 2 + 1, 'background, one fillStyle for the one bucket used, one for its labels');
    const b = ctx.rects.find((r) => r.x === 400)!;
    assert.equal(b.w, 599, 'a 1px gap between neighbours');
    assert.equal(b.y, 36, 'depth 2 with the root on top');
  });

  it('snaps rectangles to device pixels and keeps sub-pixel frames one device pixel wide', () => {
    const t = tree('main;a 6\nmain;b 9988\nmain;c 6\n');
    const ctx = new RecordingContext();
    new FlameRenderer().render(ctx, { tree: t, x: computeX(t), viewport: { x0: 0, x1: 10000 }, geometry: geometry({ width: 1000, maxDepth: t.maxDepth }), buckets: new Uint8Array(t.size),
      palette: buildPalette(DEFAULT_THEME), focus: -1, hover: -1, minWidthPx: 0.5, charWidth: 7, font: '12px monospace', dpr: 2 });
    for (const r of ctx.rects) {
      assert.equal((r.x * 2) % 1, 0, `x ${r.x} on a device pixel`);
      assert.ok(r.w >= 0.5);
    }
    const tiny = ctx.rects.filter((r) => r.w === 0.5);
    assert.equal(tiny.length, 2, 'the 0.6 px frames a and c are drawn one device pixel wide');
  });

  it('labels wide frames, keeping the end of long names', () => {
    const t = tree('com.example.really.long.package.name.SomeClass.someMethod 1\n');
    const { ctx } = render(t, { width: 200 });
    assert.ok(ctx.texts.some((x) => x.text.startsWith('…') && x.text.endsWith('SomeClass.someMethod')));
    assert.equal(fitLabel('abcdef', 10), 'abcdef');
    assert.equal(fitLabel('abcdef', 4), '…def');
    assert.equal(fitLabel('abcdef', 3), undefined);
  });

  it('skips frames narrower than the threshold together with everything above them', () => {
    const lines = ['main;big 100000'];
    for (let i = 0; i < 2000; i++) lines.push(`main;small${i};deeper;deepest 1`);
    const t = tree(lines.join('\n'));
    const { result } = render(t, { width: 1000 });
    assert.ok(result.rects < 10, `drew ${result.rects} of ${t.size}`);
    const zoomed = nodeAt(t, ['main', 'small1']);
    const x = computeX(t);
    const { result: inside } = render(t, { width: 1000 }, { x0: x[zoomed]!, x1: x[zoomed]! + t.total[zoomed]! });
    assert.ok(inside.rects >= 4, 'zoomed in, the small stack is drawn');
  });

  it('draws a run of touching sub-2px frames of one row as one rectangle, unlabelled', () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `main;n${String(i).padStart(4, '0')};leaf 1`);
    const t = tree(lines.join('\n'));
    const { ctx, result } = render(t, { width: 1000 });
    // main spans the width; 1500 children of 0.67 px each and their leaves merge into one run per row.
    assert.equal(result.rects, 1 + 1 + 2, `all, main, one run for the n… row, one for the leaf row: ${result.rects}`);
    const runs = ctx.rects.filter((r) => r.y !== ctx.rects[0]!.y && r.w > 900);
    assert.ok(runs.length >= 2, 'the runs cover the row');
    assert.ok(!ctx.texts.some((x) => /^n\d|leaf/.test(x.text)), 'a merged run carries no label');
    const apart = tree('main;a 6\nmain;b 9988\nmain;c 6\n');
    assert.equal(render(apart, { width: 1000 }).result.rects, 5, 'narrow frames that do not touch stay apart');
  });

  it('merges frames under the threshold into one "…" block that keeps their parent\'s width', () => {
    const lines = ['main;big 100000'];
    for (let i = 0; i < 2000; i++) lines.push(`main;small${i};deeper 1`);
    const t = tree(lines.join('\n'));
    const { ctx } = render(t, { width: 1000 });
    const x = computeX(t);
    const scale = 1000 / t.total[0]!;
    const first = nodeAt(t, ['main', 'small0']);
    const row = ctx.rects.filter((r) => r.y === ctx.rects.find((b) => Math.abs(b.x - x[first]! * scale) < 1)?.y && r.x >= x[first]! * scale - 1);
    assert.equal(row.length, 1, `one block for 2000 frames of 0.01 px: ${JSON.stringify(row)}`);
    assert.ok(Math.abs(row[0]!.w - 2000 * scale) < 1.5, `the block spans their ${(2000 * scale).toFixed(1)} px: ${row[0]!.w}`);
    assert.equal(row[0]!.fill, buildPalette(DEFAULT_THEME).fills[MERGED], 'drawn in the neutral "…" colour');
    assert.ok(ctx.texts.some((l) => l.text === '…' && Math.abs(l.x - (row[0]!.x + 3)) < 1), 'labelled "…"');
    assert.ok(!ctx.texts.some((l) => /small|deeper/.test(l.text)));
  });

  it('culls rows scrolled out of view', () => {
    const deep = tree(`${Array.from({ length: 300 }, (_, i) => `f${i}`).join(';')} 1\n`);
    const { result } = render(deep, { height: 180, rootAtTop: true });
    assert.equal(result.rects, 10, 'the 10 rows that fit');
    assert.equal(render(deep, { height: 189, rootAtTop: true }).result.rects, 11, 'plus one cut by the bottom edge');
    const bottom = render(deep, { height: 180, rootAtTop: false, scrollTop: deep.maxDepth * 18 + 18 - 180 }).result;
    assert.equal(bottom.rects, 10);
  });

  it('draws nothing for an empty view instead of dividing by zero', () => {
    const empty = viewTree(parseFoldedStacks('a 0\n'), 'latency');
    assert.deepEqual(render(empty).result, { rects: 0, labels: 0 });
  });
});

describe('profiler: hit testing and keyboard navigation', () => {
  const x = computeX(sample);
  const g = geometry();
  it('finds the frame under the pointer in both orientations', () => {
    assert.equal(hitTest(sample, x, { x0: 0, x1: 100 }, g, 0.5, 500, 5), 0);
    assert.equal(hitTest(sample, x, { x0: 0, x1: 100 }, g, 0.5, 700, 40), nodeAt(sample, ['main', 'b']));
    assert.equal(hitTest(sample, x, { x0: 0, x1: 100 }, g, 0.5, 350, 60), nodeAt(sample, ['main', 'a', 'y']));
    assert.equal(hitTest(sample, x, { x0: 0, x1: 100 }, g, 0.5, 700, 60), -1, 'nothing above b');
    const up: Geometry = { ...g, rootAtTop: false };
    assert.equal(depthAt(up, rowY(up, 2) + 1), 2);
    assert.equal(hitTest(sample, x, { x0: 0, x1: 100 }, up, 0.5, 700, rowY(up, 2) + 5), nodeAt(sample, ['main', 'b']));
    assert.equal(hitTest(sample, x, { x0: 40, x1: 100 }, g, 0.5, 10, 40), nodeAt(sample, ['main', 'b']), 'zoomed');
  });
  it('moves to caller, widest callee and siblings', () => {
    const main = nodeAt(sample, ['main']);
    const a = nodeAt(sample, ['main', 'a']);
    const b = nodeAt(sample, ['main', 'b']);
    assert.equal(navigate(sample, main, 'child'), b, 'b is wider than a');
    assert.equal(navigate(sample, b, 'previous'), a);
    assert.equal(navigate(sample, a, 'next'), b);
    assert.equal(navigate(sample, b, 'next'), b);
    assert.equal(navigate(sample, a, 'parent'), main);
    assert.equal(navigate(sample, 0, 'parent'), 0);
    assert.equal(navigate(sample, -1, 'child'), 0);
  });
});

describe('profiler: colours', () => {
  it('reads theme colours and assigns stable buckets by name', () => {
    assert.deepEqual(parseColor('#f14c4c'), [241, 76, 76]);
    assert.deepEqual(parseColor('#fff'), [255, 255, 255]);
    assert.deepEqual(parseColor('rgba(1, 2, 3, 0.5)'), [1, 2, 3]);
    assert.equal(parseColor('var(--x)'), undefined);
    const buckets = assignBuckets(sample, { mineEnabled: true });
    assert.ok([...buckets].every((b) => b < WARM_COUNT));
    assert.deepEqual(assignBuckets(sample, { mineEnabled: true }), buckets, 'deterministic');
  });
  it('says "no significant change" when no frame\'s share moved by a percentage point', () => {
    const same = comparisonSummary(diffTrees(tree('main;a 500\nmain;b 500\n'), tree('main;a 1004\nmain;b 996\n')), 'the day before');
    assert.equal(same.changed, false);
    assert.match(same.text, /^No significant change compared with the day before: .* 1 percentage point or more \(the largest change is 0\.20 pp\)\.$/);
    const moved = comparisonSummary(diffTrees(tree('main;a 500\nmain;b 500\n'), tree('main;a 520\nmain;b 480\n')), 'the day before');
    assert.equal(moved.changed, true, 'two points is a change');
    assert.match(moved.text, /^Compared with the day before: red frames/);
    assert.equal(comparisonTitle('orders-service · Last day', 'orders-service · Before last day'), 'orders-service · Last day vs before last day');
    assert.equal(comparisonTitle('a.pprof', 'b.pprof'), 'a.pprof vs b.pprof');
  });

  it('colours my code, search matches, faded non-matches and diffs', () => {
    const mine = new Uint8Array(sample.names.length);
    mine[sample.names.indexOf('a')] = 1;
    const a = nodeAt(sample, ['main', 'a']);
    const mineBuckets = assignBuckets(sample, { mineEnabled: true, mine });
    assert.ok(mineBuckets[a]! >= MINE && mineBuckets[a]! < MINE + MINE_COUNT);
    assert.ok(assignBuckets(sample, { mineEnabled: false, mine })[a]! < WARM_COUNT);
    const matched = new Uint8Array(sample.names.length);
    matched[sample.names.indexOf('b')] = 1;
    const searched = assignBuckets(sample, { mineEnabled: false, matchedNames: matched });
    assert.equal(searched[nodeAt(sample, ['main', 'b'])], HIGHLIGHT);
    assert.ok(searched[a]! >= DIM);
    const d = diffTrees(tree('main;a 50\nmain;b 50\n'), sample);
    const delta = new Float64Array(d.size);
    delta[nodeAt(d, ['main', 'b'])] = 0.1;
    delta[nodeAt(d, ['main', 'a'])] = -0.05;
    const diff = assignBuckets(d, { mineEnabled: false, delta });
    assert.equal(diff[nodeAt(d, ['main', 'b'])], DIFF + 2 * DIFF_LEVELS);
    assert.equal(diff[nodeAt(d, ['main', 'a'])], DIFF + DIFF_LEVELS - DIFF_LEVELS / 2);
    assert.equal(diff[0], DIFF + DIFF_LEVELS);
  });
  it('builds a full palette for every theme kind', () => {
    for (const kind of ['dark', 'light', 'high-contrast', 'high-contrast-light'] as const) {
      const p = buildPalette({ ...DEFAULT_THEME, kind, background: kind.includes('light') ? '#ffffff' : '#000000' });
      assert.equal(p.fills.length, 128);
      assert.ok(p.fills.every((f) => /^rgba?\(/.test(f)));
      assert.equal(p.outline !== undefined, kind.startsWith('high-contrast'));
    }
  });
});

describe('profiler: webview HTML, messages and the wire format', () => {
  const html = flameHtml({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'AAAAAAAAAAAAAAAAAAAAAA', scriptUri: 'https://x/dist/webview/profiler.js', styleUri: 'https://x/media/profiler/flame.css', title: '<img src=x onerror=alert(1)> "profile"' });

  it('has a strict CSP: nonce-only scripts, no inline styles, nothing remote', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.ok(csp);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA'(;|$)/);
    assert.match(csp, /style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net;/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:\/\/(?!file\+)/);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0], /nonce="AAAAAAAAAAAAAAAAAAAAAA" src="https:\/\/x\/dist\/webview\/profiler\.js"/);
    assert.doesNotMatch(html, /\sstyle="|<style|\son[a-z]+="/i);
  });
  it('says it is loading, with a progress bar, until the first message', () => {
    assert.match(html, /<div id="banner" role="status" class="loading"><span class="bar" aria-hidden="true"><\/span>Loading the profile…<\/div>/);
  });
  it('escapes the title and never contains profile data', () => {
    assert.match(html, /<title>&lt;img src=x onerror=alert\(1\)&gt; &quot;profile&quot;<\/title>/);
    assert.doesNotMatch(html, /<img/);
    assert.throws(() => flameHtml({ cspSource: 'x', nonce: "a' 'unsafe-inline", scriptUri: 'x', styleUri: 'x', title: 't' }), /nonce/);
    const nonce = makeNonce((n) => new Uint8Array(n).fill(255));
    assert.match(nonce, /^[A-Za-z0-9_-]{22}$/);
  });
  it('escapes HTML and Markdown', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>\u0000`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\ufffd');
    assert.equal(escapeMarkdown('[x](command:evil) *b* <i>'), '\\[x\\]\\(command:evil\\) \\*b\\* &lt;i&gt;');
  });
  it('validates webview messages', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'openSource', name: 'f', nameId: 3, node: 7 }), { type: 'openSource', name: 'f', nameId: 3, node: 7 });
    assert.deepEqual(parseWebviewMessage({ type: 'openSource', name: 'f', nameId: 3, node: 1.5 }), { type: 'openSource', name: 'f', nameId: 3, node: -1 }, 'not a frame: open by name');
    assert.equal(parseWebviewMessage({ type: 'openSource', name: 1 }), undefined);
    assert.deepEqual(parseWebviewMessage({ type: 'changeView', view: 'counter:IDLE' }), { type: 'changeView', view: 'counter:IDLE' });
    assert.equal(parseWebviewMessage({ type: 'changeView', view: '<script>' }), undefined);
    assert.equal(parseWebviewMessage('ready'), undefined);
    assert.equal(parseWebviewMessage({ type: 'eval', code: '1' }), undefined);
  });
  it('round-trips trees through the wire and rejects malformed ones', () => {
    const back = fromWire(toWire(sample));
    assert.deepEqual([...back.end], [...sample.end]);
    assert.deepEqual([...back.depth], [...sample.depth]);
    const plain = { names: ['all', 'a'], nameId: [0, 1], parent: [-1, 0], self: [0, 2], total: { 0: 2, 1: 2 } };
    assert.deepEqual([...fromWire(plain as never).total], [2, 2]);
    assert.throws(() => fromWire({ ...toWire(sample), parent: Int32Array.from([-1, 2, 0, 0, 0, 0]) }), /preorder/);
    assert.throws(() => fromWire({ ...toWire(sample), self: new Float64Array(1) }), /incomplete/);
  });
});

describe('profiler: hover SVG', () => {
  it('is a self-contained SVG whose text is escaped', () => {
    const t = tree('f;<script>alert(1)</script>;x 5\nf;"quoted" & <b> 5\n');
    const svg = calleeFlameSvg(t, { rootFraction: 0.25 });
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /<script|<b>|<foreignObject|href=|on[a-z]+=/i);
    assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(svg, /&quot;quoted&quot; &amp; &lt;b&gt;/);
    assert.match(svg, /callees · 25\.0% of the profile/);
    const uri = svgDataUri(svg);
    assert.match(uri, /^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+$/);
    assert.equal(Buffer.from(uri.split(',')[1]!, 'base64').toString('utf8'), svg);
  });
  it('limits rows and skips sub-pixel frames', () => {
    const deep = tree(`${Array.from({ length: 30 }, (_, i) => `f${i}`).join(';')} 1\n`);
    const svg = calleeFlameSvg(deep, { maxRows: 4 });
    assert.equal((svg.match(/<rect/g) ?? []).length, 4);
  });
});
