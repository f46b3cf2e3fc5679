// The Artifacts feature bundle: the view, its commands, version documents, logins. Loaded when the
// view opens or an artifacts command runs, or at startup when a login needs its token refreshed and
// handed to terminals.
import { asObject, asString, pickStrings } from '../../core/args';
import { DisposableStore } from '../../core/disposables';
import type { CommandTable } from '../../editor/commands';
import type { Feature, FeatureHost } from '../../editor/feature';
import type { ArtifactNode } from '../tree/nodes';
import { ArtifactsFeature } from './artifacts-feature';
import { DETAILS_SCHEME, DetailsDocuments } from './details-document';

export const VIEW_ID = 'conveyor.artifacts';

/** For host and UI tests: the state of logins as the status bar shows it. Not contributed. */
export const INTERNAL_STATE_COMMAND = 'conveyor.artifacts.internal.state';

/** A node of the view (context menus and clicks pass their node). */
function node(arg: unknown): ArtifactNode | undefined {
  const o = asObject(arg);
  return o && 'data' in o && typeof o.contextValue === 'string' ? (arg as ArtifactNode) : undefined;
}

function commands(f: ArtifactsFeature): CommandTable {
  const withNode = <T>(run: (n: ArtifactNode) => T) => (arg: unknown): T | undefined => { const n = node(arg); return n ? run(n) : undefined; };
  return {
    'conveyor.artifacts.refresh': (arg) => f.refreshTree(node(arg)),
    'conveyor.artifacts.filter': (text) => f.filter(asString(text)),
    'conveyor.artifacts.clearFilter': () => f.clearFilter(),
    'conveyor.artifacts.loadMore': withNode((n) => f.loadMore(n)),
    // Login arguments are checked by the login itself (unknown tools and placements are refused there).
    'conveyor.artifacts.login': (arg) => f.login(node(arg) ?? asObject(arg)),
    'conveyor.artifacts.logout': (arg) => f.logout(asString(arg) ?? pickStrings(arg, ['id'] as const)),
    'conveyor.artifacts.refreshToken': (id) => f.refresh(asString(id)),
    'conveyor.artifacts.manageLogin': (id) => f.manageLogin(asString(id)),
    'conveyor.artifacts.copySnippet': (arg, label) => { const n = node(arg); return n ? f.copySnippet(n, asString(label)) : undefined; },
    'conveyor.artifacts.showDetails': withNode((n) => f.showDetails(n)),
    'conveyor.artifacts.addDomain': (arg) => f.addDomain(node(arg) ? undefined : pickStrings(arg, ['domain', 'owner'] as const)),
    'conveyor.artifacts.removeDomain': withNode((n) => f.removeDomain(n)),
    [INTERNAL_STATE_COMMAND]: () => ({
      logins: f.activeLogins().map((s) => ({ id: s.meta.id, status: s.status, expiresAt: s.meta.expiresAt, files: s.meta.files, environmentNames: s.meta.environmentNames, request: s.meta.request })),
      statusTexts: f.statusItems.texts(),
    }),
  };
}

export function activate(host: FeatureHost): Feature & { readonly artifacts: ArtifactsFeature } {
  const { context, log, aws, ui } = host;
  const disposables = new DisposableStore();
  const feature = disposables.add(new ArtifactsFeature({
    environmentVariableCollection: context.environmentVariableCollection,
    globalState: context.globalState, secrets: context.secrets, globalStoragePath: context.globalStorageUri.fsPath,
  }, { log, aws, ui, extensionUri: context.extensionUri }));
  feature.attachView(host.treeView(VIEW_ID, feature.provider));
  const details = new DetailsDocuments(
    (target) => aws.client('codeartifact', target),
    (err, op) => aws.explain(err, { service: 'codeartifact', operation: op }).message,
  );
  feature.restore().catch((err: unknown) => log.error(`Restoring CodeArtifact logins failed: ${err instanceof Error ? err.message : String(err)}`));
  return { artifacts: feature, commands: commands(feature), documents: { [DETAILS_SCHEME]: details }, dispose: () => disposables.dispose() };
}
