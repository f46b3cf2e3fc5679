import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import { locateRecommendations, recommendationLine } from '../model/recommendations';
import type { ProfilerSession } from './profile-session';

/**
 * CodeGuru recommendations as Information diagnostics at the definition of the workspace function that
 * leads to them, only where its share is above CodeGuru's threshold and its file is the frame's own.
 */
export class RecommendationDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('CodeGuru Profiler');
  private readonly disposables = new DisposableStore();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private generation = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly session: ProfilerSession, private readonly log: Logger) {
    this.disposables.add(this.collection);
    this.disposables.add(session.onDidChange(() => this.schedule(0)));
    this.disposables.add(vscode.workspace.onDidChangeTextDocument((e) => { if (this.collection.has(e.document.uri)) this.schedule(500); }));
  }

  /** Resolves once the diagnostics for the current state are published (host tests). */
  settled(): Promise<void> {
    if (!this.timer && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = true;
      void this.update().finally(() => {
        this.running = false;
        if (this.timer) return;
        for (const w of this.waiters.splice(0)) w();
      });
    }, ms);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const loaded = this.session.active;
    if (!loaded || loaded.recommendations.length === 0) {
      this.collection.clear();
      return;
    }
    try {
      const resolution = await this.session.resolution(loaded);
      const analysis = this.session.analysis(loaded);
      const names = loaded.profile.tree.names;
      // A file picked by its name alone belongs to some other project: never credited with a finding.
      const located = locateRecommendations(loaded.recommendations, analysis.tree,
        (id) => resolution.mine[id] === 1 && resolution.byName.get(names[id]!)?.guessed !== true);
      const byFile = new Map<string, vscode.Diagnostic[]>();
      for (const l of located) {
        const resolved = resolution.byName.get(names[l.nameId]!);
        if (!resolved || resolved.guessed) continue;
        const uri = vscode.Uri.file(resolved.file.path);
        const doc = await vscode.workspace.openTextDocument(uri);
        const line = recommendationLine(doc.getText(), resolved);
        if (line === undefined || line >= doc.lineCount) continue;
        const range = doc.lineAt(line).range;
        const d = new vscode.Diagnostic(range, l.message, vscode.DiagnosticSeverity.Information);
        d.source = 'CodeGuru Profiler';
        d.code = l.recommendation.pattern?.id ?? 'recommendation';
        const list = byFile.get(uri.toString()) ?? [];
        list.push(d);
        byFile.set(uri.toString(), list);
      }
      if (generation !== this.generation) return;
      this.collection.clear();
      for (const [uri, diags] of byFile) this.collection.set(vscode.Uri.parse(uri), diags);
    } catch (err) {
      this.log.warn(`profiler: could not place recommendations: ${String(err)}`);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.dispose();
  }
}
