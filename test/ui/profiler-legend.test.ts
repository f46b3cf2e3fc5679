// The flame graph's colour legend in the real workbench, dark and light: what the hues mean in a profile
// (with My code and the search), the comparison's blue → red scale with its ends, and the controls a
// comparison cannot use saying why (focusable, tooltip and description), review items 8 and 9.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { openProfileFromView } from './flame-page';
import { runCommand, waitFor, webviewPage } from './harness';
import { contextMenu } from './pipelines-view';
import { forEachTheme, paneRow } from './states-view';

/** The newest flame graph page (a comparison opens a second panel beside the profile's). */
function flamePage(page: Page): FrameLocator {
  return webviewPage(page, 'newest');
}

async function legendLabels(page: Page): Promise<string[]> {
  return (await flamePage(page).locator('#legend-list .legend-label').allInnerTexts()).map((t) => t.trim());
}

forEachTheme('UI: profiler colour legend', { name: 'profiler-legend', emulator: true, timeout: 300_000 }, (suite) => {
  it('says what the colours of a profile mean, following My code and the search', async () => {
    const { page } = suite.wb;
    const flame = await openProfileFromView(page, 'orders-api', 'Last hour');
    await waitFor('the legend of the workspace colours', flame.locator('#legend-list .legend-label', { hasText: 'Your code' }), { timeout: 60_000 });
    assert.deepEqual(await legendLabels(page), ['Other code', 'Your code', 'Merged “…”']);
    const first = flame.locator('#legend-list li').first();
    assert.match((await first.getAttribute('aria-description')) ?? '', /tell functions apart.*means nothing else/);
    await flame.locator('#search').fill('place_order');
    await waitFor('the search entry in the legend', flame.locator('#legend-list .legend-label', { hasText: 'Matches the search' }));
    assert.deepEqual(await legendLabels(page), ['Other code', 'Your code', 'Matches the search', 'Faded', 'Merged “…”']);
    await first.focus();
    await waitFor('the legend entry explained in the footer', flame.locator('#details', { hasText: /^Other code: Red, orange and yellow/ }));
    await suite.shot(page, 'flame-legend');
    await flame.locator('#search').press('Escape');
    await waitFor('the search entry gone', flame.locator('#legend-list .legend-label', { hasText: 'Matches the search' }), { state: 'hidden' });
    await runCommand(page, 'View: Close All Editors');
  });

  it('a comparison shows the blue → red scale and its disabled controls say why', async () => {
    const { page } = suite.wb;
    await contextMenu(page, paneRow(page, 'Profiler', 'Last hour'), 'Compare with Previous Range');
    const flame = flamePage(page);
    await waitFor('the comparison', flame.locator('#title', { hasText: ' vs ' }), { timeout: 90_000 });
    const scale = flame.locator('#legend-list li', { hasText: 'Share of samples, before → now' });
    await waitFor('the comparison\'s scale in the legend', scale);
    assert.match(await scale.innerText(), /^−\d+\.\d+ pp\s+\+\d+\.\d+ pp\s+Share of samples, before → now$/);
    assert.match((await scale.getAttribute('aria-description')) ?? '', /^(Blue: a smaller share now, red: a larger share now|No frame's share changed)/);
    assert.deepEqual(await legendLabels(page), ['Share of samples, before → now', 'Merged “…”']);
    for (const [id, name] of [['#mode', 'Hot functions'], ['#mine', 'My code']] as const) {
      const control = flame.locator(id);
      assert.equal(await control.innerText(), name);
      assert.equal(await control.getAttribute('aria-disabled'), 'true', `${name} is marked unavailable`);
      const reason = (await control.getAttribute('aria-description')) ?? '';
      assert.match(reason, /^Not available in a comparison: /, `${name} says why`);
      assert.equal(await control.getAttribute('title'), reason, `${name}'s tooltip is the reason`);
    }
    // Still reachable by the keyboard (a disabled button is not), and Enter does not open the table.
    await flame.locator('#mode').focus();
    await flame.locator('#mode').press('Enter');
    assert.equal(await flame.locator('#table').isVisible(), false);
    assert.equal(await flame.locator('#chart').isVisible(), true);
    await flame.locator('#mode').hover();
    await suite.shot(page, 'flame-legend-compare');
    await runCommand(page, 'View: Close All Editors');
  });
});
