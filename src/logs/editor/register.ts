// Build logs in the editor: a read-only `conveyor-log:` document per log stream, with folding and an
// outline by CodeBuild phase, ANSI colours as decorations, code lenses (load older, live tail, go to
// the failing command) and the commands that open logs for a pipeline action or a build id.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsAccess, AwsTarget } from '../../aws/access';
import { explainAwsError } from '../../aws/errors';
import type { Logger } from '../../core/log';
import { commandOverlap, locateCommand, pathAffinity } from '../buildspec';
import { buildUrl, logStreamUrl } from '../console';
import { commandLabel, phaseLabel } from '../outline';
import { LogSession } from '../session';
import { parseBuildId, parseLogStreamArn, resolveBuildLogs } from '../source';
import { decodeLogQuery, encodeLogQuery, LOG_SCHEME, logDocumentPath, type LogDocumentParams } from '../uri';
import { LogDecorations } from './decorations';

export interface LogsDeps {
  log: Logger;
  aws: AwsAccess;
}

/** What `conveyor.logs.showActionLogs` accepts (the pipelines explorer passes this). */
export interface ActionLogsArgs {
  profile?: string;
  region?: string;
  externalExecutionId?: string;
  logStreamArn?: string;
  provider?: string;
  pipelineName?: string;
  stageName?: string;
  actionName?: string;
}

export const LOG_COMMANDS = [
  'conveyor.logs.showActionLogs', 'conveyor.logs.showBuildLogs', 'conveyor.logs.loadOlder', 'conveyor.logs.goToFailingCommand',
  'conveyor.logs.stopTail', 'conveyor.logs.reload', 'conveyor.logs.openInConsole',
] as const;

function logsConfig(): { colors: boolean; liveTail: boolean } {
  const c = vscode.workspace.getConfiguration('conveyor.logs');
  return { colors: c.get<string>('ansiColors') !== 'strip', liveTail: c.get<boolean>('liveTail') !== false };
}

function str(o: Record<string, unknown>, k: string): string | undefined {
  return typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : undefined;
}

