// The build log commands: open the log of a pipeline action or a build id, page back, stop following,
// reload, open in CloudWatch, and go to the failing command in the workspace's buildspec.
import * as vscode from 'vscode';
import type { AwsAccess, AwsTarget } from '../../aws/access';
import { pickStrings } from '../../core/args';
import { lazy } from '../../core/lazy';
import type { Logger } from '../../core/log';
import type { EditorUi } from '../../editor/ui';
import { buildUrl, logStreamUrl } from '../console';
import { parseBuildId, parseLogStreamArn, resolveBuildLogs } from '../source';
import { decodeLogQuery, type LogDocumentParams } from '../uri';
import type { LogDocuments } from './log-documents';

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

/** The buildspec reader, and the YAML parser with it, load when a log first looks for its buildspec. */
const buildspecs = lazy(() => require('../buildspec') as typeof import('../buildspec'));

const ACTION_ARGS = ['profile', 'region', 'externalExecutionId', 'logStreamArn', 'provider', 'pipelineName', 'stageName', 'actionName'] as const;

export interface LogCommandsDeps {
  log: Logger;
  aws: AwsAccess;
  ui: EditorUi;
  documents: LogDocuments;
}

export class LogCommands {
  constructor(private readonly d: LogCommandsDeps) {}

  private target(params: { profile?: string; region?: string }): AwsTarget | undefined {
    if (params.profile !== undefined && params.region) return { profile: params.profile, region: params.region };
    const current = this.d.aws.current;
    return current ? { profile: current.profile, region: params.region ?? current.region } : undefined;
  }

  /** Opens the log of a pipeline action (CodeBuild build, or any action with a log stream ARN). */
  async showActionLogs(arg?: unknown): Promise<vscode.Uri | undefined> {
    const args: ActionLogsArgs = pickStrings(arg, ACTION_ARGS);
    const target = this.target(args);
    if (!target) {
      this.d.ui.notify('warning', 'Choose an AWS profile first.', ['Select AWS Profile'], () => void vscode.commands.executeCommand('conveyor.aws.selectProfile'));
      return undefined;
    }
    let params: LogDocumentParams | undefined;
    let note: string | undefined;
    const buildId = args.externalExecutionId && parseBuildId(args.externalExecutionId) && (args.provider === undefined || args.provider === 'CodeBuild')
      ? args.externalExecutionId : undefined;
    if (buildId) {
      const location = await this.d.ui.withProgress(`Finding the log of ${buildId}`,
        () => resolveBuildLogs(this.d.aws.client('codebuild', target), buildId, (err) => this.d.log.warn(`BatchGetBuilds ${buildId}: ${String(err)}`)), 'window');
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
      this.d.ui.notify('info', `${args.actionName ?? 'This action'} has no log Conveyor can open (no CodeBuild build and no log stream).`);
      return undefined;
    }
    if (note) this.d.log.info(note);
    return this.d.documents.open(params);
  }

  async showBuildLogs(arg?: unknown): Promise<vscode.Uri | undefined> {
    const id = typeof arg === 'string' ? arg : await this.d.ui.input({
      title: 'Show Build Logs', prompt: 'CodeBuild build id (project:uuid) or build ARN',
      validate: (v) => (parseBuildId(v.trim()) ? undefined : 'A build id looks like my-project:0b6f4f1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'),
    });
    if (!id) return undefined;
    const trimmed = id.trim();
    const buildId = trimmed.startsWith('arn:') ? trimmed.slice(trimmed.lastIndexOf('build/') + 6) : trimmed;
    return this.showActionLogs({ externalExecutionId: buildId, provider: 'CodeBuild' });
  }

  async loadOlder(arg?: unknown): Promise<number> {
    const uri = this.d.documents.uriOf(arg);
    const session = uri ? this.d.documents.session(uri) : undefined;
    if (!session) return 0;
    try {
      return await this.d.ui.withProgress('Loading older log events', () => session.loadOlder(), 'window');
    } catch (err) {
      this.d.ui.reportAwsError(err, { service: 'logs', target: { profile: session.params.profile, region: session.params.region } });
      return 0;
    }
  }

  stopTail(arg?: unknown): void {
    const uri = this.d.documents.uriOf(arg);
    if (uri) this.d.documents.session(uri)?.stopTail();
  }

  async reload(arg?: unknown): Promise<void> {
    const uri = this.d.documents.uriOf(arg);
    await (uri ? this.d.documents.session(uri) : undefined)?.reload();
  }

  async openInConsole(arg?: unknown): Promise<string | undefined> {
    const uri = this.d.documents.uriOf(arg);
    const params = uri ? decodeLogQuery(uri.query) : undefined;
    if (!params) return undefined;
    const url = params.buildId ? buildUrl(params.region, params.buildId) : logStreamUrl(params.region, params.group, params.stream);
    await this.d.ui.openExternal(url);
    return url;
  }

  /** Opens buildspec.yml at the command that failed the build; returns where, or undefined. */
  async goToFailingCommand(arg?: unknown): Promise<vscode.Location | undefined> {
    const uri = this.d.documents.uriOf(arg);
    const session = uri ? this.d.documents.session(uri) : undefined;
    const failing = session?.failingCommand();
    if (!session || !failing) {
      this.d.ui.notify('info', 'No failed command in this log.');
      return undefined;
    }
    const uris = await vscode.workspace.findFiles('**/buildspec*.{yml,yaml}', '**/{node_modules,.git}/**', 200);
    const files: { uri: vscode.Uri; relativePath: string; text: string }[] = [];
    for (const { uri: file } of buildspecs().orderBuildspecPaths(uris.map((u) => ({ uri: u, path: u.path })), session.build?.buildspec)) {
      try {
        files.push({ uri: file, relativePath: vscode.workspace.asRelativePath(file), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(file)) });
      } catch {
        // unreadable: skip
      }
    }
    const ran = session.phases().flatMap((p) => p.commands.map((c) => c.command));
    const project = session.build?.projectName ?? (session.params.buildId ? parseBuildId(session.params.buildId)?.project : undefined) ?? '';
    const found = buildspecs().locateInBuildspecs(files, failing, ran, project);
    if (found) {
      const hit = found.location;
      await this.d.ui.openDocument(found.file.uri, { preview: false, selection: { line: hit.line, character: hit.character, endLine: hit.endLine, endCharacter: hit.endCharacter } });
      return new vscode.Location(found.file.uri, new vscode.Range(hit.line, hit.character, hit.endLine, hit.endCharacter));
    }
    const inline = session.build?.buildspec?.includes('\n') ? session.build.buildspec : undefined;
    const show = 'Show the Project\'s Buildspec';
    this.d.ui.notify('info', `No buildspec in this workspace contains “${failing.command}”.`, inline ? [show] : [], () => void this.showInline(inline, failing));
    return undefined;
  }

  private async showInline(buildspec: string | undefined, failing: { command: string; phase?: string; index?: number }): Promise<void> {
    if (!buildspec) return;
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: buildspec });
    const hit = buildspecs().locateInBuildspecs([{ relativePath: '', text: buildspec }], failing, [], '')?.location;
    await this.d.ui.openDocument(doc.uri, hit ? { selection: { line: hit.line, character: hit.character, endLine: hit.endLine, endCharacter: hit.endCharacter } } : {});
  }
}
