// Override Stage Condition and Roll Back Stage (V2): from a stage or condition row, an argument object,
// or the palette (pipeline → stage → condition or execution, as one multi-step flow). Both confirm
// first, run with progress, refresh the rows they changed, and explain CodePipeline's refusals.
import { overrideTypeOf, type ConditionKind } from '../model/conditions';
import { asArgs, isNode } from '../model/command-args';
import { findStage, stagesOf, type StageView } from '../model/queries';
import { stageActionFlow, type StageActionChoice, type StageActionFlowOptions, type StageActionListing, type StageActionResult } from '../model/stage-action-flow';
import type { PipelineKey } from '../model/types';
import {
  overrideConfirmation, overrideStageChoices, overrideTargetChoices, rollbackConfirmation, rollbackStageChoices,
  rollbackTargetChoices, stageActionError,
} from '../present/stage-actions';
import { statusLabel } from '../present/status';
import type { CommandContext } from './command-context';

/** How many executions that succeeded in the stage are offered as rollback targets. */
const ROLLBACK_TARGETS = 20;

interface Preset {
  pipeline?: string;
  stage?: string;
  target?: string;
}

const unreadable = (name: string): StageActionListing => ({ choices: [], empty: `Could not read the state of ${name}.` });

type Loaders = Pick<StageActionFlowOptions, 'loadStages' | 'loadTargets'>;

export class StageCommands {
  constructor(private readonly c: CommandContext) {}

  async overrideCondition(arg?: unknown): Promise<boolean> {
    const title = 'Override Stage Condition';
    const start = await this.start(arg, title, asArgs(arg).condition);
    if (!start) return false;
    const { target } = start;
    const keyOf = (name: string): PipelineKey => ({ target, name });
    const picked = await this.choose(start, {
      title, targetNoun: 'condition to override', targetPlaceholder: "The condition holding the stage's latest execution",
      loadStages: async (name) => {
        const stages = await this.stagesNow(keyOf(name));
        return stages ? { choices: overrideStageChoices(stages), empty: `No stage of ${name} is held by a condition that can be overridden now.` } : unreadable(name);
      },
      loadTargets: async (name, stageName) => {
        const stage = (await this.stagesNow(keyOf(name)))?.find((s) => s.name === stageName);
        const recent = await this.c.recent(keyOf(name)).catch(() => []);
        const execution = recent.find((x) => x.id === stage?.runtime?.latestExecutionId);
        return { choices: stage ? overrideTargetChoices(stage, execution, Date.now()) : [], empty: `No condition of ${stageName} can be overridden now.` };
      },
    });
    if (!picked) return false;
    const key = keyOf(picked.pipeline);
    const e = this.c.explorer.store.pipeline(key);
    const stage = findStage(e?.structure, e?.runtime, picked.stage);
    const kind = picked.target.id as ConditionKind;
    const conditionType = overrideTypeOf(kind);
    const executionId = stage?.runtime?.latestExecutionId;
    if (!stage || !conditionType || !executionId) return false;
    const ask = overrideConfirmation(key.name, stage, kind);
    if (!(await this.c.ui.confirm(ask.message, { action: ask.action, detail: ask.detail }))) return false;
    const ok = await this.c.act(key, `Overriding the condition of ${stage.name}…`, 'OverrideStageCondition',
      () => this.c.apiFor(key).overrideCondition(key.name, stage.name, executionId, conditionType), ['recent', 'runtime', 'executions'],
      () => void this.overrideCondition({ ...this.argsOf(key), stageName: stage.name, condition: kind }),
      (err) => stageActionError(err, { operation: 'OverrideStageCondition', pipeline: key.name, stage: stage.name, executionId, kind }));
    if (ok) {
      this.c.ui.notify('info', `Overrode the ${picked.target.label.toLowerCase().replace(/s$/, '')} of ${stage.name}: execution ${executionId.slice(0, 8)} goes on.`,
        ['Show Execution'], () => void this.c.d.showTimeline(key, executionId));
    }
    return ok;
  }

