// The Artifacts feature inside VS Code: the tree, version details and snippets, and CodeArtifact
// logins (pickers, terminal environment, status bar countdowns, automatic refresh, logout).
import { ListDomainsCommand, ListRepositoriesInDomainCommand, type CodeartifactClient } from '@aws-sdk/client-codeartifact';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { AwsAccess, AwsTarget } from '../../aws/access';
import type { Logger } from '../../core/log';
import { redactor } from '../../core/redact';
import { ConfigEditError } from '../config/edit';
import { detectTools, type Detection } from '../detect/detect';
import { LoginConflictError, type FileChange } from '../login/engine';
import { TokenScheduler, type Clock, type Refreshed, type TrackedToken } from '../login/lifecycle';
import { nodeConfigFs } from '../login/node-fs';
import { chooseTokenVariable, PlanError, type LoginRequest, type PlanContext } from '../login/plan';
import { LoginRecordStore } from '../login/record-store';
import { callOperation, failedOperation } from '../login/service';
import { LoginGoneError, loginTransaction, logoutTransaction, refreshTransaction, type TransactionDeps } from '../login/transactions';
import { isPlacement, isToolId, TOOL_IDS, TOOLS, type Placement, type ToolId } from '../login/tools';
import { installSnippets } from '../snippets/snippets';
import { ArtifactsModel } from '../tree/model';
import type { ArtifactNode, RepoRef } from '../tree/nodes';
import { detailsUri } from './details-document';
import { setSharedDomains, sharedDomains, tokenDurationSeconds, type SharedDomain } from './settings';
import { LoginStatusItems, type LoginState } from './status-bar';
import { LoginStore, type LoginMeta, type StoreContext } from './store';
import { applyTerminalEnvironment } from './terminal-env';
import { ArtifactsTreeProvider } from './tree-provider';
import { createVscodeUi, type ArtifactsUi, type PickItem } from './ui';
import { listWorkspace } from './workspace';

export interface ArtifactsDeps {
  log: Logger;
  aws: AwsAccess;
  ui?: ArtifactsUi;
  /** The home folder user-level configs live in (host tests use a temporary one). */
  home?: string;
  clock?: Clock;
  /** `poetry --version` output; by default Poetry itself is asked. */
  poetryVersion?: () => Promise<string | undefined>;
  /** Domains shared from other accounts; conveyor.codeartifact.domains by default. */
  sharedDomains?: () => readonly SharedDomain[];
}

export type ArtifactsContext = Pick<vscode.ExtensionContext, 'subscriptions' | 'environmentVariableCollection'> & StoreContext;

export interface LoginArgs {
  domain?: string;
  domainOwner?: string;
  repository?: string;
  tool?: ToolId;
  placement?: Placement;
  /** npm or Swift scope; '' for none. */
  scope?: string;
  pipOption?: LoginRequest['pipOption'];
  mavenMode?: LoginRequest['mavenMode'];
  poetryStyle?: LoginRequest['poetryStyle'];
  poetryPriority?: LoginRequest['poetryPriority'];
  projectDir?: string;
  /** Profile and region to use instead of the current ones. */
  target?: AwsTarget;
}

export type LoginResult =
  | { ok: true; id: string; changes: FileChange[]; expiresAt: number; environmentNames: string[]; notes: string[] }
  | { ok: false; message: string };

export type LogoutResult = { ok: true; id: string; changes: FileChange[] } | { ok: false; message: string };

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, Math.min(ms, 2 ** 31 - 1));
    return { cancel: () => clearTimeout(t) };
  },
};

function isNode(value: unknown): value is ArtifactNode {
  return typeof value === 'object' && value !== null && 'data' in value && 'contextValue' in value;
}

function describe(meta: Pick<LoginMeta, 'request'>): string {
  const r = meta.request;
  return `${TOOLS[r.tool].label} → ${r.domain}/${r.repository}${r.scope ? ` (scope ${r.scope})` : ''} [${r.placement}]`;
}

function tildify(file: string, home: string): string {
  return file.startsWith(home + '/') ? `~${file.slice(home.length)}` : file;
}

