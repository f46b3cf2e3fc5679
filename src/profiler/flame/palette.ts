/** Colour buckets: nodes get a small integer, the renderer draws each bucket with one fillStyle. */
export const WARM = 0;
export const WARM_COUNT = 16;
export const MINE = 16;
export const MINE_COUNT = 8;
export const DIFF = 24;
export const DIFF_LEVELS = 8; // each side of neutral; DIFF + DIFF_LEVELS is "no change"
export const HIGHLIGHT = DIFF + 2 * DIFF_LEVELS + 1;
/** Frames too narrow to tell apart, drawn together as one "…" block. */
export const MERGED = HIGHLIGHT + 1;
/** A bucket + DIM is the same colour faded (frames not matching a search). */
export const DIM = 64;
export const BUCKETS = 128;

/** Colours read from the VS Code theme (CSS variables), with fallbacks for outside VS Code. */
export interface ThemeColors {
  kind: 'dark' | 'light' | 'high-contrast' | 'high-contrast-light';
  background: string;
  foreground: string;
  focus: string;
  red: string;
  blue: string;
  purple: string;
}

export interface Palette {
  fills: string[];
  text: string[];
  background: string;
  foreground: string;
  focus: string;
  /** High-contrast themes outline every frame. */
  outline: string | undefined;
}

type Rgb = [number, number, number];

/** Parses #rgb, #rrggbb(aa) and rgb()/rgba(); undefined for anything else. */
export function parseColor(css: string): Rgb | undefined {
  const s = css.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) return [...m[1]!].map((c) => parseInt(c + c, 16)) as Rgb;
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(s);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1]!.slice(i, i + 2), 16)) as Rgb;
  m = /^rgba?\(\s*(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)/i.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return undefined;
}

const rgb = (c: Rgb, alpha = 1): string => (alpha >= 1 ? `rgb(${c.map(Math.round).join(',')})` : `rgba(${c.map(Math.round).join(',')},${alpha})`);
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const luminance = (c: Rgb): number => (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255;

function hsl(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => {
    const k = (n + h / 30) % 12;
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return [f(0), f(8), f(4)];
}

export const DEFAULT_THEME: ThemeColors = {
  kind: 'dark', background: '#1e1e1e', foreground: '#cccccc', focus: '#007fd4', red: '#f14c4c', blue: '#3794ff', purple: '#b180d7',
};

export function buildPalette(theme: ThemeColors): Palette {
  const dark = theme.kind === 'dark' || theme.kind === 'high-contrast';
  const bg = parseColor(theme.background) ?? (dark ? [30, 30, 30] : [255, 255, 255]);
  const fills = new Array<Rgb>(BUCKETS).fill([128, 128, 128]);
  for (let i = 0; i < WARM_COUNT; i++) {
    // Classic flame colours: red → orange → yellow, a little darker on dark themes.
    const hue = 8 + ((i * 7) % WARM_COUNT) * 3.3;
    fills[WARM + i] = hsl(hue, 0.78, (dark ? 0.56 : 0.66) + ((i * 5) % 4) * 0.025);
  }
  for (let i = 0; i < MINE_COUNT; i++) {
    const hue = 185 + ((i * 3) % MINE_COUNT) * 6;
    fills[MINE + i] = hsl(hue, 0.62, (dark ? 0.55 : 0.68) + (i % 3) * 0.03);
  }
  const red = parseColor(theme.red) ?? [241, 76, 76];
  const blue = parseColor(theme.blue) ?? [55, 148, 255];
  const neutral: Rgb = mix(bg, dark ? [170, 170, 170] : [150, 150, 150], 0.85);
  for (let level = -DIFF_LEVELS; level <= DIFF_LEVELS; level++) {
    const t = Math.abs(level) / DIFF_LEVELS;
    fills[DIFF + DIFF_LEVELS + level] = mix(neutral, level > 0 ? red : blue, 0.2 + 0.8 * t);
  }
  fills[DIFF + DIFF_LEVELS] = neutral;
  fills[HIGHLIGHT] = parseColor(theme.purple) ?? [177, 128, 215];
  fills[MERGED] = mix(bg, dark ? [150, 150, 150] : [120, 120, 120], 0.6);
  const textFor = (c: Rgb): string => (luminance(c) > 0.5 ? '#111111' : '#ffffff');
  const fillCss: string[] = [];
  const textCss: string[] = [];
  for (let b = 0; b < DIM; b++) {
    fillCss[b] = rgb(fills[b]!);
    textCss[b] = textFor(fills[b]!);
  }
  for (let b = 0; b < DIM; b++) {
    // Faded: blended towards the background so it reads as "not matched" on any theme.
    const faded = mix(fills[b]!, bg, 0.72);
    fillCss[DIM + b] = rgb(faded);
    textCss[DIM + b] = rgb(mix(parseColor(textFor(fills[b]!))!, bg, 0.6));
  }
  const highContrast = theme.kind === 'high-contrast' || theme.kind === 'high-contrast-light';
  return { fills: fillCss, text: textCss, background: theme.background, foreground: theme.foreground, focus: theme.focus,
    outline: highContrast ? theme.foreground : undefined };
}

/** FNV-1a hash of a frame name, so a function keeps its colour across views and sessions. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface ColorOptions {
  /** Per name id: 1 when the frame resolves to a workspace file. */
  mine?: Uint8Array;
  mineEnabled: boolean;
  /** Per name id: 1 when the frame matches the search; undefined when no search is active. */
  matchedNames?: Uint8Array;
  /** Differential graphs: per node, change of share in [-1, 1]. */
  delta?: Float64Array;
}

/** A colour bucket per node. */
export function assignBuckets(tree: { size: number; names: readonly string[]; nameId: Int32Array }, options: ColorOptions): Uint8Array {
  const byName = new Uint8Array(tree.names.length);
  for (let id = 0; id < tree.names.length; id++) {
    const h = nameHash(tree.names[id]!);
    byName[id] = options.mineEnabled && options.mine?.[id] ? MINE + (h % MINE_COUNT) : WARM + (h % WARM_COUNT);
  }
  const out = new Uint8Array(tree.size);
  let maxAbs = 0;
  if (options.delta) for (let i = 0; i < tree.size; i++) maxAbs = Math.max(maxAbs, Math.abs(options.delta[i]!));
  for (let i = 0; i < tree.size; i++) {
    const id = tree.nameId[i]!;
    let b: number;
    if (options.delta) {
      const level = maxAbs > 0 ? Math.round((options.delta[i]! / maxAbs) * DIFF_LEVELS) : 0;
      b = DIFF + DIFF_LEVELS + Math.max(-DIFF_LEVELS, Math.min(DIFF_LEVELS, level));
    } else {
      b = byName[id]!;
    }
    if (options.matchedNames) b = options.matchedNames[id] ? HIGHLIGHT : b + DIM;
    out[i] = b;
  }
  return out;
}
