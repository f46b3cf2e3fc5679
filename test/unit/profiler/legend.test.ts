// The flame graph's colour legend and its disabled controls' reasons, as words and the palette's own colours.
import * as assert from 'node:assert/strict';
import { disabledControls } from '../../../src/profiler/flame/controls';
import { legendEntries, type LegendState } from '../../../src/profiler/flame/legend';
import { DEFAULT_THEME, DIFF, DIFF_LEVELS, HIGHLIGHT, MERGED, MINE, WARM, buildPalette } from '../../../src/profiler/flame/palette';

const palette = buildPalette(DEFAULT_THEME);
const plain: LegendState = { mineShown: false, mineMissing: false, searchActive: false, zoomed: false };
const labels = (state: LegendState): string[] => legendEntries(state, palette).map((e) => e.label);

describe('profiler: flame graph colour legend', () => {
  it('says the warm hues only tell functions apart, and names the merged block', () => {
    const entries = legendEntries(plain, palette);
    assert.deepEqual(entries.map((e) => e.label), ['Functions', 'Merged “…”']);
    assert.deepEqual(entries[0]!.colors, [palette.fills[WARM], palette.fills[WARM + 5], palette.fills[WARM + 11]]);
    assert.match(entries[0]!.detail, /from the function's name.*means nothing else/);
    assert.deepEqual(entries[1]!.colors, [palette.fills[MERGED]]);
    assert.match(entries[1]!.detail, /under 2 px/);
  });

  it('adds "Your code" in the workspace colours only while My code is on and finds frames', () => {
    const mine = legendEntries({ ...plain, mineShown: true }, palette);
    assert.deepEqual(mine.map((e) => e.label), ['Other code', 'Your code', 'Merged “…”']);
    assert.deepEqual(mine[1]!.colors, [palette.fills[MINE], palette.fills[MINE + 3], palette.fills[MINE + 6]]);
    assert.deepEqual(labels({ ...plain, mineMissing: true }), ['Functions', 'No frame found in this workspace', 'Merged “…”']);
  });

  it('explains search highlights and faded frames (non-matches, callers of the zoom)', () => {
    const searched = legendEntries({ ...plain, searchActive: true, zoomed: true }, palette);
    assert.deepEqual(searched.map((e) => e.label), ['Functions', 'Matches the search', 'Faded', 'Merged “…”']);
    assert.deepEqual(searched[1]!.colors, [palette.fills[HIGHLIGHT]]);
    assert.equal(searched[2]!.detail, 'Frames that do not match the search or are callers of the zoomed frame.');
    assert.equal(legendEntries({ ...plain, zoomed: true }, palette)[1]!.detail, 'Frames that are callers of the zoomed frame.');
  });

  it('draws a comparison as the blue → grey → red scale, its ends the largest change', () => {
    const entries = legendEntries({ ...plain, comparison: { largestChange: 0.031 }, mineShown: true }, palette);
    assert.deepEqual(entries.map((e) => e.label), ['Share of samples, before → now', 'Merged “…”']);
    const scale = entries[0]!;
    assert.equal(scale.colors.length, 2 * DIFF_LEVELS + 1);
    assert.equal(scale.colors[0], palette.fills[DIFF], 'the left end is the most blue bucket');
    assert.equal(scale.colors[DIFF_LEVELS], palette.fills[DIFF + DIFF_LEVELS], 'the middle is "no change"');
    assert.equal(scale.colors[2 * DIFF_LEVELS], palette.fills[DIFF + 2 * DIFF_LEVELS], 'the right end is the most red');
    assert.deepEqual(scale.scale, ['−3.10 pp', '0', '+3.10 pp']);
    assert.match(scale.detail, /Blue: a smaller share now, red: a larger share now, grey: no change.*\(3\.10 pp\)/);
    assert.doesNotMatch(scale.detail, /noise/);
    const none = legendEntries({ ...plain, comparison: { largestChange: 0 } }, palette)[0]!;
    assert.match(none.detail, /every frame is grey/);
    assert.deepEqual(none.scale, ['−0.00 pp', '0', '+0.00 pp']);
    const tiny = legendEntries({ ...plain, comparison: { largestChange: 0.00002 } }, palette)[0]!;
    assert.deepEqual(tiny.scale, ['−0.00 pp', '0', '+0.00 pp']);
    assert.match(tiny.detail, /\(0\.00 pp\)\. That is under one percentage point: sampling noise, not a change\./);
    assert.deepEqual(legendEntries({ ...plain, comparison: { largestChange: 0.125 } }, palette)[0]!.scale, ['−12.5 pp', '0', '+12.5 pp']);
  });
});

describe('profiler: flame graph controls that cannot be used say why', () => {
  const views = [{ label: 'CPU' }, { label: 'Latency' }];
  it('a comparison turns off the hot-functions table and My code, with the reason', () => {
    const reasons = disabledControls({ comparison: true, views });
    assert.match(reasons.mode ?? '', /^Not available in a comparison: the hot-functions table lists one profile's functions/);
    assert.match(reasons.mine ?? '', /^Not available in a comparison: frames are coloured by how their share/);
    assert.equal(reasons.view, undefined);
  });
  it('a single view leaves nothing to pick; a plain profile has everything on', () => {
    assert.deepEqual(disabledControls({ comparison: false, views: [{ label: 'CPU' }] }), { view: 'This profile has only one view: CPU.' });
    assert.deepEqual(disabledControls({ comparison: false, views }), {});
  });
});
