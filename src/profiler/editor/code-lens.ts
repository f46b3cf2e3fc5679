import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import { viewLabel } from '../model/counters';
import { formatDuration } from '../../core/format';
import { formatPercent } from '../model/format';
import { documentInsights } from './file-insights';
import type { ProfilerSession } from './profile-session';

/** Every file-backed document: which files hold profiled code is decided by the profile, not the language. */
export const PROFILED_LANGUAGES: vscode.DocumentSelector = [{ scheme: 'file' }];

/** "18.2% total · 4.1% self · CPU" above each profiled function; clicking zooms the flame graph to it. */
export class ProfileCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables = new DisposableStore();

  constructor(private readonly session: ProfilerSession) {
    this.disposables.add(this.changed);
    this.disposables.add(session.onDidChange(() => this.changed.fire()));
    this.disposables.add(session.settings.onDidChange((e) => { if (e.affects('inlineHeat')) this.changed.fire(); }));
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!this.session.inlineHeat) return [];
    const insights = await documentInsights(this.session, doc);
    if (!insights) return [];
    const { analysis } = insights;
    const root = analysis.stats.rootTotal;
    const view = viewLabel(analysis.view);
    const lenses: vscode.CodeLens[] = [];
    for (const f of insights.functions) {
      const total = analysis.stats.total[f.nameId]!;
      if (!(total > 0) || f.line >= doc.lineCount) continue;
      const self = analysis.stats.self[f.nameId]!;
      const secs = analysis.stats.totalSeconds ? ` · ${formatDuration(analysis.stats.totalSeconds[f.nameId]! * 1000, { precise: true })}` : '';
      const lambda = f.frame.kind === 'java' && f.frame.lambdaOf ? 'λ ' : '';
      const title = `${lambda}${formatPercent(total / root)} total · ${formatPercent(self / root)} self · ${view}${secs}`;
      lenses.push(new vscode.CodeLens(doc.lineAt(f.line).range, {
        title, command: 'conveyor.profiler.revealInFlameGraph', arguments: [f.name],
        tooltip: `${f.name}: show it in the flame graph`,
      }));
    }
    return lenses;
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
