// Runs the wizard: which step is showing, what happens on an answer, and Back. No editor types:
// the adapter renders `view()` and feeds the person's answers to `submit()`.
import type { ProjectAnswers } from '../answers';
import { deploymentsStep, removeDeploymentStep, stageAccountStep, stageApprovalStep, stageNameStep, stageRegionStep,
  waveAccountStep, waveApprovalStep, waveNameStep, waveRegionsStep } from './deployment-steps';
import { confirmStep, draftToAnswers, optionsStep } from './finish-steps';
import type { StepAnswer, StepDefinition, StepId, StepView, WizardContext, WizardDraft } from './model';
import { folderStep, languageStep, packageManagerStep, pipelineAccountStep, pipelineRegionStep, projectNameStep } from './project-steps';
import { branchStep, bucketStep, codecommitRepositoryStep, connectionArnStep, objectKeyStep, repositoryPathStep,
  sourceKindStep, synthCommandsStep } from './source-steps';

export const STEPS: Readonly<Record<StepId, StepDefinition>> = {
  folder: folderStep,
  projectName: projectNameStep,
  language: languageStep,
  packageManager: packageManagerStep,
  pipelineAccount: pipelineAccountStep,
  pipelineRegion: pipelineRegionStep,
  sourceKind: sourceKindStep,
  codecommitRepository: codecommitRepositoryStep,
  connectionArn: connectionArnStep,
  repositoryPath: repositoryPathStep,
  bucket: bucketStep,
  objectKey: objectKeyStep,
  branch: branchStep,
  synthCommands: synthCommandsStep,
  deployments: deploymentsStep,
  stageName: stageNameStep,
  stageAccount: stageAccountStep,
  stageRegion: stageRegionStep,
  stageApproval: stageApprovalStep,
  waveName: waveNameStep,
  waveAccount: waveAccountStep,
  waveRegions: waveRegionsStep,
  waveApproval: waveApprovalStep,
  removeDeployment: removeDeploymentStep,
  options: optionsStep,
  confirm: confirmStep,
};

export type SubmitResult =
  | { status: 'next'; step: StepId }
  | { status: 'invalid'; message: string }
  | { status: 'done'; answers: ProjectAnswers };

export interface ShownStep {
  view: StepView;
  /** 1-based position in the path taken so far. */
  number: number;
  canGoBack: boolean;
}

export class WizardEngine {
  private readonly history: Array<{ step: StepId; draft: WizardDraft }> = [];
  private step: StepId = 'folder';
  private state: WizardDraft;

  constructor(private readonly ctx: WizardContext, initial: Partial<WizardDraft> = {}) {
    this.state = { deployments: [], ...initial };
  }

  get current(): StepId {
    return this.step;
  }

  get draft(): WizardDraft {
    return this.state;
  }

  get context(): WizardContext {
    return this.ctx;
  }

  show(): ShownStep {
    return { view: STEPS[this.step].view(this.state, this.ctx), number: this.history.length + 1, canGoBack: this.history.length > 0 };
  }

  /** Live validation of typed text; undefined when acceptable or the step takes no text. */
  validate(text: string): string | undefined {
    return STEPS[this.step].validate?.(text, this.state, this.ctx);
  }

  submit(answer: StepAnswer): SubmitResult {
    const definition = STEPS[this.step];
    const result = definition.apply(this.state, answer, this.ctx);
    if ('error' in result) return { status: 'invalid', message: result.error };
    const next = definition.next(result, this.ctx);
    if (next === 'finish') {
      const answers = draftToAnswers(result);
      if (!answers) return { status: 'invalid', message: 'Some answers are missing; go back and complete them.' };
      this.state = result;
      return { status: 'done', answers };
    }
    this.history.push({ step: this.step, draft: this.state });
    this.step = next;
    this.state = result;
    return { status: 'next', step: next };
  }

  /**
   * Returns to the previous step. The deployment list is restored to what it was when that step was
   * shown (so re-answering can't add a stage twice); single answers typed since are kept as defaults.
   * False on the first step.
   */
  back(): boolean {
    const previous = this.history.pop();
    if (!previous) return false;
    this.step = previous.step;
    this.state = rememberAnswers(previous.draft, this.state);
    return true;
  }
}

function rememberAnswers(restored: WizardDraft, later: WizardDraft): WizardDraft {
  const { deployments: _d, pendingStage, pendingWave, selectedDeployment: _s, ...answers } = later;
  const defined = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as Partial<WizardDraft>;
  return {
    ...restored,
    ...defined,
    ...(restored.pendingStage && pendingStage ? { pendingStage: { ...restored.pendingStage, ...pendingStage } } : {}),
    ...(restored.pendingWave && pendingWave ? { pendingWave: { ...restored.pendingWave, ...pendingWave } } : {}),
  };
}
