// "Show build": a read-only markdown document per build or batch build, re-rendered while it runs and
// the document is open (the explorer's polling brings the changes; nothing polls for the document).
import * as vscode from 'vscode';
import { parseTargetKey } from '../../aws/targets';
import { DisposableStore } from '../../core/disposables';
import { escapeMarkdown } from '../../core/markdown';
import type { CodeBuildExplorer } from '../model/explorer';
import { idOfArn, isRunning, projectOfBuildId } from '../model/types';
import { renderBatchDetails, renderBuildDetails } from '../present/build-details';

export const BUILD_SCHEME = 'conveyor-build';

export interface BuildRef {
  target: string;
  /** A build id (project:uuid) or a batch build id. */
  id: string;
  batch: boolean;
}

export function buildUri(ref: BuildRef, label: string): vscode.Uri {
  const safe = label.replace(/[\\/:*?"<>|#%]/g, '_');
  return vscode.Uri.from({ scheme: BUILD_SCHEME, path: `/${safe}.md`, query: JSON.stringify(ref) });
}

export function parseBuildUri(uri: vscode.Uri): BuildRef | undefined {
  try {
    const o: unknown = JSON.parse(uri.query);
    if (typeof o !== 'object' || o === null) return undefined;
    const r = o as Record<string, unknown>;
    if (typeof r.target !== 'string' || typeof r.id !== 'string') return undefined;
    return { target: r.target, id: r.id, batch: r.batch === true };
  } catch {
    return undefined;
  }
}

export class BuildDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  /** Open documents by the build or batch they show. */
  private readonly open = new Map<string, vscode.Uri>();
  private readonly disposables = new DisposableStore();

  constructor(private readonly explorer: CodeBuildExplorer, private readonly now: () => number = Date.now) {
    this.disposables.add(this.emitter);
    this.disposables.add(vscode.workspace.onDidCloseTextDocument((doc) => {
      const ref = doc.uri.scheme === BUILD_SCHEME ? parseBuildUri(doc.uri) : undefined;
      if (ref) this.open.delete(this.keyOf(ref));
      this.follow();
    }));
    this.disposables.add(explorer.onDidChangeBuilds((target, builds) => {
      for (const b of builds) {
        for (const key of [this.keyOf({ target, id: b.id, batch: false }), ...(b.batchArn ? [this.keyOf({ target, id: idOfArn(b.batchArn), batch: true })] : [])]) {
          const uri = this.open.get(key);
          if (uri) this.emitter.fire(uri);
        }
      }
    }));
  }

  private keyOf(ref: BuildRef): string {
    return JSON.stringify([ref.target, ref.batch, ref.id]);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = parseBuildUri(uri);
    if (!ref) return '# Not a build\n\nThis link does not name a CodeBuild build.';
    this.open.set(this.keyOf(ref), uri);
    const region = this.explorer.store.target(ref.target)?.ref.region ?? parseTargetKey(ref.target)?.region ?? 'us-east-1';
    try {
      const text = ref.batch ? await this.batchText(ref, region) : await this.buildText(ref, region);
      this.follow();
      return text;
    } catch (err) {
      const message = typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err);
      return `# ${escapeMarkdown(ref.id)}\n\nConveyor could not read this build: ${escapeMarkdown(message)}`;
    }
  }

  private async buildText(ref: BuildRef, region: string): Promise<string> {
    const b = await this.explorer.build(ref.target, ref.id);
    if (!b) return `# ${escapeMarkdown(ref.id)}\n\nCodeBuild has no build with this id (it may have been deleted).`;
    const key = { target: ref.target, name: b.projectName };
    await this.explorer.loads.projects(ref.target, [b.projectName]).catch(() => false);
    await this.explorer.loads.reports(ref.target, b.reportArns).catch(() => false);
    const reports = b.reportArns.map((arn) => this.explorer.store.target(ref.target)?.reports.get(arn)).filter((r) => r !== undefined);
    const batchInfo = b.batchArn ? this.explorer.store.batch(ref.target, idOfArn(b.batchArn)) : undefined;
    const group = batchInfo?.groups.find((g) => g.current?.arn === b.arn || g.prior.some((p) => p.arn === b.arn))?.identifier;
    const project = this.explorer.store.project(key)?.info;
    return renderBuildDetails(b, {
      region, now: this.now(), reports,
      ...(project ? { project } : {}),
      ...(batchInfo ? { batch: { info: batchInfo, ...(group ? { group } : {}) } } : {}),
    });
  }

  private async batchText(ref: BuildRef, region: string): Promise<string> {
    const b = await this.explorer.batch(ref.target, ref.id);
    if (!b) return `# ${escapeMarkdown(ref.id)}\n\nCodeBuild has no batch build with this id.`;
    return renderBatchDetails(b, (arn) => this.explorer.store.build(ref.target, idOfArn(arn)), { region, now: this.now() });
  }

  /** Running builds shown in open documents stay polled (the explorer follows their projects). */
  private follow(): void {
    const running = [...this.open.keys()].map((k) => JSON.parse(k) as [string, boolean, string]).filter(([target, batch, id]) => {
      const status = batch ? this.explorer.store.batch(target, id)?.status : this.explorer.store.build(target, id)?.status;
      return isRunning(status);
    });
    this.onFollow?.(running.map(([target, , id]) => ({ target, name: projectOfBuildId(id) })));
  }

  /** Set by the feature: the projects the open documents need kept current. */
  onFollow?: (keys: { target: string; name: string }[]) => void;

  dispose(): void {
    this.disposables.dispose();
  }
}