export class ArtifactsFeature implements vscode.Disposable {
  readonly model: ArtifactsModel;
  readonly provider: ArtifactsTreeProvider;
  readonly store: LoginStore;
  readonly statusItems: LoginStatusItems;
  readonly scheduler: TokenScheduler;
  private readonly ui: ArtifactsUi;
  private readonly home: string;
  private readonly tokens = new Map<string, TrackedToken>();
  private readonly disposables: vscode.Disposable[] = [];
  private treeView: vscode.TreeView<ArtifactNode> | undefined;

  constructor(private readonly context: ArtifactsContext, private readonly deps: ArtifactsDeps) {
    this.ui = deps.ui ?? createVscodeUi();
    this.home = deps.home ?? os.homedir();
    this.model = new ArtifactsModel({
      client: () => deps.aws.client('codeartifact'),
      explain: (err, op) => {
        const e = deps.aws.explain(err, { service: 'codeartifact', operation: op });
        return { message: e.message, ...(e.code ? { code: e.code } : {}) };
      },
      extraDomains: () => this.sharedDomains(),
    });
    this.provider = new ArtifactsTreeProvider(this.model);
    this.store = new LoginStore(context, nodeConfigFs, (message) => deps.log.warn(`CodeArtifact login record: ${message}`));
    this.statusItems = new LoginStatusItems(() => (deps.clock ?? systemClock).now());
    this.scheduler = new TokenScheduler(deps.clock ?? systemClock, (id) => this.refreshLogin(id), (t) => {
      this.tokens.set(t.id, t);
      this.renderStatus();
    });
    context.environmentVariableCollection.persistent = false; // tokens must not be persisted by VS Code
    this.disposables.push(this.provider, this.statusItems, { dispose: () => this.scheduler.dispose() });
    const sub = deps.aws.onDidChange(() => {
      this.model.clear();
      this.provider.refresh();
    });
    // Another window logged in, refreshed or logged out: every such change stores or deletes a token.
    const secrets = context.secrets.onDidChange((e) => { if (LoginRecordStore.isTokenKey(e.key)) void this.syncWithRecord(); });
    this.disposables.push({ dispose: () => sub.dispose() }, secrets,
      vscode.window.onDidChangeWindowState((state) => { if (state.focused) void this.syncWithRecord(); }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => { void this.applyEnvironment(); }));
  }

  private sharedDomains(): readonly SharedDomain[] {
    return (this.deps.sharedDomains ?? sharedDomains)();
  }

  /** "Add Domain…": a domain another account shares with this one (ListDomains does not return those). */
  async addDomain(args?: { domain?: string; owner?: string }): Promise<SharedDomain | undefined> {
    const name = args?.domain ?? await this.ui.input({
      title: 'Add a CodeArtifact domain shared with this account (1/2): domain name', placeholder: 'my-domain',
      validate: (v) => (/^[a-z][a-z0-9-]{0,48}[a-z0-9]$/.test(v) ? undefined : 'Domain names are 2–50 lowercase letters, digits and hyphens'),
    });
    if (!name) return undefined;
    const owner = args?.owner ?? await this.ui.input({
      title: `Add domain ${name} (2/2): owner account`, placeholder: '123456789012',
      validate: (v) => (/^\d{12}$/.test(v) ? undefined : 'An AWS account id has 12 digits'),
    });
    if (!owner) return undefined;
    const domain = { name, owner };
    const current = this.sharedDomains();
    if (!current.some((d) => d.name === name && d.owner === owner)) await setSharedDomains([...current, domain]);
    this.provider.refresh();
    return domain;
  }

  async removeDomain(node: ArtifactNode): Promise<void> {
    if (node.data.kind !== 'domain') return;
    const { domain, domainOwner } = node.data;
    await setSharedDomains(this.sharedDomains().filter((d) => !(d.name === domain && d.owner === domainOwner)));
    this.provider.refresh();
  }

  attachView(view: vscode.TreeView<ArtifactNode>): void {
    this.treeView = view;
    this.renderFilter();
  }

  private planContext(): PlanContext {
    return { home: this.home, platform: process.platform, env: this.deps.home ? {} : process.env, exists: (p) => existsSync(p) };
  }

  private client(target?: AwsTarget): CodeartifactClient {
    return this.deps.aws.client('codeartifact', target);
  }

  private explain(err: unknown, operation: string, target?: AwsTarget): string {
    return this.deps.aws.explain(err, { service: 'codeartifact', operation, ...(target ? { target } : {}) }).message;
  }

  private transactionDeps(): TransactionDeps {
    return { records: this.store.records, fs: nodeConfigFs, context: this.planContext(), now: () => (this.deps.clock ?? systemClock).now(), client: (t) => this.client(t) };
  }

