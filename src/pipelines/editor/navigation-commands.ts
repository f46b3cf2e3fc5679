// The view's own commands (refresh, filter, load more) and the ones that take you somewhere: the
// execution timeline, the AWS console, the ARN on the clipboard, pins and watches, build logs.
import { asArgs, isNode } from '../model/command-args';
import { actionsOf, codeDeployDeploymentId, findAction, isCodeBuildAction, stagesOf } from '../model/queries';
import type { TreeNode } from '../model/tree';
import { isActive, type ExecutionSummary, type PipelineKey } from '../model/types';
import { buildConsoleUrl, consoleBase, httpsOnly } from '../../aws/console';
import { executionConsoleUrl, pipelineConsoleUrl } from '../present/console';
import { executionDescription } from '../present/nodes';
import { revisionLine } from '../present/revision';
import type { CommandContext } from './command-context';
import type { FollowKind } from './follow';

export class NavigationCommands {
  constructor(private readonly c: CommandContext) {}

  // ---- view ---------------------------------------------------------------------------------------

  async refresh(node?: unknown): Promise<void> {
    await this.c.explorer.refresh(isNode(node) ? node : undefined);
  }

  async filter(text?: unknown): Promise<void> {
    const value = typeof text === 'string' ? text : await this.c.ui.input({
      title: 'Filter Pipelines', prompt: 'Part of a pipeline name, or a glob such as prod-*-api (empty clears the filter)',
      value: this.c.explorer.tree.filter, placeholder: 'payments',
    });
    if (value === undefined) return;
    if (this.c.explorer.setFilter(value)) this.c.d.onFilterChanged();
  }

  clearFilter(): void {
    if (this.c.explorer.setFilter('')) this.c.d.onFilterChanged();
  }

  async loadMore(node?: unknown): Promise<void> {
    if (isNode(node)) await this.c.explorer.loadMore(node);
  }

  // ---- navigation ---------------------------------------------------------------------------------

  async showExecution(arg?: unknown): Promise<boolean> {
    const key = await this.c.pipeline(arg, 'Show Execution');
    if (!key) return false;
    const args = asArgs(arg);
    let executionId = isNode(arg) && arg.kind === 'execution' ? arg.executionId : args.executionId;
    if (!executionId) {
      let recent: ExecutionSummary[];
      try {
        recent = this.c.explorer.store.pipeline(key)?.recent ?? await this.c.recent(key);
      } catch (err) {
        this.c.report(err, 'ListPipelineExecutions', key);
        return false;
      }
      // A pipeline row, or a script naming only the pipeline: its latest run.
      if ((isNode(arg) && arg.kind === 'pipeline') || args.pipelineName) {
        executionId = recent[0]?.id;
      } else {
        executionId = recent.length <= 1 ? recent[0]?.id : await this.c.ui.pick(recent.map((x) => ({
          label: revisionLine(x.sourceRevisions[0]) ?? x.id.slice(0, 8), description: executionDescription(x, Date.now()), detail: x.id, value: x.id,
        })), { title: `Executions of ${key.name}` });
      }
      if (!executionId) {
        if (!recent.length) this.c.ui.notify('info', `${key.name} has not run yet.`);
        return false;
      }
    }
    await this.c.d.showTimeline(key, executionId);
    return true;
  }

  /** The console page for a node: pipeline, execution, CodeBuild build, or an action's own link. */
  consoleUrl(node: TreeNode): string | undefined {
    switch (node.kind) {
      case 'target': {
        const region = this.c.region(node.target);
        return `${consoleBase(region)}/codesuite/codepipeline/pipelines?region=${encodeURIComponent(region)}`;
      }
      case 'execution':
        return executionConsoleUrl(this.c.region(node.key), node.key.name, node.executionId);
      case 'action': {
        const e = this.c.explorer.store.pipeline(node.key);
        const action = findAction(e?.structure, e?.runtime, node.stage, node.action);
        const rt = action?.runtime;
        if (action && isCodeBuildAction(action) && rt?.externalExecutionId) return buildConsoleUrl(this.c.region(node.key), rt.externalExecutionId);
        return httpsOnly(rt?.externalExecutionUrl) ?? httpsOnly(rt?.entityUrl) ?? pipelineConsoleUrl(this.c.region(node.key), node.key.name);
      }
      case 'pipeline':
      case 'stage':
      case 'executions':
      case 'moreExecutions':
        return pipelineConsoleUrl(this.c.region(node.key), node.key.name);
      default:
        return undefined;
    }
  }

