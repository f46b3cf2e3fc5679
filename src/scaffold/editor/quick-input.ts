// Renders the wizard's steps with VS Code's quick input: one QuickPick or InputBox per step, a Back
// button from the second step on, live validation, and typed values for pick steps that allow them.
import * as vscode from 'vscode';
import type { ProjectAnswers } from '../answers';
import type { WizardEngine } from '../wizard/engine';
import type { PickView, InputView, StepId, StepView } from '../wizard/model';

/** Lets tests (and other extensions) follow the wizard: called each time a step is shown. */
export type StepListener = (event: { id: StepId; view: StepView; input: vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox }) => void;

interface Item extends vscode.QuickPickItem { id: string }

const CUSTOM = '__custom__';

type Outcome = 'next' | 'back' | 'cancel' | { answers: ProjectAnswers };

export interface RunOptions {
  onDidShowStep?: StepListener;
  /** Fills lists the step needs (AWS lookups) before it is shown. */
  prepare?(view: PickView, input: vscode.QuickPick<vscode.QuickPickItem>): Promise<boolean>;
}

/** Shows steps until the person finishes (answers) or cancels (undefined). */
export async function runWizard(engine: WizardEngine, options: RunOptions = {}): Promise<ProjectAnswers | undefined> {
  for (;;) {
    const outcome = await showStep(engine, options);
    if (outcome === 'cancel') return undefined;
    if (outcome === 'back') engine.back();
    else if (outcome !== 'next') return outcome.answers;
  }
}

function showStep(engine: WizardEngine, options: RunOptions): Promise<Outcome> {
  const shown = engine.show();
  return shown.view.kind === 'input' ? showInput(engine, shown.view, shown.number, shown.canGoBack, options)
    : showPick(engine, shown.view, shown.number, shown.canGoBack, options);
}

function settle(engine: WizardEngine, result: ReturnType<WizardEngine['submit']>): Outcome | { message: string } {
  if (result.status === 'invalid') return { message: result.message };
  return result.status === 'done' ? { answers: result.answers } : 'next';
}

function showInput(engine: WizardEngine, view: InputView, step: number, canGoBack: boolean, options: RunOptions): Promise<Outcome> {
  return new Promise((resolve) => {
    const input = vscode.window.createInputBox();
    let done = false;
    const finish = (outcome: Outcome): void => {
      if (done) return;
      done = true;
      resolve(outcome);
      input.dispose();
    };
    input.title = view.title;
    input.step = step;
    input.prompt = view.prompt;
    input.placeholder = view.placeholder;
    input.value = view.value;
    input.ignoreFocusOut = true;
    input.buttons = canGoBack ? [vscode.QuickInputButtons.Back] : [];
    input.validationMessage = view.value ? engine.validate(view.value) : undefined;
    input.onDidChangeValue((value) => { input.validationMessage = engine.validate(value); });
    input.onDidTriggerButton((button) => { if (button === vscode.QuickInputButtons.Back) finish('back'); });
    input.onDidAccept(() => {
      const outcome = settle(engine, engine.submit({ text: input.value }));
      if (typeof outcome === 'object' && 'message' in outcome) input.validationMessage = outcome.message;
      else finish(outcome);
    });
    input.onDidHide(() => finish('cancel'));
    input.show();
    options.onDidShowStep?.({ id: view.id, view, input });
  });
}

function toItems(view: PickView): Item[] {
  return view.items.map((i) => (i.separator
    ? { id: i.id, label: i.label, kind: vscode.QuickPickItemKind.Separator }
    : { id: i.id, label: i.label, ...(i.description ? { description: i.description } : {}), ...(i.detail ? { detail: i.detail } : {}), ...(i.picked ? { picked: true } : {}) }));
}

function showPick(engine: WizardEngine, initial: PickView, step: number, canGoBack: boolean, options: RunOptions): Promise<Outcome> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<Item>();
    let view = initial;
    let items = toItems(view);
    let done = false;
    const finish = (outcome: Outcome): void => {
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
        const problem = engine.validate(text);
        items = [{ id: CUSTOM, label: `${view.custom.label}: ${text}`, alwaysShow: true, ...(problem ? { detail: `$(error) ${problem}` } : {}) }, ...base];
      }
      pick.items = items;
      const first = items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator);
      if (first && text) pick.activeItems = [first];
    };
    pick.step = step;
    pick.ignoreFocusOut = true;
    pick.matchOnDescription = true;
    pick.buttons = canGoBack ? [vscode.QuickInputButtons.Back] : [];
    render();
    pick.onDidChangeValue(refreshCustom);
    pick.onDidTriggerButton((button) => { if (button === vscode.QuickInputButtons.Back) finish('back'); });
    pick.onDidAccept(() => {
      const chosen = view.canSelectMany ? [...pick.selectedItems] : [...(pick.activeItems.length ? pick.activeItems : pick.selectedItems)];
      const customText = pick.value.trim();
      const answer = chosen[0]?.id === CUSTOM || (chosen.length === 0 && view.custom && customText)
        ? { text: customText }
        : { ids: chosen.map((i) => i.id) };
      const outcome = settle(engine, engine.submit(answer));
      if (typeof outcome === 'object' && 'message' in outcome) {
        pick.title = `${view.title} — ${outcome.message}`;
      } else {
        finish(outcome);
      }
    });
    pick.onDidHide(() => finish('cancel'));
    pick.show();
    if (view.needs && options.prepare) {
      pick.busy = true;
      pick.enabled = false;
      void options.prepare(view, pick).then((changed) => {
        if (done) return;
        pick.busy = false;
        pick.enabled = true;
        if (changed) {
          const next = engine.show().view;
          if (next.kind === 'pick') view = next;
          items = toItems(view);
          render();
          refreshCustom(pick.value);
        }
        options.onDidShowStep?.({ id: view.id, view, input: pick });
      });
    } else {
      options.onDidShowStep?.({ id: view.id, view, input: pick });
    }
  });
}
