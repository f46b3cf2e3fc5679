import {
  type CodeAction, CodeActionKind, CompletionItemKind, type CompletionItem as LspCompletionItem, type Diagnostic as LspDiagnostic,
  DiagnosticSeverity, type DocumentSymbol as LspDocumentSymbol, type FoldingRange as LspFoldingRange, FoldingRangeKind, InsertTextFormat,
  MarkupKind, SymbolKind as LspSymbolKind,
} from 'vscode-languageserver';
import type { CompletionItem } from '../language/completion';
import type { FoldingRange } from '../language/folding';
import type { DocumentSymbol, SymbolKind } from '../language/symbols';
import { ruleCatalog } from '../rules/catalog';
import type { Diagnostic, Fix, Severity } from '../types';

export const SOURCE = 'conveyor';

/** What a diagnostic carries back to the server in a code action request: its fixes. */
export interface DiagnosticData {
  fix?: Fix;
  disable?: Fix;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information,
};

let helpLinks: Map<string, string> | undefined;

function helpLink(rule: string): string | undefined {
  helpLinks ??= new Map(ruleCatalog().flatMap((r) => (r.helpUri ? [[r.id, r.helpUri] as const] : [])));
  return helpLinks.get(rule);
}

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const href = helpLink(d.rule);
  const data: DiagnosticData = { ...(d.fix ? { fix: d.fix } : {}), ...(d.disable ? { disable: d.disable } : {}) };
  return { range: d.range, severity: SEVERITY[d.severity], message: d.message, source: SOURCE, code: d.rule,
    ...(href ? { codeDescription: { href } } : {}), ...(d.fix || d.disable ? { data } : {}) };
}

function isFix(value: unknown): value is Fix {
  if (typeof value !== 'object' || value === null) return false;
  const { title, edits } = value as { title?: unknown; edits?: unknown };
  return typeof title === 'string' && Array.isArray(edits);
}

/** The quick fix and the "Disable <rule> for this line" fix of each diagnostic the client sends back. */
export function codeActionsFor(uri: string, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const data = d.data as DiagnosticData | undefined;
    if (isFix(data?.fix)) {
      out.push({ title: data.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true,
        edit: { changes: { [uri]: data.fix.edits } } });
    }
    if (isFix(data?.disable)) {
      out.push({ title: data.disable.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: data.disable.edits } } });
    }
  }
  return out;
}

export function toLspCompletion(item: CompletionItem): LspCompletionItem {
  return {
    label: item.label,
    kind: item.kind === 'property' ? CompletionItemKind.Property : CompletionItemKind.Value,
    ...(item.detail ? { detail: item.detail } : {}),
    ...(item.documentation ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
    textEdit: { range: item.range, newText: item.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
    sortText: item.sortText,
    // Clients filter on what was typed; the label is what the person types.
    filterText: item.label,
  };
}

const SYMBOL_KIND: Record<SymbolKind, LspSymbolKind> = {
  key: LspSymbolKind.Property, phase: LspSymbolKind.Module, command: LspSymbolKind.Function, hook: LspSymbolKind.Event,
  script: LspSymbolKind.File, task: LspSymbolKind.Class, resource: LspSymbolKind.Object, item: LspSymbolKind.Field,
  section: LspSymbolKind.Namespace,
};

export function toLspSymbol(s: DocumentSymbol): LspDocumentSymbol {
  return { name: s.name || ' ', kind: SYMBOL_KIND[s.kind], range: s.range, selectionRange: s.selectionRange,
    ...(s.detail ? { detail: s.detail } : {}), children: s.children.map(toLspSymbol) };
}

export function toLspFolding(f: FoldingRange): LspFoldingRange {
  return { startLine: f.startLine, endLine: f.endLine, ...(f.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}) };
}
