// Watched projects, kept across sessions in the extension's global state. Small on purpose: the
// activation shell imports `watchesAny` to start the feature at startup when a project is watched.
import * as vscode from 'vscode';
import type { ProjectKey } from '../model/types';

const STORAGE_KEY = 'conveyor.codebuild.watched';

/** Whether any project is watched (the activation shell starts the feature for those). */
export function watchesAny(memento: Pick<vscode.Memento, 'get'>): boolean {
  const list = memento.get<unknown>(STORAGE_KEY);
  return Array.isArray(list) && list.length > 0;
}

function isKey(v: unknown): v is ProjectKey {
  return typeof v === 'object' && v !== null && typeof (v as ProjectKey).target === 'string' && typeof (v as ProjectKey).name === 'string';
}

export class WatchedProjects implements vscode.Disposable {
  private keys: ProjectKey[];
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {
    const raw = memento.get<unknown>(STORAGE_KEY);
    this.keys = Array.isArray(raw) ? raw.filter(isKey).map((k) => ({ target: k.target, name: k.name })) : [];
  }

  list(): readonly ProjectKey[] {
    return this.keys;
  }

  has(key: ProjectKey): boolean {
    return this.keys.some((k) => k.target === key.target && k.name === key.name);
  }

  async set(key: ProjectKey, on: boolean): Promise<void> {
    if (this.has(key) === on) return;
    this.keys = on ? [...this.keys, { target: key.target, name: key.name }] : this.keys.filter((k) => !(k.target === key.target && k.name === key.name));
    await this.memento.update(STORAGE_KEY, this.keys);
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
