// Logging package managers in to CodeArtifact and out again: the login's questions (a multi-step flow),
// the login transaction with its progress and conflicts, token refresh, logout and the login menu.
import { paginateListDomains, paginateListRepositoriesInDomain, type CodeartifactClient } from '@aws-sdk/client-codeartifact';
import * as vscode from 'vscode';
import type { AwsTarget } from '../../aws/access';
import { operationOf } from '../../aws/clients';
import { collectPages } from '../../aws/paging';
import { redactor } from '../../core/redact';
import type { NotifyLevel } from '../../editor/ui';
import { ConfigEditError } from '../config/edit';
import { detectScope, detectTools, type Detection, type ScopeInUse } from '../detect/detect';
import { LoginConflictError } from '../login/engine';
import type { Refreshed, TrackedToken } from '../login/lifecycle';
import { loginFlow, type Domain, type LoginAnswers, type Repository } from '../login/login-flow';
import { chooseTokenVariable, PlanError, type LoginRequest } from '../login/plan';
import { poetryStyleOf } from '../login/poetry';
import { LoginGoneError, loginTransaction, logoutTransaction, refreshTransaction } from '../login/transactions';
import { isPlacement, isToolId, TOOLS } from '../login/tools';
import type { ArtifactNode } from '../tree/nodes';
import { describeLogin, repoArgs, tildify, type LoginArgs, type LoginHost, type LoginResult, type LogoutResult } from './login-host';
import { listWorkspace } from './workspace';

const MAX_PAGES = 10;

export class LoginCommands {
  constructor(private readonly h: LoginHost) {}

  private async listDomains(client: CodeartifactClient): Promise<Domain[]> {
    const out = await collectPages(paginateListDomains({ client, pageSize: 100, stopOnSameToken: true }, {}),
      (page) => (page.domains ?? []).flatMap((d) => (d.name && d.owner ? [{ name: d.name, owner: d.owner }] : [])), MAX_PAGES);
    for (const d of this.h.sharedDomains()) if (!out.some((o) => o.name === d.name && o.owner === d.owner)) out.push(d);
    return out;
  }

  private listRepositories(client: CodeartifactClient, domain: string, owner: string): Promise<Repository[]> {
    return collectPages(paginateListRepositoriesInDomain({ client, pageSize: 100, stopOnSameToken: true }, { domain, domainOwner: owner }),
      (page) => (page.repositories ?? []).flatMap((r) => (r.name ? [{ name: r.name, ...(r.description ? { description: r.description } : {}) }] : [])), MAX_PAGES);
  }

  /** The tools and the npm scope the project's files point to. */
  private async detect(projectDir: string | undefined): Promise<{ tools: Detection[]; scope?: ScopeInUse }> {
    if (!projectDir) return { tools: [] };
    const listing = await listWorkspace(vscode.Uri.file(projectDir));
    const scope = detectScope(listing);
    return { tools: detectTools(listing), ...(scope ? { scope } : {}) };
  }

