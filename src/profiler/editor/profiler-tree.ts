// The Profiler view: the pure ProfilerTreeModel shown through the kit's tree provider, with the view's
// progress bar while a listing loads, and refreshed when the profile or region changes.
import * as vscode from 'vscode';
import type { AwsAccess } from '../../aws/access';
import { DisposableStore } from '../../core/disposables';
import { ModelTreeProvider } from '../../editor/tree';
import type { CodeGuruService } from '../service/codeguru';
import { ProfilerTreeModel, type ProfilerNode } from '../tree/model';
import { presentProfilerNode } from '../tree/present';
import { VIEW_ID } from './ids';

export interface TreeSnapshot {
  label: string;
  description: string;
  contextValue: string;
  children?: TreeSnapshot[];
}

export class ProfilerTree implements vscode.Disposable {
  readonly model: ProfilerTreeModel;
  readonly provider: ModelTreeProvider<ProfilerNode>;
  private readonly disposables = new DisposableStore();

  constructor(aws: AwsAccess, codeguru: () => CodeGuruService, private readonly now: () => Date = () => new Date()) {
    this.model = this.disposables.add(new ProfilerTreeModel({
      current: () => aws.current,
      codeguru,
      client: (target) => aws.client('codeguruprofiler', target),
      explain: (f) => aws.explain(f.cause, { service: 'codeguruprofiler', operation: f.operation, target: f.target }).message,
      now,
    }));
    this.provider = this.disposables.add(new ModelTreeProvider<ProfilerNode>({
      children: (node) => Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => this.model.children(node))),
      present: (node) => presentProfilerNode(node, this.now()),
      onDidChange: (listener) => this.model.onDidChange(() => listener(undefined)),
    }));
    this.disposables.add(aws.onDidChange(() => this.model.refresh()));
  }

  refresh(): void {
    this.model.refresh();
  }

  /** Labels of the first levels, as a person would see them (host tests, automation). */
  async snapshot(depth = 2, node?: ProfilerNode): Promise<TreeSnapshot[]> {
    const out: TreeSnapshot[] = [];
    for (const child of await this.model.children(node)) {
      const p = presentProfilerNode(child, this.now());
      const entry: TreeSnapshot = { label: p.label, description: p.description ?? '', contextValue: p.contextValue };
      if (depth > 1 && p.collapsible !== 'none') entry.children = await this.snapshot(depth - 1, child);
      out.push(entry);
    }
    return out;
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
