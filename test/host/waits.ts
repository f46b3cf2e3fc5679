// Waiting on state in the host suites: never sleep for a fixed time. Every wait names what it waits
// for, so a timeout says what never happened (and what was seen last).
//
//   eventually(what, check)              polls check() until it holds
//   eventuallyValue(what, read, accept)  polls read() until accept(value); returns the value
//   nextEvent(what, event, filter?)      the next event that passes filter
//   treeItemAt(what, provider, path)     a tree node found by label (+ description) at each level
//   watchQuickInputs()                   follows every quick pick / input box the extension shows:
//     .step({ title, step })               waits until the newest one has that title (substring or
//                                          RegExp) and step counter
//     .setValue(text) / .activate(label)   changes the newest one: its text (a pick filters by it, and
//     .select(labels)                      the wait ends when the workbench reports it back), the
//                                          highlighted item, the checked items
//     .active(label)                       waits until the workbench highlights `label` (after keys)
//     .accept({ moves }) / .back()         presses Enter / Back after those changes; waits until the
//                                          quick input closes or the next one shows
//   watchNotifications()                 records showInformation/Warning/ErrorMessage calls;
//     .shown(text)                         waits for one whose message contains text (or matches)
//
// Deadlines are generous (a busy machine is slow); a met condition returns at once.
import * as vscode from 'vscode';

export const DEFAULT_WAIT_MS = 30_000;
const POLL_MS = 50;

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, POLL_MS));

/** A value as a failure message shows it: strings as they are, the rest as JSON, cut at 400 characters. */
export function describeValue(value: unknown): string {
  try {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 400 ? `${text.slice(0, 400)}…` : text;
  } catch {
    return String(value);
  }
}

export interface WaitOptions {
  ms?: number;
  /** What was there instead, for the timeout message. */
  seen?: () => string;
}

const optionsOf = (options: number | WaitOptions | undefined): WaitOptions => (typeof options === 'number' ? { ms: options } : options ?? {});

