// Entry point of the Artifacts feature: the view, its commands, version documents, logins.
import * as vscode from 'vscode';
import type { AwsAccess } from '../../aws/access';
import type { Logger } from '../../core/log';
import type { ArtifactNode } from '../tree/nodes';
import { DETAILS_SCHEME, DetailsDocuments } from './details-document';
import { ArtifactsFeature, type LoginArgs } from './feature';

export const VIEW_ID = 'conveyor.artifacts';

/** Every command the feature registers; package.json contributes all but the internal one. */
export const ARTIFACT_COMMANDS = [
  'conveyor.artifacts.refresh', 'conveyor.artifacts.filter', 'conveyor.artifacts.clearFilter', 'conveyor.artifacts.loadMore',
  'conveyor.artifacts.login', 'conveyor.artifacts.logout', 'conveyor.artifacts.refreshToken', 'conveyor.artifacts.manageLogin',
  'conveyor.artifacts.copySnippet', 'conveyor.artifacts.showDetails', 'conveyor.artifacts.addDomain', 'conveyor.artifacts.removeDomain',
] as const;

/** For host and UI tests: the state of logins as the status bar shows it. Not contributed. */
export const INTERNAL_STATE_COMMAND = 'conveyor.artifacts.internal.state';

export function registerArtifacts(context: vscode.ExtensionContext, deps: { log: Logger; aws: AwsAccess }): void {
  const feature = new ArtifactsFeature({
    subscriptions: context.subscriptions, environmentVariableCollection: context.environmentVariableCollection,
    globalState: context.globalState, secrets: context.secrets, globalStoragePath: context.globalStorageUri.fsPath,
  }, deps);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: feature.provider, showCollapseAll: true });
  feature.attachView(view);
  const details = new DetailsDocuments(
    (target) => deps.aws.client('codeartifact', target),
    (err, op) => deps.aws.explain(err, { service: 'codeartifact', operation: op }).message,
  );
  const node = (arg: unknown): ArtifactNode | undefined => (typeof arg === 'object' && arg !== null && 'data' in arg ? arg as ArtifactNode : undefined);
  context.subscriptions.push(
    feature, view,
    vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, details),
    vscode.commands.registerCommand('conveyor.artifacts.refresh', (arg?: unknown) => feature.refreshTree(node(arg))),
    vscode.commands.registerCommand('conveyor.artifacts.filter', (text?: unknown) => feature.filter(typeof text === 'string' ? text : undefined)),
    vscode.commands.registerCommand('conveyor.artifacts.clearFilter', () => feature.clearFilter()),
    vscode.commands.registerCommand('conveyor.artifacts.loadMore', (arg: unknown) => { const n = node(arg); return n ? feature.loadMore(n) : undefined; }),
    vscode.commands.registerCommand('conveyor.artifacts.login', (arg?: unknown) => feature.login(node(arg) ?? (arg as LoginArgs | undefined))),
    vscode.commands.registerCommand('conveyor.artifacts.logout', (arg?: unknown) => feature.logout(typeof arg === 'string' || (typeof arg === 'object' && arg !== null) ? arg as string | { id?: string } : undefined)),
    vscode.commands.registerCommand('conveyor.artifacts.refreshToken', (id?: unknown) => feature.refresh(typeof id === 'string' ? id : undefined)),
    vscode.commands.registerCommand('conveyor.artifacts.manageLogin', (id?: unknown) => feature.manageLogin(typeof id === 'string' ? id : undefined)),
    vscode.commands.registerCommand('conveyor.artifacts.copySnippet', (arg: unknown, label?: unknown) => { const n = node(arg); return n ? feature.copySnippet(n, typeof label === 'string' ? label : undefined) : undefined; }),
    vscode.commands.registerCommand('conveyor.artifacts.showDetails', (arg: unknown) => { const n = node(arg); return n ? feature.showDetails(n) : undefined; }),
    vscode.commands.registerCommand('conveyor.artifacts.addDomain', (args?: unknown) => feature.addDomain(typeof args === 'object' && args !== null && !('data' in args) ? args as { domain?: string; owner?: string } : undefined)),
    vscode.commands.registerCommand('conveyor.artifacts.removeDomain', (arg: unknown) => { const n = node(arg); return n ? feature.removeDomain(n) : undefined; }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('conveyor.codeartifact.domains')) feature.provider.refresh(); }),
    vscode.commands.registerCommand(INTERNAL_STATE_COMMAND, () => ({
      logins: feature.activeLogins().map((s) => ({ id: s.meta.id, status: s.status, expiresAt: s.meta.expiresAt, files: s.meta.files, environmentNames: s.meta.environmentNames, request: s.meta.request })),
      statusTexts: feature.statusItems.texts(),
    })),
  );
  feature.restore().catch((err: unknown) => deps.log.error(`Restoring CodeArtifact logins failed: ${err instanceof Error ? err.message : String(err)}`));
}
