// ANSI colours rendered as editor decorations (the document itself holds plain text), the agent's
// lines highlighted (../highlights.ts), and a marker on the failing command and failed phase lines.
import * as vscode from 'vscode';
import type { AnsiColor, AnsiStyle, StyledSpan } from '../ansi';
import type { HighlightKind } from '../highlights';
import type { LogSession } from '../session';

const BASIC = ['Black', 'Red', 'Green', 'Yellow', 'Blue', 'Magenta', 'Cyan', 'White'];

function color(c: AnsiColor): vscode.ThemeColor | string {
  if (c.kind === 'rgb') return `rgb(${c.r}, ${c.g}, ${c.b})`;
  const name = BASIC[c.index % 8] ?? 'White';
  return new vscode.ThemeColor(`terminal.ansi${c.index >= 8 ? 'Bright' : ''}${name}`);
}

function styleKey(s: AnsiStyle): string {
  return JSON.stringify([s.fg, s.bg, s.bold, s.dim, s.italic, s.underline, s.inverse, s.strike]);
}

function renderOptions(s: AnsiStyle): vscode.DecorationRenderOptions {
  const fg = s.inverse ? s.bg : s.fg;
  const bg = s.inverse ? s.fg ?? { kind: 'basic', index: 7 } : s.bg;
  const decorations = [s.underline ? 'underline' : '', s.strike ? 'line-through' : ''].filter(Boolean).join(' ');
  return {
    ...(fg ? { color: color(fg) } : {}),
    ...(bg ? { backgroundColor: color(bg) } : {}),
    ...(s.bold ? { fontWeight: 'bold' } : {}),
    ...(s.italic ? { fontStyle: 'italic' } : {}),
    ...(s.dim ? { opacity: '0.6' } : {}),
    ...(decorations ? { textDecoration: decorations } : {}),
  };
}

/** How each kind of highlight looks: theme colours, so every theme (and high contrast) gets its own. */
const HIGHLIGHT_STYLES: Record<HighlightKind, vscode.DecorationRenderOptions> = {
  // Line numbers' colour: dim in every theme (descriptionForeground is the text colour itself in Light Modern).
  time: { color: new vscode.ThemeColor('editorLineNumber.foreground') },
  phase: { color: new vscode.ThemeColor('terminal.ansiBlue'), fontWeight: 'bold' },
  succeeded: { color: new vscode.ThemeColor('testing.iconPassed'), fontWeight: 'bold' },
  failed: { color: new vscode.ThemeColor('errorForeground'), fontWeight: 'bold' },
};

export class LogDecorations implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly highlights = new Map(Object.entries(HIGHLIGHT_STYLES)
    .map(([kind, style]) => [kind as HighlightKind, vscode.window.createTextEditorDecorationType(style)]));
  private readonly failure = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('inputValidation.errorBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.errorForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
  });

  /** Applies colours (when enabled) and failure markers to an editor showing the session's log. */
  apply(editor: vscode.TextEditor, session: LogSession, renderColors: boolean): void {
    const byType = new Map<string, vscode.Range[]>();
    if (renderColors && session.state === 'ready') {
      const rendered = session.buffer.render();
      for (const [line, spans] of rendered.spans) this.collect(byType, line, spans);
    }
    for (const [key, type] of this.types) editor.setDecorations(type, byType.get(key) ?? []);
    const byKind = new Map<HighlightKind, vscode.Range[]>();
    for (const h of session.state === 'ready' ? session.highlights() : []) {
      const ranges = byKind.get(h.kind) ?? [];
      ranges.push(new vscode.Range(h.line, h.start, h.line, h.end));
      byKind.set(h.kind, ranges);
    }
    for (const [kind, type] of this.highlights) editor.setDecorations(type, byKind.get(kind) ?? []);
    const failures: vscode.Range[] = [];
    const failing = session.failingCommand();
    if (failing) failures.push(new vscode.Range(failing.line, 0, failing.line, 0));
    for (const p of session.phases()) {
      if (p.status && p.status !== 'SUCCEEDED') failures.push(new vscode.Range(p.endLine, 0, p.endLine, 0));
    }
    editor.setDecorations(this.failure, failures);
  }

  private collect(byType: Map<string, vscode.Range[]>, line: number, spans: StyledSpan[]): void {
    for (const span of spans) {
      const key = styleKey(span.style);
      if (!this.types.has(key)) this.types.set(key, vscode.window.createTextEditorDecorationType(renderOptions(span.style)));
      const list = byType.get(key) ?? [];
      list.push(new vscode.Range(line, span.start, line, span.end));
      byType.set(key, list);
    }
  }

  dispose(): void {
    for (const t of [...this.types.values(), ...this.highlights.values()]) t.dispose();
    this.types.clear();
    this.failure.dispose();
  }
}
