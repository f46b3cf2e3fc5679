// The Artifacts feature inside VS Code: the tree and its commands, and CodeArtifact logins kept alive
// across restarts and windows (tokens in terminals, status bar countdowns, automatic refresh).
import type { CodeartifactClient } from '@aws-sdk/client-codeartifact';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { AwsAccess, AwsTarget } from '../../aws/access';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import { redactor } from '../../core/redact';
import { FeatureSettings } from '../../editor/settings';
import type { EditorUi } from '../../editor/ui';
import { TokenScheduler, type Clock, type TrackedToken } from '../login/lifecycle';
import { nodeConfigFs } from '../login/node-fs';
import type { PlanContext } from '../login/plan';
import { askPoetryVersion } from '../login/poetry';
import { LoginRecordStore } from '../login/record-store';
import type { TransactionDeps } from '../login/transactions';
import { ARTIFACTS_SETTINGS, type SharedDomain } from '../settings';
import { ArtifactsModel } from '../tree/model';
import type { ArtifactNode } from '../tree/nodes';
import { LoginCommands } from './login-commands';
import type { LoginArgs, LoginHost, LoginResult, LogoutResult } from './login-host';
import { LoginStatusItems, type LoginState } from './status-bar';
import { LoginStore, type StoreContext } from './store';
import { applyTerminalEnvironment } from './terminal-env';
import { TreeCommands } from './tree-commands';
import { VersionDetailsPanels } from './details-panel';
import type { VersionDetailsView } from '../tree/details-view';
import { ArtifactsTreeProvider } from './tree-provider';

export type { LoginArgs, LoginResult, LogoutResult } from './login-host';

export interface ArtifactsDeps {
  log: Logger;
  aws: AwsAccess;
  ui: EditorUi;
  /** Where the detail pages' script, stylesheet and codicons are. */
  extensionUri: vscode.Uri;
  /** The home folder user-level configs live in (the person's, or a test's). */
  home?: string;
  /** The environment the tools' config locations come from (process.env by default). */
  env?: Readonly<Record<string, string | undefined>>;
  clock?: Clock;
  /** `poetry --version` output; by default the Poetry on PATH is asked. */
  poetryVersion?: () => Promise<string | undefined>;
  /** Domains shared from other accounts; conveyor.codeartifact.domains by default. */
  sharedDomains?: () => readonly SharedDomain[];
}

export type ArtifactsContext = Pick<vscode.ExtensionContext, 'environmentVariableCollection'> & StoreContext;

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, Math.min(ms, 2 ** 31 - 1));
    return { cancel: () => clearTimeout(t) };
  },
};

export class ArtifactsFeature implements LoginHost, vscode.Disposable {
  readonly model: ArtifactsModel;
  readonly provider: ArtifactsTreeProvider;
  readonly store: LoginStore;
  readonly statusItems: LoginStatusItems;
  readonly scheduler: TokenScheduler;
  readonly settings = new FeatureSettings(ARTIFACTS_SETTINGS);
  readonly tokens = new Map<string, TrackedToken>();
  readonly home: string;
  private readonly logins: LoginCommands;
  private readonly tree: TreeCommands;
  readonly details: VersionDetailsPanels;
  private readonly clock: Clock;
  private readonly disposables = new DisposableStore();
  private treeView: vscode.TreeView<ArtifactNode> | undefined;

  constructor(private readonly context: ArtifactsContext, private readonly deps: ArtifactsDeps) {
    this.home = deps.home ?? os.homedir();
    this.clock = deps.clock ?? systemClock;
    this.model = new ArtifactsModel({
      client: () => deps.aws.client('codeartifact'),
      explain: (err, op) => {
        const e = deps.aws.explain(err, { service: 'codeartifact', operation: op });
        return { message: e.message, category: e.category, ...(e.code ? { code: e.code } : {}) };
      },
      extraDomains: () => this.sharedDomains(),
      now: () => this.clock.now(),
      changed: (parent) => this.provider.refresh(parent),
    });
    this.provider = new ArtifactsTreeProvider(this.model, () => deps.aws.current?.profile, () => this.store.logins());
    this.store = new LoginStore(context, nodeConfigFs, (message) => deps.log.warn(`CodeArtifact login record: ${message}`));
    this.statusItems = new LoginStatusItems(() => this.clock.now());
    this.logins = new LoginCommands(this);
    this.scheduler = new TokenScheduler(this.clock, (id) => this.logins.refreshLogin(id), (t) => {
      this.tokens.set(t.id, t);
      this.renderStatus();
    });
    this.details = new VersionDetailsPanels({
      client: (target) => deps.aws.client('codeartifact', target),
      explain: (err, op) => deps.aws.explain(err, { service: 'codeartifact', operation: op }).message,
      ui: deps.ui, log: deps.log, extensionUri: deps.extensionUri,
    });
    this.tree = new TreeCommands({ ui: deps.ui, aws: deps.aws, model: this.model, provider: this.provider, settings: this.settings,
      sharedDomains: () => this.sharedDomains(), view: () => this.treeView, details: this.details });
    context.environmentVariableCollection.persistent = false; // tokens must not be persisted by VS Code
    const d = this.disposables;
    d.addAll(this.settings, this.provider, this.statusItems, this.details, { dispose: () => this.scheduler.dispose() });
    d.add(deps.aws.onDidChange(() => {
      this.model.clear();
      this.provider.refresh();
    }));
    d.add(this.settings.onDidChange((e) => { if (e.affects('domains')) this.provider.refresh(); }));
    // Another window logged in, refreshed or logged out: every such change stores or deletes a token.
    d.add(context.secrets.onDidChange((e) => { if (LoginRecordStore.isTokenKey(e.key)) void this.syncWithRecord(); }));
    d.add(vscode.window.onDidChangeWindowState((state) => { if (state.focused) void this.syncWithRecord(); }));
    d.add(vscode.workspace.onDidChangeWorkspaceFolders(() => { void this.applyEnvironment(); }));
  }

