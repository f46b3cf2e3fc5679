// The pipeline commands. Each takes a tree node (context menus), an argument object (scripts, other
// commands, notifications) or nothing (Command Palette: everything missing is asked with pickers).
import type { SourceRevisionType } from '@aws-sdk/client-codepipeline';
import type { Logger } from '../../core/log';
import type { PipelineApi, StartOptions } from '../model/api';
import type { PipelineExplorer } from '../model/explorer';
import {
  revisionTypeFor,
  validateApprovalComment,
  validateRevision,
  validateStopReason,
  validateTransitionReason,
  validateVariableValue,
} from '../model/inputs';
import { parseTargetKey, targetKey } from '../model/keys';
import { actionsOf, findAction, isCodeBuildAction, isRetryable, pendingApprovals, sourceActions, stagesOf, type PendingApproval } from '../model/queries';
import type { TreeNode } from '../model/tree';
import { isActive, type ExecutionSummary, type PipelineKey, type TargetRef } from '../model/types';
import { buildConsoleUrl, consoleBase, httpsOnly } from '../../aws/console';
import { executionConsoleUrl, pipelineConsoleUrl } from '../present/console';
import { executionDescription } from '../present/nodes';
import { revisionLine } from '../present/revision';
import { statusLabel } from '../present/status';
import type { FollowKind, FollowState } from './follow';
import type { PipelinesUi } from './ui';

/** What scripts and other commands may pass instead of a tree node. */
export interface PipelineArgs {
  profile?: string;
  region?: string;
  pipelineName?: string;
  executionId?: string;
  stageName?: string;
  actionName?: string;
  variables?: { name: string; value: string }[];
  sourceRevisions?: { actionName: string; revisionType: SourceRevisionType; revisionValue: string }[];
  abandon?: boolean;
  reason?: string;
  comment?: string;
  retryMode?: 'FAILED_ACTIONS' | 'ALL_ACTIONS';
}

export interface CommandDeps {
  explorer: PipelineExplorer;
  apiFor(target: string): PipelineApi;
  ui: PipelinesUi;
  follow: FollowState;
  log: Logger;
  /** Opens the execution timeline document. */
  showTimeline(key: PipelineKey, executionId: string): Promise<void>;
  /** The filter changed: update the view's message and context key. */
  onFilterChanged(): void;
  /** Runs a command of another feature (the logs document). */
  executeCommand(command: string, ...args: unknown[]): Thenable<unknown>;
}

const NODE_KINDS = new Set(['target', 'pipeline', 'stage', 'action', 'executions', 'execution', 'moreExecutions', 'morePipelines', 'message']);

function isNode(arg: unknown): arg is TreeNode {
  return typeof arg === 'object' && arg !== null && NODE_KINDS.has(String((arg as { kind?: unknown }).kind)) && typeof (arg as { id?: unknown }).id === 'string';
}

