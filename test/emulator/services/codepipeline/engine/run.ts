// The execution engine's main loop. An execution moves stage by stage; before each stage it waits at
// the inbound transition until the transition is enabled and (SUPERSEDED/QUEUED) the stage is free.
// SUPERSEDED: a newer execution arriving at a transition supersedes the one waiting there.
// QUEUED: waiting executions enter in order. PARALLEL: executions never wait for each other.
// Inside a stage, actions run in runOrder groups; a failed action fails the stage once its group ends.
import type { ActionDeclaration } from '../model/declaration';
import { currentDeclaration, type ActionExecutionStatus, type ExecutionRecord, type PipelineExecutionStatus, type PipelineRecord, type StageExecutionStatus, type StageRun } from '../model/records';
import { startAction } from './actions';
import { type ConditionOutcome, evaluateConditions } from './conditions';
import type { Engine } from './engine';
import { startAutomatedRollback } from './rollback';

export type RetryMode = 'FAILED_ACTIONS' | 'ALL_ACTIONS';

const touch = (engine: Engine, exec: ExecutionRecord): void => {
  exec.lastUpdateTime = engine.clock.now();
};

export function modeOf(p: PipelineRecord): 'QUEUED' | 'SUPERSEDED' | 'PARALLEL' {
  return currentDeclaration(p).executionMode ?? 'SUPERSEDED';
}

/** The execution arrives at stage `idx`'s inbound transition. */
export function requestStage(engine: Engine, p: PipelineRecord, exec: ExecutionRecord, idx: number): void {
  exec.stageIndex = idx;
  exec.position = 'waiting';
  touch(engine, exec);
  const slot = p.stages[idx]!;
  if (modeOf(p) === 'SUPERSEDED') {
    for (const older of slot.waiting) finishExecution(engine, p, older, 'Superseded');
    slot.waiting = [];
  }
  slot.waiting.push(exec);
  pump(engine, p, idx);
}

/** Lets waiting executions into stage `idx` while the transition and the stage allow it. */
export function pump(engine: Engine, p: PipelineRecord, idx: number): void {
  const slot = p.stages[idx]!;
  if (idx > 0 && !slot.inbound.enabled) return;
  const parallel = modeOf(p) === 'PARALLEL';
  while (slot.waiting.length > 0 && (parallel || slot.occupants.size === 0)) {
    enterStage(engine, p, slot.waiting.shift()!, idx);
  }
}

/** Runs stage `idx` for the execution: all actions, or on a retry the failed ones (or all again). */
export function enterStage(engine: Engine, p: PipelineRecord, exec: ExecutionRecord, idx: number, retry?: RetryMode): void {
  const slot = p.stages[idx]!;
  const stage = currentDeclaration(p).stages[idx]!;
  slot.occupants.add(exec.id);
  slot.latest = exec;
  exec.position = 'running';
  exec.stageIndex = idx;
  exec.status = 'InProgress';
  touch(engine, exec);
  const previous = exec.stages.get(stage.name);
  const run: StageRun = retry && previous
    ? { status: 'InProgress', actions: previous.actions, retries: previous.retries + 1, conditions: previous.conditions }
    : { status: 'InProgress', actions: new Map(), retries: 0, conditions: new Map() };
  exec.stages.set(stage.name, run);
  if (retry) slot.manualRetryAttempt = run.retries;
  else delete slot.manualRetryAttempt;
  const entry = stage.beforeEntry?.conditions ?? [];
  const entryFailed = previous?.conditions.get('BEFORE_ENTRY')?.status === 'Failed';
  if (entry.length > 0 && !exec.rollback && (!retry || entryFailed)) {
    evaluateConditions(engine, p, exec, idx, run, 'BEFORE_ENTRY', entry, 'FAIL', (outcome) => {
      if (!isCurrent(p, exec, idx, run)) return;
      if (outcome.kind === 'passed' || outcome.kind === 'overridden') startActions(engine, p, exec, idx, run, retry);
      else if (outcome.kind === 'cancelled') finishStage(engine, p, exec, idx, 'Stopped');
      else finishStage(engine, p, exec, idx, outcome.result === 'SKIP' ? 'Skipped' : 'Failed');
    });
    return;
  }
  startActions(engine, p, exec, idx, run, retry);
}

/** The execution still runs this stage attempt (not stopped, retried or finished meanwhile). */
function isCurrent(p: PipelineRecord, exec: ExecutionRecord, idx: number, run: StageRun): boolean {
  return exec.stages.get(currentDeclaration(p).stages[idx]!.name) === run && exec.position === 'running' && exec.stageIndex === idx;
}

/** Runs the stage's actions (on a retry the failed ones, or all again) in runOrder groups. */
export function startActions(engine: Engine, p: PipelineRecord, exec: ExecutionRecord, idx: number, run: StageRun, retry?: RetryMode): void {
  const stage = currentDeclaration(p).stages[idx]!;
  const toRun = retry === 'FAILED_ACTIONS' ? stage.actions.filter((a) => run.actions.get(a.name)?.status !== 'Succeeded') : stage.actions;
  const orders = [...new Set(toRun.map((a) => a.runOrder ?? 1))].sort((a, b) => a - b);
  const groups = orders.map((o) => toRun.filter((a) => (a.runOrder ?? 1) === o));
  runGroup(engine, p, exec, idx, run, groups, 0);
}