  /** Asks what the arguments leave open (one flow, Back included); undefined when the person cancels. */
  private async ask(args: LoginArgs, client: CodeartifactClient, target: AwsTarget): Promise<Omit<LoginRequest, 'endpoint'> | undefined> {
    let answers: LoginAnswers = {
      ...(args.domain ? { domain: args.domain } : {}), ...(args.domainOwner ? { domainOwner: args.domainOwner } : {}),
      ...(args.repository ? { repository: args.repository } : {}), ...(args.tool ? { tool: args.tool } : {}),
      ...(args.placement ? { placement: args.placement } : {}), ...(args.scope !== undefined ? { scope: args.scope } : {}),
      ...(args.pipOption ? { pipOption: args.pipOption } : {}), ...(args.mavenMode ? { mavenMode: args.mavenMode } : {}),
    };
    const domains = answers.domain && answers.domainOwner ? [] : await this.listDomains(client);
    if (answers.domain && !answers.domainOwner) {
      const owner = domains.find((d) => d.name === answers.domain)?.owner;
      if (!owner) return this.cancel('error', `Domain ${answers.domain} is not visible to profile "${target.profile}"; give its owner account as well.`);
      answers = { ...answers, domainOwner: owner };
    }
    if (!answers.domain && domains.length === 0) return this.cancel('warning', `No CodeArtifact domains are visible to profile "${target.profile}" in ${target.region}.`);
    if (answers.tool && answers.placement) {
      const pl = TOOLS[answers.tool].placements[answers.placement];
      if (!pl.available) return this.cancel('warning', `${TOOLS[answers.tool].label}: "${answers.placement}" is not available. ${pl.reason}.`);
    }
    const projectDir = args.projectDir ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const detected = await this.detect(projectDir);
    const flow = loginFlow(answers, {
      domains, detected: answers.tool ? [] : detected.tools, hasProject: projectDir !== undefined,
      ...(detected.scope ? { scopeInUse: detected.scope } : {}),
      listRepositories: (domain, owner) => this.listRepositories(client, domain, owner),
    });
    const done = flow ? await this.h.ui.runFlow(flow) : answers;
    if (!done?.domain || !done.domainOwner || !done.repository || !done.tool || !done.placement) return undefined;
    const poetryStyle = done.tool === 'poetry' ? args.poetryStyle ?? poetryStyleOf(await this.h.poetryVersion()) : undefined;
    const tokenVariable = chooseTokenVariable(done.domain, done.domainOwner,
      this.h.store.logins().map((m) => ({ domain: m.request.domain, domainOwner: m.request.domainOwner, tokenVariable: m.request.tokenVariable })));
    return {
      tool: done.tool, placement: done.placement, domain: done.domain, domainOwner: done.domainOwner, repository: done.repository, region: target.region, tokenVariable,
      ...(done.scope ? { scope: done.scope } : {}), ...(done.pipOption ? { pipOption: done.pipOption } : {}), ...(done.mavenMode ? { mavenMode: done.mavenMode } : {}),
      ...(poetryStyle ? { poetryStyle } : {}), ...(args.poetryPriority ? { poetryPriority: args.poetryPriority } : {}),
      ...(projectDir ? { projectDir } : {}),
    };
  }

  private cancel(level: NotifyLevel, message: string): undefined {
    this.h.ui.notify(level, message);
    return undefined;
  }

  /** "Conveyor: Log in to CodeArtifact" (arguments, a repository node, or nothing: the flow asks). */
  async login(arg?: LoginArgs | ArtifactNode): Promise<LoginResult> {
    const args: LoginArgs = isArtifactNode(arg) ? repoArgs(arg) : arg ?? {};
    if (args.tool !== undefined && !isToolId(args.tool)) return this.fail(`Unknown tool "${String(args.tool)}"`);
    if (args.placement !== undefined && !isPlacement(args.placement)) return this.fail(`Unknown placement "${String(args.placement)}"`);
    const target = args.target ?? this.h.aws.current;
    if (!target) return this.fail('No AWS profile is configured. Run "Conveyor: Select AWS Profile" first.');
    try {
      const client = this.h.client(args.target);
      const request = await this.ask(args, client, target);
      if (!request) return { ok: false, message: 'Cancelled' };
      return await this.runLogin(request, target, client, true);
    } catch (err) {
      return this.reportError(err, operationOf(err) ?? 'ListDomains', target);
    }
  }

