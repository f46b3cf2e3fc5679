// The test twin of the production EditorUi (src/editor/ui.ts): a queue of answers for every prompt
// and multi-step flow, and a log of everything the commands showed. It implements the same
// interface, so any feature built on the kit runs unattended (a modal dialog would block the host).
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { operationOf } from '../../src/aws/clients';
import { explainAwsError } from '../../src/aws/errors';
import type { Flow, FlowPickView } from '../../src/core/flow';
import { describeValue } from './waits';
import type { AwsErrorContext, ConfirmOptions, EditorUi, InputOptions, NotifyLevel, OpenDocumentOptions, PickItem, PickOptions } from '../../src/editor/ui';

export type SharedKind = 'pick' | 'input' | 'confirm' | 'notify' | 'progress' | 'copy' | 'open' | 'error' | 'step';

export interface ScriptedCall<Kind extends string = never> {
  kind: SharedKind | Kind;
  text: string;
  /** pick: the label of the item the command preselected. */
  active?: string;
}

export interface ScriptedPickItem<T> {
  label: string;
  value: T;
}

/** Answer for pick() and pick steps: take the item the command preselected. */
export const ACCEPT_ACTIVE = Symbol('accept the preselected item');
/** Answer for a flow step: press Back. */
export const BACK = Symbol('back');

export interface NotificationRecord {
  message: string;
  buttons: readonly string[];
  press: (button: string) => void;
}

/** Answers prompts in order (pick by label or value, input by string, confirm by boolean) and records every call. */
export class ScriptedUiBase<Kind extends string = never> implements EditorUi {
  readonly calls: ScriptedCall<Kind>[] = [];
  /** Notifications with buttons, to press later. */
  readonly buttons: NotificationRecord[] = [];
  private readonly answers: unknown[] = [];

  answer(...values: unknown[]): this {
    this.answers.push(...values);
    return this;
  }

  get pending(): number {
    return this.answers.length;
  }

  async pick<T>(items: readonly (PickItem<T> | ScriptedPickItem<T>)[], options: PickOptions<T>): Promise<T | undefined> {
    const active = items.find((i) => options.active !== undefined && i.value === options.active)?.label;
    this.calls.push({ kind: 'pick', text: `${options.title}: ${items.map((i) => i.label).join(' | ')}`, ...(active ? { active } : {}) });
    const a = this.answers.shift();
    if (a === undefined) return undefined;
    if (a === ACCEPT_ACTIVE) return options.active;
    const found = items.find((i) => this.names(i, a));
    assert.ok(found, `no choice ${describeValue(a)} among ${items.map((i) => i.label).join(', ')}`);
    return found.value;
  }

  /** Whether a scripted answer chooses this pick item. */
  protected names(item: ScriptedPickItem<unknown>, answer: unknown): boolean {
    return item.label === answer || item.value === answer;
  }

  async input(options: InputOptions): Promise<string | undefined> {
    this.calls.push({ kind: 'input', text: options.title });
    const a = this.answers.shift();
    if (a === undefined) return undefined;
    assert.equal(typeof a, 'string', `an input box (${options.title}) got ${describeValue(a)}`);
    return a as string;
  }

  async confirm(message: string, _options: ConfirmOptions): Promise<boolean> {
    this.calls.push({ kind: 'confirm', text: message });
    const a = this.answers.shift();
    assert.equal(typeof a, 'boolean', `a confirmation was asked (${message}) but the script has ${String(a)}`);
    return a as boolean;
  }

  notify(level: NotifyLevel, message: string, buttons: readonly string[] = [], onButton?: (button: string) => void): void {
    this.calls.push({ kind: 'notify', text: `${level}: ${message}` });
    if (buttons.length) this.buttons.push({ message, buttons, press: (b) => onButton?.(b) });
  }

  async withProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
    this.calls.push({ kind: 'progress', text: title });
    return task();
  }

  async copy(text: string): Promise<void> {
    this.calls.push({ kind: 'copy', text });
  }

  async openExternal(url: string): Promise<void> {
    this.calls.push({ kind: 'open', text: url });
  }

  async openDocument(uri: vscode.Uri, _options?: OpenDocumentOptions): Promise<void> {
    this.calls.push({ kind: 'open', text: uri.toString() });
  }

  reportAwsError(error: unknown, context: AwsErrorContext): void {
    const operation = operationOf(error) ?? context.operation ?? 'request';
    this.calls.push({ kind: 'error', text: `${operation}: ${explainAwsError(error, { service: context.service, operation }).message}` });
  }

  /**
   * Answers each step from the script: a string types it (input) or names an item by label or id
   * (pick), an array checks several, ACCEPT_ACTIVE takes the highlighted item, BACK goes back;
   * running out of answers cancels. Records "Step n/N: title: item | item" for every step shown.
   */
  async runFlow<R>(flow: Flow<R>): Promise<R | undefined> {
    for (;;) {
      await prepareShownStep(flow);
      const { view, number, total } = flow.show();
      const items = view.kind === 'pick' ? view.items.filter((i) => !i.separator) : [];
      const active = items.find((i) => i.id === (view.kind === 'pick' ? view.activeId : undefined))?.label;
      this.calls.push({ kind: 'step', text: `Step ${number}/${total}: ${view.title}${items.length ? `: ${items.map((i) => i.label).join(' | ')}` : ''}`,
        ...(active ? { active } : {}) });
      const a = this.answers.shift();
      if (a === undefined) return undefined;
      if (a === BACK) {
        assert.ok(flow.back(), `Back on the first step (${view.title})`);
        continue;
      }
      const result = flow.submit(view.kind === 'input' ? { text: typeof a === 'string' ? a : describeValue(a) } : pickAnswer(view, a));
      assert.notEqual(result.status, 'invalid', result.status === 'invalid' ? `${view.title}: ${result.message}` : '');
      if (result.status === 'done') return result.result;
    }
  }

  of(kind: ScriptedCall<Kind>['kind']): string[] {
    return this.calls.filter((c) => c.kind === kind).map((c) => c.text);
  }
}

function pickAnswer(view: FlowPickView, answer: unknown): { ids: string[] } | { text: string } {
  if (answer === ACCEPT_ACTIVE) return { ids: view.activeId ? [view.activeId] : [] };
  const wanted = Array.isArray(answer) ? answer.map(String) : [String(answer)];
  const ids = wanted.map((w) => view.items.find((i) => !i.separator && (i.id === w || i.label === w || i.label.includes(w)))?.id);
  if (ids.every((id): id is string => id !== undefined)) return { ids };
  assert.ok(view.custom, `no choice ${wanted.join(', ')} in "${view.title}": ${view.items.map((i) => i.label).join(' | ')}`);
  return { text: wanted.join(' ') };
}

/**
 * Loads what the shown step needs, as the production flow does: a loaded list with one choice is
 * answered by the engine, and the step it moves on to may need loading in turn.
 */
async function prepareShownStep<R>(flow: Flow<R>): Promise<void> {
  for (let steps = 0; steps < 100; steps++) {
    const before = flow.show().view.id;
    if (!(await flow.prepare()) || flow.show().view.id === before) return;
  }
}
