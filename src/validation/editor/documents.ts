import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type SpecKind, validate, type ValidationReport } from 'conveyor-lint';
import { detectDocumentKind } from './detect-document';
import { readSettings } from './settings';

/**
 * What each open document is, and its latest validation, per document and version. A URI alone is not
 * enough: an untitled URI is reused by the next untitled document, whose versions start at 1 again.
 */
export class SpecDocuments {
  private readonly kinds = new Map<string, { document: vscode.TextDocument; version: number; kind: SpecKind | undefined }>();
  private readonly reports = new Map<string, { document: vscode.TextDocument; version: number; report: ValidationReport }>();

  kindOf(document: vscode.TextDocument): SpecKind | undefined {
    const key = document.uri.toString();
    const cached = this.kinds.get(key);
    if (cached?.document === document && cached.version === document.version) return cached.kind;
    const kind = detectDocumentKind(document);
    this.kinds.set(key, { document, version: document.version, kind });
    return kind;
  }

  /** For editor features other than validation: only buildspecs and appspecs themselves. */
  specKindOf(document: vscode.TextDocument): 'buildspec' | 'appspec' | undefined {
    const kind = this.kindOf(document);
    return kind === 'buildspec' || kind === 'appspec' ? kind : undefined;
  }

  report(document: vscode.TextDocument): ValidationReport | undefined {
    const kind = this.kindOf(document);
    if (!kind) return undefined;
    const key = document.uri.toString();
    const cached = this.reports.get(key);
    if (cached?.document === document && cached.version === document.version && cached.report.kind === kind) return cached.report;
    const { rules } = readSettings(document.uri);
    const report = validate(document.getText(), { kind, path: document.uri.path, rules, ...this.fileExists(document) });
    this.reports.set(key, { document, version: document.version, report });
    return report;
  }

  /** Forget cached results (settings changed, files created or deleted). */
  invalidate(document?: vscode.TextDocument): void {
    if (document) {
      this.kinds.delete(document.uri.toString());
      this.reports.delete(document.uri.toString());
    } else {
      this.kinds.clear();
      this.reports.clear();
    }
  }

  /** Hook scripts are looked up next to the appspec, on disk (the revision root). */
  private fileExists(document: vscode.TextDocument): { fileExists?: (relativePath: string) => boolean } {
    if (document.uri.scheme !== 'file') return {};
    const dir = path.dirname(document.uri.fsPath);
    return { fileExists: (rel) => fs.existsSync(path.join(dir, rel)) };
  }
}
