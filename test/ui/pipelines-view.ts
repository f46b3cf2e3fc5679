// What the Pipelines UI suites do in the view: find a row, expand it, use its context menu (any view's
// row), filter the view.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { answerQuickInput, runCommand, waitFor } from './harness';
import { expandRow, pane, paneRow } from './states-view';

/**
 * A row of the Pipelines view: a string is its exact label (`Production` is not `ProductionSignOff`), a
 * RegExp is matched against the row's whole text (label and description).
 */
export function treeRow(page: Page, text: string | RegExp): Locator {
  return typeof text === 'string' ? paneRow(page, 'Pipelines', text) : pane(page, 'Pipelines').locator('.monaco-list-row', { hasText: text }).first();
}

export async function expand(page: Page, label: string): Promise<void> {
  await expandRow(page, treeRow(page, label), `the row ${label}`);
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

/**
 * Narrows the view to `pipeline`, expands it and its Executions, and clicks the newest execution: the
 * first row one level under Executions, found by its place in the list (data-index), not its DOM order.
 */
export async function openNewestExecution(page: Page, pipeline: string): Promise<void> {
  await filterPipelines(page, pipeline);
  await expand(page, pipeline);
  await expand(page, 'Executions');
  const rows = pane(page, 'Pipelines').locator('.monaco-list-row');
  await waitFor('the executions', paneRow(page, 'Pipelines', /Load more/), { timeout: 60_000 });
  const levels = (await rows.evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', level: Number(e.getAttribute('aria-level')), index: Number(e.getAttribute('data-index')) }))))
    .sort((a, b) => a.index - b.index);
  const at = levels.findIndex((r) => r.text.startsWith('Executions'));
  const newest = levels[at + 1];
  assert.ok(at >= 0 && newest?.level === levels[at]!.level + 1, `an execution under Executions: ${JSON.stringify(levels)}`);
  await page.mouse.move(900, 500);
  await rows.and(page.locator(`[data-index="${newest.index}"]`)).click();
}

/** Narrows the Pipelines view to matching names with its own filter command. */
export async function filterPipelines(page: Page, text: string): Promise<void> {
  await runCommand(page, 'Conveyor: Filter Pipelines');
  await answerQuickInput(page, { title: 'Filter Pipelines' }, { type: text });
  await waitFor(`the Pipelines view to show the filter "${text}"`, pane(page, 'Pipelines').locator('.pane-body', { hasText: `Filter “${text}”` }));
}
