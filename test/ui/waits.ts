// Waiting on what a person sees in the workbench, never on time. Every wait names what it waited for,
// and its timeout says what was on screen instead.
//
//   waitFor(what, locator, { state, timeout })   locator.waitFor that names `what` when it times out
//   eventually(what, check)                      polls check() (a file on disk, a count) until it holds
//   quickInputStep(page, { title, step })        the quick input whose title contains `title` (text or
//                                                RegExp) and whose step counter shows `step` ("(3)", "(2/4)")
//   answerQuickInput(page, { title, step }, { type, pick })
//                                                waits for that step, types `type` (or filters by
//                                                `pick`), waits until `pick` is the highlighted row,
//                                                presses Enter and waits until the step moves on
//   acceptQuickInput(page, { moves })            Enter, then waits until the quick input closes or changes
//   runCommand(page, title) / pickQuickItem(page, label)   palette command / quick pick row, the same way
//   fillQuickInput(page, text)                   fills the open quick input again until VS Code leaves the text
//   focusedEditor(page)                          the active text editor, once it has the keyboard focus
//   notification(page, text)                     a notification toast by its text
import type { Locator, Page } from 'playwright-core';

export const DEFAULT_TIMEOUT_MS = 30_000;
const POLL_MS = 100;

const WIDGET = '.quick-input-widget';
const INPUT = `${WIDGET} .quick-input-box input`;
const ROWS = `${WIDGET} .quick-input-list .monaco-list-row`;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string): RegExp => new RegExp(`^\\s*${escape(text)}\\s*$`);

