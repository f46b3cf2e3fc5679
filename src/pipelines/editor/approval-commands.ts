// Approve, Reject and the inbound transitions: the approval token is always read fresh, rejections
// and disabling a transition confirm first.
import { validateApprovalComment, validateTransitionReason } from '../model/inputs';
import { asArgs, isNode } from '../model/command-args';
import { pendingApprovals, stagesOf, type PendingApproval } from '../model/queries';
import type { CommandContext } from './command-context';

export class ApprovalCommands {
  constructor(private readonly c: CommandContext) {}

  async approve(arg?: unknown): Promise<boolean> {
    return this.decide(arg, 'Approved');
  }

  async reject(arg?: unknown): Promise<boolean> {
    return this.decide(arg, 'Rejected');
  }

  private async decide(arg: unknown, status: 'Approved' | 'Rejected'): Promise<boolean> {
    const verb = status === 'Approved' ? 'Approve' : 'Reject';
    const key = await this.c.pipeline(arg, `${verb} Manual Approval`);
    if (!key) return false;
    const args = asArgs(arg);
    // The token changes with every approval request: always read it fresh.
    if (!(await this.c.runtimeOf(key))) return false;
    const pending = pendingApprovals(this.c.explorer.store.pipeline(key)?.runtime);
    const stageName = isNode(arg) && arg.kind === 'action' ? arg.stage : args.stageName;
    const actionName = isNode(arg) && arg.kind === 'action' ? arg.action : args.actionName;
    let approval: PendingApproval | undefined;
    if (stageName && actionName) {
      approval = pending.find((p) => p.stageName === stageName && p.actionName === actionName);
      if (!approval) {
        this.c.ui.notify('info', `${stageName} / ${actionName} of ${key.name} is not waiting for approval any more.`);
        return false;
      }
    } else if (pending.length === 0) {
      this.c.ui.notify('info', `Nothing in ${key.name} is waiting for approval.`);
      return false;
    } else {
      approval = pending.length === 1 ? pending[0] : await this.c.ui.pick(pending.map((p) => ({
        label: `${p.stageName} / ${p.actionName}`, ...(p.summary ? { detail: p.summary } : {}), value: p,
      })), { title: `${verb}: which approval?` });
    }
    if (!approval) return false;
    const comment = args.comment ?? await this.c.ui.input({
      title: `${verb} ${approval.stageName} / ${approval.actionName}`, prompt: `Comment (recorded with the ${status === 'Approved' ? 'approval' : 'rejection'})`,
      placeholder: status === 'Approved' ? 'Looks good' : 'Why it is rejected', validate: validateApprovalComment,
    });
    if (comment === undefined) return false;
    if (status === 'Rejected') {
      const ok = await this.c.ui.confirm(`Reject ${approval.stageName} / ${approval.actionName} of ${key.name}?`,
        { detail: 'The stage fails and the execution stops there.', action: 'Reject' });
      if (!ok) return false;
    }
    const a = approval;
    const summary = comment.trim() || `${status} from VS Code (Conveyor)`;
    return this.c.act(key, `${verb === 'Approve' ? 'Approving' : 'Rejecting'} ${a.actionName}…`, 'PutApprovalResult',
      () => this.c.apiFor(key).putApproval(key.name, a.stageName, a.actionName, a.token, status, summary), ['recent', 'runtime'], () => void this.decide(arg, status));
  }

  async setTransition(arg: unknown, enable: boolean): Promise<boolean> {
    const key = await this.c.pipeline(arg, `${enable ? 'Enable' : 'Disable'} Stage Transition`);
    if (!key) return false;
    const args = asArgs(arg);
    let stageName = isNode(arg) && arg.kind === 'stage' ? arg.stage : args.stageName;
    if (!stageName) {
      if (!(await this.c.runtimeOf(key))) return false;
      const e = this.c.explorer.store.pipeline(key);
      const candidates = stagesOf(e?.structure, e?.runtime).slice(1).filter((s) => (s.runtime?.inbound.enabled ?? true) !== enable);
      if (!candidates.length) {
        this.c.ui.notify('info', `No stage of ${key.name} has its inbound transition ${enable ? 'disabled' : 'enabled'}.`);
        return false;
      }
      stageName = await this.c.ui.pick(candidates.map((s) => ({
        label: s.name, ...(s.runtime?.inbound.disabledReason ? { detail: s.runtime.inbound.disabledReason } : {}), value: s.name,
      })), { title: `${enable ? 'Enable' : 'Disable'} the transition into…` });
      if (!stageName) return false;
    }
    let reason = '';
    if (!enable) {
      const typed = args.reason ?? await this.c.ui.input({
        title: `Disable the transition into ${stageName}`, prompt: 'Reason (shown on the pipeline)', placeholder: 'Release freeze until Monday', validate: validateTransitionReason,
      });
      if (typed === undefined) return false;
      const problem = validateTransitionReason(typed);
      if (problem) {
        this.c.ui.notify('error', problem);
        return false;
      }
      reason = typed;
      const ok = await this.c.ui.confirm(`Disable the transition into ${stageName}?`, {
        detail: `Executions of ${key.name} will stop before ${stageName} until it is enabled again.`, action: 'Disable',
      });
      if (!ok) return false;
    }
    const name = stageName;
    return this.c.act(key, `${enable ? 'Enabling' : 'Disabling'} the transition into ${name}…`, enable ? 'EnableStageTransition' : 'DisableStageTransition',
      () => this.c.apiFor(key).setTransition(key.name, name, enable, reason), ['runtime'], () => void this.setTransition(arg, enable));
  }

}