/** Resolves with the first value `read` returns that `accept` takes; the timeout names `what` and the last value. */
export async function eventuallyValue<T>(what: string, read: () => T | Promise<T>, accept: (value: T) => boolean, options?: number | WaitOptions): Promise<T> {
  const { ms = DEFAULT_WAIT_MS, seen } = optionsOf(options);
  const deadline = Date.now() + ms;
  let last: { value?: T; error?: unknown };
  for (;;) {
    try {
      const value = await read();
      if (accept(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() > deadline) {
      const instead = seen ? seen() : 'error' in last ? `last attempt threw: ${last.error instanceof Error ? last.error.message : String(last.error)}` : `last seen: ${describeValue(last.value)}`;
      throw new Error(`Timed out after ${ms / 1000} s waiting for ${what} (${instead})`);
    }
    await tick();
  }
}

/** Resolves when `check` holds (a throwing check counts as "not yet"); rejects naming `what` after the deadline. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, options?: number | WaitOptions): Promise<void> {
  const { ms, seen } = optionsOf(options);
  let error: unknown;
  const guarded = async (): Promise<boolean> => {
    try {
      return await check();
    } catch (e) {
      error = e;
      return false;
    }
  };
  await eventuallyValue(what, guarded, (ok) => ok, { ...(ms ? { ms } : {}),
    seen: seen ?? (() => (error === undefined ? 'the condition never held' : `last attempt threw: ${error instanceof Error ? error.message : describeValue(error)}`)) });
}

/** The next `event` that passes `filter`; rejects naming `what` after `ms`. */
export function nextEvent<T>(what: string, event: vscode.Event<T>, filter: (value: T) => boolean = () => true, ms = DEFAULT_WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const listener = event((value) => {
      if (!filter(value)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
    const timer = setTimeout(() => { listener.dispose(); reject(new Error(`Timed out after ${ms / 1000} s waiting for ${what}`)); }, ms);
  });
}

const labelOf = (item: vscode.TreeItem | vscode.QuickPickItem): string =>
  typeof item.label === 'string' ? item.label : item.label?.label ?? '';

export interface TreeStep { label: string; description?: string | RegExp }

/** Walks `provider` from the root, one node per step (label, and description when given); waits until the path exists. */
export async function treeItemAt<T>(what: string, provider: vscode.TreeDataProvider<T>, path: TreeStep[], ms = DEFAULT_WAIT_MS): Promise<{ node: T; item: vscode.TreeItem }> {
  const matches = (item: vscode.TreeItem, step: TreeStep): boolean => labelOf(item) === step.label
    && (step.description === undefined || (typeof step.description === 'string' ? item.description === step.description : step.description.test(String(item.description ?? ''))));
  const find = async (): Promise<{ node: T; item: vscode.TreeItem } | string> => {
    let parent: T | undefined;
    let found: { node: T; item: vscode.TreeItem } | undefined;
    for (const step of path) {
      const children = (await provider.getChildren(parent)) ?? [];
      const items = await Promise.all(children.map(async (node) => ({ node, item: await provider.getTreeItem(node) })));
      found = items.find((c) => matches(c.item, step));
      if (!found) return `under ${parent === undefined ? 'the root' : labelOf(await provider.getTreeItem(parent))}: ${items.map((c) => `${labelOf(c.item)} (${String(c.item.description ?? '')})`).join(', ')}`;
      parent = found.node;
    }
    if (!found) throw new Error('treeItemAt needs a path');
    return found;
  };
  const result = await eventuallyValue(what, find, (r) => typeof r !== 'string', ms);
  return result as { node: T; item: vscode.TreeItem };
}

type AnyQuickPick = vscode.QuickPick<vscode.QuickPickItem>;

export interface ShownInput {
  kind: 'pick' | 'input';
  title: string;
  step: number | undefined;
  /** The live widget when the extension built it with createQuickPick/createInputBox (not for showQuickPick/showInputBox). */
  widget?: AnyQuickPick | vscode.InputBox;
  /**
   * Sends the widget's pending changes to the workbench now. The extension host batches changes to a
   * visible quick input until its next timer tick; showing it again sends them at once, and the
   * workbench ignores the show of a visible input. What is sent next (an Enter) is handled after them.
   */
  flush?: () => void;
  /** What the workbench last reported back: the active items, and the value (a pick's filter text). */
  echoedActive: readonly vscode.QuickPickItem[];
  echoedValue: string | undefined;
  closed: boolean;
}

type Untyped = (...args: unknown[]) => unknown;

/** Replaces `vscode.window[name]` until the returned disposable runs (the extension shares this API object). */
function intercept(name: keyof typeof vscode.window, wrap: (original: Untyped) => Untyped): vscode.Disposable {
  const window = vscode.window as unknown as Record<string, Untyped>;
  const original = window[name];
  if (!original) throw new Error(`vscode.window.${name} does not exist in this VS Code`);
  window[name] = wrap(original);
  return new vscode.Disposable(() => { window[name] = original; });
}

export class QuickInputWatch implements vscode.Disposable {
  readonly shown: ShownInput[] = [];
  private readonly restore: vscode.Disposable[] = [];

  constructor() {
    const follow = <W extends AnyQuickPick | vscode.InputBox>(widget: W, kind: ShownInput['kind']): W => {
      const show = widget.show.bind(widget);
      let entry: ShownInput | undefined;
      widget.onDidHide(() => { if (entry) entry.closed = true; });
      widget.onDidChangeValue((value) => { if (entry) entry.echoedValue = value; });
      if ('onDidChangeActive' in widget) widget.onDidChangeActive((items) => { if (entry) entry.echoedActive = items; });
      widget.show = () => {
        show();
        if (entry && !entry.closed) return;
        entry = { kind, title: widget.title ?? '', step: widget.step, widget, flush: show, echoedActive: [], echoedValue: widget.value, closed: false };
        this.shown.push(entry);
      };
      return widget;
    };
    this.restore.push(
      intercept('createQuickPick', (original) => () => follow(original() as AnyQuickPick, 'pick')),
      intercept('createInputBox', (original) => () => follow(original() as vscode.InputBox, 'input')),
      intercept('showQuickPick', (original) => (...args) => {
        const entry = this.record('pick', (args[1] as vscode.QuickPickOptions | undefined)?.title);
        return Promise.resolve(original(...args)).finally(() => { entry.closed = true; });
      }),
      intercept('showInputBox', (original) => (...args) => {
        const entry = this.record('input', (args[0] as vscode.InputBoxOptions | undefined)?.title);
        return Promise.resolve(original(...args)).finally(() => { entry.closed = true; });
      }),
    );
  }

  private record(kind: ShownInput['kind'], title: string | undefined): ShownInput {
    const entry: ShownInput = { kind, title: title ?? '', step: undefined, echoedActive: [], echoedValue: undefined, closed: false };
    this.shown.push(entry);
    return entry;
  }

  /** The newest quick input shown, while it is open. */
  get current(): ShownInput | undefined {
    const last = this.shown.at(-1);
    return last && !last.closed ? last : undefined;
  }

  /** Waits until the newest open quick input has `title` (substring or RegExp) and, when given, `step`. */
  async step(expect: { title?: string | RegExp; step?: number }, ms = DEFAULT_WAIT_MS): Promise<ShownInput> {
    const want = `the quick input${expect.title !== undefined ? ` titled ${String(expect.title)}` : ''}${expect.step !== undefined ? ` at step ${expect.step}` : ''}`;
    const matches = (s: ShownInput | undefined): boolean => !!s
      && (expect.title === undefined || (typeof expect.title === 'string' ? s.title.includes(expect.title) : expect.title.test(s.title)))
      && (expect.step === undefined || s.step === expect.step);
    const shown = await eventuallyValue(want, () => this.current, matches, { ms, seen: () => this.describe() });
    return shown as ShownInput;
  }

  /** What is open now, for timeout messages. */
  describe(): string {
    const c = this.current;
    if (!c) return this.shown.length ? `none open; last shown: "${this.shown.at(-1)?.title}"` : 'no quick input was shown';
    const active = c.echoedActive.map((i) => i.label).join(', ');
    return `open: ${c.kind} "${c.title}"${c.step !== undefined ? ` step ${c.step}` : ''}${active ? `, active: ${active}` : ''}`;
  }

  private widget(): AnyQuickPick | vscode.InputBox {
    const widget = this.current?.widget;
    if (!widget) throw new Error(`the open quick input (${this.current?.title ?? 'none'}) was not built with createQuickPick/createInputBox`);
    return widget;
  }

  /**
   * Sets the newest input's text. A pick filters by it in the workbench, so this waits until the
   * workbench reports it back; an input box reports nothing back, and on Enter the extension reads the
   * text it set itself.
   */
  async setValue(text: string): Promise<void> {
    const entry = this.current;
    const widget = this.widget();
    widget.value = text;
    if (!('items' in widget) || entry?.echoedValue === text) return;
    await eventually(`the workbench to filter ${entry?.title ?? 'the pick'} by "${text}"`, () => entry?.echoedValue === text,
      { seen: () => `it shows "${entry?.echoedValue ?? ''}"` });
  }

  /** Highlights the item labelled `label` (a substring), once the pick offers it. */
  async activate(label: string): Promise<vscode.QuickPickItem> {
    const entry = this.current;
    const pick = this.widget();
    if (!('items' in pick)) throw new Error(`${entry?.title ?? 'the quick input'} is an input box, not a pick`);
    const item = await eventuallyValue(`${entry?.title ?? 'the pick'} to offer "${label}"`, () => pick.items.find((i) => i.label.includes(label)), (i) => i !== undefined,
      { seen: () => `it offers ${pick.items.map((i) => i.label).join(' | ')}` });
    pick.activeItems = [item!];
    return item!;
  }

  /** Waits until the workbench reports `label` (a substring) as the active item of the newest pick. */
  async active(label: string): Promise<void> {
    const entry = this.current;
    await eventually(`"${label}" to be active in ${entry?.title ?? 'the pick'}`, () => entry?.echoedActive[0]?.label.includes(label) ?? false,
      { seen: () => this.describe() });
  }

  /** Checks exactly the items labelled `labels` in the newest multi-select pick. */
  select(labels: string[]): void {
    const pick = this.widget();
    if (!('items' in pick) || !pick.canSelectMany) throw new Error(`${this.current?.title ?? 'the quick input'} is not a multi-select pick`);
    pick.selectedItems = pick.items.filter((i) => labels.includes(i.label));
  }

  /** Presses Enter on the newest quick input, after the changes made to it; unless `moves` is false, waits until it closes or another one shows. */
  async accept(options: { moves?: boolean } = {}): Promise<void> {
    const before = this.current;
    if (!before) throw new Error('no quick input is open to accept');
    before.flush?.();
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    if (options.moves !== false) await this.movedOn(before, 'Enter');
  }

  /** Presses the Back button of the newest quick input and waits until the previous step shows. */
  async back(): Promise<void> {
    const before = this.current;
    if (!before) throw new Error('no quick input is open to go back from');
    await vscode.commands.executeCommand('workbench.action.quickInputBack');
    await this.movedOn(before, 'Back');
  }

  private async movedOn(before: ShownInput, key: string): Promise<void> {
    await eventually(`"${before.title}" to close or move on after ${key}`, () => before.closed || this.shown.at(-1) !== before,
      { seen: () => this.describe() });
  }

  dispose(): void {
    for (const d of this.restore.reverse()) d.dispose();
  }
}

/** Follows the quick inputs the extension shows from now until dispose(). */
export function watchQuickInputs(): QuickInputWatch {
  return new QuickInputWatch();
}

export class NotificationWatch implements vscode.Disposable {
  readonly messages: { level: 'info' | 'warning' | 'error'; text: string; buttons: string[] }[] = [];
  private readonly restore: vscode.Disposable[];

  /** `answer` may press a button of a notification (its label) instead of leaving it to the person. */
  constructor(answer?: (text: string, buttons: string[]) => string | undefined) {
    const wrap = (level: 'info' | 'warning' | 'error') => (original: Untyped): Untyped => (...args) => {
      const buttons = args.slice(1).filter((a): a is string => typeof a === 'string');
      this.messages.push({ level, text: String(args[0]), buttons });
      const pressed = answer?.(String(args[0]), buttons);
      return pressed === undefined ? original(...args) : Promise.resolve(pressed);
    };
    this.restore = [
      intercept('showInformationMessage', wrap('info')),
      intercept('showWarningMessage', wrap('warning')),
      intercept('showErrorMessage', wrap('error')),
    ];
  }

  /** Waits for a notification whose message contains `text` (or matches it). */
  async shown(text: string | RegExp, ms = DEFAULT_WAIT_MS): Promise<{ level: string; text: string }> {
    const found = await eventuallyValue(`a notification ${String(text)}`, () => this.messages.find((m) => (typeof text === 'string' ? m.text.includes(text) : text.test(m.text))),
      (m) => m !== undefined, { ms, seen: () => `shown: ${this.messages.map((m) => `${m.level}: ${m.text}`).join(' | ') || 'none'}` });
    return found!;
  }

  dispose(): void {
    for (const d of this.restore.reverse()) d.dispose();
  }
}

/** Records the notifications the extension shows from now until dispose(). */
export function watchNotifications(answer?: (text: string, buttons: string[]) => string | undefined): NotificationWatch {
  return new NotificationWatch(answer);
}
