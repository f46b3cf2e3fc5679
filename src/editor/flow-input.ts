// Renders a multi-step flow with VS Code's quick input: one QuickPick or InputBox per step with the
// step number out of the steps ahead ("2/5" in the title), a Back button from the second step on,
// Browse (folder steps) and Learn more buttons, live validation, typed values for pick steps that allow
// them, and a busy state while a step loads its list.
import * as vscode from 'vscode';
import type { Flow, FlowAnswer, FlowInputView, FlowPickView, FlowSubmitResult, ShownStep } from '../core/flow';

/** Called each time a step is shown (the real-quick-input host test follows the flow with it). */
export type StepListener = (event: { id: string; view: FlowInputView | FlowPickView; input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox }) => void;

interface Item extends vscode.QuickPickItem { id: string }

const CUSTOM = '__custom__';

type Outcome<R> = 'next' | 'back' | 'cancel' | { result: R };

/** Shows steps until the person finishes (the result) or cancels (undefined). */
export async function runFlowInQuickInput<R>(flow: Flow<R>, onDidShowStep?: StepListener): Promise<R | undefined> {
  for (;;) {
    const shown = flow.show();
    const outcome = shown.view.kind === 'input'
      ? await showInput(flow, shown, shown.view, onDidShowStep)
      : await showPick(flow, shown, shown.view, onDidShowStep);
    if (outcome === 'cancel') return undefined;
    if (outcome === 'back') flow.back();
    else if (outcome !== 'next') return outcome.result;
  }
}

function settle<R>(result: FlowSubmitResult<string, R>): Outcome<R> | { message: string } {
  if (result.status === 'invalid') return { message: result.message };
  return result.status === 'done' ? { result: result.result } : 'next';
}

function numbered(input: vscode.QuickInput, shown: ShownStep<string>): void {
  input.step = shown.number;
  input.totalSteps = Math.max(shown.number, shown.total);
}

const BROWSE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('folder-opened'), tooltip: 'Browse…' };
const LEARN_MORE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('question'), tooltip: 'Learn more' };

/** Back (from the second step), Browse (folder inputs) and Learn more, in that order. */
function buttonsOf(shown: ShownStep<string>, view: FlowInputView | FlowPickView): vscode.QuickInputButton[] {
  return [
    ...(shown.canGoBack ? [vscode.QuickInputButtons.Back] : []),
    ...(view.kind === 'input' && view.browse === 'folder' ? [BROWSE] : []),
    ...(view.learnMore ? [LEARN_MORE] : []),
  ];
}

function openLearnMore(view: FlowInputView | FlowPickView): void {
  if (view.learnMore) void vscode.env.openExternal(vscode.Uri.parse(view.learnMore));
}

/** The open dialog for a folder, starting at the typed one; undefined when cancelled. */
async function browseFolder(current: string, title: string): Promise<string | undefined> {
  const start = current.trim() ? vscode.Uri.file(current.trim()) : vscode.workspace.workspaceFolders?.[0]?.uri;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title, openLabel: 'Select Folder', ...(start ? { defaultUri: start } : {}),
  });
  return chosen?.[0]?.fsPath;
}

function showInput<R>(flow: Flow<R>, shown: ShownStep<string>, view: FlowInputView, onDidShowStep?: StepListener): Promise<Outcome<R>> {
  return new Promise((resolve) => {
    const input = vscode.window.createInputBox();
    let done = false;
    let browsing = false;
    const finish = (outcome: Outcome<R>): void => {
      if (done) return;
      done = true;
      resolve(outcome);
      input.dispose();
    };
    input.title = view.title;
    numbered(input, shown);
    input.prompt = view.prompt;
    input.placeholder = view.placeholder;
    input.value = view.value;
    input.ignoreFocusOut = true;
    input.buttons = buttonsOf(shown, view);
    input.validationMessage = view.value ? flow.validate(view.value) : undefined;
    input.onDidChangeValue((value) => { input.validationMessage = flow.validate(value); });
    input.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish('back');
      else if (button === LEARN_MORE) openLearnMore(view);
      else if (button === BROWSE) {
        // The dialog (in the browser a quick input itself) hides this step: it is shown again, with the
        // chosen folder typed in, instead of cancelling the flow.
        browsing = true;
        const back = (folder: string | undefined): void => {
          browsing = false;
          if (done) return;
          if (folder !== undefined) input.value = folder;
          input.validationMessage = flow.validate(input.value);
          input.show();
        };
        browseFolder(input.value, view.title).then(back, () => back(undefined));
      }
    });
    input.onDidAccept(() => {
      const outcome = settle(flow.submit({ text: input.value }));
      if (typeof outcome === 'object' && 'message' in outcome) input.validationMessage = outcome.message;
      else finish(outcome);
    });
    input.onDidHide(() => { if (!browsing) finish('cancel'); });
    input.show();
    if (!view.needs) {
      onDidShowStep?.({ id: view.id, view, input });
      return;
    }
    // A default still loading (e.g. the account from STS): busy until it is there, then prefilled
    // unless the person typed meanwhile.
    input.busy = true;
    input.enabled = false;
    const settled = (changed: boolean): void => {
      if (done) return;
      input.busy = false;
      input.enabled = true;
      const next = flow.show();
      if (changed && next.view.kind === 'input' && next.view.id === view.id) {
        if (input.value === view.value) input.value = next.view.value;
        input.prompt = next.view.prompt;
        input.validationMessage = input.value ? flow.validate(input.value) : undefined;
      }
      onDidShowStep?.({ id: view.id, view: next.view, input });
    };
    void flow.prepare().then(settled, () => settled(false));
  });
}

