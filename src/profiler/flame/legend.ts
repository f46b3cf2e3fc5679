import { SIGNIFICANT_SHARE_CHANGE } from '../model/diff';
import { DIFF, DIFF_LEVELS, DIM, HIGHLIGHT, MERGED, MINE, WARM, type Palette } from './palette';
import { MERGE_PX } from './render';

/** What the flame graph is drawing right now, as far as its colours are concerned. */
export interface LegendState {
  /** A comparison: the largest change of any frame's share, in [0, 1] (the ends of the colour scale). */
  comparison?: { largestChange: number } | undefined;
  /** "My code" is on and at least one frame resolves to a workspace file. */
  mineShown: boolean;
  /** "My code" is on but no frame resolves to a workspace file (yet). */
  mineMissing: boolean;
  searchActive: boolean;
  zoomed: boolean;
}

export interface LegendEntry {
  /** One colour is a swatch; several are a gradient, left to right. */
  colors: string[];
  label: string;
  /** The longer explanation (tooltip and screen readers). */
  detail: string;
  /** Words under the ends of a gradient (the comparison's scale). */
  scale?: readonly [string, string, string];
}

/**
 * The legend of the colours `assignBuckets` and the renderer give frames, in words. Hues by name only
 * tell functions apart (a hash of the name, stable across views); they mean nothing else, and the
 * legend says so rather than suggesting a meaning the renderer does not give them.
 */
export function legendEntries(state: LegendState, palette: Palette): LegendEntry[] {
  const fill = (bucket: number): string => palette.fills[bucket] ?? palette.foreground;
  const entries: LegendEntry[] = [];
  const comparison = state.comparison;
  if (comparison) {
    const levels = Array.from({ length: 2 * DIFF_LEVELS + 1 }, (_, i) => fill(DIFF + i));
    const largest = comparison.largestChange;
    const end = `${(largest * 100).toFixed(largest * 100 >= 10 ? 1 : 2)} pp`;
    const noise = largest < SIGNIFICANT_SHARE_CHANGE ? ' That is under one percentage point: sampling noise, not a change.' : '';
    entries.push({
      colors: levels,
      label: 'Share of samples, before → now',
      detail: largest > 0
        ? `Blue: a smaller share now, red: a larger share now, grey: no change. The strongest colour is the largest change in this comparison (${end}).${noise} Widths are the current profile.`
        : 'No frame\'s share changed: every frame is grey. Widths are the current profile.',
      scale: [`−${end}`, '0', `+${end}`],
    });
  } else {
    entries.push({
      colors: [fill(WARM), fill(WARM + 5), fill(WARM + 11)],
      label: state.mineShown ? 'Other code' : 'Functions',
      detail: 'Red, orange and yellow tell functions apart: the shade comes from the function\'s name, so a function keeps its colour in every view. It means nothing else.',
    });
    if (state.mineShown) {
      entries.push({
        colors: [fill(MINE), fill(MINE + 3), fill(MINE + 6)],
        label: 'Your code',
        detail: 'Frames whose source resolves to a file in this workspace ("My code" is on).',
      });
    } else if (state.mineMissing) {
      entries.push({
        colors: [],
        label: 'No frame found in this workspace',
        detail: '"My code" colours frames whose source resolves to a workspace file in cyan and blue; none does in this profile.',
      });
    }
  }
  if (state.searchActive) {
    entries.push({ colors: [fill(HIGHLIGHT)], label: 'Matches the search', detail: 'Frames whose name matches the search.' });
  }
  if (state.searchActive || state.zoomed) {
    const faded = fill(DIM + (comparison ? DIFF + DIFF_LEVELS : WARM));
    const why = [state.searchActive ? 'do not match the search' : '', state.zoomed ? 'are callers of the zoomed frame' : ''].filter(Boolean).join(' or ');
    entries.push({ colors: [faded], label: 'Faded', detail: `Frames that ${why}.` });
  }
  entries.push({ colors: [fill(MERGED)], label: 'Merged “…”', detail: `Neighbouring frames too narrow to read (under ${MERGE_PX} px each), drawn as one block; zoom in to tell them apart.` });
  return entries;
}