  get ui(): EditorUi { return this.deps.ui; }
  get log(): Logger { return this.deps.log; }
  get aws(): AwsAccess { return this.deps.aws; }

  sharedDomains(): readonly SharedDomain[] {
    return this.deps.sharedDomains?.() ?? this.settings.value.domains;
  }

  attachView(view: vscode.TreeView<ArtifactNode>): void {
    this.treeView = view;
    this.tree.renderFilter();
  }

  planContext(): PlanContext {
    return { home: this.home, platform: process.platform, env: this.deps.env ?? process.env, exists: (p) => existsSync(p) };
  }

  client(target?: AwsTarget): CodeartifactClient {
    return this.deps.aws.client('codeartifact', target);
  }

  explain(err: unknown, operation: string, target?: AwsTarget): string {
    return this.deps.aws.explain(err, { service: 'codeartifact', operation, ...(target ? { target } : {}) }).message;
  }

  transactionDeps(): TransactionDeps {
    return { records: this.store.records, fs: nodeConfigFs, context: this.planContext(), now: () => this.clock.now(), client: (t) => this.client(t) };
  }

  poetryVersion(): Promise<string | undefined> {
    return (this.deps.poetryVersion ?? askPoetryVersion)();
  }

  /** Re-arms every stored login: tokens into the redactor and terminals, refresh timers, status items. */
  async restore(): Promise<void> {
    await this.store.records.repairIfNeeded().catch((err: unknown) => this.deps.log.warn(`CodeArtifact login record not repaired: ${err instanceof Error ? err.message : String(err)}`));
    for (const meta of await this.store.reload()) {
      const token = await this.store.token(meta.id);
      if (token) redactor.addSecret(token);
      this.scheduler.track(meta.id, meta.issuedAt, token ? meta.expiresAt : meta.issuedAt);
      // Expired while VS Code was closed (or the secret is gone): the profile may still work, try now.
      if (!token || this.clock.now() >= meta.expiresAt) void this.scheduler.refreshNow(meta.id);
    }
    await this.applyEnvironment();
    this.renderStatus();
  }

  /** Puts the active logins' variables into integrated terminals' environment (in memory only), each only where it belongs. */
  async applyEnvironment(): Promise<void> {
    await applyTerminalEnvironment(this.context.environmentVariableCollection, this.store.logins(), (id) => this.store.token(id), this.planContext());
  }

  /** Takes up what another window changed: new, refreshed and logged-out logins. */
  async syncWithRecord(): Promise<void> {
    const metas = await this.store.reload();
    for (const meta of metas) {
      const tracked = this.scheduler.get(meta.id);
      if (tracked?.issuedAt === meta.issuedAt && tracked.expiresAt === meta.expiresAt) continue;
      this.scheduler.track(meta.id, meta.issuedAt, meta.expiresAt);
    }
    for (const t of this.scheduler.all()) {
      if (metas.some((m) => m.id === t.id)) continue;
      this.scheduler.untrack(t.id);
      this.tokens.delete(t.id);
    }
    await this.applyEnvironment();
    this.renderStatus();
  }

  activeLogins(): LoginState[] {
    return this.store.logins().map((meta) => {
      const t = this.tokens.get(meta.id);
      return { meta, status: t?.status ?? 'valid', ...(t?.lastError ? { lastError: t.lastError } : {}) };
    });
  }

  renderStatus(): void {
    this.statusItems.update(this.activeLogins());
    this.provider.refresh();   // the repositories' "logged in (pnpm)"
  }

  login(arg?: LoginArgs | ArtifactNode): Promise<LoginResult> { return this.logins.login(arg); }
  refresh(id?: string): Promise<TrackedToken | undefined> { return this.logins.refresh(id); }
  logout(arg?: string | { id?: string }): Promise<LogoutResult> { return this.logins.logout(arg); }
  manageLogin(id?: string): Promise<void> { return this.logins.manageLogin(id); }
  addDomain(args?: { domain?: string; owner?: string }): Promise<SharedDomain | undefined> { return this.tree.addDomain(args); }
  removeDomain(node: ArtifactNode): Promise<void> { return this.tree.removeDomain(node); }
  loadMore(node: ArtifactNode): Promise<void> { return this.tree.loadMore(node); }
  refreshTree(node?: ArtifactNode): void { this.tree.refreshTree(node); }
  filter(text?: string): Promise<void> { return this.tree.filter(text); }
  clearFilter(): void { this.tree.clearFilter(); }
  copySnippet(node: ArtifactNode, label?: string): Promise<string | undefined> { return this.tree.copySnippet(node, label); }
  showDetails(node: ArtifactNode): Promise<VersionDetailsView | undefined> { return this.tree.showDetails(node); }

  dispose(): void {
    this.disposables.dispose();
  }
}