  private async runLogin(request: Omit<LoginRequest, 'endpoint'>, target: AwsTarget, client: CodeartifactClient, mayResolveConflict: boolean): Promise<LoginResult> {
    const { ui, store, home } = this.h;
    try {
      const { outcome: result, meta } = await ui.withProgress(`Logging ${TOOLS[request.tool].label} in to ${request.domain}/${request.repository}…`,
        () => loginTransaction({ ...this.h.transactionDeps(), client: () => client }, request, target, this.h.settings.value.tokenDurationSeconds));
      await store.reload();
      await this.h.applyEnvironment();
      this.h.scheduler.track(meta.id, meta.issuedAt, meta.expiresAt);
      this.h.renderStatus();
      const files = result.changes.filter((c) => c.action !== 'unchanged').map((c) => `${tildify(c.path, home)} ${c.action}${c.backup ? ' (backup kept)' : ''}`);
      const where = meta.environmentNames.length > 0 ? ` New terminals get ${meta.environmentNames.join(', ')}.` : '';
      const hours = Math.max(0, Math.round((meta.expiresAt - meta.issuedAt) / 360_000) / 10);
      this.h.log.info(`CodeArtifact login ${describeLogin(meta)}: ${files.join('; ') || 'no file changes'}; expires ${new Date(meta.expiresAt).toISOString()}`);
      const buttons = result.plan.notes.length > 0 ? ['Copy Build Snippet'] : [];
      ui.notify('info', `Logged ${TOOLS[request.tool].label} in to ${request.domain}/${request.repository} for ${hours} h (refreshed automatically).${files.length ? ` ${files.join('; ')}.` : ''}${where}`,
        buttons, () => { void ui.copy(result.plan.notes.join('\n')); });
      return { ok: true, id: result.id, changes: result.changes, expiresAt: meta.expiresAt, environmentNames: meta.environmentNames, notes: result.plan.notes };
    } catch (err) {
      await store.reload().catch(() => undefined);
      if (err instanceof LoginConflictError && mayResolveConflict) {
        const other = store.logins().find((m) => err.otherLogins.includes(m.id));
        const name = other ? describeLogin(other) : err.otherLogins.join(', ');
        const what = err.file !== undefined ? `${tildify(err.file, home)} already has entries` : `Terminals already get ${err.variables.join(', ')}`;
        const go = await ui.confirm(`${what} from your CodeArtifact login ${name}. Log out of it and continue?`, { action: 'Log Out and Continue' });
        if (!go) return { ok: false, message: err.message };
        for (const otherId of err.otherLogins) await this.logout(otherId);
        return this.runLogin(request, target, client, false);
      }
      if (err instanceof LoginConflictError || err instanceof PlanError || err instanceof ConfigEditError) return this.fail(`Login not done, no file changed: ${err.message}`);
      return this.reportError(err, operationOf(err) ?? 'GetAuthorizationToken', target);
    }
  }

  private fail(message: string): LoginResult & { ok: false } {
    this.h.ui.notify('error', message);
    return { ok: false, message };
  }

  private reportError(err: unknown, operation: string, target: AwsTarget): { ok: false; message: string } {
    if (err instanceof PlanError || err instanceof ConfigEditError) return this.fail(err.message);
    const message = this.h.explain(err, operation, target);
    this.h.ui.notify('error', `CodeArtifact login failed; no file was changed. ${message}`);
    return { ok: false, message };
  }

  /** The scheduler's refresh: a new token, written where the old one was (only the token changes). */
  async refreshLogin(id: string): Promise<Refreshed> {
    // Every window schedules this refresh; the first to hold the lock does it, the others take its token.
    const target = this.h.store.logins().find((m) => m.id === id)?.target;
    const refreshed = await refreshTransaction(this.h.transactionDeps(), id, this.h.scheduler.get(id)?.issuedAt ?? 0, this.h.settings.value.tokenDurationSeconds).catch((err: unknown) => {
      if (err instanceof LoginGoneError) void this.h.syncWithRecord();
      if (err instanceof ConfigEditError || err instanceof PlanError || err instanceof LoginConflictError || err instanceof LoginGoneError) throw err;
      throw new Error(this.h.explain(err, operationOf(err) ?? 'GetAuthorizationToken', target));
    });
    const { meta } = refreshed;
    redactor.addSecret(refreshed.token);
    await this.h.store.reload();
    await this.h.applyEnvironment();
    this.h.log.info(`${refreshed.adopted ? 'Took the CodeArtifact token another window refreshed for' : 'Refreshed the CodeArtifact token of'} ${describeLogin(meta)}; expires ${new Date(meta.expiresAt).toISOString()}`);
    return { issuedAt: meta.issuedAt, expiresAt: meta.expiresAt };
  }

