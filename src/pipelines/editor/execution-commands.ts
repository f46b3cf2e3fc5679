// Start, Stop and Retry Stage: every missing detail is asked (variables and source revisions, which
// execution, how to stop, which stage); destructive ones confirm first.
import {
  revisionTypeFor, validateRevision, validateStopReason, validateVariableValue,
} from '../model/inputs';
import type { StartOptions } from '../model/api';
import { asArgs, isNode } from '../model/command-args';
import { isRetryable, sourceActions, stagesOf } from '../model/queries';
import type { ExecutionSummary } from '../model/types';
import { executionDescription } from '../present/nodes';
import { revisionLine } from '../present/revision';
import { statusLabel } from '../present/status';
import type { CommandContext } from './command-context';

export class ExecutionCommands {
  constructor(private readonly c: CommandContext) {}

  async start(arg?: unknown): Promise<string | undefined> {
    const key = await this.c.pipeline(arg, 'Start Pipeline');
    if (!key) return undefined;
    const args = asArgs(arg);
    const options: StartOptions = {};
    if (args.variables || args.sourceRevisions) {
      if (args.variables?.length) options.variables = args.variables;
      if (args.sourceRevisions?.length) options.sourceRevisions = args.sourceRevisions;
    } else {
      await this.c.explorer.loadStructure(key).catch(() => false);
      const structure = this.c.explorer.store.pipeline(key)?.structure;
      const variables = structure?.variables ?? [];
      const sources = sourceActions(structure).filter((a) => revisionTypeFor(a) !== undefined);
      type Choice = 'default' | 'variables' | 'revision' | 'both';
      const choices: { label: string; detail?: string; value: Choice }[] = [{ label: '$(play) Start', detail: 'Latest source revision, default variable values', value: 'default' }];
      if (variables.length) choices.push({ label: '$(symbol-variable) Start with variables…', detail: variables.map((v) => v.name).join(', '), value: 'variables' });
      if (sources.length) choices.push({ label: '$(git-commit) Start with a source revision…', detail: sources.map((s) => s.name).join(', '), value: 'revision' });
      if (variables.length && sources.length) choices.push({ label: '$(settings) Start with variables and a source revision…', value: 'both' });
      const choice = choices.length === 1 ? 'default' : await this.c.ui.pick(choices, { title: `Start ${key.name}` });
      if (!choice) return undefined;
      if (choice === 'variables' || choice === 'both') {
        const values: { name: string; value: string }[] = [];
        for (const v of variables) {
          const value = await this.c.ui.input({
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
          : await this.c.ui.pick(sources.map((s) => ({ label: s.name, description: s.provider, value: s })), { title: `Start ${key.name}: source action` });
        const type = action ? revisionTypeFor(action) : undefined;
        if (!action || !type) return undefined;
        const value = await this.c.ui.input({
          title: `Start ${key.name}: ${action.name} revision`, prompt: type === 'COMMIT_ID' ? 'Full commit SHA' : type === 'IMAGE_DIGEST' ? 'Image digest (sha256:…)' : 'S3 object version id',
          validate: (v) => validateRevision(type, v),
        });
        if (value === undefined) return undefined;
        options.sourceRevisions = [{ actionName: action.name, revisionType: type, revisionValue: value.trim() }];
      }
    }
    let executionId: string | undefined;
    const ok = await this.c.act(key, `Starting ${key.name}…`, 'StartPipelineExecution', async () => {
      executionId = await this.c.apiFor(key).start(key.name, options);
    }, ['recent', 'runtime', 'executions'], () => void this.start(arg));
    if (ok) {
      this.c.ui.notify('info', `Started ${key.name}${executionId ? ` (execution ${executionId.slice(0, 8)})` : ''}.`, ['Show Execution'], () => {
        if (executionId) void this.c.d.showTimeline(key, executionId);
      });
    }
    return ok ? executionId : undefined;
  }

  async stop(arg?: unknown): Promise<boolean> {
    const key = await this.c.pipeline(arg, 'Stop Pipeline Execution');
    if (!key) return false;
    const args = asArgs(arg);
    let executionId = isNode(arg) && arg.kind === 'execution' ? arg.executionId : args.executionId;
    if (!executionId) {
      let running: ExecutionSummary[];
      try {
        running = (await this.c.recent(key)).filter((x) => x.status === 'InProgress');
      } catch (err) {
        this.c.report(err, 'ListPipelineExecutions', key);
        return false;
      }
      if (!running.length) {
        this.c.ui.notify('info', `No execution of ${key.name} is running.`);
        return false;
      }
      executionId = running.length === 1 ? running[0]?.id : await this.c.ui.pick(running.map((x) => ({
        label: revisionLine(x.sourceRevisions[0]) ?? x.id.slice(0, 8), description: executionDescription(x, Date.now()), detail: x.id, value: x.id,
      })), { title: `Stop ${key.name}`, placeholder: 'Execution to stop' });
      if (!executionId) return false;
    }
    const abandon = args.abandon ?? await this.c.ui.pick([
      { label: 'Stop and wait', detail: 'Let in-progress actions finish, then stop.', value: false },
      { label: 'Stop and abandon', detail: 'Do not wait: in-progress actions are abandoned.', value: true },
    ], { title: `Stop ${key.name}` });
    if (abandon === undefined) return false;
    const reason = args.reason ?? await this.c.ui.input({ title: `Stop ${key.name}`, prompt: 'Reason (optional, shown in the execution history)', validate: validateStopReason });
    if (reason === undefined) return false;
    const confirmed = await this.c.ui.confirm(`${abandon ? 'Abandon' : 'Stop'} execution ${executionId.slice(0, 8)} of ${key.name}?`,
      {
        detail: abandon ? 'In-progress actions are abandoned; the execution cannot be resumed.' : 'In-progress actions finish first; the execution cannot be resumed.',
        action: abandon ? 'Abandon' : 'Stop',
      });
    if (!confirmed) return false;
    const id = executionId;
    return this.c.act(key, `${abandon ? 'Abandoning' : 'Stopping'} ${key.name}…`, 'StopPipelineExecution',
      () => this.c.apiFor(key).stop(key.name, id, abandon, reason), ['recent', 'runtime', 'executions'], () => void this.stop(arg));
  }

  async retryStage(arg?: unknown): Promise<boolean> {
    const key = await this.c.pipeline(arg, 'Retry Stage');
    if (!key) return false;
    const args = asArgs(arg);
    if (!(await this.c.runtimeOf(key))) return false;
    const e = this.c.explorer.store.pipeline(key);
    const stages = stagesOf(e?.structure, e?.runtime);
    let stageName = isNode(arg) && arg.kind === 'stage' ? arg.stage : args.stageName;
    if (!stageName) {
      const retryable = stages.filter((s) => isRetryable(s.runtime?.status) && s.runtime?.latestExecutionId);
      if (!retryable.length) {
        this.c.ui.notify('info', `No stage of ${key.name} can be retried: none failed or was stopped.`);
        return false;
      }
      stageName = retryable.length === 1 ? retryable[0]?.name : await this.c.ui.pick(retryable.map((s) => ({
        label: s.name, description: statusLabel(s.runtime?.status), value: s.name,
      })), { title: `Retry a stage of ${key.name}` });
      if (!stageName) return false;
    }
    const stage = stages.find((s) => s.name === stageName);
    const executionId = args.executionId ?? stage?.runtime?.latestExecutionId;
    if (!executionId) {
      this.c.ui.notify('warning', `Stage ${stageName} of ${key.name} has no execution to retry.`);
      return false;
    }
    const mode = args.retryMode ?? await this.c.ui.pick([
      { label: 'Retry failed actions', detail: 'Run again only the actions that failed.', value: 'FAILED_ACTIONS' as const },
      { label: 'Retry all actions', detail: 'Run every action of the stage again.', value: 'ALL_ACTIONS' as const },
    ], { title: `Retry ${stageName}` });
    if (!mode) return false;
    const name = stageName;
    return this.c.act(key, `Retrying ${name} of ${key.name}…`, 'RetryStageExecution',
      () => this.c.apiFor(key).retryStage(key.name, name, executionId, mode), ['recent', 'runtime'], () => void this.retryStage(arg));
  }

}