  async rollbackStage(arg?: unknown): Promise<boolean> {
    const title = 'Roll Back Stage';
    const start = await this.start(arg, title, asArgs(arg).targetExecutionId);
    if (!start) return false;
    const { target } = start;
    const keyOf = (name: string): PipelineKey => ({ target, name });
    const picked = await this.choose(start, {
      title, targetNoun: 'execution to roll back to', targetPlaceholder: 'An execution that succeeded in this stage (newest first)',
      loadStages: async (name) => {
        const stages = await this.stagesNow(keyOf(name));
        return stages ? { choices: rollbackStageChoices(stages), empty: `${name} has no stage that can be rolled back (the source stage cannot).` } : unreadable(name);
      },
      loadTargets: async (name, stageName) => {
        const key = keyOf(name);
        const stages = await this.stagesNow(key);
        if (!stages) return unreadable(name);
        if (stages[0]?.name === stageName) return { choices: [], empty: `${stageName} is the source stage of ${name}: it cannot be rolled back.` };
        try {
          const succeeded = await this.c.apiFor(key).listSucceededInStage(name, stageName, ROLLBACK_TARGETS);
          const latest = stages.find((s) => s.name === stageName)?.runtime?.latestExecutionId;
          return { choices: rollbackTargetChoices(succeeded, latest, Date.now()), empty: `No earlier execution of ${name} succeeded in ${stageName}.` };
        } catch (err) {
          this.c.report(err, 'ListPipelineExecutions', key);
          return { choices: [], empty: `Could not list the executions that succeeded in ${stageName}.` };
        }
      },
    });
    if (!picked) return false;
    const key = keyOf(picked.pipeline);
    const stageName = picked.stage;
    const to = picked.target;
    const ask = rollbackConfirmation(key.name, stageName, to);
    if (!(await this.c.ui.confirm(ask.message, { action: ask.action, detail: ask.detail }))) return false;
    let rollbackId: string | undefined;
    const ok = await this.c.act(key, `Rolling back ${stageName} of ${key.name}…`, 'RollbackStage',
      async () => { rollbackId = await this.c.apiFor(key).rollbackStage(key.name, stageName, to.id); }, ['recent', 'runtime', 'executions'],
      // Retry asks for the execution again: most refusals mean another one is needed.
      () => void this.rollbackStage({ ...this.argsOf(key), stageName }),
      (err) => stageActionError(err, { operation: 'RollbackStage', pipeline: key.name, stage: stageName, executionId: to.id }));
    if (ok) {
      const id = rollbackId;
      this.c.ui.notify('info', `Rolling back ${stageName} of ${key.name} to execution ${to.id.slice(0, 8)}${id ? ` (rollback execution ${id.slice(0, 8)})` : ''}.`,
        id ? ['Show Execution'] : [], () => { if (id) void this.c.d.showTimeline(key, id); });
    }
    return ok;
  }

  /** The stages with their state read now; undefined (and the error reported) when it can't be read. */
  private async stagesNow(key: PipelineKey): Promise<StageView[] | undefined> {
    if (!(await this.c.runtimeOf(key))) return undefined;
    const e = this.c.explorer.store.pipeline(key);
    return stagesOf(e?.structure, e?.runtime);
  }

  private argsOf(key: PipelineKey): { profile?: string; region?: string; pipelineName: string } {
    const ref = this.c.ref(key);
    return { ...(ref ? { profile: ref.profile, region: ref.region } : {}), pipelineName: key.name };
  }