  // ---- restore, environment, status -------------------------------------------------------------

  /** Re-arms every stored login: tokens into the redactor and terminals, refresh timers, status items. */
  async restore(): Promise<void> {
    await this.store.records.repairIfNeeded().catch((err: unknown) => this.deps.log.warn(`CodeArtifact login record not repaired: ${err instanceof Error ? err.message : String(err)}`));
    for (const meta of await this.store.reload()) {
      const token = await this.store.token(meta.id);
      if (token) redactor.addSecret(token);
      this.scheduler.track(meta.id, meta.issuedAt, token ? meta.expiresAt : meta.issuedAt);
      // Expired while VS Code was closed (or the secret is gone): the profile may still work, try now.
      if (!token || (this.deps.clock ?? systemClock).now() >= meta.expiresAt) void this.scheduler.refreshNow(meta.id);
    }
    await this.applyEnvironment();
    this.renderStatus();
  }

  /** Puts the active logins' variables into integrated terminals' environment (in memory only), each only where it belongs. */
  async applyEnvironment(): Promise<void> {
    await applyTerminalEnvironment(this.context.environmentVariableCollection, this.store.logins(), (id) => this.store.token(id), this.planContext());
  }

  /** Takes up what another window changed: new, refreshed and logged-out logins. */
  private async syncWithRecord(): Promise<void> {
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

  private renderStatus(): void {
    this.statusItems.update(this.activeLogins());
  }

  // ---- login -----------------------------------------------------------------------------------

  private async listDomains(client: CodeartifactClient): Promise<{ name: string; owner: string }[]> {
    const out: { name: string; owner: string }[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await callOperation('ListDomains', () => client.send(new ListDomainsCommand({ maxResults: 100, ...(nextToken ? { nextToken } : {}) })));
      for (const d of r.domains ?? []) if (d.name && d.owner) out.push({ name: d.name, owner: d.owner });
      nextToken = r.nextToken;
      if (!nextToken) break;
    }
    for (const d of this.sharedDomains()) if (!out.some((o) => o.name === d.name && o.owner === d.owner)) out.push(d);
    return out;
  }

  private async listRepositories(client: CodeartifactClient, domain: string, owner: string): Promise<{ name: string; description?: string }[]> {
    const out: { name: string; description?: string }[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await callOperation('ListRepositoriesInDomain', () => client.send(new ListRepositoriesInDomainCommand({ domain, domainOwner: owner, maxResults: 100, ...(nextToken ? { nextToken } : {}) })));
      for (const repo of r.repositories ?? []) if (repo.name) out.push({ name: repo.name, ...(repo.description ? { description: repo.description } : {}) });
      nextToken = r.nextToken;
      if (!nextToken) break;
    }
    return out;
  }

  private async detect(projectDir: string | undefined): Promise<Detection[]> {
    if (!projectDir) return [];
    return detectTools(await listWorkspace(vscode.Uri.file(projectDir)));
  }

  private async poetryStyle(): Promise<'legacy' | 'priority'> {
    const text = await (this.deps.poetryVersion ?? (() => new Promise<string | undefined>((resolve) => {
      execFile('poetry', ['--version'], { timeout: 5000 }, (err, stdout) => resolve(err ? undefined : stdout));
    })))();
    const m = text ? /(\d+)\.(\d+)/.exec(text) : null;
    return m && (Number(m[1]) < 1 || (Number(m[1]) === 1 && Number(m[2]) < 5)) ? 'legacy' : 'priority';
  }

  private projectDir(args: LoginArgs): string | undefined {
    return args.projectDir ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  }

  /** Collects whatever the arguments leave open with pickers; undefined when the person cancels. */
  private async completeRequest(args: LoginArgs, client: CodeartifactClient, target: AwsTarget): Promise<Omit<LoginRequest, 'endpoint'> | undefined> {
    let domain = args.domain;
    let owner = args.domainOwner;
    if (!domain) {
      const domains = await this.listDomains(client);
      if (domains.length === 0) {
        this.ui.notify('warning', `No CodeArtifact domains are visible to profile "${target.profile}" in ${target.region}.`);
        return undefined;
      }
      const picked = await this.ui.pick(domains.map((d) => ({ label: d.name, description: `owner ${d.owner}`, value: d })), { title: 'Log in to CodeArtifact (1/4): domain' });
      if (!picked) return undefined;
      domain = picked.name;
      owner = picked.owner;
    }
    if (!owner) {
      const match = (await this.listDomains(client)).find((d) => d.name === domain);
      owner = match?.owner;
      if (!owner) {
        this.ui.notify('error', `Domain ${domain} is not visible to profile "${target.profile}"; give its owner account as well.`);
        return undefined;
      }
    }
    let repository = args.repository;
    if (!repository) {
      const repos = await this.listRepositories(client, domain, owner);
      const picked = await this.ui.pick(repos.map((r) => ({ label: r.name, ...(r.description ? { description: r.description } : {}), value: r.name })), { title: `Log in to CodeArtifact (2/4): repository in ${domain}` });
      if (!picked) return undefined;
      repository = picked;
    }
    const projectDir = this.projectDir(args);
    let tool = args.tool;
    if (!tool) {
      const detected = await this.detect(projectDir);
      const order = [...detected.map((d) => d.tool), ...TOOL_IDS.filter((t) => !detected.some((d) => d.tool === t))];
      const items: PickItem<ToolId>[] = order.map((t) => {
        const found = detected.find((d) => d.tool === t);
        return { label: TOOLS[t].label, description: found ? `detected: ${found.evidence}` : TOOLS[t].format, value: t };
      });
      const picked = await this.ui.pick(items, { title: 'Log in to CodeArtifact (3/4): package manager', ...(detected[0] ? { active: detected[0].tool } : {}) });
      if (!picked) return undefined;
      tool = picked;
    }
    const info = TOOLS[tool];
    let placement = args.placement;
    if (!placement) {
      const order: Placement[] = ['terminal', 'project', 'user'];
      const labels: Record<Placement, string> = { terminal: 'Terminal only', project: 'Project config', user: 'User config' };
      const items = order.map((p): PickItem<Placement> => {
        const pl = info.placements[p];
        return { label: pl.available ? labels[p] : `$(circle-slash) ${labels[p]}`, description: pl.available ? '' : 'not available', detail: pl.available ? pl.detail : pl.reason, value: p };
      });
      const preferred = order.find((p) => info.placements[p].available && (p !== 'project' || projectDir));
      const picked = await this.ui.pick(items, { title: `Log in to CodeArtifact (4/4): where ${info.label} gets the token`, ...(preferred ? { active: preferred } : {}) });
      if (!picked) return undefined;
      placement = picked;
    }
    const pl = info.placements[placement];
    if (!pl.available) {
      this.ui.notify('warning', `${info.label}: "${placement}" is not available. ${pl.reason}.`);
      return undefined;
    }
    let scope = args.scope;
    if (scope === undefined && info.scopes && !(tool === 'yarn' && placement === 'terminal')) {
      scope = await this.ui.input({
        title: `${info.label}: ${info.scopes === 'npm' ? 'npm scope' : 'Swift registry scope'} (optional)`,
        prompt: 'Only packages in this scope come from CodeArtifact. Leave empty to use it for every package.',
        placeholder: info.scopes === 'npm' ? '@my-team' : 'my-team', value: '',
      });
      if (scope === undefined) return undefined;
    }
    let pipOption = args.pipOption;
    if (tool === 'pip' && !pipOption) {
      pipOption = await this.ui.pick([
        { label: 'index-url', detail: 'Replace PyPI: every package comes from CodeArtifact (and its upstreams)', value: 'index-url' as const },
        { label: 'extra-index-url', detail: 'Keep PyPI and add CodeArtifact as another index', value: 'extra-index-url' as const },
      ], { title: 'pip: how to use the repository', active: 'index-url' });
      if (!pipOption) return undefined;
    }
    let mavenMode = args.mavenMode;
    if (tool === 'maven' && !mavenMode) {
      mavenMode = await this.ui.pick([
        { label: 'Repository', detail: 'An extra repository (and plugin repository); Maven Central stays', value: 'repository' as const },
        { label: 'Mirror of everything', detail: 'All requests go to CodeArtifact (mirrorOf *)', value: 'mirror' as const },
      ], { title: 'Maven: how to use the repository', active: 'repository' });
      if (!mavenMode) return undefined;
    }
    const poetryStyle = tool === 'poetry' ? args.poetryStyle ?? await this.poetryStyle() : undefined;
    const tokenVariable = chooseTokenVariable(domain, owner, this.store.logins().map((m) => ({ domain: m.request.domain, domainOwner: m.request.domainOwner, tokenVariable: m.request.tokenVariable })));
    return {
      tool, placement, domain, domainOwner: owner, repository, region: target.region, tokenVariable,
      ...(scope ? { scope } : {}), ...(pipOption ? { pipOption } : {}), ...(mavenMode ? { mavenMode } : {}),
      ...(poetryStyle ? { poetryStyle } : {}), ...(args.poetryPriority ? { poetryPriority: args.poetryPriority } : {}),
      ...(projectDir ? { projectDir } : {}),
    };
  }

  /** "Conveyor: Log in to CodeArtifact" (arguments, a repository node, or nothing: pickers fill the gaps). */
  async login(arg?: LoginArgs | ArtifactNode): Promise<LoginResult> {
    const args: LoginArgs = isNode(arg) ? repoArgs(arg) : arg ?? {};
    if (args.tool !== undefined && !isToolId(args.tool)) return this.fail(`Unknown tool "${String(args.tool)}"`);
    if (args.placement !== undefined && !isPlacement(args.placement)) return this.fail(`Unknown placement "${String(args.placement)}"`);
    const target = args.target ?? this.deps.aws.current;
    if (!target) return this.fail('No AWS profile is configured. Run "Conveyor: Select AWS Profile" first.');
    try {
      const client = this.client(args.target);
      const request = await this.completeRequest(args, client, target);
      if (!request) return { ok: false, message: 'Cancelled' };
      return await this.runLogin(request, target, client, true);
    } catch (err) {
      return this.reportError(err, failedOperation(err) ?? 'ListDomains', target);
    }
  }

  private async runLogin(request: Omit<LoginRequest, 'endpoint'>, target: AwsTarget, client: CodeartifactClient, mayResolveConflict: boolean): Promise<LoginResult> {
    try {
      const { outcome: result, meta } = await this.ui.withProgress(`Logging ${TOOLS[request.tool].label} in to ${request.domain}/${request.repository}…`,
        () => loginTransaction({ ...this.transactionDeps(), client: () => client }, request, target, tokenDurationSeconds()));
      await this.store.reload();
      await this.applyEnvironment();
      this.scheduler.track(meta.id, meta.issuedAt, meta.expiresAt);
      this.renderStatus();
      const files = result.changes.filter((c) => c.action !== 'unchanged').map((c) => `${tildify(c.path, this.home)} ${c.action}${c.backup ? ' (backup kept)' : ''}`);
      const where = meta.environmentNames.length > 0 ? ` New terminals get ${meta.environmentNames.join(', ')}.` : '';
      const hours = Math.max(0, Math.round((meta.expiresAt - meta.issuedAt) / 360_000) / 10);
      this.deps.log.info(`CodeArtifact login ${describe(meta)}: ${files.join('; ') || 'no file changes'}; expires ${new Date(meta.expiresAt).toISOString()}`);
      const buttons = result.plan.notes.length > 0 ? ['Copy Build Snippet'] : [];
      this.ui.notify('info', `Logged ${TOOLS[request.tool].label} in to ${request.domain}/${request.repository} for ${hours} h (refreshed automatically).${files.length ? ` ${files.join('; ')}.` : ''}${where}`,
        buttons, () => { void this.ui.copy(result.plan.notes.join('\n')); });
      return { ok: true, id: result.id, changes: result.changes, expiresAt: meta.expiresAt, environmentNames: meta.environmentNames, notes: result.plan.notes };
    } catch (err) {
      await this.store.reload().catch(() => undefined);
      if (err instanceof LoginConflictError && mayResolveConflict) {
        const other = this.store.logins().find((m) => err.otherLogins.includes(m.id));
        const name = other ? describe(other) : err.otherLogins.join(', ');
        const what = err.file !== undefined ? `${tildify(err.file, this.home)} already has entries` : `Terminals already get ${err.variables.join(', ')}`;
        const go = await this.ui.confirm(`${what} from your CodeArtifact login ${name}. Log out of it and continue?`, 'Log Out and Continue');
        if (!go) return { ok: false, message: err.message };
        for (const otherId of err.otherLogins) await this.logout(otherId);
        return this.runLogin(request, target, client, false);
      }
      if (err instanceof LoginConflictError || err instanceof PlanError || err instanceof ConfigEditError) return this.fail(`Login not done, no file changed: ${err.message}`);
      return this.reportError(err, failedOperation(err) ?? 'GetAuthorizationToken', target);
    }
  }

  private fail(message: string): LoginResult & { ok: false } {
    this.ui.notify('error', message);
    return { ok: false, message };
  }

  private reportError(err: unknown, operation: string, target: AwsTarget): { ok: false; message: string } {
    if (err instanceof PlanError || err instanceof ConfigEditError) return this.fail(err.message);
    const message = this.explain(err, operation, target);
    this.ui.notify('error', `CodeArtifact login failed; no file was changed. ${message}`);
    return { ok: false, message };
  }

  // ---- refresh and logout ----------------------------------------------------------------------

  /** The scheduler's refresh: a new token, written where the old one was (only the token changes). */
  private async refreshLogin(id: string): Promise<Refreshed> {
    // Every window schedules this refresh; the first to hold the lock does it, the others take its token.
    const target = this.store.logins().find((m) => m.id === id)?.target;
    const refreshed = await refreshTransaction(this.transactionDeps(), id, this.scheduler.get(id)?.issuedAt ?? 0, tokenDurationSeconds()).catch((err: unknown) => {
      if (err instanceof LoginGoneError) void this.syncWithRecord();
      if (err instanceof ConfigEditError || err instanceof PlanError || err instanceof LoginConflictError || err instanceof LoginGoneError) throw err;
      throw new Error(this.explain(err, failedOperation(err) ?? 'GetAuthorizationToken', target));
    });
    const { meta } = refreshed;
    redactor.addSecret(refreshed.token);
    await this.store.reload();
    await this.applyEnvironment();
    this.deps.log.info(`${refreshed.adopted ? 'Took the CodeArtifact token another window refreshed for' : 'Refreshed the CodeArtifact token of'} ${describe(meta)}; expires ${new Date(meta.expiresAt).toISOString()}`);
    return { issuedAt: meta.issuedAt, expiresAt: meta.expiresAt };
  }

  /** "Refresh now" from the status bar (and tests). */
  async refresh(id?: string): Promise<TrackedToken | undefined> {
    const target = id ?? await this.pickLogin('Refresh which CodeArtifact login?');
    if (!target) return undefined;
    const t = await this.scheduler.refreshNow(target);
    this.renderStatus();
    if (t?.status !== 'valid') this.ui.notify('error', `Could not refresh the CodeArtifact token: ${t?.lastError ?? 'unknown error'}`);
    return t;
  }

  private async pickLogin(title: string): Promise<string | undefined> {
    const logins = this.store.logins();
    if (logins.length === 0) {
      this.ui.notify('info', 'There is no active CodeArtifact login.');
      return undefined;
    }
    if (logins.length === 1) return logins[0]?.id;
    return this.ui.pick(logins.map((m) => ({ label: describe(m), description: m.files.map((f) => tildify(f, this.home)).join(', '), value: m.id })), { title });
  }

  /** "Conveyor: Log out of CodeArtifact": removes exactly what the login added and forgets its token. */
  async logout(arg?: string | { id?: string }): Promise<LogoutResult> {
    const id = typeof arg === 'string' ? arg : arg?.id ?? await this.pickLogin('Log out of which CodeArtifact login?');
    if (!id) return { ok: false, message: 'Cancelled' };
    try {
      const out = await logoutTransaction({ records: this.store.records, fs: nodeConfigFs }, id);
      const { meta } = out;
      await this.store.reload();
      this.scheduler.untrack(id);
      this.tokens.delete(id);
      await this.applyEnvironment();
      this.renderStatus();
      const done = out.changes.map((c) => `${tildify(c.path, this.home)} ${c.action}`).join('; ');
      const kept = out.changes.flatMap((c) => (c.kept ?? []).map((k) => `${tildify(c.path, this.home)}: ${k}`));
      this.deps.log.info(`CodeArtifact logout ${meta ? describe(meta) : id}: ${done || 'no files'}`);
      this.ui.notify(kept.length > 0 ? 'warning' : 'info', `Logged out${meta ? ` ${describe(meta)}` : ''}.${done ? ` ${done}.` : ''}${kept.length ? ` Left alone: ${kept.join('; ')}.` : ''}`);
      return { ok: true, id, changes: out.changes };
    } catch (err) {
      const message = `Logout failed: ${err instanceof Error ? err.message : String(err)}`;
      this.ui.notify('error', message);
      return { ok: false, message };
    }
  }

  /** The status bar item's menu. */
  async manageLogin(id?: string): Promise<void> {
    const target = id ?? await this.pickLogin('Which CodeArtifact login?');
    const meta = this.store.logins().find((m) => m.id === target);
    if (!meta) return;
    const action = await this.ui.pick([
      { label: '$(sync) Refresh token now', value: 'refresh' as const },
      { label: '$(sign-out) Log out', detail: 'Removes what the login added and restores what it replaced', value: 'logout' as const },
      ...meta.files.map((f) => ({ label: `$(go-to-file) Open ${tildify(f, this.home)}`, value: f })),
    ], { title: describe(meta) });
    if (action === 'refresh') await this.refresh(meta.id);
    else if (action === 'logout') await this.logout(meta.id);
    else if (action) await this.ui.open(vscode.Uri.file(action), { preview: true });
  }

  // ---- tree commands -----------------------------------------------------------------------------

  async loadMore(node: ArtifactNode): Promise<void> {
    if (node.data.kind !== 'loadMore') return;
    await this.model.loadMore(node.data.listing);
    this.provider.refresh(this.provider.getParent(node));
  }

  refreshTree(node?: ArtifactNode): void {
    if (node) this.model.invalidate(node.data);
    else this.model.clear();
    this.provider.refresh(node);
  }

  async filter(text?: string): Promise<void> {
    const value = text ?? await this.ui.input({ title: 'Filter packages by name prefix', value: this.model.filter, placeholder: 'e.g. acme-' });
    if (value === undefined) return;
    this.model.setFilter(value);
    this.renderFilter();
    this.provider.refresh();
  }

  clearFilter(): void {
    this.model.setFilter('');
    this.renderFilter();
    this.provider.refresh();
  }

  private renderFilter(): void {
    if (!this.treeView) return;
    this.treeView.description = this.model.filter ? `packages: ${this.model.filter}*` : undefined;
    void vscode.commands.executeCommand('setContext', 'conveyor.artifacts.filtered', Boolean(this.model.filter));
  }

  /** "Copy install snippet" on a version; `label` picks one snippet without asking. */
  async copySnippet(node: ArtifactNode, label?: string): Promise<string | undefined> {
    if (node.data.kind !== 'version') return undefined;
    const r = node.data.ref;
    const snippets = installSnippets({ format: r.format, ...(r.namespace ? { namespace: r.namespace } : {}), package: r.package, version: r.version, domain: r.domain, domainOwner: r.domainOwner, repository: r.repository });
    if (snippets.length === 0) {
      this.ui.notify('info', `No install snippet for ${r.format} packages.`);
      return undefined;
    }
    const chosen = label !== undefined ? snippets.find((s) => s.label === label)
      : snippets.length === 1 ? snippets[0]
        : await this.ui.pick(snippets.map((s) => ({ label: s.label, detail: s.text.split('\n')[0] ?? '', value: s })), { title: `Install snippet for ${r.package} ${r.version}` });
    if (!chosen) return undefined;
    await this.ui.copy(chosen.text);
    this.ui.notify('info', `Copied the ${chosen.label} snippet for ${r.package} ${r.version}.`);
    return chosen.text;
  }

  async showDetails(node: ArtifactNode): Promise<vscode.Uri | undefined> {
    if (node.data.kind !== 'version') return undefined;
    const uri = detailsUri(node.data.ref, this.deps.aws.current);
    await this.ui.open(uri, { preview: true, language: 'markdown' });
    return uri;
  }

  dispose(): void {
    for (const d of this.disposables.reverse()) d.dispose();
  }
}

function repoArgs(node: ArtifactNode): LoginArgs {
  const ref: RepoRef | undefined = node.data.kind === 'repository' || node.data.kind === 'upstream' || node.data.kind === 'external' || node.data.kind === 'format' || node.data.kind === 'namespace'
    ? node.data.ref : node.data.kind === 'package' || node.data.kind === 'version' ? node.data.ref : undefined;
  if (ref) return { domain: ref.domain, domainOwner: ref.domainOwner, repository: ref.repository };
  if (node.data.kind === 'domain') return { domain: node.data.domain, domainOwner: node.data.domainOwner };
  return {};
}
