// What the UI suites do in the side bar: a view's pane (header, description, message, progress bar, rows),
// the emulator's admin API, the Conveyor output channel, the dark + light theme loop.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { answerQuickInput, eventually, openConveyor, runCommand, screenshot, useWorkbench, waitFor, type Workbench, type WorkbenchOptions } from './harness';

export const THEMES = { dark: 'Default Dark Modern', light: 'Default Light Modern' } as const;
export type Theme = keyof typeof THEMES;

/** Saves `<name>.png` in the dark theme and `<name>-light.png` in the light one. */
export function shooter(theme: Theme): (page: Page, name: string) => Promise<string> {
  return (page, name) => screenshot(page, theme === 'light' ? `${name}-light` : name);
}

export interface ThemedSuite {
  /** The workbench of this theme's suite (see useWorkbench). */
  readonly wb: Workbench;
  /** Saves `<name>.png` in the dark theme and `<name>-light.png` in the light one. */
  shot(page: Page, name: string): Promise<string>;
}

/**
 * Declares the suite `<title> (dark theme)` and `<title> (light theme)`, each on its own workbench
 * (`<name>-dark`, `<name>-light`) in that theme; `body` declares the tests (and any hooks of its own, which
 * run once the workbench is open).
 */
export function forEachTheme(title: string, options: Omit<WorkbenchOptions, 'name'> & { name: string; timeout: number }, body: (suite: ThemedSuite) => void): void {
  const { timeout, ...workbench } = options;
  for (const theme of ['dark', 'light'] as const) {
    describe(`${title} (${theme} theme)`, function () {
      this.timeout(timeout);
      const wb = useWorkbench({ ...workbench, name: `${options.name}-${theme}`, settings: { ...options.settings, 'workbench.colorTheme': THEMES[theme] } });
      body({ wb, shot: shooter(theme) });
    });
  }
}

/** The pane of a Conveyor view by its title ("Pipelines", "Artifacts", "Profiler", "Deployments", "CodeBuild"). */
export function pane(page: Page, title: string): Locator {
  return page.locator('.sidebar .pane').filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^\\s*${title}\\s*$`) }) }).first();
}

export async function togglePane(page: Page, title: string, expanded: boolean): Promise<void> {
  const header = pane(page, title).locator('.pane-header');
  await waitFor(`the ${title} pane`, header);
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
  await waitFor(`the ${title} pane to be ${expanded ? 'expanded' : 'collapsed'}`, header.and(page.locator(`[aria-expanded="${String(expanded)}"]`)));
}

/** The Conveyor views' titles, top to bottom. */
export const VIEW_TITLES = ['Pipelines', 'Artifacts', 'Profiler', 'Deployments', 'CodeBuild'] as const;

/** Only these panes open (the others collapsed), in the order given. */
export async function showPanes(page: Page, ...titles: string[]): Promise<void> {
  for (const title of VIEW_TITLES) await togglePane(page, title, titles.includes(title));
}

/** Opens the Conveyor container with only these views' panes open (the others collapsed). */
export async function openViews(page: Page, ...titles: string[]): Promise<void> {
  await openConveyor(page);
  await showPanes(page, ...titles);
}

/** A row of one view by its label (RegExp or exact text) and, optionally, its description. */
export function paneRow(page: Page, title: string, label: string | RegExp, description?: string | RegExp): Locator {
  const name = typeof label === 'string' ? new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) : label;
  let row = pane(page, title).locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: name }) });
  if (description !== undefined) row = row.filter({ has: page.locator('.label-description', { hasText: description }) });
  return row.first();
}

/** Expands a row; a click that lands while a refresh re-renders the row is lost, so it clicks the twistie until the row is expanded. */
export async function expandRow(page: Page, row: Locator, what: string): Promise<void> {
  await waitFor(what, row, { timeout: 60_000 });
  await eventually(`${what} expanded`, async () => {
    if ((await row.getAttribute('aria-expanded')) === 'true') return true;
    await row.locator('.monaco-tl-twistie').click();
    return row.and(page.locator('[aria-expanded="true"]')).waitFor({ timeout: 3_000 }).then(() => true, () => false);
  });
}

/** Expands the rows of one view along `labels` (exact), each under the one before: `acme`, `team-npm`, `npm`… */
export async function expandPath(page: Page, title: string, ...labels: string[]): Promise<void> {
  for (const label of labels) await expandRow(page, paneRow(page, title, label), `the row ${label} in the ${title} view`);
}

export async function paneText(page: Page, title: string): Promise<string> {
  return (await pane(page, title).innerText().catch(() => '')).replace(/\s+/g, ' ');
}

/** The emulator's admin API (faults, clock): `POST faults`, `DELETE faults`… */
export async function admin(wb: Workbench, method: string, route: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${wb.env.emulatorUrl ?? ''}/_emulator/${route}`, {
    method, headers: { 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  assert.equal(res.status, 200, `${method} /_emulator/${route}: ${await res.clone().text()}`);
  return res.json();
}

/** Chooses a profile with "Conveyor: Select AWS Profile" and waits until the status bar names it. */
export async function selectProfile(page: Page, profile: string): Promise<void> {
  await runCommand(page, 'Conveyor: Select AWS Profile');
  await answerQuickInput(page, { title: 'Select AWS Profile' }, { pick: profile });
  await waitFor(`the status bar to name the profile ${profile}`, page.locator('.statusbar-item', { hasText: new RegExp(`\\b${profile} · `) }));
}

/** The toast showing `text`, and its buttons' labels. */
export async function toastButtons(page: Page, text: string | RegExp): Promise<string[]> {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await waitFor(`the notification "${String(text)}"`, toast, { timeout: 60_000 });
  return (await toast.locator('.monaco-button').allInnerTexts()).map((b) => b.trim()).filter(Boolean);
}

/** The text the output channel shows in the panel, its wrapped lines joined again. */
export async function outputText(page: Page): Promise<string> {
  return (await page.locator('.part.panel .view-lines .view-line').allInnerTexts()).join('').replace(/[\u00a0\s]+/g, ' ');
}