function asActionArgs(arg: unknown): ActionLogsArgs {
  if (typeof arg !== 'object' || arg === null) return {};
  const o = arg as Record<string, unknown>;
  const out: ActionLogsArgs = {};
  for (const k of ['profile', 'region', 'externalExecutionId', 'logStreamArn', 'provider', 'pipelineName', 'stageName', 'actionName'] as const) {
    const v = str(o, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export class LogsFeature implements vscode.TextDocumentContentProvider, vscode.FoldingRangeProvider, vscode.DocumentSymbolProvider, vscode.CodeLensProvider, vscode.Disposable {
  private readonly sessions = new Map<string, LogSession>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly lensEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensEmitter.event;
  private readonly decorations = new LogDecorations();
  private readonly disposables: vscode.Disposable[] = [];
  /** Line counts as last provided, to keep following the end while tailing. */
  private readonly lineCounts = new Map<string, number>();

  constructor(private readonly deps: LogsDeps) {
    const selector: vscode.DocumentSelector = { scheme: LOG_SCHEME };
    this.disposables.push(
      this.changeEmitter, this.lensEmitter, this.decorations,
      vscode.workspace.registerTextDocumentContentProvider(LOG_SCHEME, this),
      vscode.languages.registerFoldingRangeProvider(selector, this),
      vscode.languages.registerDocumentSymbolProvider(selector, this, { label: 'Build phases' }),
      vscode.languages.registerCodeLensProvider(selector, this),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.uri.scheme === LOG_SCHEME) this.afterUpdate(e.document); }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => { for (const e of editors) this.decorate(e); }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('conveyor.logs')) for (const ed of vscode.window.visibleTextEditors) this.decorate(ed);
      }),
    );
    this.registerCommands();
  }

  /** The session behind a log document (host tests inspect it). */
  session(uri: vscode.Uri): LogSession | undefined {
    return this.sessions.get(uri.toString());
  }

  private target(params: { profile?: string; region?: string }): AwsTarget | undefined {
    if (params.profile !== undefined && params.region) return { profile: params.profile, region: params.region };
    const current = this.deps.aws.current;
    return current ? { profile: current.profile, region: params.region ?? current.region } : undefined;
  }

  private sessionFor(uri: vscode.Uri): LogSession | undefined {
    const key = uri.toString();
    const existing = this.sessions.get(key);
    if (existing) return existing;
    const params = decodeLogQuery(uri.query);
    if (!params) return undefined;
    const target = { profile: params.profile, region: params.region };
    const session = new LogSession(params, {
      logs: this.deps.aws.client('logs', target),
      codebuild: this.deps.aws.client('codebuild', target),
      log: this.deps.log,
      explain: (err, operation) => explainAwsError(err, { service: 'logs', operation, ...target }).message,
      useLiveTail: logsConfig().liveTail,
    });
    session.onDidChange(() => {
      this.changeEmitter.fire(uri);
      this.lensEmitter.fire();
    });
    this.sessions.set(key, session);
    return session;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const session = this.sessionFor(uri);
    if (!session) return 'This is not a Conveyor log link.';
    await session.load();
    return session.text();
  }

  provideFoldingRanges(doc: vscode.TextDocument): vscode.FoldingRange[] {
    const session = this.sessions.get(doc.uri.toString());
    if (!session || session.state !== 'ready') return [];
    const ranges: vscode.FoldingRange[] = [];
    for (const p of session.phases()) {
      if (p.endLine > p.startLine) ranges.push(new vscode.FoldingRange(p.startLine, p.endLine, vscode.FoldingRangeKind.Region));
      for (const c of p.commands) if (c.endLine > c.line) ranges.push(new vscode.FoldingRange(c.line, c.endLine));
    }
    return ranges;
  }

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const session = this.sessions.get(doc.uri.toString());
    if (!session || session.state !== 'ready') return [];
    const lastLine = Math.max(0, doc.lineCount - 1);
    const phases = session.phases();
    return phases.map((p, i) => {
      const running = i === phases.length - 1 && session.tailing;
      const { name, detail } = phaseLabel(p, running);
      const end = Math.min(p.endLine, lastLine);
      const range = new vscode.Range(p.startLine, 0, end, doc.lineAt(end).text.length);
      const symbol = new vscode.DocumentSymbol(name, detail, p.status && p.status !== 'SUCCEEDED' ? vscode.SymbolKind.Event : vscode.SymbolKind.Namespace,
        range, new vscode.Range(p.startLine, 0, p.startLine, doc.lineAt(Math.min(p.startLine, lastLine)).text.length));
      symbol.children = p.commands.map((c) => {
        const l = commandLabel(c);
        const cEnd = Math.min(Math.max(c.endLine, c.line), end);
        return new vscode.DocumentSymbol(l.name, l.detail, vscode.SymbolKind.Function,
          new vscode.Range(c.line, 0, cEnd, doc.lineAt(cEnd).text.length), new vscode.Range(c.line, 0, c.line, doc.lineAt(Math.min(c.line, lastLine)).text.length));
      });
      return symbol;
    });
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const session = this.sessions.get(doc.uri.toString());
    if (!session) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const lens = (title: string, command = '', args: unknown[] = [doc.uri]): vscode.CodeLens => new vscode.CodeLens(top, { title, command, arguments: args });
    const out: vscode.CodeLens[] = [];
    if (session.state === 'error') return [lens('$(refresh) Reload', 'conveyor.logs.reload')];
    if (session.state === 'loading') return [lens('$(loading~spin) Loading…')];
    if (session.buffer.backwardToken && !session.buffer.reachedStart) out.push(lens('$(fold-up) Load older events', 'conveyor.logs.loadOlder'));
    else out.push(lens('$(check) Start of the log'));
    if (session.tailing) {
      out.push(lens(session.tailMode === 'polling' ? '$(sync~spin) Following (polling)' : '$(broadcast) Live tail', ''));
      out.push(lens('$(debug-stop) Stop following', 'conveyor.logs.stopTail'));
    } else if (session.build) {
      out.push(lens(`Build ${session.build.status ?? (session.build.complete ? 'complete' : 'running')}`));
    }
    out.push(lens('$(link-external) Open in CloudWatch', 'conveyor.logs.openInConsole'));
    const failing = session.failingCommand();
    if (failing) {
      const range = new vscode.Range(failing.line, 0, failing.line, 0);
      out.push(new vscode.CodeLens(range, { title: `$(go-to-file) Go to “${failing.command.length > 40 ? `${failing.command.slice(0, 39)}…` : failing.command}” in buildspec.yml`, command: 'conveyor.logs.goToFailingCommand', arguments: [doc.uri] }));
    }
    return out;
  }

  // ---- commands -----------------------------------------------------------------------------------

  /** Opens the log of a pipeline action (CodeBuild build, or any action with a log stream ARN). */
  async showActionLogs(arg?: unknown): Promise<vscode.Uri | undefined> {
    const args = asActionArgs(arg);
    const target = this.target(args);
    if (!target) {
      void vscode.window.showWarningMessage('Choose an AWS profile first.', 'Select AWS Profile').then((b) => {
        if (b) void vscode.commands.executeCommand('conveyor.aws.selectProfile');
      });
      return undefined;
    }
    let params: LogDocumentParams | undefined;
    let note: string | undefined;
    const buildId = args.externalExecutionId && parseBuildId(args.externalExecutionId) && (args.provider === undefined || args.provider === 'CodeBuild')
      ? args.externalExecutionId : undefined;
    if (buildId) {
      const location = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Finding the log of ${buildId}` },
        () => resolveBuildLogs(this.deps.aws.client('codebuild', target), buildId, (err) => this.deps.log.warn(`BatchGetBuilds ${buildId}: ${String(err)}`)));
      if (location) {
        params = { ...target, group: location.group, stream: location.stream, buildId, ...(location.groupArn ? { groupArn: location.groupArn } : {}) };
        note = location.note;
      }
    }
    if (!params && args.logStreamArn) {
      const arn = parseLogStreamArn(args.logStreamArn);
      if (arn) params = { profile: target.profile, region: arn.region || target.region, group: arn.group, stream: arn.stream, groupArn: arn.groupArn };
    }
    if (!params) {
      void vscode.window.showInformationMessage(`${args.actionName ?? 'This action'} has no log Conveyor can open (no CodeBuild build and no log stream).`);
      return undefined;
    }
    if (note) this.deps.log.info(note);
    return this.open(params);
  }

  async showBuildLogs(arg?: unknown): Promise<vscode.Uri | undefined> {
    const id = typeof arg === 'string' ? arg : await vscode.window.showInputBox({
      title: 'Show Build Logs', prompt: 'CodeBuild build id (project:uuid) or build ARN', ignoreFocusOut: true,
      validateInput: (v) => (parseBuildId(v.trim()) ? null : 'A build id looks like my-project:0b6f4f1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'),
    });
    if (!id) return undefined;
    const trimmed = id.trim();
    const buildId = trimmed.startsWith('arn:') ? trimmed.slice(trimmed.lastIndexOf('build/') + 6) : trimmed;
    return this.showActionLogs({ externalExecutionId: buildId, provider: 'CodeBuild' });
  }

  async open(params: LogDocumentParams): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: LOG_SCHEME, path: logDocumentPath(params), query: encodeLogQuery(params) });
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    this.decorate(editor);
    const session = this.sessions.get(uri.toString());
    // A finished build opens at its failure (or its end); a running one follows the end.
    const failing = session?.failingCommand();
    const line = failing && !session?.tailing ? failing.line : Math.max(0, doc.lineCount - 1);
    editor.selection = new vscode.Selection(line, 0, line, 0);
    editor.revealRange(new vscode.Range(line, 0, line, 0), failing && !session?.tailing ? vscode.TextEditorRevealType.InCenter : vscode.TextEditorRevealType.Default);
    return uri;
  }

  private uriOf(arg: unknown): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) return arg;
    if (typeof arg === 'string') {
      try {
        return vscode.Uri.parse(arg, true);
      } catch {
        return undefined;
      }
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    return active?.scheme === LOG_SCHEME ? active : undefined;
  }

  async loadOlder(arg?: unknown): Promise<number> {
    const uri = this.uriOf(arg);
    const session = uri ? this.sessions.get(uri.toString()) : undefined;
    if (!session || !uri) return 0;
    try {
      return await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Loading older log events' }, () => session.loadOlder());
    } catch (err) {
      void this.deps.aws.showError(err, { service: 'logs', operation: 'GetLogEvents', target: { profile: session.params.profile, region: session.params.region } });
      return 0;
    }
  }

  stopTail(arg?: unknown): void {
    const uri = this.uriOf(arg);
    if (uri) this.sessions.get(uri.toString())?.stopTail();
  }

  async reload(arg?: unknown): Promise<void> {
    const uri = this.uriOf(arg);
    const session = uri ? this.sessions.get(uri.toString()) : undefined;
    await session?.reload();
  }

  async openInConsole(arg?: unknown): Promise<string | undefined> {
    const uri = this.uriOf(arg);
    const params = uri ? decodeLogQuery(uri.query) : undefined;
    if (!params) return undefined;
    const url = params.buildId ? `${buildUrl(params.region, params.buildId)}` : logStreamUrl(params.region, params.group, params.stream);
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
    return url;
  }

  /** Opens buildspec.yml at the command that failed the build; returns where, or undefined. */
  async goToFailingCommand(arg?: unknown): Promise<vscode.Location | undefined> {
    const uri = this.uriOf(arg);
    const session = uri ? this.sessions.get(uri.toString()) : undefined;
    const failing = session?.failingCommand();
    if (!session || !failing) {
      void vscode.window.showInformationMessage('No failed command in this log.');
      return undefined;
    }
    const wanted = session.build?.buildspec && !session.build.buildspec.includes('\n') ? session.build.buildspec.replace(/\\/g, '/') : undefined;
    const files = await vscode.workspace.findFiles('**/buildspec*.{yml,yaml}', '**/{node_modules,.git}/**', 200);
    files.sort((a, b) => {
      const score = (u: vscode.Uri): number => (wanted && u.path.endsWith(`/${wanted}`) ? 0 : path.posix.basename(u.path) === 'buildspec.yml' ? 1 : 2);
      return score(a) - score(b) || a.path.length - b.path.length;
    });
    const ran = session.phases().flatMap((p) => p.commands.map((c) => c.command));
    const project = session.build?.projectName ?? (session.params.buildId ? parseBuildId(session.params.buildId)?.project : undefined) ?? '';
    const candidates: { file: vscode.Uri; text: string; overlap: number; affinity: number; order: number }[] = [];
    for (const [order, file] of files.entries()) {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
        if (locateCommand(text, failing.command, failing.phase, failing.index)) {
          candidates.push({ file, text, overlap: commandOverlap(text, ran), affinity: pathAffinity(vscode.workspace.asRelativePath(file), project), order });
        }
      } catch {
        // unreadable: skip
      }
    }
    // The buildspec the build used declares every command it ran; a folder named like the project and
    // the project's configured buildspec path break ties.
    candidates.sort((a, b) => b.overlap - a.overlap || b.affinity - a.affinity || a.order - b.order);
    const best = candidates[0];
    if (best) {
      const hit = locateCommand(best.text, failing.command, failing.phase, failing.index);
      if (hit) {
        const doc = await vscode.workspace.openTextDocument(best.file);
        const range = new vscode.Range(hit.line, hit.character, hit.endLine, hit.endCharacter);
        await vscode.window.showTextDocument(doc, { selection: range, preview: false });
        return new vscode.Location(best.file, range);
      }
    }
    const inline = session.build?.buildspec?.includes('\n') ? session.build.buildspec : undefined;
    const buttons = inline ? ['Show the Project\'s Buildspec'] : [];
    void vscode.window.showInformationMessage(`No buildspec in this workspace contains “${failing.command}”.`, ...buttons).then(async (b) => {
      if (b && inline) {
        const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: inline });
        const hit = locateCommand(inline, failing.command, failing.phase, failing.index);
        await vscode.window.showTextDocument(doc, hit ? { selection: new vscode.Range(hit.line, hit.character, hit.endLine, hit.endCharacter) } : {});
      }
    });
    return undefined;
  }

  // ---- internals ----------------------------------------------------------------------------------

  private decorate(editor: vscode.TextEditor): void {
    if (editor.document.uri.scheme !== LOG_SCHEME) return;
    const session = this.sessions.get(editor.document.uri.toString());
    if (session) this.decorations.apply(editor, session, logsConfig().colors);
  }

  /** After new text arrived: re-decorate, and keep following the end in editors that were at the end. */
  private afterUpdate(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const before = this.lineCounts.get(key) ?? 0;
    this.lineCounts.set(key, doc.lineCount);
    const session = this.sessions.get(key);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== doc) continue;
      this.decorate(editor);
      const lastVisible = editor.visibleRanges[editor.visibleRanges.length - 1]?.end.line ?? 0;
      if (session?.tailing && doc.lineCount > before && lastVisible >= before - 2) {
        const end = doc.lineCount - 1;
        editor.revealRange(new vscode.Range(end, 0, end, 0), vscode.TextEditorRevealType.Default);
      }
    }
  }

  private closed(uri: vscode.Uri): void {
    if (uri.scheme !== LOG_SCHEME) return;
    const key = uri.toString();
    this.sessions.get(key)?.dispose();
    this.sessions.delete(key);
    this.lineCounts.delete(key);
  }

  private registerCommands(): void {
    const handlers: Record<(typeof LOG_COMMANDS)[number], (arg?: unknown) => unknown> = {
      'conveyor.logs.showActionLogs': (a) => this.showActionLogs(a),
      'conveyor.logs.showBuildLogs': (a) => this.showBuildLogs(a),
      'conveyor.logs.loadOlder': (a) => this.loadOlder(a),
      'conveyor.logs.goToFailingCommand': (a) => this.goToFailingCommand(a),
      'conveyor.logs.stopTail': (a) => this.stopTail(a),
      'conveyor.logs.reload': (a) => this.reload(a),
      'conveyor.logs.openInConsole': (a) => this.openInConsole(a),
    };
    for (const [id, handler] of Object.entries(handlers)) {
      this.disposables.push(vscode.commands.registerCommand(id, async (arg?: unknown) => {
        try {
          return await handler(arg);
        } catch (err) {
          this.deps.log.error(`${id} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
          void vscode.window.showErrorMessage(`Conveyor: ${err instanceof Error ? err.message : String(err)}`);
          return undefined;
        }
      }));
    }
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    for (const d of this.disposables.splice(0).reverse()) {
      try {
        d.dispose();
      } catch {
        // keep going
      }
    }
  }
}

export function createLogsFeature(context: Pick<vscode.ExtensionContext, 'subscriptions'>, deps: LogsDeps): LogsFeature {
  const feature = new LogsFeature(deps);
  context.subscriptions.push(feature);
  return feature;
}

/** Entry point for src/extension.ts. */
export function registerLogs(context: vscode.ExtensionContext, deps: LogsDeps): void {
  createLogsFeature(context, deps);
}
