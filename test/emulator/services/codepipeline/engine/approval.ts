// PutApprovalResult: the token must be the one GetPipelineState shows for the waiting approval.
import { actionNotFound, error, stageNotFound } from '../errors';
import { currentDeclaration, type PipelineRecord } from '../model/records';
import type { Engine } from './engine';

export function putApprovalResult(engine: Engine, p: PipelineRecord, stageName: string, actionName: string, token: string,
  result: { summary: string; status: 'Approved' | 'Rejected' }, by: string): number {
  const idx = p.stages.findIndex((s) => s.name === stageName);
  if (idx < 0) throw stageNotFound(p.name, stageName);
  const action = currentDeclaration(p).stages[idx]!.actions.find((a) => a.name === actionName);
  if (!action) throw actionNotFound(p.name, stageName, actionName);
  if (action.actionTypeId.category !== 'Approval') {
    throw error('ActionNotFoundException', `Action '${actionName}' in stage '${stageName}' is not a manual approval action`);
  }
  const latest = p.stages[idx]!.actionLatest.get(actionName);
  if (!latest || latest.token !== token) {
    const used = p.actionExecutions.some((r) => r.stageName === stageName && r.actionName === actionName && r.token === token && r.status !== 'InProgress');
    if (used) throw error('ApprovalAlreadyCompletedException', `The approval request with token ${token} has already been completed.`);
    throw error('InvalidApprovalTokenException', `The token ${token} is not valid for action ${actionName} in stage ${stageName}.`);
  }
  if (latest.status !== 'InProgress') {
    throw error('ApprovalAlreadyCompletedException', `The approval request with token ${token} has already been completed.`);
  }
  const approvedAt = engine.clock.now();
  const abort = latest.abort;
  latest.settle?.(result.status === 'Approved' ? 'Succeeded' : 'Failed', {
    summary: result.summary,
    updatedBy: by,
    ...(result.status === 'Rejected' ? { errorDetails: { code: 'JobFailed', message: 'Rejected' } } : {}),
  });
  abort?.();
  return approvedAt;
}