/** `locator.waitFor`, with `what` (and what the screen showed instead, when `seen` is given) in the timeout. */
export async function waitFor(what: string, locator: Locator, options: { state?: 'visible' | 'hidden' | 'attached' | 'detached'; timeout?: number; seen?: () => Promise<string> } = {}): Promise<void> {
  try {
    await locator.first().waitFor({ state: options.state ?? 'visible', timeout: options.timeout ?? DEFAULT_TIMEOUT_MS });
  } catch (error) {
    const seen = options.seen ? ` (${await options.seen().catch(() => 'the page could not be read')})` : '';
    throw new Error(`Timed out waiting for ${what}${seen}\n${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Polls `check` until it holds; rejects naming `what` (and `seen()`) after the timeout. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, options: { timeout?: number; seen?: () => string } = {}): Promise<void> {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout / 1000} s waiting for ${what}${options.seen ? ` (${options.seen()})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export interface QuickInputState { visible: boolean; title: string; value: string; list: boolean; multi: boolean; highlighted: string; rows: string[]; message: string }

// Runs in the page; plain JavaScript so that no helper of the test's own compiler leaks into it.
const READ_QUICK_INPUT = `(() => {
  const w = document.querySelector(${JSON.stringify(WIDGET)});
  const shown = (e) => !!e && e.offsetParent !== null && getComputedStyle(e).display !== 'none';
  const text = (e) => ((e && e.textContent) || '').replace(/\\s+/g, ' ').trim();
  const rowLabel = (r) => [text(r.querySelector('.label-name')), text(r.querySelector('.label-description'))].filter(Boolean).join(' — ');
  const rows = Array.from(document.querySelectorAll(${JSON.stringify(ROWS)}));
  const title = w && w.querySelector('.quick-input-title');
  const message = w && w.querySelector('.quick-input-message');
  const input = w && w.querySelector('.quick-input-box input');
  return {
    visible: shown(w), title: shown(title) ? text(title) : '', value: input ? input.value : '', list: shown(w && w.querySelector('.quick-input-list')),
    multi: shown(w && w.querySelector('.quick-input-header .monaco-checkbox')),
    highlighted: rows.filter((r) => r.classList.contains('focused')).map(rowLabel)[0] || '', rows: rows.slice(0, 8).map(rowLabel),
    message: shown(message) ? text(message) : '',
  };
})()`;

/** What the quick input shows now. */
export function quickInputState(page: Page): Promise<QuickInputState> {
  return page.evaluate<QuickInputState>(READ_QUICK_INPUT);
}

async function describeQuickInput(page: Page): Promise<string> {
  const s = await quickInputState(page);
  if (!s.visible) return 'no quick input is open';
  return `quick input "${s.title}" value "${s.value}"${s.list ? `, highlighted "${s.highlighted}", rows: ${s.rows.join(' | ')}` : ''}${s.message ? `, message "${s.message}"` : ''}`;
}

export interface StepRef { title?: string | RegExp; step?: number }

const describeStep = (at: StepRef): string => [at.title !== undefined ? `"${String(at.title)}"` : 'the quick input', at.step !== undefined ? `step ${at.step}` : ''].filter(Boolean).join(' at ');

/** Waits until the quick input shows the step `at` (title text and/or step counter). */
export async function quickInputStep(page: Page, at: StepRef, timeout = DEFAULT_TIMEOUT_MS): Promise<void> {
  if (at.title === undefined && at.step === undefined) {
    await waitFor('a quick input', page.locator(INPUT), { timeout });
    return;
  }
  let title = page.locator(`${WIDGET} .quick-input-title`);
  if (at.title !== undefined) title = title.filter({ hasText: at.title });
  if (at.step !== undefined) title = title.filter({ hasText: new RegExp(`\\(${at.step}(/\\d+)?\\)`) });
  await waitFor(describeStep(at), title, { timeout, seen: () => describeQuickInput(page) });
}

/** The quick pick row highlighted now, if its label is `label` (and its description contains `description`). */
function highlightedRow(page: Page, label: string | RegExp, description?: string): Locator {
  let row = page.locator(`${ROWS}.focused`).filter({ has: page.locator('.label-name', { hasText: typeof label === 'string' ? exactly(label) : label }) });
  if (description !== undefined) row = row.filter({ has: page.locator('.label-description', { hasText: description }) });
  return row;
}

/**
 * Presses Enter on the quick input; unless `moves` is false, waits until it closes or shows another
 * step. By default a single-select pick must first highlight a row (Enter takes it); `highlighted:
 * false` skips that, for a row just found highlighted or text typed into the filter.
 */
export async function acceptQuickInput(page: Page, options: { moves?: boolean; highlighted?: boolean } = {}): Promise<void> {
  const before = await quickInputState(page);
  if (options.highlighted !== false && before.list && !before.multi) await waitFor('a highlighted row to accept', page.locator(`${ROWS}.focused`), { seen: () => describeQuickInput(page) });
  await page.keyboard.press('Enter');
  if (options.moves === false) return;
  await eventually(`"${before.title || before.value}" to close or move on after Enter`, async () => {
    const now = await quickInputState(page);
    return !now.visible || now.title !== before.title || now.value !== before.value;
  }, { seen: () => `still "${before.title || before.value}"` });
}

/** Waits for the row `label` in the open pick and highlights it with the arrow keys unless it already is. */
async function highlight(page: Page, at: StepRef, label: string | RegExp, description?: string): Promise<void> {
  let row = page.locator(ROWS).filter({ has: page.locator('.label-name', { hasText: typeof label === 'string' ? exactly(label) : label }) });
  if (description !== undefined) row = row.filter({ has: page.locator('.label-description', { hasText: description }) });
  await waitFor(`"${String(label)}" among the rows of ${describeStep(at)}`, row, { seen: () => describeQuickInput(page) });
  const highlighted = highlightedRow(page, label, description);
  let state = '';
  await eventually(`"${String(label)}" to be highlighted in ${describeStep(at)}`, async () => {
    if (await highlighted.count() > 0) return true;
    const now = await describeQuickInput(page);
    if (now === state) await page.keyboard.press('ArrowDown'); // the list has settled on another row
    state = now;
    return false;
  }, { seen: () => state });
}

/**
 * Answers one step: waits for it, types `type` (an input box's text, or a pick's filter) or filters
 * by `pick`, waits until the row `pick` (exact label; `description` narrows it) is highlighted, and
 * accepts. Without `type` and `pick` it accepts what the step proposes.
 */
export async function answerQuickInput(page: Page, at: StepRef, answer: { type?: string; pick?: string | RegExp; description?: string; moves?: boolean } = {}): Promise<void> {
  await quickInputStep(page, at);
  const filter = answer.type ?? (typeof answer.pick === 'string' ? answer.pick : undefined);
  if (filter !== undefined) await fillQuickInput(page, filter);
  if (answer.pick !== undefined) await highlight(page, at, answer.pick, answer.description);
  // A pick may re-render after the check (the wizard's region steps drop the highlight once the typed
  // text names a region; Enter then takes the text): what is typed or found is what Enter answers.
  await acceptQuickInput(page, { highlighted: filter === undefined, ...(answer.moves === undefined ? {} : { moves: answer.moves }) });
}

/**
 * Fills the open quick input with `text` and waits until it holds: a picker that is still opening (a
 * quick access provider setting its prefix, a list finishing its first load, a file dialog listing its
 * folder) can replace the value after a fill, so the fill is made again until the value is the text
 * while the input is not busy — and, with `shows`, while the list shows that row.
 */
export async function fillQuickInput(page: Page, text: string, options: { shows?: Locator } = {}): Promise<void> {
  const input = page.locator(INPUT);
  const busy = page.locator(`${WIDGET} .quick-input-progress.active`);
  await waitFor('a quick input to type into', input);
  let typed = 0;
  let seen = '';
  await eventually(`the quick input to hold "${text}"`, async () => {
    const state = await quickInputState(page);
    seen = `value "${state.value}", rows: ${state.rows.join(' | ')}, typed ${typed} time(s)`;
    if (state.value !== text) {
      await input.fill(text);
      typed += 1;
      return false;
    }
    return !(await busy.isVisible()) && (options.shows === undefined || await options.shows.count() > 0);
  }, { seen: () => seen });
}

/** Waits until the active editor group's text editor has the keyboard focus (before keys meant for it). */
export async function focusedEditor(page: Page, what = 'the editor'): Promise<Locator> {
  const editor = page.locator('.editor-group-container.active .monaco-editor.focused');
  await waitFor(`${what} to have the keyboard focus`, editor);
  return editor.first();
}

/** Opens the command palette, finds the command by its title and runs it. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await waitFor('the command palette', page.locator(INPUT));
  await fillQuickInput(page, `>${title}`);
  // Commands that ask for more end their title with an ellipsis ("Filter Pipelines…").
  await highlight(page, { title: 'the command palette' }, new RegExp(`^\\s*${escape(title)}(…|\\.\\.\\.)?\\s*$`));
  await acceptQuickInput(page, { highlighted: false });
}

/** Filters the open quick pick by `label`, waits until that row is highlighted and accepts it. */
export async function pickQuickItem(page: Page, label: string, description?: string): Promise<void> {
  await answerQuickInput(page, {}, { pick: label, ...(description !== undefined ? { description } : {}) });
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a person would, and waits for its tab. */
export async function quickOpenFile(page: Page, file: string, folder: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await pickQuickItem(page, file, folder);
  await waitFor(`${file} to open`, page.locator('.tabs-container .tab', { hasText: file }));
}

/** The rows the quick input currently shows. */
export function quickPickRows(page: Page): Locator {
  return page.locator(ROWS);
}

/** A notification toast showing `text`. */
export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
}