function toItems(view: FlowPickView): Item[] {
  return view.items.map((i) => (i.separator
    ? { id: i.id, label: i.label, kind: vscode.QuickPickItemKind.Separator }
    : { id: i.id, label: i.label, ...(i.description ? { description: i.description } : {}), ...(i.detail ? { detail: i.detail } : {}), ...(i.picked ? { picked: true } : {}) }));
}

function showPick<R>(flow: Flow<R>, shown: ShownStep<string>, initial: FlowPickView, onDidShowStep?: StepListener): Promise<Outcome<R>> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<Item>();
    let view = initial;
    let items = toItems(view);
    let done = false;
    const finish = (outcome: Outcome<R>): void => {
      if (done) return;
      done = true;
      resolve(outcome);
      pick.dispose();
    };
    const render = (): void => {
      pick.title = view.title;
      pick.placeholder = view.placeholder;
      pick.canSelectMany = view.canSelectMany;
      pick.items = items;
      if (view.canSelectMany) pick.selectedItems = items.filter((i) => i.picked);
      const active = items.find((i) => i.id === view.activeId);
      if (active) pick.activeItems = [active];
    };
    const refreshCustom = (value: string): void => {
      if (!view.custom) return;
      const base = items.filter((i) => i.id !== CUSTOM);
      const text = value.trim();
      const matches = base.some((i) => i.label === text || i.id === text);
      if (!text || matches) {
        items = base;
      } else {
        const problem = flow.validate(text);
        items = [{ id: CUSTOM, label: `${view.custom.label}: ${text}`, alwaysShow: true, ...(problem ? { detail: `$(error) ${problem}` } : {}) }, ...base];
      }
      pick.items = items;
      const first = items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator);
      if (first && text) pick.activeItems = [first];
    };
    numbered(pick, shown);
    pick.ignoreFocusOut = true;
    pick.matchOnDescription = true;
    pick.buttons = buttonsOf(shown, view);
    render();
    pick.onDidChangeValue(refreshCustom);
    pick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish('back');
      else if (button === LEARN_MORE) openLearnMore(view);
    });
    pick.onDidAccept(() => {
      const chosen = view.canSelectMany ? [...pick.selectedItems] : [...(pick.activeItems.length ? pick.activeItems : pick.selectedItems)];
      const customText = pick.value.trim();
      const answer: FlowAnswer = chosen[0]?.id === CUSTOM || (chosen.length === 0 && view.custom && customText)
        ? { text: customText }
        : { ids: chosen.map((i) => i.id) };
      const outcome = settle(flow.submit(answer));
      if (typeof outcome === 'object' && 'message' in outcome) pick.title = `${view.title} — ${outcome.message}`;
      else finish(outcome);
    });
    pick.onDidHide(() => finish('cancel'));
    pick.show();
    if (!view.needs) {
      onDidShowStep?.({ id: view.id, view, input: pick });
      return;
    }
    pick.busy = true;
    pick.enabled = false;
    void flow.prepare().then((changed) => {
      if (done) return;
      pick.busy = false;
      pick.enabled = true;
      if (changed) {
        const next = flow.show();
        // The loaded list held a single choice: the engine answered it, the loop shows the next step.
        if (next.view.id !== view.id) { finish('next'); return; }
        if (next.view.kind === 'pick') view = next.view;
        numbered(pick, next);
        items = toItems(view);
        render();
        refreshCustom(pick.value);
      }
      onDidShowStep?.({ id: view.id, view, input: pick });
    }, () => {
      if (done) return;
      pick.busy = false;
      pick.enabled = true;
      onDidShowStep?.({ id: view.id, view, input: pick });
    });
  });
}