function runGroup(engine: Engine, p: PipelineRecord, exec: ExecutionRecord, idx: number, run: StageRun, groups: ActionDeclaration[][], g: number): void {
  if (exec.stages.get(currentDeclaration(p).stages[idx]!.name) !== run || exec.position !== 'running') return;
  if (exec.stopping) {
    finishStage(engine, p, exec, idx, 'Stopped');
    return;
  }
  const group = groups[g];
  if (!group) {
    completeStage(engine, p, exec, idx, run, 'Succeeded');
    return;
  }
  let remaining = group.length;
  let failed = false;
  const onActionEnd = (status: ActionExecutionStatus): void => {
    if (status !== 'Succeeded') failed = true;
    if (--remaining > 0) return;
    if (exec.stages.get(currentDeclaration(p).stages[idx]!.name) !== run || exec.position !== 'running') return;
    if (exec.stopping) finishStage(engine, p, exec, idx, 'Stopped');
    else if (failed) completeStage(engine, p, exec, idx, run, 'Failed');
    else runGroup(engine, p, exec, idx, run, groups, g + 1);
  };
  for (const action of group) startAction(engine, p, exec, idx, run, action, onActionEnd);
}

/**
 * The stage's actions are done: onSuccess conditions decide whether it succeeds (result FAIL or
 * ROLLBACK when a condition fails); a failed stage engages its onFailure result (ROLLBACK, RETRY),
 * with onFailure conditions deciding whether it does. Rollback executions skip conditions.
 */
function completeStage(engine: Engine, p: PipelineRecord, exec: ExecutionRecord, idx: number, run: StageRun, status: 'Succeeded' | 'Failed'): void {
  const stage = currentDeclaration(p).stages[idx]!;
  if (exec.rollback || exec.stopping) {
    finishStage(engine, p, exec, idx, status);
    return;
  }
  const onSuccess = stage.onSuccess?.conditions ?? [];
  if (status === 'Succeeded' && onSuccess.length > 0) {
    evaluateConditions(engine, p, exec, idx, run, 'ON_SUCCESS', onSuccess, 'FAIL', (outcome) => {
      if (!isCurrent(p, exec, idx, run)) return;
      if (outcome.kind === 'passed' || outcome.kind === 'overridden') finishStage(engine, p, exec, idx, 'Succeeded');
      else if (outcome.kind === 'cancelled') finishStage(engine, p, exec, idx, 'Stopped');
      else failStage(engine, p, exec, idx, outcome.result === 'ROLLBACK');
    });
    return;
  }
  if (status === 'Failed') {
    const onFailure = stage.onFailure;
    const conditions = onFailure?.conditions ?? [];
    if (conditions.length > 0) {
      evaluateConditions(engine, p, exec, idx, run, 'ON_FAILURE', conditions, onFailure?.result ?? 'ROLLBACK', (outcome: ConditionOutcome) => {
        if (!isCurrent(p, exec, idx, run)) return;
        failStage(engine, p, exec, idx, outcome.kind === 'failed' && outcome.result === 'ROLLBACK');
      });
      return;
    }
    if (onFailure?.result === 'RETRY' && !run.autoRetried) {
      run.autoRetried = true;
      startActions(engine, p, exec, idx, run, onFailure.retryConfiguration?.retryMode ?? 'FAILED_ACTIONS');
      return;
    }
    failStage(engine, p, exec, idx, onFailure?.result === 'ROLLBACK');
    return;
  }
  finishStage(engine, p, exec, idx, status);
}

function failStage(engine: Engine, p: PipelineRecord, exec: ExecutionRecord, idx: number, rollback: boolean): void {
  finishStage(engine, p, exec, idx, 'Failed');
  if (rollback) startAutomatedRollback(engine, p, exec, idx);
}

export function finishStage(engine: Engine, p: PipelineRecord, exec: ExecutionRecord, idx: number, status: StageExecutionStatus): void {
  const stage = currentDeclaration(p).stages[idx]!;
  const run = exec.stages.get(stage.name);
  if (run) run.status = status;
  p.stages[idx]!.occupants.delete(exec.id);
  touch(engine, exec);
  const passed = status === 'Succeeded' || status === 'Skipped';
  if (passed && !exec.stopping && !exec.rollback && idx + 1 < p.stages.length) {
    requestStage(engine, p, exec, idx + 1);
  } else {
    const final: PipelineExecutionStatus = passed ? (exec.stopping ? 'Stopped' : 'Succeeded') : status === 'Failed' ? 'Failed' : 'Stopped';
    finishExecution(engine, p, exec, final);
  }
  pump(engine, p, idx);
}

export function finishExecution(engine: Engine, p: PipelineRecord, exec: ExecutionRecord, status: PipelineExecutionStatus): void {
  exec.status = status;
  exec.position = 'done';
  delete exec.stopping;
  touch(engine, exec);
  if (p.rerunAfterMs !== undefined && status !== 'Superseded' && !exec.rollback && p.executions[p.executions.length - 1] === exec) {
    engine.clock.setTimeout(() => {
      if (p.executions[p.executions.length - 1] === exec) engine.start(p, { trigger: engine.rerunTrigger(p) });
    }, p.rerunAfterMs);
  }
}
