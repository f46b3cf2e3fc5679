// "Show execution": the execution timeline as a themed webview, one panel per execution (opening it again
// reveals it). While the execution runs, its pipeline is polled as a tracked one by the explorer, and the
// panel re-reads the execution whenever that polling brings news of the pipeline: no timer of its own.
import * as vscode from 'vscode';
import { explainAwsError } from '../../aws/errors';
import { DisposableStore } from '../../core/disposables';
import { codicon } from '../../core/detail-html';
import { html } from '../../core/html';
import type { Logger } from '../../core/log';
import { DetailPanels, type DetailContent } from '../../editor/detail-panel';
import type { EditorUi } from '../../editor/ui';
import type { PipelineApi } from '../model/api';
import type { PipelineExplorer } from '../model/explorer';
import type { PipelineKey, TargetRef } from '../model/types';
import { OPEN_TARGET, timelineHtml, timelineTitle } from '../present/timeline-html';
import { timelineView, type TimelineView } from '../present/timeline-view';
import { timelineUri } from './timeline-document';

export const TIMELINE_VIEW_TYPE = 'conveyor.pipelines.timeline';

export interface TimelinePanelsDeps {
  explorer: PipelineExplorer;
  apiFor(target: string): PipelineApi;
  refOf(target: string): TargetRef | undefined;
  ui: EditorUi;
  log: Logger;
  extensionUri: vscode.Uri;
  executeCommand(command: string, ...args: unknown[]): Thenable<unknown>;
}

interface Shown {
  key: PipelineKey;
  executionId: string;
  view?: TimelineView;
  loading?: Promise<void> | undefined;
  /** Another read was asked for while one was running. */
  again?: boolean;
}

function message(title: string, text: string, icon: string, spin = false): DetailContent {
  return { title, body: html`<p class="state">${codicon(icon, spin)}${text}</p>`.text, actions: {} };
}

export class TimelinePanels implements vscode.Disposable {
  private readonly shown = new Map<string, Shown>();
  private readonly panels: DetailPanels;
  private readonly disposables = new DisposableStore();
  private readonly updated = new vscode.EventEmitter<{ key: PipelineKey; executionId: string; view: TimelineView }>();
  /** Fires after a panel shows new content (host tests wait on it). */
  readonly onDidUpdate = this.updated.event;

  constructor(private readonly d: TimelinePanelsDeps) {
    this.panels = new DetailPanels({
      viewType: TIMELINE_VIEW_TYPE, extensionUri: d.extensionUri, log: d.log,
      onAction: (id, action, index) => { if (action === OPEN_TARGET) void this.open(id, index); },
      onClose: (id) => {
        this.shown.delete(id);
        this.follow();
      },
    });
    this.disposables.addAll(this.panels, this.updated, d.explorer.onDidLoad((e) => {
      if (!e.key || (e.kind !== 'recent' && e.kind !== 'runtime')) return;
      for (const [id, s] of this.shown) {
        if (s.key.target === e.key.target && s.key.name === e.key.name && s.view?.running !== false) void this.load(id);
      }
    }));
  }

  /** Opens (or reveals) the panel of one execution and reads it. */
  async show(key: PipelineKey, executionId: string): Promise<void> {
    const id = JSON.stringify([key.target, key.name, executionId]);
    const existing = this.shown.get(id);
    if (existing?.view) this.panels.show(id, this.content(existing.view));
    else this.panels.show(id, message(`${key.name} · ${executionId.slice(0, 8)}`, `Loading execution ${executionId}…`, 'loading', true));
    if (!existing) this.shown.set(id, { key, executionId });
    await this.load(id);
  }

  /** The panels open now, by pipeline and execution (for tests and the Markdown link). */
  get openPanels(): { key: PipelineKey; executionId: string; view?: TimelineView; panel?: vscode.WebviewPanel }[] {
    return [...this.shown].map(([id, s]) => ({ key: s.key, executionId: s.executionId, ...(s.view ? { view: s.view } : {}), ...(this.panels.panel(id) ? { panel: this.panels.panel(id)! } : {}) }));
  }

  private content(view: TimelineView): DetailContent {
    return { title: timelineTitle(view), body: timelineHtml(view), actions: { [OPEN_TARGET]: view.targets.length } };
  }

  private load(id: string): Promise<void> {
    const s = this.shown.get(id);
    if (!s) return Promise.resolve();
    if (s.loading) {
      s.again = true;
      return s.loading;
    }
    s.loading = this.read(id, s).finally(() => {
      s.loading = undefined;
      if (s.again && this.shown.get(id) === s) {
        s.again = false;
        void this.load(id);
      }
    });
    return s.loading;
  }

  private async read(id: string, s: Shown): Promise<void> {
    const { key, executionId } = s;
    const explorer = this.d.explorer;
    try {
      const [detail] = await Promise.all([
        this.d.apiFor(key.target).getExecution(key.name, executionId),
        explorer.store.pipeline(key)?.structure ? Promise.resolve(false) : explorer.loadStructure(key).catch(() => false),
      ]);
      if (!this.shown.has(id)) return;
      if (!detail) {
        this.panels.update(id, message(`${key.name} · ${executionId.slice(0, 8)}`, `Execution ${executionId} of ${key.name} was not found.`, 'warning'));
        return;
      }
      const view = timelineView(detail, explorer.store.pipeline(key)?.structure, { region: this.d.refOf(key.target)?.region ?? 'us-east-1', now: Date.now() });
      s.view = view;
      this.panels.update(id, this.content(view));
      this.follow();
      this.updated.fire({ key, executionId, view });
    } catch (err) {
      const ref = this.d.refOf(key.target);
      const explained = explainAwsError(err, { service: 'codepipeline', operation: 'GetPipelineExecution', ...(ref ? { profile: ref.profile, region: ref.region } : {}) });
      this.d.log.warn(`pipelines: could not read execution ${executionId} of ${key.name}: ${explained.message}`);
      // A failed refresh keeps what the panel showed; only a first read shows the error.
      if (!s.view) this.panels.update(id, message(`${key.name} · ${executionId.slice(0, 8)}`, explained.message, 'error'));
    }
  }

  /** Running executions shown in a panel keep their pipelines polled. */
  private follow(): void {
    const keys = [...this.shown.values()].filter((s) => s.view?.running !== false).map((s) => s.key);
    this.d.explorer.setFollowed('shown', keys);
  }

  private async open(id: string, index: number): Promise<void> {
    const s = this.shown.get(id);
    const target = s?.view?.targets[index];
    if (!s || !target) return;
    if (target.kind === 'url') return this.d.ui.openExternal(target.url);
    if (target.kind === 'markdown') return this.d.ui.openDocument(timelineUri(s.key, s.executionId), { preview: false });
    const ref = this.d.refOf(s.key.target);
    // The log of this execution's build (not the action's latest), by the logs feature's command.
    await this.d.executeCommand('conveyor.logs.showActionLogs', {
      ...(ref ? { profile: ref.profile, region: ref.region } : {}), pipelineName: s.key.name, stageName: target.stageName, actionName: target.actionName,
      provider: target.provider, externalExecutionId: target.externalExecutionId, ...(target.logStreamArn ? { logStreamArn: target.logStreamArn } : {}), running: target.running,
    });
  }

  dispose(): void {
    this.disposables.dispose();
    this.d.explorer.setFollowed('shown', []);
  }
}
