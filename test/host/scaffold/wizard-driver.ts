// Drives "New CDK Pipeline Project" through the real quick input: the production EditorUi, built with a
// step listener, hands over each QuickPick/InputBox as it is shown; answers go in through the API
// (value, activeItems) and are accepted or undone with the workbench's own commands, as a keyboard
// would. Only the overwrite question (a modal) and the install offer are answered by the driver.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { silentLogger } from '../../../src/core/log';
import type { EditorUi } from '../../../src/editor/ui';
import { createEditorUi } from '../../../src/editor/vscode-ui';
import { COMMAND, newCdkPipelineProject } from '../../../src/scaffold/editor/new-project';
import { testAwsSession } from '../foundation/helpers';

export { COMMAND };

type Input = vscode.QuickPick<vscode.QuickPickItem & { id?: string }> | vscode.InputBox;
interface Shown { id: string; input: Input }

export interface ScaffoldResult { folder: string; files: string[]; entry: string; overwritten: string[] }

export class WizardDriver {
  private readonly shown: Shown[] = [];
  private waiting: (() => void) | undefined;
  readonly result: Thenable<ScaffoldResult | undefined>;
  conflicts: string[] | undefined;

  constructor(targetFolder: string, overwrite = false) {
    this.result = testAwsSession().then((aws) => {
      const real = createEditorUi({ aws, onDidShowStep: (event) => { this.shown.push(event as Shown); this.waiting?.(); } });
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
  }

  /** Waits until the step `id` is the one showing. */
  async step(id: string, ms = 15_000): Promise<Input> {
    const deadline = Date.now() + ms;
    for (;;) {
      const last = this.shown.at(-1);
      if (last?.id === id) return last.input;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for step ${id}; last shown: ${last?.id ?? 'none'}`);
      await new Promise<void>((resolve) => { this.waiting = resolve; setTimeout(resolve, 200); });
    }
  }

  private async settle(previousCount: number, expectMove: boolean): Promise<void> {
    if (!expectMove) {
      await new Promise((r) => setTimeout(r, 300));
      return;
    }
    const deadline = Date.now() + 15_000;
    while (this.shown.length === previousCount) {
      if (Date.now() > deadline) throw new Error('the wizard did not move on');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Types into an input box and presses Enter. */
  async type(id: string, text: string, expectMove = true): Promise<void> {
    const input = await this.step(id);
    assert.ok(!('items' in input), `${id} is not an input box`);
    const count = this.shown.length;
    input.value = text;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await this.settle(count, expectMove);
  }

  /** Accepts whatever the step shows (default value or highlighted item). */
  async enter(id: string): Promise<void> {
    await this.step(id);
    const count = this.shown.length;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await this.settle(count, true);
  }

  /** Highlights the item whose label contains `label` (single-select) and presses Enter. */
  async choose(id: string, label: string, expectMove = true): Promise<void> {
    const input = await this.step(id);
    assert.ok('items' in input, `${id} is not a pick`);
    const item = input.items.find((i) => i.label.includes(label));
    assert.ok(item, `${id} offers no "${label}": ${input.items.map((i) => i.label).join(' | ')}`);
    const count = this.shown.length;
    input.activeItems = [item];
    await new Promise((r) => setTimeout(r, 100));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await this.settle(count, expectMove);
  }

  /** Checks exactly the items whose labels are given (multi-select) and accepts. */
  async check(id: string, labels: string[]): Promise<void> {
    const input = await this.step(id);
    assert.ok('items' in input && input.canSelectMany, `${id} is not a multi-select pick`);
    const count = this.shown.length;
    input.selectedItems = input.items.filter((i) => labels.some((l) => i.label === l));
    await new Promise((r) => setTimeout(r, 100));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await this.settle(count, true);
  }

  async back(id: string): Promise<void> {
    await this.step(id);
    const count = this.shown.length;
    await vscode.commands.executeCommand('workbench.action.quickInputBack');
    await this.settle(count, true);
  }

  current(): Shown | undefined {
    return this.shown.at(-1);
  }
}