  async openInConsole(arg?: unknown): Promise<string | undefined> {
    let url: string | undefined;
    if (isNode(arg)) {
      url = this.consoleUrl(arg);
    } else {
      const key = await this.c.pipeline(arg, 'Open in AWS Console');
      if (!key) return undefined;
      const executionId = asArgs(arg).executionId;
      url = executionId ? executionConsoleUrl(this.c.region(key), key.name, executionId) : pipelineConsoleUrl(this.c.region(key), key.name);
    }
    if (url) await this.c.ui.openExternal(url);
    return url;
  }

  async copyArn(arg?: unknown): Promise<string | undefined> {
    const key = await this.c.pipeline(arg, 'Copy Pipeline ARN');
    if (!key) return undefined;
    if (!this.c.explorer.store.pipeline(key)?.structure?.arn) {
      try {
        await this.c.explorer.loadStructure(key);
      } catch (err) {
        this.c.report(err, 'GetPipeline', key);
        return undefined;
      }
    }
    const arn = this.c.explorer.store.pipeline(key)?.structure?.arn;
    if (!arn) {
      this.c.ui.notify('warning', `CodePipeline did not return an ARN for ${key.name}.`);
      return undefined;
    }
    await this.c.ui.copy(arn);
    this.c.ui.notify('info', `Copied ${arn}`);
    return arn;
  }

  async follow(arg: unknown, kind: FollowKind, on: boolean): Promise<boolean> {
    const key = await this.c.pipeline(arg, `${on ? '' : 'Un'}${kind === 'pinned' ? 'pin' : 'watch'} Pipeline`);
    if (!key) return false;
    await this.c.d.follow.set(kind, key, on);
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
      key = await this.c.pipeline(arg, 'Show Build Logs');
      if (!key) return false;
      if (!(await this.c.runtimeOf(key))) return false;
      const e = this.c.explorer.store.pipeline(key);
      const builds = stagesOf(e?.structure, e?.runtime)
        .flatMap((stage) => actionsOf(stage).map((a) => ({ stage: stage.name, action: a.name, view: a })))
        .filter((x) => isCodeBuildAction(x.view) && x.view.runtime?.externalExecutionId)
        .map(({ stage, action }) => ({ stage, action }));
      const args = asArgs(arg);
      const chosen = args.stageName && args.actionName ? { stage: args.stageName, action: args.actionName }
        : builds.length === 1 ? builds[0] : await this.c.ui.pick(builds.map((b) => ({ label: b.action, description: b.stage, value: b })), { title: `Build logs of ${key.name}` });
      if (!chosen) {
        if (!builds.length) this.c.ui.notify('info', `${key.name} has no CodeBuild action that ran.`);
        return false;
      }
      stageName = chosen.stage;
      actionName = chosen.action;
    }
    if (!(await this.c.runtimeOf(key))) return false;
    const e = this.c.explorer.store.pipeline(key);
    const action = findAction(e?.structure, e?.runtime, stageName, actionName);
    const rt = action?.runtime;
    if (!action || (!rt?.externalExecutionId && !rt?.logStreamArn)) {
      this.c.ui.notify('info', `${stageName} / ${actionName} has no logs to show yet.`);
      return false;
    }
    const ref = this.c.ref(key);
    await this.c.d.executeCommand('conveyor.logs.showActionLogs', {
      profile: ref?.profile, region: ref?.region, pipelineName: key.name, stageName, actionName,
      provider: action.declaration?.provider ?? (isCodeBuildAction(action) ? 'CodeBuild' : undefined),
      externalExecutionId: rt.externalExecutionId, logStreamArn: rt.logStreamArn,
      running: isActive(rt.status),
    });
    return true;
  }

  /** A CodeDeploy action's deployment, shown in the Deployments view (by command id: features don't import each other). */
  async showDeployment(arg?: unknown): Promise<boolean> {
    if (!isNode(arg) || arg.kind !== 'action') return false;
    const e = this.c.explorer.store.pipeline(arg.key);
    const action = findAction(e?.structure, e?.runtime, arg.stage, arg.action);
    const deploymentId = action && codeDeployDeploymentId(action);
    if (!deploymentId) {
      this.c.ui.notify('info', `${arg.stage} / ${arg.action} has not started a CodeDeploy deployment.`);
      return false;
    }
    const ref = this.c.ref(arg.key);
    await this.c.d.executeCommand('conveyor.deploy.showDeployment', { deploymentId, ...(ref ? { profile: ref.profile, region: ref.region } : {}) });
    return true;
  }
}
