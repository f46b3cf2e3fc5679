// Override Stage Condition and Roll Back Stage as one multi-step flow: pipeline, stage, then what the
// action applies to (the blocked condition and its execution, or the execution to roll back to). Steps
// a tree node or the command's arguments already answer are skipped; the stage and target lists are
// loaded when their step shows, since they depend on the answers before.
import { FlowEngine, type FlowAnswer, type FlowDefinition, type FlowPickView } from '../../core/flow';

type StageActionStep = 'pipeline' | 'stage' | 'target';

export interface StageActionChoice {
  id: string;
  label: string;
  description?: string;
  detail?: string;
}

/** A loaded list, and what the step says when it is empty (or could not be loaded). */
export interface StageActionListing {
  choices: StageActionChoice[];
  empty: string;
}

export interface StageActionFlowOptions {
  /** The command's title, e.g. "Roll Back Stage". */
  title: string;
  /** What the last step asks for, e.g. "execution to roll back to". */
  targetNoun: string;
  targetPlaceholder: string;
  pipelines: readonly StageActionChoice[];
  loadStages(pipeline: string): Promise<StageActionListing>;
  loadTargets(pipeline: string, stage: string): Promise<StageActionListing>;
}

interface StageActionDraft {
  pipeline?: string;
  stage?: string;
  target?: string;
}

export interface StageActionResult {
  pipeline: string;
  stage: string;
  target: StageActionChoice;
}

interface Context {
  options: StageActionFlowOptions;
  /** The target a tree row or the arguments named: highlighted on the target step, never taken as its answer. */
  preselected?: string;
  stages?: { pipeline: string; listing: StageActionListing };
  targets?: { pipeline: string; stage: string; listing: StageActionListing };
}

const ORDER: readonly StageActionStep[] = ['pipeline', 'stage', 'target'];

function answered(step: StageActionStep, d: StageActionDraft): boolean {
  return d[step] !== undefined;
}

function nextOpen(after: StageActionStep, d: StageActionDraft): StageActionStep | 'finish' {
  return ORDER.slice(ORDER.indexOf(after) + 1).find((s) => !answered(s, d)) ?? 'finish';
}

function stagesFor(d: StageActionDraft, ctx: Context): StageActionListing | undefined {
  return ctx.stages && ctx.stages.pipeline === d.pipeline ? ctx.stages.listing : undefined;
}

function targetsFor(d: StageActionDraft, ctx: Context): StageActionListing | undefined {
  const t = ctx.targets;
  return t && t.pipeline === d.pipeline && t.stage === d.stage ? t.listing : undefined;
}

function pickView(id: StageActionStep, title: string, placeholder: string, listing: StageActionListing | undefined, activeId: string | undefined, needs: string): FlowPickView<StageActionStep> {
  const items = listing?.choices ?? [];
  const active = activeId ?? items[0]?.id;
  return {
    kind: 'pick', id, title, canSelectMany: false, items,
    placeholder: listing && items.length === 0 ? listing.empty : placeholder,
    ...(active !== undefined ? { activeId: active } : {}),
    ...(listing ? {} : { needs }),
  };
}

function chosen(answer: FlowAnswer, listing: StageActionListing | undefined): StageActionChoice | undefined {
  const id = 'ids' in answer ? answer.ids[0] : undefined;
  return listing?.choices.find((c) => c.id === id);
}

const definition = (first: StageActionStep): FlowDefinition<StageActionDraft, Context, StageActionStep, StageActionResult> => ({
  first,
  steps: {
    pipeline: {
      id: 'pipeline',
      view: (d, ctx) => pickView('pipeline', `${ctx.options.title}: pipeline`, 'Pipeline (V2 pipelines only)',
        { choices: [...ctx.options.pipelines], empty: 'No V2 pipeline here: stage conditions and rollbacks need pipeline type V2' }, d.pipeline, 'pipelines'),
      apply: (d, a, ctx) => {
        const c = chosen(a, { choices: [...ctx.options.pipelines], empty: '' });
        return c ? { pipeline: c.id } : { error: 'Choose a pipeline.' };
      },
      next: (d) => nextOpen('pipeline', d),
    },
    stage: {
      id: 'stage',
      view: (d, ctx) => pickView('stage', `${ctx.options.title}: stage of ${d.pipeline ?? ''}`, 'Stage', stagesFor(d, ctx), d.stage, 'stages'),
      apply: (d, a, ctx) => {
        const c = chosen(a, stagesFor(d, ctx));
        if (c) return { ...(d.pipeline !== undefined ? { pipeline: d.pipeline } : {}), stage: c.id };
        return { error: stagesFor(d, ctx)?.choices.length ? 'Choose a stage.' : stagesFor(d, ctx)?.empty ?? 'Choose a stage.' };
      },
      next: (d) => nextOpen('stage', d),
    },
    target: {
      id: 'target',
      view: (d, ctx) => pickView('target', `${ctx.options.title}: ${ctx.options.targetNoun} in ${d.stage ?? ''}`, ctx.options.targetPlaceholder, targetsFor(d, ctx), d.target ?? ctx.preselected, 'targets'),
      apply: (d, a, ctx) => {
        const c = chosen(a, targetsFor(d, ctx));
        if (c) return { ...d, target: c.id };
        return { error: targetsFor(d, ctx)?.choices.length ? `Choose the ${ctx.options.targetNoun}.` : targetsFor(d, ctx)?.empty ?? 'Nothing to choose.' };
      },
      next: () => 'finish',
    },
  },
  finish: (d, ctx) => {
    const target = targetsFor(d, ctx)?.choices.find((c) => c.id === d.target);
    return d.pipeline && d.stage && target ? { pipeline: d.pipeline, stage: d.stage, target } : { error: `Choose the ${ctx.options.targetNoun}.` };
  },
  async prepare(view, d, ctx) {
    if (view.needs === 'stages' && d.pipeline && !stagesFor(d, ctx)) {
      ctx.stages = { pipeline: d.pipeline, listing: await ctx.options.loadStages(d.pipeline) };
      return true;
    }
    if (view.needs === 'targets' && d.pipeline && d.stage && !targetsFor(d, ctx)) {
      ctx.targets = { pipeline: d.pipeline, stage: d.stage, listing: await ctx.options.loadTargets(d.pipeline, d.stage) };
      return true;
    }
    return false;
  },
});

/**
 * The flow from the first step the preset leaves open. A preset target is not taken as an answer:
 * the person still sees it (preselected) with the execution it applies to, also when the stage is
 * asked first (Roll Back Stage from an execution row).
 */
export function stageActionFlow(options: StageActionFlowOptions, preset: Omit<StageActionDraft, 'target'> & { target?: string }): FlowEngine<StageActionDraft, Context, StageActionStep, StageActionResult> {
  const draft: StageActionDraft = {
    ...(preset.pipeline !== undefined ? { pipeline: preset.pipeline } : {}),
    ...(preset.pipeline !== undefined && preset.stage !== undefined ? { stage: preset.stage } : {}),
  };
  const first = ORDER.find((s) => s !== 'target' && !answered(s, draft)) ?? 'target';
  return new FlowEngine(definition(first), { options, ...(preset.target !== undefined ? { preselected: preset.target } : {}) }, draft);
}
