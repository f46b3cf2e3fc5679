// "Show execution": a read-only markdown document per execution, re-rendered every few seconds while
// the execution runs and the document is open.
import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import { explainAwsError } from '../../aws/errors';
import type { PipelineApi } from '../model/api';
import type { PipelineExplorer } from '../model/explorer';
import { isActive, type PipelineKey } from '../model/types';
import { escapeMarkdown } from '../../core/markdown';
import { renderTimeline } from '../present/timeline';

export const TIMELINE_SCHEME = 'conveyor-execution';
const REFRESH_MS = 10_000;

interface TimelineRef {
  target: string;
  name: string;
  executionId: string;
}

function parse(uri: vscode.Uri): TimelineRef | undefined {
  try {
    const o: unknown = JSON.parse(uri.query);
    if (typeof o !== 'object' || o === null) return undefined;
    const r = o as Record<string, unknown>;
    if (typeof r.target !== 'string' || typeof r.name !== 'string' || typeof r.executionId !== 'string') return undefined;
    return { target: r.target, name: r.name, executionId: r.executionId };
  } catch {
    return undefined;
  }
}

export function timelineUri(key: PipelineKey, executionId: string): vscode.Uri {
  const safe = key.name.replace(/[\\/:*?"<>|#%]/g, '_');
  return vscode.Uri.from({
    scheme: TIMELINE_SCHEME,
    path: `/${safe}/${executionId.slice(0, 8)}.md`,
    query: JSON.stringify({ target: key.target, name: key.name, executionId }),
  });
}

export class TimelineDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly running = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions = new DisposableStore();

  constructor(private readonly explorer: PipelineExplorer, private readonly apiFor: (target: string) => PipelineApi, private readonly regionOf: (target: string) => string) {
    this.subscriptions.addAll(vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme === TIMELINE_SCHEME) this.running.delete(doc.uri.toString());
    }));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = parse(uri);
    if (!ref) return '# Not an execution\n\nThis link does not name a pipeline execution.';
    const key = { target: ref.target, name: ref.name };
    try {
      const [detail] = await Promise.all([
        this.apiFor(ref.target).getExecution(ref.name, ref.executionId),
        this.explorer.store.pipeline(key)?.structure ? Promise.resolve(false) : this.explorer.loadStructure(key).catch(() => false),
      ]);
      if (!detail) return `# ${escapeMarkdown(ref.name)}\n\nExecution \`${ref.executionId}\` was not found.`;
      if (isActive(detail.status)) this.watch(uri);
      else this.running.delete(uri.toString());
      return renderTimeline(detail, this.explorer.store.pipeline(key)?.structure, { region: this.regionOf(ref.target), now: Date.now() });
    } catch (err) {
      const explained = explainAwsError(err, { service: 'codepipeline', operation: 'GetPipelineExecution' });
      return `# ${escapeMarkdown(ref.name)} · execution \`${ref.executionId.slice(0, 8)}\`\n\n**Couldn’t load this execution:** ${escapeMarkdown(explained.message)}\n`;
    }
  }

  private watch(uri: vscode.Uri): void {
    this.running.add(uri.toString());
    this.timer ??= setInterval(() => {
      if (!vscode.window.state.focused) return;
      if (!this.running.size) {
        clearInterval(this.timer);
        this.timer = undefined;
        return;
      }
      for (const u of this.running) this.emitter.fire(vscode.Uri.parse(u, true));
    }, REFRESH_MS);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.emitter.dispose();
    this.subscriptions.dispose();
  }
}
