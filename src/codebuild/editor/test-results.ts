// CodeBuild reports in VS Code's Testing view: a test report becomes test items (report group → suite →
// module or class → case) and a test run with each case's outcome, duration and failure message, whose
// stack frames link to workspace files; a coverage report becomes per-file statement and branch
// coverage. "Run" on an item reloads the newest report of its group.
import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import type { CodeBuildApi } from '../model/api';
import type { CodeBuildExplorer } from '../model/explorer';
import { idOfArn, type ReportInfo } from '../model/types';
import { coverageFiles } from '../reports/coverage';
import type { StackFrame } from '../reports/stack';
import { testTree, type TestCaseNode, type TestGroupNode } from '../reports/test-tree';

export const TEST_CONTROLLER_ID = 'conveyor.codebuild';

export interface TestResultsDeps {
  explorer: CodeBuildExplorer;
  apiFor(target: string): CodeBuildApi;
  log: Logger;
}

/** What one shown report added up to (commands and tests read it). */
export interface ShownReport {
  kind: 'tests' | 'coverage';
  runName: string;
  counts: Record<'passed' | 'failed' | 'errored' | 'skipped', number>;
  /** Coverage: files shown, and those outside the workspace left out. */
  files?: { shown: number; outside: number };
}

function groupNameOf(r: ReportInfo): string {
  return r.name ?? r.groupArn?.slice(r.groupArn.lastIndexOf('/') + 1) ?? r.arn;
}

export class TestResults implements vscode.Disposable {
  readonly controller: vscode.TestController;
  private readonly disposables = new DisposableStore();
  /** The report each root item last showed, to reload its group's newest. */
  private readonly shownFrom = new Map<string, { target: string; groupArn: string; project: string }>();
  /** The outcome each case got in the last run, and where its failure points (host tests read it). */
  readonly outcomes = new Map<string, { outcome: string; location?: string; frames: number }>();
  /** Files found (or not) in the workspace, by workspace-relative path. */
  private readonly files = new Map<string, Promise<vscode.Uri | undefined>>();

  private readonly runProfile: vscode.TestRunProfile;
  private readonly coverageProfile: vscode.TestRunProfile | undefined;

  constructor(private readonly d: TestResultsDeps) {
    this.controller = this.disposables.add(vscode.tests.createTestController(TEST_CONTROLLER_ID, 'CodeBuild Reports'));
    const reload = (request: vscode.TestRunRequest): Promise<void> => this.reload(request);
    this.runProfile = this.disposables.add(this.controller.createRunProfile('Load the newest CodeBuild report', vscode.TestRunProfileKind.Run, reload, true));
    if (typeof vscode.FileCoverage === 'function') {
      this.coverageProfile = this.disposables.add(this.controller.createRunProfile('Load the newest CodeBuild coverage', vscode.TestRunProfileKind.Coverage, reload, false));
    }
    this.disposables.add(vscode.workspace.onDidChangeWorkspaceFolders(() => this.files.clear()));
  }

  /** Shows a report: its cases as a test run, or its coverage. */
  async show(target: string, reportArn: string): Promise<ShownReport | undefined> {
    await this.d.explorer.loads.reports(target, [reportArn]);
    const report = this.d.explorer.store.target(target)?.reports.get(reportArn);
    if (!report) return undefined;
    const build = report.executionId ? await this.d.explorer.build(target, idOfArn(report.executionId)).catch(() => undefined) : undefined;
    const group = groupNameOf(report);
    const runName = `${build ? `${build.projectName}${build.number !== undefined ? ` #${build.number}` : ''} · ` : ''}${group}`;
    if (report.groupArn) this.shownFrom.set(group, { target, groupArn: report.groupArn, project: build?.projectName ?? '' });
    return report.type === 'CODE_COVERAGE' ? this.showCoverage(target, report, runName) : this.showTests(target, report, group, runName);
  }

  private async showTests(target: string, report: ReportInfo, group: string, runName: string): Promise<ShownReport> {
    const cases = await this.d.apiFor(target).testCases(report.arn);
    const tree = testTree(group, group, cases);
    const root = await this.item(this.controller.items, tree);
    const run = this.controller.createTestRun(new vscode.TestRunRequest([root], undefined, this.runProfile), runName, true);
    const counts = { passed: 0, failed: 0, errored: 0, skipped: 0 };
    try {
      const walk = async (node: TestGroupNode | TestCaseNode, item: vscode.TestItem): Promise<void> => {
        if (node.kind === 'group') {
          for (const child of node.children) {
            const childItem = item.children.get(child.id);
            if (childItem) await walk(child, childItem);
          }
          return;
        }
        counts[node.outcome]++;
        this.outcomes.set(item.id, { outcome: node.outcome, frames: 0 });
        if (node.outcome === 'passed') run.passed(item, node.durationMs);
        else if (node.outcome === 'skipped') run.skipped(item);
        else {
          const message = await this.message(node);
          const where = message.location;
          this.outcomes.set(item.id, {
            outcome: node.outcome, frames: message.stackTrace?.length ?? 0,
            ...(where ? { location: `${vscode.workspace.asRelativePath(where.uri)}:${where.range.start.line + 1}` } : {}),
          });
          if (node.outcome === 'failed') run.failed(item, message, node.durationMs);
          else run.errored(item, message, node.durationMs);
        }
      };
      await walk(tree, root);
      if (report.truncated) run.appendOutput('CodeBuild truncated this report: some test cases are missing.\r\n');
    } finally {
      run.end();
    }
    return { kind: 'tests', runName, counts };
  }

