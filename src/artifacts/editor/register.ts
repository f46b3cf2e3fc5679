// The Artifacts feature bundle: the view, its commands, version documents, logins. Loaded when the
// view opens or an artifacts command runs, or at startup when a login is active (its token is
// refreshed and handed to terminals).
import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Feature, FeatureHost } from '../../editor/feature';
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

export function activate(host: FeatureHost): Feature & { readonly artifacts: ArtifactsFeature } {
  const { context } = host;
  const deps = { log: host.log, aws: host.aws };
  const subscriptions = new DisposableStore();
  const featureSubscriptions: vscode.Disposable[] = [];
  subscriptions.add({ dispose: () => { for (const d of featureSubscriptions.splice(0).reverse()) d.dispose(); } });
  const feature = new ArtifactsFeature({
    subscriptions: featureSubscriptions,
    environmentVariableCollection: context.environmentVariableCollection,
    globalState: context.globalState, secrets: context.secrets, globalStoragePath: context.globalStorageUri.fsPath,
  }, deps);
  feature.attachView(host.treeView(VIEW_ID, feature.provider));
  const details = new DetailsDocuments(
    (target) => deps.aws.client('codeartifact', target),
    (err, op) => deps.aws.explain(err, { service: 'codeartifact', operation: op }).message,
  );
  const node = (arg: unknown): ArtifactNode | undefined => (typeof arg === 'object' && arg !== null && 'data' in arg ? arg as ArtifactNode : undefined);
  subscriptions.add(feature);
  subscriptions.add(vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('conveyor.codeartifact.domains')) feature.provider.refresh(); }));
  feature.restore().catch((err: unknown) => deps.log.error(`Restoring CodeArtifact logins failed: ${err instanceof Error ? err.message : String(err)}`));
  return {
    artifacts: feature,
    documents: { [DETAILS_SCHEME]: details },
    commands: {
      'conveyor.artifacts.refresh': (arg?: unknown) => feature.refreshTree(node(arg)),
      'conveyor.artifacts.filter': (text?: unknown) => feature.filter(typeof text === 'string' ? text : undefined),
      'conveyor.artifacts.clearFilter': () => feature.clearFilter(),
      'conveyor.artifacts.loadMore': (arg: unknown) => { const n = node(arg); return n ? feature.loadMore(n) : undefined; },
      'conveyor.artifacts.login': (arg?: unknown) => feature.login(node(arg) ?? (arg as LoginArgs | undefined)),
      'conveyor.artifacts.logout': (arg?: unknown) => feature.logout(typeof arg === 'string' || (typeof arg === 'object' && arg !== null) ? arg as string | { id?: string } : undefined),
      'conveyor.artifacts.refreshToken': (id?: unknown) => feature.refresh(typeof id === 'string' ? id : undefined),
      'conveyor.artifacts.manageLogin': (id?: unknown) => feature.manageLogin(typeof id === 'string' ? id : undefined),
      'conveyor.artifacts.copySnippet': (arg: unknown, label?: unknown) => { const n = node(arg); return n ? feature.copySnippet(n, typeof label === 'string' ? label : undefined) : undefined; },
      'conveyor.artifacts.showDetails': (arg: unknown) => { const n = node(arg); return n ? feature.showDetails(n) : undefined; },
      'conveyor.artifacts.addDomain': (args?: unknown) => feature.addDomain(typeof args === 'object' && args !== null && !('data' in args) ? args as { domain?: string; owner?: string } : undefined),
      'conveyor.artifacts.removeDomain': (arg: unknown) => { const n = node(arg); return n ? feature.removeDomain(n) : undefined; },
      [INTERNAL_STATE_COMMAND]: () => ({
        logins: feature.activeLogins().map((s) => ({ id: s.meta.id, status: s.status, expiresAt: s.meta.expiresAt, files: s.meta.files, environmentNames: s.meta.environmentNames, request: s.meta.request })),
        statusTexts: feature.statusItems.texts(),
      }),
    },
    dispose: () => subscriptions.dispose(),
  };
}
