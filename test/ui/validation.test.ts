import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { acceptQuickInput, eventually, fillQuickInput, focusedEditor, quickOpenFile, runCommand, screenshot, useWorkbench, waitFor } from './harness';

describe('UI: buildspec diagnostics and quick fixes', function () {
  this.timeout(180_000);
  const wb = useWorkbench({ name: 'validation', emulator: false });

  it('shows a misspelled phase in the Problems panel and fixes it with the quick fix', async () => {
    const { page } = wb;
    await quickOpenFile(page, 'buildspec.yml', 'validation');
    await runCommand(page, 'Problems: Focus on Problems View');
    const problems = page.locator('.markers-panel');
    const misspelled = problems.locator('.monaco-list-row', { hasText: "Unknown key 'biuld' in phases" });
    await misspelled.first().waitFor({ timeout: 30_000 });
    const before = await misspelled.count();
    const files = await problems.locator('.monaco-list-row[aria-level="1"]').allInnerTexts();
    assert.ok(!files.some((f) => f.includes('.git')), `problems are reported once, for the file itself: ${files.join(' | ')}`);
    await screenshot(page, 'validation-problems');

    // Put the cursor on the misspelled key and apply the quick fix, as a person would with Ctrl+.
    await runCommand(page, 'Go to Line/Column');
    await fillQuickInput(page, ':7:4');
    await acceptQuickInput(page);
    await waitFor('the cursor on line 7, column 4', page.locator('.statusbar-item', { hasText: /^Ln 7, Col 4\b/ }));
    await focusedEditor(page, 'buildspec.yml');
    const fix = page.locator('.action-widget .monaco-list-row, .context-view .action-item', { hasText: "Change to 'build'" }).first();
    // Code actions are computed asynchronously after the cursor moves: ask again while the menu lacks the fix.
    let menus = 0;
    await eventually("the quick fix menu to offer \"Change to 'build'\"", async () => {
      if (await fix.isVisible()) return true;
      menus++;
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      return fix.waitFor({ timeout: 4_000 }).then(() => true, () => false);
    }, { seen: () => `the menu opened ${menus} times without it` });
    await screenshot(page, 'validation-quick-fix');
    await fix.click();
    // This file's problem disappears (the workspace has another file with the same mistake).
    await page.waitForFunction((n) => Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'))
      .filter((r) => r.textContent?.includes("Unknown key 'biuld'")).length < n, before, { timeout: 15_000 });
    await focusedEditor(page, 'the fixed buildspec.yml');
    await page.keyboard.press('Control+S');
    await screenshot(page, 'validation-fixed');
    const file = path.join(wb.env.workspace, 'validation', 'buildspec.yml');
    await eventually('the fixed buildspec.yml to be saved', () => !fs.readFileSync(file, 'utf8').includes('biuld'));
    const saved = fs.readFileSync(file, 'utf8');
    assert.match(saved, /^ {2}build:$/m);
    assert.doesNotMatch(saved, /biuld/);
  });
});
