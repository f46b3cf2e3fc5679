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

/**
 * Right-clicks a row and picks a menu item. Retries the right-click (no pause: each try waits for the
 * menu) when a refresh moved the row under the pointer and the menu lacks the item; never after the
 * item was clicked, since the command may already have run (Watch would then show as Unwatch).
 */
export async function contextMenu(page: Page, row: string | Locator, item: string): Promise<void> {
  const target = typeof row === 'string' ? treeRow(page, row) : row;
  const name = typeof row === 'string' ? row : 'the row';
  const entry = page.locator('.monaco-menu .action-item', { hasText: item }).first();
  const hidden = (timeout: number): Promise<boolean> => entry.waitFor({ state: 'hidden', timeout }).then(() => true, () => false);
  for (let attempt = 0; attempt < 5; attempt++) {
    await target.click({ button: 'right' });
    if (!(await entry.waitFor({ timeout: 3_000 }).then(() => true, () => false))) {
      await page.keyboard.press('Escape');
      continue;
    }
    await entry.hover();
    await entry.click();
    // A menu that re-rendered under the pointer swallows the click: the hovered item takes Enter.
    if (!(await hidden(5_000))) await page.keyboard.press('Enter');
    if (!(await hidden(10_000))) throw new Error(`the context menu of ${name} stayed open after choosing "${item}"`);
    return;
  }
  throw new Error(`no "${item}" in the context menu of ${name}`);
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
