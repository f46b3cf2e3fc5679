// Loaded by a fresh extension host as its `extensionTestsPath` (bench/validation-client.bench.ts):
// activates Conveyor, opens a generated buildspec with one problem, then times edits until the Problems
// reflect them: each edit inserts a line at the top, and the edit counts as shown when VS Code's
// diagnostics for the document put the problem one line further down. Writes one JSON object to
// CONVEYOR_BENCH_OUT.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { PROBE_SPECS, type ProbeSpec } from './validation-probe-specs';

export interface ValidationProbeResult {
  /** Per document size: the medians of edit → Problems updated, and of open → first Problems. */
  sizes: { lines: number; runs: number; editMs: number[]; openMs: number }[];
  error?: string;
}


function problemLine(uri: vscode.Uri): number | undefined {
  return vscode.languages.getDiagnostics(uri).find((d) => d.source === 'conveyor')?.range.start.line;
}

/** Resolves when the document's problem is on `line` (checked now and on every diagnostics change). */
function problemOn(uri: vscode.Uri, line: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { listener.dispose(); reject(new Error(`the problem never reached line ${line} (at ${problemLine(uri)})`)); }, 120_000);
    const check = (): void => {
      if (problemLine(uri) !== line) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => { if (e.uris.some((u) => u.toString() === uri.toString())) check(); });
    check();
  });
}

export async function run(): Promise<void> {
  const result: ValidationProbeResult = { sizes: [] };
  try {
    const extension = vscode.extensions.getExtension('conveyor-dev.conveyor');
    if (!extension) throw new Error('Conveyor is not in this host');
    await extension.activate();
    const specs = JSON.parse(fs.readFileSync(path.join(__dirname, PROBE_SPECS), 'utf8')) as ProbeSpec[];
    for (const { lines, runs, text: base } of specs) {
      // The problem is the last key, two lines before the end.
      const at = base.split('\n').length - 3;
      let t = performance.now();
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: base });
      const editor = await vscode.window.showTextDocument(document);
      await problemOn(document.uri, at);
      const openMs = performance.now() - t;
      const editMs: number[] = [];
      for (let i = 1; i <= runs + 3; i++) {
        t = performance.now();
        await editor.edit((b) => b.insert(new vscode.Position(0, 0), `# edit ${i}\n`));
        await problemOn(document.uri, at + i);
        if (i > 3) editMs.push(performance.now() - t);
      }
      result.sizes.push({ lines, runs, editMs, openMs });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  } catch (err) {
    result.error = err instanceof Error ? err.stack ?? err.message : String(err);
  }
  const out = process.env.CONVEYOR_BENCH_OUT;
  if (out) fs.writeFileSync(out, JSON.stringify(result));
}
