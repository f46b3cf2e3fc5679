// Drives "New CDK Pipeline Project" through the real quick input: the command's step hook names each
// QuickPick/InputBox as it is shown; answers go in through the API (value, activeItems, selectedItems)
// and are accepted or undone with the workbench's own commands, as a keyboard would; each step waits
// for the one before it to be gone (see ../waits.ts).
import * as vscode from 'vscode';
import { eventuallyValue, watchQuickInputs } from '../waits';

export const COMMAND = 'conveyor.scaffold.newCdkPipelineProject';

type Input = vscode.QuickPick<vscode.QuickPickItem & { id?: string }> | vscode.InputBox;
interface Shown { id: string; input: Input }

export interface ScaffoldResult { folder: string; files: string[]; entry: string; overwritten: string[] }

export class WizardDriver {
  private readonly ids = new Map<unknown, string>();
  private readonly watch = watchQuickInputs();
  readonly result: Thenable<ScaffoldResult | undefined>;
  conflicts: string[] | undefined;

  constructor(targetFolder: string, overwrite = false) {
    this.result = vscode.commands.executeCommand<ScaffoldResult | undefined>(COMMAND, {
      targetFolder,
      offerInstall: false,
      onDidShowStep: (event: Shown) => { this.ids.set(event.input, event.id); },
      confirmOverwrite: async (_folder: string, files: string[]) => { this.conflicts = files; return overwrite; },
    });
    this.result.then(() => this.watch.dispose(), () => this.watch.dispose());
  }

  /** The step showing now. */
  current(): Shown | undefined {
    const widget = this.watch.current?.widget;
    const id = widget && this.ids.get(widget);
    return widget && id ? { id, input: widget } : undefined;
  }

  /** Waits until the step `id` is the one showing. */
  async step(id: string): Promise<Input> {
    const shown = await eventuallyValue(`the wizard to show step ${id}`, () => this.current(), (s) => s?.id === id,
      { seen: () => `showing ${this.current()?.id ?? 'no step'}; ${this.watch.describe()}` });
    return shown!.input;
  }

  /** Types into an input box and presses Enter; unless `expectMove` is false, waits for the next step. */
  async type(id: string, text: string, expectMove = true): Promise<void> {
    const input = await this.step(id);
    if ('items' in input) throw new Error(`${id} is not an input box`);
    await this.watch.setValue(text);
    await this.watch.accept({ moves: expectMove });
  }

  /** Types into a pick's filter, as a person does to offer a value the list lacks. */
  async filter(id: string, text: string): Promise<void> {
    await this.step(id);
    await this.watch.setValue(text);
  }

  /** Accepts whatever the step shows (default value or highlighted item). */
  async enter(id: string): Promise<void> {
    await this.step(id);
    await this.watch.accept();
  }

  /** Highlights the item whose label contains `label` (single-select) and presses Enter. */
  async choose(id: string, label: string, expectMove = true): Promise<void> {
    await this.step(id);
    await this.watch.activate(label);
    await this.watch.accept({ moves: expectMove });
  }

  /** Checks exactly the items whose labels are given (multi-select) and accepts. */
  async check(id: string, labels: string[]): Promise<void> {
    await this.step(id);
    this.watch.select(labels);
    await this.watch.accept();
  }

  async back(id: string): Promise<void> {
    await this.step(id);
    await this.watch.back();
  }
}
