// The December UX review (../shared/reviews/ux-2026-12.md) redone shot by shot in the real workbench,
// in the dark and the light theme: each test takes the review's shot again (review-<NN>-<name>.png, and
// -light) and asserts that the problem the review saw there is gone. The states the review saw (items
// 3, 4, 10, 11, 12) are shot by states.test.ts; the notes are docs/ux-review-2026-12-notes.md.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import {
  acceptQuickInput, eventually, fillQuickInput, focusedEditor, openConveyor, quickOpenFile, quickPickRows, runCommand, waitFor, webviewPage,
} from './harness';
import { contextMenu, filterPipelines, openNewestExecution } from './pipelines-view';
import { admin, expandPath, expandRow, forEachTheme, pane, paneRow, showPanes, VIEW_TITLES } from './states-view';

/** Hovers `target` until a hover shows (a row re-rendered under the pointer drops it: leave and come back). */
async function hoverText(page: Page, target: Locator, what: string): Promise<string> {
  const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible').first();
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.mouse.move(0, 0);
    await target.hover();
    if (await hover.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return hover.innerText();
  }
  await waitFor(what, hover);
  return hover.innerText();
}

/**
 * Runs in the page on a log's "[Container] <time> Entering phase BUILD" line: the colours of its time, of
 * its plain words and of BUILD ('' when not rendered; Monaco writes spaces as U+00A0, which \s matches). Plain JavaScript: no helper of the test's compiler leaks in.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point: a function from plain source, not compiled by the test's compiler
const COLOURS_OF_PHASE_START = new Function('line', `
  const spans = [...line.querySelectorAll('span > span')];
  const colourOf = (test) => { const span = spans.find(test); return span ? getComputedStyle(span).color : ''; };
  return {
    time: colourOf((s) => (s.textContent || '').startsWith('[Container]')),
    plain: colourOf((s) => /Entering\\s+phase/.test(s.textContent || '')),
    phase: colourOf((s) => (s.textContent || '').trim() === 'BUILD'),
  };
`) as (line: Element) => { time: string; plain: string; phase: string };

const NO_EMOJI = /[\u{1F300}-\u{1FAFF}\u2705\u274C\u23F3]/u;

forEachTheme('UI: the December review redone', { name: 'review', emulator: true, timeout: 300_000 }, (suite) => {
  // Hold the demo's clock still, so that rows do not change under a hover.
  before(async () => { await admin(suite.wb, 'POST', 'clock/speed', { speed: 0 }); });

  it('items 5, 6: Pipelines gets the room, what needs attention comes first', async () => {
    const { page } = suite.wb;
    await openConveyor(page);
    await waitFor('a failed pipeline', paneRow(page, 'Pipelines', /\S/, /^Failed · /), { timeout: 60_000 });
    // Deployments and CodeBuild start collapsed (package.json `visibility`): their headers show, the room goes to the three above.
    const expanded = await Promise.all(VIEW_TITLES.map(async (t) => [t, await pane(page, t).locator('.pane-header').getAttribute('aria-expanded')] as const));
    assert.deepEqual(expanded, [['Pipelines', 'true'], ['Artifacts', 'true'], ['Profiler', 'true'], ['Deployments', 'false'], ['CodeBuild', 'false']]);
    const heights = await Promise.all(['Pipelines', 'Artifacts', 'Profiler'].map(async (t) => (await pane(page, t).boundingBox())?.height ?? 0));
    assert.ok(heights[0]! > heights[1]! && heights[0]! > heights[2]!, `Pipelines is the tallest pane: ${heights.join(', ')}`);
    await suite.shot(page, 'review-02-conveyor-opened');
    await showPanes(page, 'Pipelines');
    const rows = await pane(page, 'Pipelines').locator('.monaco-list-row .label-description').allInnerTexts();
    assert.match(rows[0] ?? '', /^Failed · /, `a failed pipeline first: ${rows.join(' | ')}`);
    await suite.shot(page, 'review-05-pipelines-wider');
  });

  it('item 14: the pipeline tooltip in plain words', async () => {
    const { page } = suite.wb;
    const text = await hoverText(page, paneRow(page, 'Pipelines', 'payments-api'), 'the payments-api tooltip');
    assert.doesNotMatch(text, /Source Source|CloudWatchEvent|SUPERSEDED mode|Right-click/, text);
    await suite.shot(page, 'review-06-tooltip-pipeline');
    await page.mouse.move(0, 0);
  });

  it('items 2, 13: one click on the failed CodeBuild action opens its log, in a tab named by project and build', async () => {
    const { page } = suite.wb;
    await expandRow(page, paneRow(page, 'Pipelines', 'payments-api'), 'payments-api');
    await expandRow(page, paneRow(page, 'Pipelines', 'Build'), 'its Build stage');
    const action = paneRow(page, 'Pipelines', 'Unit-Tests');
    const tooltip = await hoverText(page, action, 'the Unit-Tests tooltip');
    assert.doesNotMatch(tooltip, /Right-click/, 'the tooltip no longer sends people to the context menu');
    await suite.shot(page, 'review-07-tooltip-action');
    await page.mouse.move(0, 0);
    await action.click();
    const tab = page.locator('.tabs-container .tab', { hasText: /payments-api.* #[0-9a-f]{8}/ });
    await waitFor('the log tab named by project and build', tab, { timeout: 60_000 });
    assert.doesNotMatch(await tab.first().innerText(), /^\s*[0-9a-f]{8}\.log/, 'not the anonymous build id');
    await waitFor('the log\'s phases', page.locator('.view-lines', { hasText: 'Entering phase' }).first(), { timeout: 60_000 });
    // No clipped lines: build logs have a language of their own whose default is `editor.wordWrap: on`, so
    // no line is wider than the editor (Monaco sizes .view-lines to its widest line).
    const log = page.locator('.editor-group-container.active .monaco-editor').first();
    const widths = await log.evaluate((editor) => ({ editor: editor.clientWidth, lines: editor.querySelector('.view-lines')?.scrollWidth ?? 0 }));
    assert.ok(widths.lines > 0 && widths.lines <= widths.editor, `the log's lines wrap (lines ${widths.lines} px, editor ${widths.editor} px)`);
    // ...and, wrapped, the log still opens with its failing command in view.
    const failing = log.locator('.view-line', { hasText: 'Running command npm test' }).first();
    await waitFor('the failing command rendered', failing);
    const [box, line] = await Promise.all([log.boundingBox(), failing.boundingBox()]);
    assert.ok(box && line && line.y >= box.y && line.y + line.height <= box.y + box.height,
      `the failing command is in view (line at ${line?.y ?? '?'} px, editor ${box?.y ?? '?'}–${box ? box.y + box.height : '?'} px)`);
    // The agent's lines are coloured (decorations, not a grammar): on the line above the failing command the
    // time is dimmed and the phase's name stands out from the words around it.
    const phaseLine = log.locator('.view-line', { hasText: 'Entering phase BUILD' }).first();
    let colours = { time: '', plain: '', phase: '' };
    await eventually('the time and BUILD coloured where the BUILD phase begins', async () => {
      colours = await phaseLine.evaluate(COLOURS_OF_PHASE_START);
      return Object.values(colours).every((c) => c !== '') && colours.phase !== colours.plain && colours.time !== colours.plain;
    }, { seen: () => JSON.stringify(colours) });
    await suite.shot(page, 'review-09-build-logs');
    await runCommand(page, 'View: Close All Editors');
  });

  it('item 6: the approval waits without a spinner; a disabled transition shows a lock and blocks the row', async () => {
    const { page } = suite.wb;
    await filterPipelines(page, 'orders-service-release');
    await expandRow(page, paneRow(page, 'Pipelines', 'orders-service-release'), 'orders-service-release');
    const approval = paneRow(page, 'Pipelines', 'Approval');
    await waitFor('the Approval stage', approval);
    assert.equal(await approval.locator('.codicon-modifier-spin, .codicon-loading').count(), 0, 'a waiting approval does not spin');
    await suite.shot(page, 'review-12-running-and-approval');
    await filterPipelines(page, 'legacy-billing');
    await expandRow(page, paneRow(page, 'Pipelines', 'legacy-billing'), 'legacy-billing');
    await waitFor('the lock on the Deploy stage', paneRow(page, 'Pipelines', 'Deploy').locator('.codicon-lock'));
    // Once its state is read (expanded, pinned or watched), the row says why it does not move on.
    await waitFor('legacy-billing blocked', paneRow(page, 'Pipelines', 'legacy-billing', /^Blocked: Deploy transition disabled/));
    await suite.shot(page, 'review-14-transition-disabled');
  });

  it('item 1: an execution opens as a rendered timeline, not Markdown source', async () => {
    const { page } = suite.wb;
    await openNewestExecution(page, 'payments-api');
    const doc = webviewPage(page, 'newest');
    await waitFor('the Build stage in the timeline', doc.locator('h2', { hasText: 'Build' }), { timeout: 60_000 });
    const text = await doc.locator('body').innerText();
    assert.doesNotMatch(text, /\*\*Status:\*\*|\| --- \|/, 'no Markdown source');
    assert.doesNotMatch(text, NO_EMOJI, 'no emoji glyphs that depend on fonts');
    await suite.shot(page, 'review-17-execution-timeline');
    await runCommand(page, 'View: Close All Editors');
  });

  it('items 1, 14: a package version opens its rendered details; the repository says what it is', async () => {
    const { page } = suite.wb;
    await showPanes(page, 'Artifacts');
    await expandPath(page, 'Artifacts', 'acme', 'team-npm');
    // The rows show at once and their descriptions fill in: read team-npm's once it has one.
    await waitFor('team-npm\'s description', paneRow(page, 'Artifacts', 'team-npm', /\S/));
    const description = await paneRow(page, 'Artifacts', 'team-npm').locator('.label-description').innerText();
    assert.doesNotMatch(description, /Packages from the public npm registry/, `the row is not prose: ${description}`);
    await suite.shot(page, 'review-20-artifacts-domain');
    await expandPath(page, 'Artifacts', 'npm', '@acme', 'ui-kit');
    await paneRow(page, 'Artifacts', '1.2.0').click();
    const doc = webviewPage(page, 'newest');
    await waitFor('the package in the details', doc.locator('h1', { hasText: '@acme/ui-kit' }), { timeout: 60_000 });
    assert.doesNotMatch(await doc.locator('body').innerText(), /\*\*Status:\*\*|\| --- \|/, 'no Markdown source');
    await suite.shot(page, 'review-23-version-click');
    await runCommand(page, 'View: Close All Editors');
  });

  it('items 5, 7, 8: profiler rows lead with the last report; the flame graph loads; Problems holds only real findings', async () => {
    const { page } = suite.wb;
    await showPanes(page, 'Profiler');
    await waitFor('the profiling groups', paneRow(page, 'Profiler', 'orders-service'), { timeout: 60_000 });
    const descriptions = await pane(page, 'Profiler').locator('.monaco-list-row .label-description').allInnerTexts();
    assert.ok(descriptions.every((d) => !d.startsWith('EC2 / ECS / other')), `no repeated platform first: ${descriptions.join(' | ')}`);
    await suite.shot(page, 'review-30-profiler-group');
    await expandRow(page, paneRow(page, 'Profiler', 'orders-service'), 'orders-service');
    await paneRow(page, 'Profiler', 'Last day').click();
    const flame = webviewPage(page, 'newest');
    await waitFor('the flame graph', flame.locator('#canvas'), { timeout: 60_000 });
    await waitFor('the loading banner to end', flame.locator('#banner.loading'), { state: 'hidden', timeout: 60_000 });
    await suite.shot(page, 'review-31-flamegraph');
    await runCommand(page, 'Problems: Focus on Problems View');
    const problems = page.locator('.markers-panel .monaco-list-row');
    await waitFor('the Problems panel', page.locator('.markers-panel'));
    const texts = await problems.allInnerTexts();
    for (const t of texts) {
      const m = /(\d+(?:\.\d+)?)%.*flags above (\d+(?:\.\d+)?)%/.exec(t);
      if (m) assert.ok(Number(m[1]) >= Number(m[2]), `only findings above CodeGuru's threshold: ${t}`);
    }
    assert.ok(!texts.some((t) => /OrderController\.java/.test(t)), `no findings in another sample project: ${texts.join(' | ')}`);
    await suite.shot(page, 'review-49-problems-panel');
    await runCommand(page, 'View: Toggle Panel Visibility');
  });

  it('item 9: a comparison without differences says so', async () => {
    const { page } = suite.wb;
    await contextMenu(page, paneRow(page, 'Profiler', 'Last day'), 'Compare with Previous Range');
    const banner = webviewPage(page, 'newest').locator('#banner', { hasText: /No significant change compared with|Compared with .*: red frames/ });
    await waitFor('the comparison\'s verdict', banner, { timeout: 90_000 });
    await suite.shot(page, 'review-36-flame-compare');
    await runCommand(page, 'View: Close All Editors');
  });

  it('item 15: commands have distinct names; settings are grouped by feature', async () => {
    const { page } = suite.wb;
    await page.keyboard.press('F1');
    await fillQuickInput(page, '>Conveyor: Show');
    await waitFor('the Conveyor commands', quickPickRows(page).filter({ has: page.locator('.label-name', { hasText: /^\s*Conveyor: Show/ }) }));
    const labels = (await quickPickRows(page).locator('.label-name').allInnerTexts()).map((l) => l.trim());
    assert.equal(new Set(labels).size, labels.length, `distinct names: ${labels.join(' | ')}`);
    await suite.shot(page, 'review-47-palette-conveyor-show');
    await page.keyboard.press('Escape');
    await runCommand(page, 'Preferences: Open Settings (UI)');
    const search = page.locator('.settings-editor .search-container .monaco-editor').first();
    await waitFor('the settings search', search);
    await search.click();
    await waitFor('the settings search to have the keyboard focus', page.locator('.settings-editor .search-container .monaco-editor.focused'));
    await page.keyboard.type('conveyor.');
    const sections = page.locator('.settings-editor .settings-toc-container .monaco-list-row, .settings-editor .settings-group-title-label');
    for (const section of ['Pipelines', 'CodeArtifact', 'Profiler', 'Validation']) {
      await waitFor(`the ${section} section of the Conveyor settings`, sections.filter({ hasText: new RegExp(`^\\s*${section}\\b`) }));
    }
    await suite.shot(page, 'review-50-settings-conveyor');
    // The settings editor may open as a modal over the workbench: Escape leaves the search, then closes it.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await waitFor('the settings editor to close', page.locator('.settings-editor'), { state: 'hidden' }).catch(async () => {
      await runCommand(page, 'View: Close All Editors');
    });
  });

  it('item 15: buildspec completion leaves out the phases the file already has', async () => {
    const { page } = suite.wb;
    await quickOpenFile(page, 'buildspec.yml', 'payments-api');
    await runCommand(page, 'Go to Line/Column');
    await fillQuickInput(page, ':18:1');
    await acceptQuickInput(page);
    await waitFor('the cursor on line 18', page.locator('.statusbar-item', { hasText: /^Ln 18, Col 1\b/ }));
    await focusedEditor(page, 'buildspec.yml');
    await page.keyboard.type('  p');
    const suggest = page.locator('.suggest-widget.visible');
    await eventually('the suggestions', async () => {
      if (await suggest.isVisible()) return true;
      await page.keyboard.press('Control+Space');
      return suggest.waitFor({ timeout: 4_000 }).then(() => true, () => false);
    });
    // VS Code adds the document's own words (the "abc" rows); what the buildspec schema offers has another icon.
    const schemaRows = suggest.locator('.monaco-list-row').filter({ hasNot: page.locator('.codicon-symbol-text') });
    const offered = (await schemaRows.locator('.label-name').allInnerTexts()).map((l) => l.trim());
    assert.ok(!offered.includes('post_build') && !offered.includes('pre_build'), `no phase the file has: ${offered.join(', ')}`);
    await suite.shot(page, 'review-43-buildspec-completion');
    await page.keyboard.press('Escape');
    await runCommand(page, 'File: Revert File');
    await runCommand(page, 'View: Close All Editors');
  });

  it('what was excellent still is: the profile picker names every credential type', async () => {
    const { page } = suite.wb;
    await runCommand(page, 'Conveyor: Select AWS Profile');
    await waitFor('the profiles', quickPickRows(page).first());
    const rows = (await quickPickRows(page).allInnerTexts()).join(' | ');
    assert.match(rows, /credential_process/);
    assert.match(rows, /IAM Identity Center/);
    await suite.shot(page, 'review-51-select-profile');
    await page.keyboard.press('Escape');
  });
});
