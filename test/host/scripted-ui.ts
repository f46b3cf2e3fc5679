// The part of the host suites' scripted UIs that every feature shares: a queue of answers for its
// prompts, and a log of everything the commands showed. Each feature's helpers extend it with the
// rest of that feature's UI interface.
import * as assert from 'node:assert/strict';
import { describeValue } from './waits';

export type SharedKind = 'pick' | 'input' | 'confirm' | 'notify' | 'progress' | 'copy';

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

/** Answer for pick(): take the item the command preselected. */
export const ACCEPT_ACTIVE = Symbol('accept the preselected item');

/** Answers prompts in order (pick by label or value, input by string, confirm by boolean) and records every call. */
export abstract class ScriptedUiBase<Kind extends string = never> {
  readonly calls: ScriptedCall<Kind>[] = [];
  private readonly answers: unknown[] = [];

  answer(...values: unknown[]): this {
    this.answers.push(...values);
    return this;
  }

  get pending(): number {
    return this.answers.length;
  }

  async pick<T>(items: readonly ScriptedPickItem<T>[], options: { title: string; active?: T }): Promise<T | undefined> {
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

  async input(options: { title: string; validate?: (v: string) => string | undefined }): Promise<string | undefined> {
    this.calls.push({ kind: 'input', text: options.title });
    const a = this.answers.shift();
    if (a === undefined) return undefined;
    assert.equal(typeof a, 'string', `an input box (${options.title}) got ${describeValue(a)}`);
    return a as string;
  }

  async confirm(message: string): Promise<boolean> {
    this.calls.push({ kind: 'confirm', text: message });
    const a = this.answers.shift();
    assert.equal(typeof a, 'boolean', `a confirmation was asked (${message}) but the script has ${String(a)}`);
    return a as boolean;
  }

  notify(level: 'info' | 'warning' | 'error', message: string): void {
    this.calls.push({ kind: 'notify', text: `${level}: ${message}` });
  }

  async withProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
    this.calls.push({ kind: 'progress', text: title });
    return task();
  }

  async copy(text: string): Promise<void> {
    this.calls.push({ kind: 'copy', text });
  }

  of(kind: ScriptedCall<Kind>['kind']): string[] {
    return this.calls.filter((c) => c.kind === kind).map((c) => c.text);
  }
}