function asArgs(arg: unknown): PipelineArgs {
  if (typeof arg !== 'object' || arg === null || isNode(arg)) return {};
  const o = arg as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const out: PipelineArgs = {};
  for (const k of ['profile', 'region', 'pipelineName', 'executionId', 'stageName', 'actionName', 'reason', 'comment'] as const) {
    const v = str(k);
    if (v !== undefined) out[k] = v;
  }
  if (typeof o.abandon === 'boolean') out.abandon = o.abandon;
  if (o.retryMode === 'FAILED_ACTIONS' || o.retryMode === 'ALL_ACTIONS') out.retryMode = o.retryMode;
  if (Array.isArray(o.variables)) {
    out.variables = o.variables.filter((v): v is { name: string; value: string } =>
      typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string' && typeof (v as { value?: unknown }).value === 'string');
  }
  if (Array.isArray(o.sourceRevisions)) {
    out.sourceRevisions = o.sourceRevisions.filter((v): v is { actionName: string; revisionType: SourceRevisionType; revisionValue: string } =>
      typeof v === 'object' && v !== null && typeof (v as { actionName?: unknown }).actionName === 'string'
      && typeof (v as { revisionType?: unknown }).revisionType === 'string' && typeof (v as { revisionValue?: unknown }).revisionValue === 'string');
  }
  return out;
}

export class PipelineCommands {
  constructor(private readonly d: CommandDeps) {}

  private get explorer(): PipelineExplorer {
    return this.d.explorer;
  }

  private ref(key: PipelineKey | string): TargetRef | undefined {
    const target = typeof key === 'string' ? key : key.target;
    return this.explorer.store.target(target)?.ref ?? parseTargetKey(target);
  }

  private region(key: PipelineKey | string): string {
    return this.ref(key)?.region ?? 'us-east-1';
  }

  private report(error: unknown, operation: string, key: PipelineKey | string | undefined, retry?: () => void): void {
    const ref = key ? this.ref(key) : undefined;
    this.d.ui.reportAwsError(error, { service: 'codepipeline', operation, ...(ref ? { target: { profile: ref.profile, region: ref.region } } : {}) }, retry);
  }

  // ---- argument resolution ------------------------------------------------------------------------

  private async target(args: PipelineArgs, title: string): Promise<string | undefined> {
    if (args.profile !== undefined && args.region) return targetKey({ profile: args.profile, region: args.region });
    const targets = this.explorer.store.targets();
    if (targets.length === 0) {
      this.d.ui.notify('warning', 'No AWS profile is configured for Conveyor.', ['Select AWS Profile'],
        () => void this.d.executeCommand('conveyor.aws.selectProfile'));
      return undefined;
    }
    if (targets.length === 1) return targets[0]?.key;
    return this.d.ui.pick(targets.map((t) => ({ label: t.ref.label ?? t.ref.profile, description: t.ref.region, value: t.key })), { title, placeHolder: 'Account and region' });
  }

  private async pipeline(arg: unknown, title: string): Promise<PipelineKey | undefined> {
    if (isNode(arg) && 'key' in arg) return arg.key;
    const args = asArgs(arg);
    const target = await this.target(args, title);
    if (!target) return undefined;
    const ref = parseTargetKey(target);
    if (ref) this.explorer.store.ensureTarget(ref);
    if (!this.explorer.store.target(target)?.pipelines) {
      try {
        await this.d.ui.withProgress('Listing pipelines…', () => this.explorer.loadList(target));
      } catch (err) {
        this.report(err, 'ListPipelines', target);
        return undefined;
      }
    }
    if (args.pipelineName) {
      if (this.explorer.store.pipeline({ target, name: args.pipelineName })) return { target, name: args.pipelineName };
      this.d.ui.notify('warning', `There is no pipeline named ${args.pipelineName} in ${ref ? `${ref.profile} · ${ref.region}` : target}.`);
      return undefined;
    }
    const t = this.explorer.store.target(target);
    const names = t ? this.explorer.tree.matching(t) : [];
    const name = await this.d.ui.pick(names.map((n) => {
      const latest = t?.pipelines?.get(n)?.recent?.[0];
      return { label: n, ...(latest ? { description: statusLabel(latest.status) } : {}), value: n };
    }), { title, placeHolder: 'Pipeline' });
    return name ? { target, name } : undefined;
  }

  private async recent(key: PipelineKey): Promise<ExecutionSummary[]> {
    await this.explorer.loadRecent(key);
    return this.explorer.store.pipeline(key)?.recent ?? [];
  }

  private async runtimeOf(key: PipelineKey): Promise<boolean> {
    try {
      await Promise.all([
        this.explorer.loadRuntime(key),
        this.explorer.store.pipeline(key)?.structure ? Promise.resolve(false) : this.explorer.loadStructure(key).catch(() => false),
      ]);
      return true;
    } catch (err) {
      this.report(err, 'GetPipelineState', key);
      return false;
    }
  }

  /** Runs an AWS call with progress; reports failures; refreshes what the call changed. */
  private async act(key: PipelineKey, title: string, operation: string, call: () => Promise<unknown>, refresh: readonly ('recent' | 'runtime' | 'executions')[], retry: () => void): Promise<boolean> {
    try {
      await this.d.ui.withProgress(title, async () => {
        await call();
        await this.explorer.refreshAfterAction(key, refresh);
      });
      return true;
    } catch (err) {
      this.d.log.warn(`${operation} on ${key.name} failed: ${String(err)}`);
      this.report(err, operation, key, retry);
      return false;
    }
  }

  // ---- view ---------------------------------------------------------------------------------------

  async refresh(node?: unknown): Promise<void> {
    await this.explorer.refresh(isNode(node) ? node : undefined);
  }

  async filter(text?: unknown): Promise<void> {
    const value = typeof text === 'string' ? text : await this.d.ui.input({
      title: 'Filter Pipelines', prompt: 'Part of a pipeline name, or a glob such as prod-*-api (empty clears the filter)',
      value: this.explorer.tree.filter, placeHolder: 'payments',
    });
    if (value === undefined) return;
    if (this.explorer.setFilter(value)) this.d.onFilterChanged();
  }

  clearFilter(): void {
    if (this.explorer.setFilter('')) this.d.onFilterChanged();
  }

  async loadMore(node?: unknown): Promise<void> {
    if (isNode(node)) await this.explorer.loadMore(node);
  }

  // ---- actions ------------------------------------------------------------------------------------

  async start(arg?: unknown): Promise<string | undefined> {
    const key = await this.pipeline(arg, 'Start Pipeline');
    if (!key) return undefined;
    const args = asArgs(arg);
    const options: StartOptions = {};
    if (args.variables || args.sourceRevisions) {
      if (args.variables?.length) options.variables = args.variables;
      if (args.sourceRevisions?.length) options.sourceRevisions = args.sourceRevisions;
    } else {
      await this.explorer.loadStructure(key).catch(() => false);
      const structure = this.explorer.store.pipeline(key)?.structure;
      const variables = structure?.variables ?? [];
      const sources = sourceActions(structure).filter((a) => revisionTypeFor(a) !== undefined);
      type Choice = 'default' | 'variables' | 'revision' | 'both';
      const choices: { label: string; detail?: string; value: Choice }[] = [{ label: '$(play) Start', detail: 'Latest source revision, default variable values', value: 'default' }];
      if (variables.length) choices.push({ label: '$(symbol-variable) Start with variables…', detail: variables.map((v) => v.name).join(', '), value: 'variables' });
      if (sources.length) choices.push({ label: '$(git-commit) Start with a source revision…', detail: sources.map((s) => s.name).join(', '), value: 'revision' });
      if (variables.length && sources.length) choices.push({ label: '$(settings) Start with variables and a source revision…', value: 'both' });
      const choice = choices.length === 1 ? 'default' : await this.d.ui.pick(choices, { title: `Start ${key.name}` });
      if (!choice) return undefined;
      if (choice === 'variables' || choice === 'both') {
        const values: { name: string; value: string }[] = [];
        for (const v of variables) {
          const value = await this.d.ui.input({
            title: `Start ${key.name}: variable ${v.name}`, prompt: v.description ?? `Value of ${v.name}`,
            value: v.defaultValue ?? '', validate: validateVariableValue,
          });
          if (value === undefined) return undefined;
          if (value !== v.defaultValue) values.push({ name: v.name, value });
        }
        if (values.length) options.variables = values;
      }
      if (choice === 'revision' || choice === 'both') {
        const action = sources.length === 1 ? sources[0]
          : await this.d.ui.pick(sources.map((s) => ({ label: s.name, description: s.provider, value: s })), { title: `Start ${key.name}: source action` });
        const type = action ? revisionTypeFor(action) : undefined;
        if (!action || !type) return undefined;
        const value = await this.d.ui.input({
          title: `Start ${key.name}: ${action.name} revision`, prompt: type === 'COMMIT_ID' ? 'Full commit SHA' : type === 'IMAGE_DIGEST' ? 'Image digest (sha256:…)' : 'S3 object version id',
          validate: (v) => validateRevision(type, v),
        });
        if (value === undefined) return undefined;
        options.sourceRevisions = [{ actionName: action.name, revisionType: type, revisionValue: value.trim() }];
      }
    }
    let executionId: string | undefined;
    const ok = await this.act(key, `Starting ${key.name}…`, 'StartPipelineExecution', async () => {
      executionId = await this.apiFor(key).start(key.name, options);
    }, ['recent', 'runtime', 'executions'], () => void this.start(arg));
    if (ok) {
      this.d.ui.notify('info', `Started ${key.name}${executionId ? ` (execution ${executionId.slice(0, 8)})` : ''}.`, ['Show Execution'], () => {
        if (executionId) void this.d.showTimeline(key, executionId);
      });
    }
    return ok ? executionId : undefined;
  }

  async stop(arg?: unknown): Promise<boolean> {
    const key = await this.pipeline(arg, 'Stop Pipeline Execution');
    if (!key) return false;
    const args = asArgs(arg);
    let executionId = isNode(arg) && arg.kind === 'execution' ? arg.executionId : args.executionId;
    if (!executionId) {
      let running: ExecutionSummary[];
      try {
        running = (await this.recent(key)).filter((x) => x.status === 'InProgress');
      } catch (err) {
        this.report(err, 'ListPipelineExecutions', key);
        return false;
      }
      if (!running.length) {
        this.d.ui.notify('info', `No execution of ${key.name} is running.`);
        return false;
      }
      executionId = running.length === 1 ? running[0]?.id : await this.d.ui.pick(running.map((x) => ({
        label: revisionLine(x.sourceRevisions[0]) ?? x.id.slice(0, 8), description: executionDescription(x, Date.now()), detail: x.id, value: x.id,
      })), { title: `Stop ${key.name}`, placeHolder: 'Execution to stop' });
      if (!executionId) return false;
    }
    const abandon = args.abandon ?? await this.d.ui.pick([
      { label: 'Stop and wait', detail: 'Let in-progress actions finish, then stop.', value: false },
      { label: 'Stop and abandon', detail: 'Do not wait: in-progress actions are abandoned.', value: true },
    ], { title: `Stop ${key.name}` });
    if (abandon === undefined) return false;
    const reason = args.reason ?? await this.d.ui.input({ title: `Stop ${key.name}`, prompt: 'Reason (optional, shown in the execution history)', validate: validateStopReason });
    if (reason === undefined) return false;
    const confirmed = await this.d.ui.confirm(`${abandon ? 'Abandon' : 'Stop'} execution ${executionId.slice(0, 8)} of ${key.name}?`,
      abandon ? 'In-progress actions are abandoned; the execution cannot be resumed.' : 'In-progress actions finish first; the execution cannot be resumed.', abandon ? 'Abandon' : 'Stop');
    if (!confirmed) return false;
    const id = executionId;
    return this.act(key, `${abandon ? 'Abandoning' : 'Stopping'} ${key.name}…`, 'StopPipelineExecution',
      () => this.apiFor(key).stop(key.name, id, abandon, reason), ['recent', 'runtime', 'executions'], () => void this.stop(arg));
  }

  async retryStage(arg?: unknown): Promise<boolean> {
    const key = await this.pipeline(arg, 'Retry Stage');
    if (!key) return false;
    const args = asArgs(arg);
    if (!(await this.runtimeOf(key))) return false;
    const e = this.explorer.store.pipeline(key);
    const stages = stagesOf(e?.structure, e?.runtime);
    let stageName = isNode(arg) && arg.kind === 'stage' ? arg.stage : args.stageName;
    if (!stageName) {
      const retryable = stages.filter((s) => isRetryable(s.runtime?.status) && s.runtime?.latestExecutionId);
      if (!retryable.length) {
        this.d.ui.notify('info', `No stage of ${key.name} can be retried: none failed or was stopped.`);
        return false;
      }
      stageName = retryable.length === 1 ? retryable[0]?.name : await this.d.ui.pick(retryable.map((s) => ({
        label: s.name, description: statusLabel(s.runtime?.status), value: s.name,
      })), { title: `Retry a stage of ${key.name}` });
      if (!stageName) return false;
    }
    const stage = stages.find((s) => s.name === stageName);
    const executionId = args.executionId ?? stage?.runtime?.latestExecutionId;
    if (!executionId) {
      this.d.ui.notify('warning', `Stage ${stageName} of ${key.name} has no execution to retry.`);
      return false;
    }
    const mode = args.retryMode ?? await this.d.ui.pick([
      { label: 'Retry failed actions', detail: 'Run again only the actions that failed.', value: 'FAILED_ACTIONS' as const },
      { label: 'Retry all actions', detail: 'Run every action of the stage again.', value: 'ALL_ACTIONS' as const },
    ], { title: `Retry ${stageName}` });
    if (!mode) return false;
    const name = stageName;
    return this.act(key, `Retrying ${name} of ${key.name}…`, 'RetryStageExecution',
      () => this.apiFor(key).retryStage(key.name, name, executionId, mode), ['recent', 'runtime'], () => void this.retryStage(arg));
  }

  async approve(arg?: unknown): Promise<boolean> {
    return this.decide(arg, 'Approved');
  }

  async reject(arg?: unknown): Promise<boolean> {
    return this.decide(arg, 'Rejected');
  }

  private async decide(arg: unknown, status: 'Approved' | 'Rejected'): Promise<boolean> {
    const verb = status === 'Approved' ? 'Approve' : 'Reject';
    const key = await this.pipeline(arg, `${verb} Manual Approval`);
    if (!key) return false;
    const args = asArgs(arg);
    // The token changes with every approval request: always read it fresh.
    if (!(await this.runtimeOf(key))) return false;
    const pending = pendingApprovals(this.explorer.store.pipeline(key)?.runtime);
    const stageName = isNode(arg) && arg.kind === 'action' ? arg.stage : args.stageName;
    const actionName = isNode(arg) && arg.kind === 'action' ? arg.action : args.actionName;
    let approval: PendingApproval | undefined;
    if (stageName && actionName) {
      approval = pending.find((p) => p.stageName === stageName && p.actionName === actionName);
      if (!approval) {
        this.d.ui.notify('info', `${stageName} / ${actionName} of ${key.name} is not waiting for approval any more.`);
        return false;
      }
    } else if (pending.length === 0) {
      this.d.ui.notify('info', `Nothing in ${key.name} is waiting for approval.`);
      return false;
    } else {
      approval = pending.length === 1 ? pending[0] : await this.d.ui.pick(pending.map((p) => ({
        label: `${p.stageName} / ${p.actionName}`, ...(p.summary ? { detail: p.summary } : {}), value: p,
      })), { title: `${verb}: which approval?` });
    }
    if (!approval) return false;
    const comment = args.comment ?? await this.d.ui.input({
      title: `${verb} ${approval.stageName} / ${approval.actionName}`, prompt: `Comment (recorded with the ${status === 'Approved' ? 'approval' : 'rejection'})`,
      placeHolder: status === 'Approved' ? 'Looks good' : 'Why it is rejected', validate: validateApprovalComment,
    });
    if (comment === undefined) return false;
    if (status === 'Rejected') {
      const ok = await this.d.ui.confirm(`Reject ${approval.stageName} / ${approval.actionName} of ${key.name}?`,
        'The stage fails and the execution stops there.', 'Reject');
      if (!ok) return false;
    }
    const a = approval;
    const summary = comment.trim() || `${status} from VS Code (Conveyor)`;
    return this.act(key, `${verb === 'Approve' ? 'Approving' : 'Rejecting'} ${a.actionName}…`, 'PutApprovalResult',
      () => this.apiFor(key).putApproval(key.name, a.stageName, a.actionName, a.token, status, summary), ['recent', 'runtime'], () => void this.decide(arg, status));
  }

  async setTransition(arg: unknown, enable: boolean): Promise<boolean> {
    const key = await this.pipeline(arg, `${enable ? 'Enable' : 'Disable'} Stage Transition`);
    if (!key) return false;
    const args = asArgs(arg);
    let stageName = isNode(arg) && arg.kind === 'stage' ? arg.stage : args.stageName;
    if (!stageName) {
      if (!(await this.runtimeOf(key))) return false;
      const e = this.explorer.store.pipeline(key);
      const candidates = stagesOf(e?.structure, e?.runtime).slice(1).filter((s) => (s.runtime?.inbound.enabled ?? true) !== enable);
      if (!candidates.length) {
        this.d.ui.notify('info', `No stage of ${key.name} has its inbound transition ${enable ? 'disabled' : 'enabled'}.`);
        return false;
      }
      stageName = await this.d.ui.pick(candidates.map((s) => ({
        label: s.name, ...(s.runtime?.inbound.disabledReason ? { detail: s.runtime.inbound.disabledReason } : {}), value: s.name,
      })), { title: `${enable ? 'Enable' : 'Disable'} the transition into…` });
      if (!stageName) return false;
    }
    let reason = '';
    if (!enable) {
      const typed = args.reason ?? await this.d.ui.input({
        title: `Disable the transition into ${stageName}`, prompt: 'Reason (shown on the pipeline)', placeHolder: 'Release freeze until Monday', validate: validateTransitionReason,
      });
      if (typed === undefined) return false;
      const problem = validateTransitionReason(typed);
      if (problem) {
        this.d.ui.notify('error', problem);
        return false;
      }
      reason = typed;
      const ok = await this.d.ui.confirm(`Disable the transition into ${stageName}?`, `Executions of ${key.name} will stop before ${stageName} until it is enabled again.`, 'Disable');
      if (!ok) return false;
    }
    const name = stageName;
    return this.act(key, `${enable ? 'Enabling' : 'Disabling'} the transition into ${name}…`, enable ? 'EnableStageTransition' : 'DisableStageTransition',
      () => this.apiFor(key).setTransition(key.name, name, enable, reason), ['runtime'], () => void this.setTransition(arg, enable));
  }

  // ---- navigation ---------------------------------------------------------------------------------

  async showExecution(arg?: unknown): Promise<boolean> {
    const key = await this.pipeline(arg, 'Show Execution');
    if (!key) return false;
    const args = asArgs(arg);
    let executionId = isNode(arg) && arg.kind === 'execution' ? arg.executionId : args.executionId;
    if (!executionId) {
      let recent: ExecutionSummary[];
      try {
        recent = this.explorer.store.pipeline(key)?.recent ?? await this.recent(key);
      } catch (err) {
        this.report(err, 'ListPipelineExecutions', key);
        return false;
      }
      // A pipeline row, or a script naming only the pipeline: its latest run.
      if ((isNode(arg) && arg.kind === 'pipeline') || args.pipelineName) {
        executionId = recent[0]?.id;
      } else {
        executionId = recent.length <= 1 ? recent[0]?.id : await this.d.ui.pick(recent.map((x) => ({
          label: revisionLine(x.sourceRevisions[0]) ?? x.id.slice(0, 8), description: executionDescription(x, Date.now()), detail: x.id, value: x.id,
        })), { title: `Executions of ${key.name}` });
      }
      if (!executionId) {
        if (!recent.length) this.d.ui.notify('info', `${key.name} has not run yet.`);
        return false;
      }
    }
    await this.d.showTimeline(key, executionId);
    return true;
  }

  /** The console page for a node: pipeline, execution, CodeBuild build, or an action's own link. */
  consoleUrl(node: TreeNode): string | undefined {
    switch (node.kind) {
      case 'target': {
        const region = this.region(node.target);
        return `${consoleBase(region)}/codesuite/codepipeline/pipelines?region=${encodeURIComponent(region)}`;
      }
      case 'execution':
        return executionConsoleUrl(this.region(node.key), node.key.name, node.executionId);
      case 'action': {
        const e = this.explorer.store.pipeline(node.key);
        const action = findAction(e?.structure, e?.runtime, node.stage, node.action);
        const rt = action?.runtime;
        if (action && isCodeBuildAction(action) && rt?.externalExecutionId) return buildConsoleUrl(this.region(node.key), rt.externalExecutionId);
        return httpsOnly(rt?.externalExecutionUrl) ?? httpsOnly(rt?.entityUrl) ?? pipelineConsoleUrl(this.region(node.key), node.key.name);
      }
      case 'pipeline':
      case 'stage':
      case 'executions':
      case 'moreExecutions':
        return pipelineConsoleUrl(this.region(node.key), node.key.name);
      default:
        return undefined;
    }
  }

  async openInConsole(arg?: unknown): Promise<string | undefined> {
    let url: string | undefined;
    if (isNode(arg)) {
      url = this.consoleUrl(arg);
    } else {
      const key = await this.pipeline(arg, 'Open in AWS Console');
      if (!key) return undefined;
      const executionId = asArgs(arg).executionId;
      url = executionId ? executionConsoleUrl(this.region(key), key.name, executionId) : pipelineConsoleUrl(this.region(key), key.name);
    }
    if (url) await this.d.ui.openExternal(url);
    return url;
  }

  async copyArn(arg?: unknown): Promise<string | undefined> {
    const key = await this.pipeline(arg, 'Copy Pipeline ARN');
    if (!key) return undefined;
    if (!this.explorer.store.pipeline(key)?.structure?.arn) {
      try {
        await this.explorer.loadStructure(key);
      } catch (err) {
        this.report(err, 'GetPipeline', key);
        return undefined;
      }
    }
    const arn = this.explorer.store.pipeline(key)?.structure?.arn;
    if (!arn) {
      this.d.ui.notify('warning', `CodePipeline did not return an ARN for ${key.name}.`);
      return undefined;
    }
    await this.d.ui.copy(arn);
    this.d.ui.notify('info', `Copied ${arn}`);
    return arn;
  }

  async follow(arg: unknown, kind: FollowKind, on: boolean): Promise<boolean> {
    const key = await this.pipeline(arg, `${on ? '' : 'Un'}${kind === 'pinned' ? 'pin' : 'watch'} Pipeline`);
    if (!key) return false;
    await this.d.follow.set(kind, key, on);
    return true;
  }

  async showActionLogs(arg?: unknown): Promise<boolean> {
    let key: PipelineKey | undefined;
    let stageName: string | undefined;
    let actionName: string | undefined;
    if (isNode(arg) && arg.kind === 'action') {
      key = arg.key;
      stageName = arg.stage;
      actionName = arg.action;
    } else {
      key = await this.pipeline(arg, 'Show Build Logs');
      if (!key) return false;
      if (!(await this.runtimeOf(key))) return false;
      const e = this.explorer.store.pipeline(key);
      const builds = stagesOf(e?.structure, e?.runtime)
        .flatMap((stage) => actionsOf(stage).map((a) => ({ stage: stage.name, action: a.name, view: a })))
        .filter((x) => isCodeBuildAction(x.view) && x.view.runtime?.externalExecutionId)
        .map(({ stage, action }) => ({ stage, action }));
      const args = asArgs(arg);
      const chosen = args.stageName && args.actionName ? { stage: args.stageName, action: args.actionName }
        : builds.length === 1 ? builds[0] : await this.d.ui.pick(builds.map((b) => ({ label: b.action, description: b.stage, value: b })), { title: `Build logs of ${key.name}` });
      if (!chosen) {
        if (!builds.length) this.d.ui.notify('info', `${key.name} has no CodeBuild action that ran.`);
        return false;
      }
      stageName = chosen.stage;
      actionName = chosen.action;
    }
    if (!(await this.runtimeOf(key))) return false;
    const e = this.explorer.store.pipeline(key);
    const action = findAction(e?.structure, e?.runtime, stageName, actionName);
    const rt = action?.runtime;
    if (!action || (!rt?.externalExecutionId && !rt?.logStreamArn)) {
      this.d.ui.notify('info', `${stageName} / ${actionName} has no logs to show yet.`);
      return false;
    }
    const ref = this.ref(key);
    await this.d.executeCommand('conveyor.logs.showActionLogs', {
      profile: ref?.profile, region: ref?.region, pipelineName: key.name, stageName, actionName,
      provider: action.declaration?.provider ?? (isCodeBuildAction(action) ? 'CodeBuild' : undefined),
      externalExecutionId: rt.externalExecutionId, logStreamArn: rt.logStreamArn,
      running: isActive(rt.status),
    });
    return true;
  }

  private apiFor(key: PipelineKey): PipelineApi {
    return this.d.apiFor(key.target);
  }
}
