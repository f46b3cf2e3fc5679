// Pinned and watched pipelines, kept across sessions in the extension's global state.
import * as vscode from 'vscode';
import type { PipelineKey } from '../model/types';

export type FollowKind = 'pinned' | 'watched';

const STORAGE_KEY: Record<FollowKind, string> = {
  pinned: 'conveyor.pipelines.pinned',
  watched: 'conveyor.pipelines.watched',
};

/** Whether any pipeline is pinned or watched (the activation shell starts the feature for those). */
export function followsAny(memento: Pick<vscode.Memento, 'get'>): boolean {
  return Object.values(STORAGE_KEY).some((key) => {
    const list = memento.get<unknown>(key);
    return Array.isArray(list) && list.length > 0;
  });
}

function isKey(v: unknown): v is PipelineKey {
  return typeof v === 'object' && v !== null && typeof (v as PipelineKey).target === 'string' && typeof (v as PipelineKey).name === 'string';
}

export class FollowState implements vscode.Disposable {
  private readonly lists: Record<FollowKind, PipelineKey[]>;
  private readonly emitter = new vscode.EventEmitter<{ kind: FollowKind; key: PipelineKey; on: boolean }>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {
    const read = (kind: FollowKind): PipelineKey[] => {
      const raw = memento.get<unknown>(STORAGE_KEY[kind]);
      return Array.isArray(raw) ? raw.filter(isKey).map((k) => ({ target: k.target, name: k.name })) : [];
    };
    this.lists = { pinned: read('pinned'), watched: read('watched') };
  }

  list(kind: FollowKind): readonly PipelineKey[] {
    return this.lists[kind];
  }

  has(kind: FollowKind, key: PipelineKey): boolean {
    return this.lists[kind].some((k) => k.target === key.target && k.name === key.name);
  }

  async set(kind: FollowKind, key: PipelineKey, on: boolean): Promise<void> {
    if (this.has(kind, key) === on) return;
    this.lists[kind] = on ? [...this.lists[kind], { target: key.target, name: key.name }]
      : this.lists[kind].filter((k) => !(k.target === key.target && k.name === key.name));
    await this.memento.update(STORAGE_KEY[kind], this.lists[kind]);
    this.emitter.fire({ kind, key, on });
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
