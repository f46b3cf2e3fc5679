// The pipeline commands. Each takes a tree node (context menus), an argument object (scripts, other
// commands, notifications) or nothing (Command Palette: everything missing is asked with pickers).
import type { TreeNode } from '../model/tree';
import { ApprovalCommands } from './approval-commands';
import { CommandContext, type CommandDeps } from './command-context';
import { ExecutionCommands } from './execution-commands';
import type { FollowKind } from './follow';
import { NavigationCommands } from './navigation-commands';
import { StageCommands } from './stage-commands';

export type { CommandDeps } from './command-context';

export class PipelineCommands {
  private readonly executions: ExecutionCommands;
  private readonly approvals: ApprovalCommands;
  private readonly navigation: NavigationCommands;
  private readonly stages: StageCommands;

  constructor(deps: CommandDeps) {
    const context = new CommandContext(deps);
    this.executions = new ExecutionCommands(context);
    this.approvals = new ApprovalCommands(context);
    this.navigation = new NavigationCommands(context);
    this.stages = new StageCommands(context);
  }

  refresh(node?: unknown): Promise<void> { return this.navigation.refresh(node); }
  filter(text?: unknown): Promise<void> { return this.navigation.filter(text); }
  clearFilter(): void { this.navigation.clearFilter(); }
  loadMore(node?: unknown): Promise<void> { return this.navigation.loadMore(node); }
  start(arg?: unknown): Promise<string | undefined> { return this.executions.start(arg); }
  stop(arg?: unknown): Promise<boolean> { return this.executions.stop(arg); }
  retryStage(arg?: unknown): Promise<boolean> { return this.executions.retryStage(arg); }
  overrideCondition(arg?: unknown): Promise<boolean> { return this.stages.overrideCondition(arg); }
  rollbackStage(arg?: unknown): Promise<boolean> { return this.stages.rollbackStage(arg); }
  approve(arg?: unknown): Promise<boolean> { return this.approvals.approve(arg); }
  reject(arg?: unknown): Promise<boolean> { return this.approvals.reject(arg); }
  setTransition(arg: unknown, enable: boolean): Promise<boolean> { return this.approvals.setTransition(arg, enable); }
  showExecution(arg?: unknown): Promise<boolean> { return this.navigation.showExecution(arg); }
  consoleUrl(node: TreeNode): string | undefined { return this.navigation.consoleUrl(node); }
  openInConsole(arg?: unknown): Promise<string | undefined> { return this.navigation.openInConsole(arg); }
  copyArn(arg?: unknown): Promise<string | undefined> { return this.navigation.copyArn(arg); }
  follow(arg: unknown, kind: FollowKind, on: boolean): Promise<boolean> { return this.navigation.follow(arg, kind, on); }
  showActionLogs(arg?: unknown): Promise<boolean> { return this.navigation.showActionLogs(arg); }
  showDeployment(arg?: unknown): Promise<boolean> { return this.navigation.showDeployment(arg); }
}
