import * as vscode from 'vscode';
import { type CompletionItem, type Diagnostic, type DocumentSymbol, type Fix, type Range, ruleCatalog, type SymbolKind } from 'conveyor-lint';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
} as const;

const helpUris = new Map<string, string>(ruleCatalog().map((r) => [r.id, r.helpUri]));

export const DIAGNOSTIC_SOURCE = 'conveyor';

export function toDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITY[d.severity]);
  out.source = DIAGNOSTIC_SOURCE;
  const help = helpUris.get(d.rule);
  out.code = help ? { value: d.rule, target: vscode.Uri.parse(help) } : d.rule;
  return out;
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  if (typeof d.code === 'string') return d.code;
  if (typeof d.code === 'object' && d.code !== null) return String(d.code.value);
  return undefined;
}

export function toWorkspaceEdit(uri: vscode.Uri, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}

export function toCompletionItem(item: CompletionItem): vscode.CompletionItem {
  const out = new vscode.CompletionItem(item.label, item.kind === 'property' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.Value);
  out.insertText = item.insertText;
  out.range = toRange(item.range);
  out.sortText = item.sortText;
  if (item.detail) out.detail = item.detail;
  if (item.documentation) out.documentation = new vscode.MarkdownString(item.documentation);
  // Keys that open a block put the cursor on the next line: ask for completions there right away.
  if (item.insertText.endsWith('\n') || /\n\s*(- )?$/.test(item.insertText)) {
    out.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
  }
  return out;
}

const SYMBOL_KIND: Record<SymbolKind, vscode.SymbolKind> = {
  section: vscode.SymbolKind.Namespace,
  phase: vscode.SymbolKind.Module,
  command: vscode.SymbolKind.Function,
  hook: vscode.SymbolKind.Event,
  script: vscode.SymbolKind.File,
  task: vscode.SymbolKind.Class,
  resource: vscode.SymbolKind.Object,
  key: vscode.SymbolKind.Property,
  item: vscode.SymbolKind.Field,
};

export function toDocumentSymbol(s: DocumentSymbol): vscode.DocumentSymbol {
  const out = new vscode.DocumentSymbol(s.name || ' ', s.detail ?? '', SYMBOL_KIND[s.kind], toRange(s.range), toRange(s.selectionRange));
  out.children = s.children.map(toDocumentSymbol);
  return out;
}
