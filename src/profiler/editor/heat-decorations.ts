import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import { viewLabel } from '../model/counters';
import { findFunctionLine, functionEndLine } from '../model/function-lines';
import { fileHeat, heatLabel, heatLevel, lineEdit, shiftMarks, type HeatMark } from '../model/heat';
import { mapRanges } from '../model/line-map';
import type { ProfilerSession } from './profile-session';

interface DocHeat {
  profileKey: string;
  /** The requested view (the setting) the marks were computed for. */
  view: string;
  /** What the marks actually count (a view without samples falls back, e.g. CPU → wall time). */
  label: string;
  marks: HeatMark[];
  /** The text the marks were computed against: when the document holds it again, recompute exactly. */
  baseline: string | undefined;
}

const LEVELS = 10;

/** Larger files are not kept for the "back to the profiled text" check. */
const MAX_BASELINE = 2 * 1024 * 1024;

/**
 * Heat on hot lines of profiled files: a line background and gutter bar whose strength follows the
 * line's share of samples, overview-ruler marks, and the share at the end of the line. Marks are
 * computed once per file and then moved through every edit (or dropped when their lines are replaced).
 */
export class HeatDecorations implements vscode.Disposable {
  private readonly levels: vscode.TextEditorDecorationType[] = [];
  private readonly label: vscode.TextEditorDecorationType;
  private readonly byDoc = new Map<string, DocHeat>();
  private readonly pending = new Map<string, Promise<DocHeat | undefined>>();
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables = new DisposableStore();