  private async showCoverage(target: string, report: ReportInfo, runName: string): Promise<ShownReport> {
    const counts = { passed: 0, failed: 0, errored: 0, skipped: 0 };
    if (typeof vscode.FileCoverage !== 'function') {
      this.d.log.info(`This VS Code has no test coverage API: ${runName} is not shown.`);
      return { kind: 'coverage', runName, counts, files: { shown: 0, outside: 0 } };
    }
    const files = coverageFiles(await this.d.apiFor(target).coverage(report.arn));
    const run = this.controller.createTestRun(new vscode.TestRunRequest(undefined, undefined, this.coverageProfile), runName, true);
    let shown = 0;
    try {
      for (const f of files) {
        const uri = f.relative ? await this.workspaceFile(f.relative) : undefined;
        if (!uri) continue;
        shown++;
        run.addCoverage(new vscode.FileCoverage(uri, new vscode.TestCoverageCount(f.statements.covered, f.statements.total),
          f.branches ? new vscode.TestCoverageCount(f.branches.covered, f.branches.total) : undefined));
      }
    } finally {
      run.end();
    }
    if (shown < files.length) this.d.log.info(`${runName}: ${files.length - shown} of ${files.length} covered files are not in this workspace.`);
    return { kind: 'coverage', runName, counts, files: { shown, outside: files.length - shown } };
  }

  /** Creates or updates the item of a node (and its children), in place under `parent`. */
  private async item(parent: vscode.TestItemCollection, node: TestGroupNode | TestCaseNode): Promise<vscode.TestItem> {
    const uri = await this.firstFile(node.candidates);
    let item = parent.get(node.id);
    if (!item || (item.uri?.toString() ?? '') !== (uri?.toString() ?? '')) {
      item = this.controller.createTestItem(node.id, node.label, uri);
      parent.add(item);
    }
    if (uri && node.kind === 'case') {
      const line = await this.lineOf(uri, node.label);
      if (line !== undefined) item.range = new vscode.Range(line, 0, line, 0);
    }
    if (node.kind === 'group') {
      const kids: vscode.TestItem[] = [];
      for (const child of node.children) kids.push(await this.item(item.children, child));
      item.children.replace(kids);
    }
    return item;
  }

  private async message(node: TestCaseNode): Promise<vscode.TestMessage> {
    const message = new vscode.TestMessage(node.message ? `${node.headline ?? ''}\n\n${node.message}`.trim() : node.headline ?? node.outcome);
    const located: { frame: StackFrame; uri: vscode.Uri }[] = [];
    for (const frame of node.frames) {
      const uri = await this.frameFile(frame);
      if (uri) located.push({ frame, uri });
    }
    // Tracebacks list the innermost call last: the last frame in the workspace is where it failed.
    const innermost = located[located.length - 1];
    if (innermost) message.location = new vscode.Location(innermost.uri, new vscode.Position(innermost.frame.line - 1, 0));
    if ('TestMessageStackFrame' in vscode) {
      message.stackTrace = await Promise.all(node.frames.map(async (f) => {
        const uri = located.find((l) => l.frame === f)?.uri;
        return new vscode.TestMessageStackFrame(f.label, uri, uri ? new vscode.Position(f.line - 1, (f.column ?? 1) - 1) : undefined);
      }));
    }
    return message;
  }

  private frameFile(frame: StackFrame): Promise<vscode.Uri | undefined> {
    if (frame.relative) return this.workspaceFile(frame.relative);
    return frame.packagePath ? this.firstFile([`${frame.packagePath}/${frame.file}`, `src/main/java/${frame.packagePath}/${frame.file}`, `src/test/java/${frame.packagePath}/${frame.file}`]) : Promise.resolve(undefined);
  }

  private async firstFile(candidates: readonly string[]): Promise<vscode.Uri | undefined> {
    for (const c of candidates) {
      const uri = await this.workspaceFile(c);
      if (uri) return uri;
    }
    return undefined;
  }

  /** A workspace-relative path as a file of one of the workspace folders, if it exists. */
  private workspaceFile(relative: string): Promise<vscode.Uri | undefined> {
    let found = this.files.get(relative);
    if (!found) {
      found = (async () => {
        for (const folder of vscode.workspace.workspaceFolders ?? []) {
          const uri = vscode.Uri.joinPath(folder.uri, relative);
          try {
            if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) return uri;
          } catch {
            // not in this folder
          }
        }
        return undefined;
      })();
      this.files.set(relative, found);
    }
    return found;
  }

  /** The line that defines a test (`def test_x`, `void testX(`, `test_x(`), 0-based. */
  private async lineOf(uri: vscode.Uri, name: string): Promise<number | undefined> {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const bare = name.replace(/\[.*\]$/, '').replace(/\(.*\)$/, '');
      const escaped = bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const pattern = new RegExp(`(?:def|fun|void|func|function)\\s+${escaped}\\b|\\b${escaped}\\s*\\(`);
      const index = text.split(/\r?\n/).findIndex((l) => pattern.test(l));
      return index >= 0 ? index : undefined;
    } catch {
      return undefined;
    }
  }

  /** "Run" on items: the newest report of each item's group, shown again. */
  private async reload(request: vscode.TestRunRequest): Promise<void> {
    const roots = new Set<string>();
    for (const item of request.include ?? [...this.collectionItems()]) roots.add(item.id.split('/')[0] ?? item.id);
    for (const group of roots) {
      const from = this.shownFrom.get(group);
      if (!from) continue;
      try {
        const page = await this.d.apiFor(from.target).listReportArns(from.groupArn, 1);
        const newest = page.items[0];
        if (newest) await this.show(from.target, newest);
      } catch (err) {
        this.d.log.warn(`Reloading ${group}: ${String(err)}`);
      }
    }
  }

  private *collectionItems(): Iterable<vscode.TestItem> {
    const items: vscode.TestItem[] = [];
    this.controller.items.forEach((i) => items.push(i));
    yield* items;
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
