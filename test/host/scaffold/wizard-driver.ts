// Drives "New CDK Pipeline Project" through the real quick input: the production EditorUi, built with a
// step listener, names each QuickPick/InputBox as it is shown; answers go in through the API (value,
// activeItems, selectedItems) and are accepted or undone with the workbench's own commands, as a
// keyboard would; each step waits for the one before it to be gone (see ../waits.ts). Only the
// overwrite question (a modal) and the install offer are answered by the driver.
import type * as vscode from 'vscode';
import { silentLogger } from '../../../src/core/log';
import type { EditorUi } from '../../../src/editor/ui';
import { createEditorUi } from '../../../src/editor/vscode-ui';
import { COMMAND, newCdkPipelineProject } from '../../../src/scaffold/editor/new-project';
import { testAwsSession } from '../foundation/helpers';
import { eventuallyValue, watchQuickInputs } from '../waits';

export { COMMAND };

type Input = vscode.QuickPick<vscode.QuickPickItem & { id?: string }> | vscode.InputBox;
interface Shown { id: string; input: Input }

export interface ScaffoldResult { folder: string; files: string[]; entry: string; overwritten: string[] }

export class WizardDriver {
  private readonly ids = new Map<unknown, string>();
  private readonly watch = watchQuickInputs();
  readonly result: Thenable<ScaffoldResult | undefined>;
  conflicts: string[] | undefined;

  constructor(targetFolder: string, overwrite = false) {
    this.result = testAwsSession().then((aws) => {
      const real = createEditorUi({ aws, onDidShowStep: (event) => { this.ids.set(event.input, event.id); } });
      const ui: EditorUi = {
        ...real,
        confirm: async (_message, options) => {
          this.conflicts = (options.detail ?? '').split('\n').filter((l) => l.startsWith('• ')).map((l) => l.slice(2));
          return overwrite;
        },
        notify: () => undefined,
      };
      return newCdkPipelineProject({ log: silentLogger, aws, ui }, targetFolder).finally(() => aws.dispose());
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
