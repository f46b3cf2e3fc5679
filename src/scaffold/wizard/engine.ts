// Runs the wizard: which step is showing, what happens on an answer, and Back. No editor types:
// the adapter renders `view()` and feeds the person's answers to `submit()`.
import type { ProjectAnswers } from '../answers';
import { deploymentsStep, removeDeploymentStep, stageAccountStep, stageApprovalStep, stageNameStep, stageRegionStep,
  waveAccountStep, waveApprovalStep, waveNameStep, waveRegionsStep } from './deployment-steps';
import { confirmStep, draftToAnswers, optionsStep } from './finish-steps';
import { FlowEngine, type FlowDefinition, type FlowSubmitResult, type FlowView } from '../../core/flow';
import type { StepDefinition, StepId, WizardContext, WizardDraft } from './model';
import { folderStep, languageStep, packageManagerStep, pipelineAccountStep, pipelineRegionStep, projectNameStep } from './project-steps';
import { branchStep, bucketStep, codecommitRepositoryStep, connectionArnStep, objectKeyStep, repositoryPathStep,
  sourceKindStep, synthCommandsStep } from './source-steps';

const STEPS: Readonly<Record<StepId, StepDefinition>> = {
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

export type SubmitResult = FlowSubmitResult<StepId, ProjectAnswers>;

/** Loads what a step `needs` (AWS lookups) into the context; true when the step's view changed. */
export type PrepareStep = (view: FlowView<StepId>, draft: WizardDraft, ctx: WizardContext) => Promise<boolean>;

function definition(prepare?: PrepareStep): FlowDefinition<WizardDraft, WizardContext, StepId, ProjectAnswers> {
  return {
    first: 'folder',
    steps: STEPS,
    finish: (draft) => draftToAnswers(draft) ?? { error: 'Some answers are missing; go back and complete them.' },
    // The deployment list is restored to what it was when that step was shown (so re-answering can't
    // add a stage twice); single answers typed since are kept as defaults.
    restore: rememberAnswers,
    ...(prepare ? { prepare } : {}),
  };
}

/** The "New CDK Pipeline Project" wizard: the flow engine over the steps above. */
export class WizardEngine extends FlowEngine<WizardDraft, WizardContext, StepId, ProjectAnswers> {
  constructor(ctx: WizardContext, initial: Partial<WizardDraft> = {}, prepare?: PrepareStep) {
    super(definition(prepare), ctx, { deployments: [], ...initial });
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