  /** The account and what the node or the arguments already answer; undefined when there is nothing to do. */
  private async start(arg: unknown, title: string, targetArg: string | undefined): Promise<{ target: string; preset: Preset } | undefined> {
    if (isNode(arg) && 'key' in arg) {
      if (!this.isV2(arg.key)) return undefined;
      return {
        target: arg.key.target,
        preset: { pipeline: arg.key.name, ...('stage' in arg ? { stage: arg.stage } : {}), ...(arg.kind === 'condition' ? { target: arg.condition } : {}),
          ...(arg.kind === 'execution' ? { target: arg.executionId } : {}) },
      };
    }
    const args = asArgs(arg);
    const target = await this.c.target(args, title);
    if (!target || !(await this.c.listed(target))) return undefined;
    if (args.pipelineName) {
      const key = { target, name: args.pipelineName };
      if (!this.c.explorer.store.pipeline(key)) {
        this.c.ui.notify('warning', `There is no pipeline named ${args.pipelineName} here.`);
        return undefined;
      }
      if (!this.isV2(key)) return undefined;
    }
    return {
      target,
      preset: {
        ...(args.pipelineName ? { pipeline: args.pipelineName } : {}),
        ...(args.stageName ? { stage: args.stageName } : {}),
        ...(targetArg ? { target: targetArg } : {}),
      },
    };
  }

  /** Conditions and rollbacks exist only in V2 pipelines; says so for a V1 one. */
  private isV2(key: PipelineKey): boolean {
    const e = this.c.explorer.store.pipeline(key);
    const type = e?.structure?.pipelineType ?? e?.summary.pipelineType;
    if (type === undefined || type === 'V2') return true;
    this.c.ui.notify('info', `${key.name} is a ${type} pipeline: stage conditions and rollbacks need pipeline type V2.`);
    return false;
  }

  private pipelineChoices(target: string): StageActionChoice[] {
    const t = this.c.explorer.store.target(target);
    if (!t) return [];
    return this.c.explorer.tree.matching(t).flatMap((name) => {
      const entry = t.pipelines?.get(name);
      if (entry?.summary.pipelineType !== 'V2') return [];
      const latest = entry.recent?.[0];
      return [{ id: name, label: name, ...(latest ? { description: statusLabel(latest.status) } : {}) }];
    });
  }

  /**
   * The pipeline, stage and target: asked in a flow for what the preset leaves open. Lists are loaded
   * once; with the stage known, an empty list is said in a notification instead of an empty picker,
   * and a known target that applies is taken without asking.
   */
  private async choose(start: { target: string; preset: Preset }, spec: Omit<StageActionFlowOptions, 'pipelines' | keyof Loaders> & Loaders): Promise<StageActionResult | undefined> {
    const memo = new Map<string, Promise<StageActionListing>>();
    const once = (id: string, load: () => Promise<StageActionListing>): Promise<StageActionListing> => {
      const cached = memo.get(id) ?? load();
      memo.set(id, cached);
      return cached;
    };
    const options: StageActionFlowOptions = {
      ...spec,
      pipelines: this.pipelineChoices(start.target),
      loadStages: (p) => once(JSON.stringify(['stages', p]), () => spec.loadStages(p)),
      loadTargets: (p, s) => once(JSON.stringify(['targets', p, s]), () => spec.loadTargets(p, s)),
    };
    const { pipeline, stage, target } = start.preset;
    if (pipeline === undefined && !options.pipelines.length) {
      this.c.ui.notify('info', 'No V2 pipeline here: stage conditions and rollbacks need pipeline type V2.');
      return undefined;
    }
    if (pipeline !== undefined && stage === undefined) {
      const stages = await options.loadStages(pipeline);
      if (!stages.choices.length) {
        this.c.ui.notify('info', stages.empty);
        return undefined;
      }
    } else if (pipeline !== undefined && stage !== undefined) {
      const targets = await options.loadTargets(pipeline, stage);
      const known = targets.choices.find((c) => c.id === target);
      if (known) return { pipeline, stage, target: known };
      if (!targets.choices.length) {
        this.c.ui.notify('info', targets.empty);
        return undefined;
      }
    }
    return this.c.ui.runFlow(stageActionFlow(options, start.preset));
  }
}
