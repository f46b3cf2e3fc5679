// Watched deployment groups, kept across sessions in the extension's global state.
import * as vscode from 'vscode';
import { type GroupKey, groupKeyId, readGroupKeys } from '../model/keys';

export const WATCHED_KEY = 'conveyor.deploy.watched';

/** Whether any group is watched (the activation shell then starts the feature at startup). */
export function watchesAny(memento: Pick<vscode.Memento, 'get'>): boolean {
  return readGroupKeys(memento.get<unknown>(WATCHED_KEY)).length > 0;
}

export class WatchedGroups implements vscode.Disposable {
  private keys: GroupKey[];
  private readonly emitter = new vscode.EventEmitter<{ key: GroupKey; on: boolean }>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {
    this.keys = readGroupKeys(memento.get<unknown>(WATCHED_KEY));
  }

  list(): readonly GroupKey[] {
    return this.keys;
  }

  has(id: string): boolean {
    return this.keys.some((k) => groupKeyId(k) === id);
  }

  async set(key: GroupKey, on: boolean): Promise<void> {
    const id = groupKeyId(key);
    if (this.has(id) === on) return;
    this.keys = on ? [...this.keys, { ...key }] : this.keys.filter((k) => groupKeyId(k) !== id);
    await this.memento.update(WATCHED_KEY, this.keys);
    this.emitter.fire({ key, on });
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
