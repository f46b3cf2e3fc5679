// What the Pipelines UI suites do in the view: find a row, expand it, use its context menu, filter
// the view, and make room by collapsing the other panes.
import type { Locator, Page } from 'playwright-core';
import { answerQuickInput, runCommand, waitFor } from './harness';

export function treeRow(page: Page, text: string | RegExp): Locator {
  return page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
}

export async function expand(page: Page, text: string): Promise<void> {
  const row = treeRow(page, text);
  await row.waitFor({ timeout: 30_000 });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
}

/** Right-clicks a row and picks a menu item; retries (no pause: each try waits for the menu) when a refresh moved the row under the pointer. */
export async function contextMenu(page: Page, row: string | Locator, item: string): Promise<void> {
  const target = typeof row === 'string' ? treeRow(page, row) : row;
  const entry = page.locator('.monaco-menu .action-item', { hasText: item }).first();
  for (let attempt = 0; attempt < 5; attempt++) {
    await target.click({ button: 'right' });
    try {
      await entry.waitFor({ timeout: 3_000 });
      await entry.hover();
      await entry.click();
      // A menu that re-rendered under the pointer swallows the click: the hovered item takes Enter.
      if (!(await entry.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false))) await page.keyboard.press('Enter');
      await entry.waitFor({ state: 'hidden', timeout: 2_000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`no "${item}" in the context menu of ${typeof row === 'string' ? row : 'the row'}`);
}

export async function collapsePane(page: Page, title: string): Promise<void> {
  const header = page.locator('.sidebar .pane-header', { hasText: title }).first();
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
}

/** Narrows the Pipelines view to matching names with its own filter command. */
export async function filterPipelines(page: Page, text: string): Promise<void> {
  await runCommand(page, 'Conveyor: Filter Pipelines');
  await answerQuickInput(page, { title: 'Filter Pipelines' }, { type: text });
  await waitFor(`the Pipelines view to show the filter "${text}"`, page.locator('.pane-body', { hasText: `Filter “${text}”` }));
}
