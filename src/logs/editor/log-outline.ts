// What a log document offers besides its text: folding and an outline by CodeBuild phase and command,
// and code lenses (load older events, live tail state, open in CloudWatch, go to the failing command).
import * as vscode from 'vscode';
import { commandLabel, phaseLabel } from '../outline';
import type { LogDocuments } from './log-documents';

export class LogOutline implements vscode.FoldingRangeProvider, vscode.DocumentSymbolProvider, vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly documents: LogDocuments) {
    this.onDidChangeCodeLenses = documents.onDidChangeSession;
  }

  provideFoldingRanges(doc: vscode.TextDocument): vscode.FoldingRange[] {
    const session = this.documents.session(doc.uri);
    if (!session || session.state !== 'ready') return [];
    const ranges: vscode.FoldingRange[] = [];
    for (const p of session.phases()) {
      if (p.endLine > p.startLine) ranges.push(new vscode.FoldingRange(p.startLine, p.endLine, vscode.FoldingRangeKind.Region));
      for (const c of p.commands) if (c.endLine > c.line) ranges.push(new vscode.FoldingRange(c.line, c.endLine));
    }
    return ranges;
  }

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const session = this.documents.session(doc.uri);
    if (!session || session.state !== 'ready') return [];
    const lastLine = Math.max(0, doc.lineCount - 1);
    const lineRange = (line: number): vscode.Range => new vscode.Range(line, 0, line, doc.lineAt(Math.min(line, lastLine)).text.length);
    const phases = session.phases();
    return phases.map((p, i) => {
      const running = i === phases.length - 1 && session.tailing;
      const { name, detail } = phaseLabel(p, running);
      const end = Math.min(p.endLine, lastLine);
      const range = new vscode.Range(p.startLine, 0, end, doc.lineAt(end).text.length);
      const kind = p.status && p.status !== 'SUCCEEDED' ? vscode.SymbolKind.Event : vscode.SymbolKind.Namespace;
      const symbol = new vscode.DocumentSymbol(name, detail, kind, range, lineRange(p.startLine));
      symbol.children = p.commands.map((c) => {
        const l = commandLabel(c);
        const cEnd = Math.min(Math.max(c.endLine, c.line), end);
        return new vscode.DocumentSymbol(l.name, l.detail, vscode.SymbolKind.Function, new vscode.Range(c.line, 0, cEnd, doc.lineAt(cEnd).text.length), lineRange(c.line));
      });
      return symbol;
    });
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const session = this.documents.session(doc.uri);
    if (!session) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const lens = (title: string, command = ''): vscode.CodeLens => new vscode.CodeLens(top, { title, command, arguments: [doc.uri] });
    if (session.state === 'error') return [lens('$(refresh) Reload', 'conveyor.logs.reload')];
    if (session.state === 'loading') return [lens('$(loading~spin) Loading…')];
    const out: vscode.CodeLens[] = [];
    if (session.buffer.backwardToken && !session.buffer.reachedStart) out.push(lens('$(fold-up) Load older events', 'conveyor.logs.loadOlder'));
    else out.push(lens('$(check) Start of the log'));
    if (session.tailing) {
      out.push(lens(session.tailMode === 'polling' ? '$(sync~spin) Following (polling)' : '$(broadcast) Live tail'));
      out.push(lens('$(debug-stop) Stop following', 'conveyor.logs.stopTail'));
    } else if (session.build) {
      out.push(lens(`Build ${session.build.status ?? (session.build.complete ? 'complete' : 'running')}`));
    }
    out.push(lens('$(link-external) Open in CloudWatch', 'conveyor.logs.openInConsole'));
    const failing = session.failingCommand();
    if (failing) {
      const name = failing.command.length > 40 ? `${failing.command.slice(0, 39)}…` : failing.command;
      out.push(new vscode.CodeLens(new vscode.Range(failing.line, 0, failing.line, 0),
        { title: `$(go-to-file) Go to “${name}” in buildspec.yml`, command: 'conveyor.logs.goToFailingCommand', arguments: [doc.uri] }));
    }
    return out;
  }
}