  constructor(extensionUri: vscode.Uri, private readonly session: ProfilerSession, private readonly log: Logger) {
    for (let level = 1; level <= LEVELS; level++) {
      this.levels.push(vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        backgroundColor: `rgba(240, 100, 45, ${(0.025 + 0.018 * level).toFixed(3)})`,
        overviewRulerColor: `rgba(240, 100, 45, ${(0.35 + 0.065 * level).toFixed(2)})`,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'profiler', `heat-${level}.svg`),
        gutterIconSize: 'contain',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }));
    }
    this.label = vscode.window.createTextEditorDecorationType({
      after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2.5em', fontStyle: 'italic' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.disposables.addAll(this.changed, ...this.levels, this.label,
      session.onDidChange(() => this.refreshAll()),
      vscode.window.onDidChangeVisibleTextEditors((editors) => { for (const e of editors) void this.update(e); }),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.byDoc.delete(d.uri.toString())),
      session.settings.onDidChange((e) => { if (e.affects('inlineHeat')) this.refreshAll(); }));
  }

  /** Current (edit-tracked) marks of a document, if it is annotated. */
  marksFor(uri: vscode.Uri): readonly HeatMark[] | undefined {
    return this.byDoc.get(uri.toString())?.marks;
  }

  /** What the marks of a document count, e.g. "Wall time" (shown after each hot line). */
  viewFor(uri: vscode.Uri): string | undefined {
    return this.byDoc.get(uri.toString())?.label;
  }

  /** Waits for the marks of a document to be computed (host tests, hover). */
  async ensure(doc: vscode.TextDocument): Promise<readonly HeatMark[] | undefined> {
    const existing = this.byDoc.get(doc.uri.toString());
    const loaded = this.session.active;
    if (existing && loaded && existing.profileKey === loaded.key && existing.view === this.session.view) return existing.marks;
    return (await this.compute(doc))?.marks;
  }

  refreshAll(): void {
    this.generation++;
    this.byDoc.clear();
    this.pending.clear();
    for (const editor of vscode.window.visibleTextEditors) void this.update(editor);
  }

  private compute(doc: vscode.TextDocument): Promise<DocHeat | undefined> {
    const key = doc.uri.toString();
    let p = this.pending.get(key);
    if (!p) {
      const generation = this.generation;
      p = this.computeNow(doc).then((heat) => {
        this.pending.delete(key);
        if (generation !== this.generation || !heat) return heat;
        this.byDoc.set(key, heat);
        this.changed.fire(doc.uri);
        return heat;
      }, (err: unknown) => {
        this.pending.delete(key);
        this.log.warn(`profiler: heat for ${doc.uri.toString(true)} failed: ${String(err)}`);
        return undefined;
      });
      this.pending.set(key, p);
    }
    return p;
  }

  private async computeNow(doc: vscode.TextDocument): Promise<DocHeat | undefined> {
    const loaded = this.session.active;
    if (!loaded || !this.session.inlineHeat || !this.session.sources.handles(doc.uri)) return undefined;
    const nameIds = new Set(await this.session.namesInFile(loaded, doc.uri));
    const view = this.session.view;
    if (nameIds.size === 0) return { profileKey: loaded.key, view, label: '', marks: [], baseline: undefined };
    const resolution = await this.session.resolution(loaded);
    const analysis = this.session.analysis(loaded, view);
    // The profile's line numbers are those of the file as it ran, i.e. on disk: with unsaved edits the
    // marks are computed there and then moved onto the edited text along a line diff.
    const profiled = doc.isDirty ? await this.session.sources.readSaved(doc.uri) : undefined;
    const text = profiled ?? doc.getText();
    const lineCount = profiled === undefined ? doc.lineCount : profiled.split(/\r\n|\r|\n/).length;
    const defs = new Map<number, number | undefined>();
    const marks = fileHeat({
      tree: analysis.tree, frames: loaded.profile.tree, profile: loaded.profile, view: analysis.view,
      inFile: (id) => nameIds.has(id),
      definitionLine: (id) => {
        if (!defs.has(id)) {
          const r = resolution.byName.get(loaded.profile.tree.names[id]!);
          defs.set(id, r ? findFunctionLine(text, r.frame) : undefined);
        }
        return defs.get(id);
      },
    }).filter((m) => m.startLine < lineCount);
    // A function-level mark covers the whole function: the profile does not say which of its lines ran.
    for (const m of marks) if (m.granularity === 'function') m.endLine = functionEndLine(text, m.startLine);
    const current = doc.getText();
    const placed = profiled === undefined ? marks : mapRanges(marks, profiled, current);
    return { profileKey: loaded.key, view, label: viewLabel(analysis.view), marks: placed, baseline: current.length <= MAX_BASELINE ? current : undefined };
  }

  private async update(editor: vscode.TextEditor): Promise<void> {
    const doc = editor.document;
    if (!this.session.sources.handles(doc.uri)) return;
    if (!this.session.active || !this.session.inlineHeat) {
      this.clear(editor);
      return;
    }
    const heat = this.byDoc.get(doc.uri.toString()) ?? await this.compute(doc);
    if (!vscode.window.visibleTextEditors.includes(editor)) return;
    this.apply(editor, heat?.marks ?? [], heat?.label ?? '');
  }

  private clear(editor: vscode.TextEditor): void {
    for (const t of this.levels) editor.setDecorations(t, []);
    editor.setDecorations(this.label, []);
  }

  private apply(editor: vscode.TextEditor, marks: readonly HeatMark[], view: string): void {
    const byLevel: vscode.Range[][] = this.levels.map(() => []);
    const labels: vscode.DecorationOptions[] = [];
    const last = editor.document.lineCount - 1;
    for (const m of marks) {
      const level = heatLevel(m.fraction);
      if (level === 0 || m.startLine > last) continue;
      const end = Math.min(m.endLine, last);
      byLevel[level - 1]!.push(new vscode.Range(m.startLine, 0, end, 0));
      const line = editor.document.lineAt(m.startLine);
      labels.push({
        range: new vscode.Range(m.startLine, line.range.end.character, m.startLine, line.range.end.character),
        renderOptions: { after: { contentText: heatLabel(m, view) } },
      });
    }
    this.levels.forEach((t, i) => editor.setDecorations(t, byLevel[i]!));
    editor.setDecorations(this.label, labels);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const heat = this.byDoc.get(key);
    if (!heat || e.contentChanges.length === 0) return;
    const text = e.document.getText();
    if ((heat.baseline !== undefined && heat.baseline.length === text.length && heat.baseline === text) || this.session.sources.sameAsSaved(e.document.uri, text)) {
      // Undone or reverted to the text the marks came from, or to the file on disk (the marks may have
      // been recomputed on edited text when the active profile or the sources changed meanwhile):
      // start again from the profile (exact).
      this.byDoc.delete(key);
    } else {
      let marks = heat.marks;
      for (const c of e.contentChanges) marks = shiftMarks(marks, lineEdit(c.range, c.text));
      heat.marks = marks;
      this.changed.fire(e.document.uri);
    }
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === e.document) void this.update(editor);
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