  /** "Refresh now" from the status bar (and tests). */
  async refresh(id?: string): Promise<TrackedToken | undefined> {
    const target = id ?? await this.pickLogin('Refresh which CodeArtifact login?');
    if (!target) return undefined;
    const t = await this.h.scheduler.refreshNow(target);
    this.h.renderStatus();
    if (t?.status !== 'valid') this.h.ui.notify('error', `Could not refresh the CodeArtifact token: ${t?.lastError ?? 'unknown error'}`);
    return t;
  }

  private async pickLogin(title: string): Promise<string | undefined> {
    const logins = this.h.store.logins();
    if (logins.length === 0) return this.cancel('info', 'There is no active CodeArtifact login.');
    if (logins.length === 1) return logins[0]?.id;
    return this.h.ui.pick(logins.map((m) => ({ label: describeLogin(m), description: m.files.map((f) => tildify(f, this.h.home)).join(', '), value: m.id })), { title });
  }

  /** "Conveyor: Log out of CodeArtifact": removes exactly what the login added and forgets its token. */
  async logout(arg?: string | { id?: string }): Promise<LogoutResult> {
    const id = typeof arg === 'string' ? arg : arg?.id ?? await this.pickLogin('Log out of which CodeArtifact login?');
    if (!id) return { ok: false, message: 'Cancelled' };
    try {
      const out = await logoutTransaction({ records: this.h.store.records, fs: this.h.transactionDeps().fs }, id);
      const { meta } = out;
      await this.h.store.reload();
      this.h.scheduler.untrack(id);
      this.h.tokens.delete(id);
      await this.h.applyEnvironment();
      this.h.renderStatus();
      const done = out.changes.map((c) => `${tildify(c.path, this.h.home)} ${c.action}`).join('; ');
      const kept = out.changes.flatMap((c) => (c.kept ?? []).map((k) => `${tildify(c.path, this.h.home)}: ${k}`));
      this.h.log.info(`CodeArtifact logout ${meta ? describeLogin(meta) : id}: ${done || 'no files'}`);
      this.h.ui.notify(kept.length > 0 ? 'warning' : 'info', `Logged out${meta ? ` ${describeLogin(meta)}` : ''}.${done ? ` ${done}.` : ''}${kept.length ? ` Left alone: ${kept.join('; ')}.` : ''}`);
      return { ok: true, id, changes: out.changes };
    } catch (err) {
      const message = `Logout failed: ${err instanceof Error ? err.message : String(err)}`;
      this.h.ui.notify('error', message);
      return { ok: false, message };
    }
  }

  /** The status bar item's menu. */
  async manageLogin(id?: string): Promise<void> {
    const target = id ?? await this.pickLogin('Which CodeArtifact login?');
    const meta = this.h.store.logins().find((m) => m.id === target);
    if (!meta) return;
    const action = await this.h.ui.pick([
      { label: '$(sync) Refresh token now', value: 'refresh' as const },
      { label: '$(sign-out) Log out', detail: 'Removes what the login added and restores what it replaced', value: 'logout' as const },
      ...meta.files.map((f) => ({ label: `$(go-to-file) Open ${tildify(f, this.h.home)}`, value: f })),
    ], { title: describeLogin(meta) });
    if (action === 'refresh') await this.refresh(meta.id);
    else if (action === 'logout') await this.logout(meta.id);
    else if (action) await this.h.ui.openDocument(vscode.Uri.file(action), { preview: true });
  }
}

function isArtifactNode(value: unknown): value is ArtifactNode {
  return typeof value === 'object' && value !== null && 'data' in value && 'contextValue' in value;
}
