import * as vscode from 'vscode';
import { complete, documentSymbols, type Fix, foldingRanges, hover } from 'conveyor-lint';
import { DIAGNOSTIC_SOURCE, ruleOf, toCompletionItem, toDocumentSymbol, toRange, toWorkspaceEdit } from './convert';
import type { SpecDocuments } from './documents';

export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly documents: SpecDocuments) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    const kind = this.documents.specKindOf(document);
    if (!kind) return undefined;
    return complete(document.getText(), document.offsetAt(position), { kind, path: document.uri.path }).map(toCompletionItem);
  }
}

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly documents: SpecDocuments) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const kind = this.documents.specKindOf(document);
    if (!kind) return undefined;
    const h = hover(document.getText(), document.offsetAt(position), { kind, path: document.uri.path });
    return h ? new vscode.Hover(new vscode.MarkdownString(h.contents), toRange(h.range)) : undefined;
  }
}

export class SymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly documents: SpecDocuments) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    const kind = this.documents.specKindOf(document);
    if (!kind) return undefined;
    return documentSymbols(document.getText(), { kind, path: document.uri.path }).map(toDocumentSymbol);
  }
}

export class FoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly documents: SpecDocuments) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] | undefined {
    const kind = this.documents.specKindOf(document);
    if (!kind) return undefined;
    return foldingRanges(document.getText(), { kind, path: document.uri.path })
      .map((r) => new vscode.FoldingRange(r.startLine, r.endLine, r.kind === 'comment' ? vscode.FoldingRangeKind.Comment : undefined));
  }
}

/**
 * Quick fixes: the fix the engine attached to a diagnostic (matched by rule, range and message), and for
 * every diagnostic of a YAML document "Disable <rule> for this line".
 */
export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly documents: SpecDocuments) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] | undefined {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return undefined;
    const report = this.documents.report(document);
    if (!report) return undefined;
    const fixes: vscode.CodeAction[] = [];
    const disables: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const rule = ruleOf(diagnostic);
      const match = report.diagnostics.find((d) => d.rule === rule && toRange(d.range).isEqual(diagnostic.range) && d.message === diagnostic.message);
      if (match?.fix) fixes.push(action(document, match.fix, diagnostic, true));
      if (match?.disable) disables.push(action(document, match.disable, diagnostic, false));
    }
    return [...fixes, ...disables];
  }
}

function action(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
  const out = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  out.edit = toWorkspaceEdit(document.uri, fix);
  out.diagnostics = [diagnostic];
  out.isPreferred = preferred;
  return out;
}
