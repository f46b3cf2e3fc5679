// Pipeline options and the final confirmation; turns a complete draft into ProjectAnswers.
import {
  DEFAULT_OPTIONS, allStages, crossAccountStages, defaultPackageManager, normalizeAnswers, validateAnswers,
  type PipelineOptions, type ProjectAnswers, type SourceAnswer,
} from '../answers';
import { planPipeline } from '../generate/plan';
import type { PickItem, StepDefinition, WizardDraft } from './model';
import { synthDefaults } from './project-steps';
import { idOf, idsOf } from './step-kit';

const TITLE = 'New CDK Pipeline Project: options';

type OptionKey = keyof PipelineOptions;

const OPTION_LABELS: Record<OptionKey, { label: string; description: string }> = {
  selfMutation: { label: 'Self-mutation', description: 'the pipeline updates itself when its code changes' },
  crossAccountKeys: { label: 'Cross-account keys', description: 'KMS-encrypted artifact bucket that other accounts can read' },
  dockerEnabledForSynth: { label: 'Docker in synth', description: 'for Docker image assets or bundling during cdk synth' },
  unitTests: { label: 'Unit-test step', description: 'CodeBuild runs the tests before any deployment, with a test report' },
  pipelineTypeV2: { label: 'Pipeline type V2', description: 'triggers, variables and per-execution pricing (unchecked: V1)' },
  cdkNag: { label: 'cdk-nag checks', description: 'AWS Solutions rules on every synth' },
};

const ORDER: OptionKey[] = ['selfMutation', 'crossAccountKeys', 'dockerEnabledForSynth', 'unitTests', 'pipelineTypeV2', 'cdkNag'];

/** Cross-account keys can't be switched off once a stage deploys to another account. */
export function forcedCrossAccount(d: WizardDraft): string | undefined {
  if (!d.pipelineAccount) return undefined;
  const others = crossAccountStages({ pipeline: { account: d.pipelineAccount, region: d.pipelineRegion ?? '' }, deployments: d.deployments });
  if (others.length === 0) return undefined;
  return `required: ${[...new Set(others.map((s) => s.account))].join(', ')} ${others.length === 1 ? 'is' : 'are'} not the pipeline account`;
}

export const optionsStep: StepDefinition = {
  id: 'options',
  view: (d) => {
    const current = d.options ?? DEFAULT_OPTIONS;
    const forced = forcedCrossAccount(d);
    const items: PickItem[] = ORDER.map((key) => ({
      id: key,
      label: OPTION_LABELS[key].label,
      description: key === 'crossAccountKeys' && forced ? `${OPTION_LABELS[key].description} (${forced})` : OPTION_LABELS[key].description,
      ...((current[key] || (key === 'crossAccountKeys' && forced)) ? { picked: true } : {}),
    }));
    return { kind: 'pick', id: 'options', title: TITLE, canSelectMany: true, items, placeholder: 'Pipeline options (checked = on)' };
  },
  apply: (d, a) => {
    const ids = idsOf(a);
    if (!ids) return { error: 'Check the options you want.' };
    const options = Object.fromEntries(ORDER.map((k) => [k, ids.includes(k)])) as unknown as PipelineOptions;
    if (forcedCrossAccount(d)) options.crossAccountKeys = true;
    return { ...d, options };
  },
  next: () => 'confirm',
};

export const CREATE = 'create';

export const confirmStep: StepDefinition = {
  id: 'confirm',
  view: (d) => {
    const answers = draftToAnswers(d);
    const plan = answers ? planPipeline(answers) : undefined;
    const items: PickItem[] = [{ id: CREATE, label: '$(rocket) Create the project', description: d.targetFolder ?? '' }];
    if (plan) {
      const stages = allStages(plan.answers.deployments);
      items.push(
        { id: 'sep', label: 'Summary', separator: true },
        { id: 'info:language', label: `${plan.answers.language === 'python' ? 'Python' : 'TypeScript'} · ${plan.answers.packageManager}`, description: plan.answers.projectName },
        { id: 'info:pipeline', label: `Pipeline in ${plan.answers.pipeline.account} · ${plan.answers.pipeline.region}`, description: plan.stackId },
        { id: 'info:stages', label: `${stages.length} stage(s)`, description: stages.map((s) => s.name).join(', ') },
        { id: 'info:bootstrap', label: `${plan.bootstrap.length} environment(s) to bootstrap`, description: 'commands in README.md' },
      );
    }
    return { kind: 'pick', id: 'confirm', title: 'New CDK Pipeline Project: create', canSelectMany: false, items, activeId: CREATE, placeholder: 'Create the project, or go Back to change an answer' };
  },
  apply: (d, a) => {
    if (idOf(a) !== CREATE) return { error: 'Select "Create the project", or go back.' };
    const answers = draftToAnswers(d);
    if (!answers) return { error: 'Some answers are missing; go back and complete them.' };
    const problems = validateAnswers(answers);
    return problems.length ? { error: problems.join(' ') } : d;
  },
  next: () => 'finish',
};

function sourceOf(d: WizardDraft): SourceAnswer | undefined {
  switch (d.sourceKind) {
    case 'codecommit':
      return d.codecommitRepository && d.branch ? { kind: 'codecommit', repository: d.codecommitRepository, branch: d.branch } : undefined;
    case 'connection':
      return d.provider && d.connectionArn && d.repositoryPath && d.branch
        ? { kind: 'connection', provider: d.provider, connectionArn: d.connectionArn, repository: d.repositoryPath, branch: d.branch }
        : undefined;
    case 's3':
      return d.bucket && d.objectKey ? { kind: 's3', bucket: d.bucket, objectKey: d.objectKey } : undefined;
    default:
      return undefined;
  }
}

/** The answers a finished draft stands for (normalized), or undefined while something is missing. */
export function draftToAnswers(d: WizardDraft): ProjectAnswers | undefined {
  const source = sourceOf(d);
  if (!d.targetFolder || !d.projectName || !d.language || !d.pipelineAccount || !d.pipelineRegion || !source) return undefined;
  const packageManager = d.packageManager ?? defaultPackageManager(d.language);
  return normalizeAnswers({
    targetFolder: d.targetFolder,
    projectName: d.projectName,
    language: d.language,
    packageManager,
    pipeline: { account: d.pipelineAccount, region: d.pipelineRegion },
    source,
    synthCommands: d.synthCommands ?? synthDefaults(packageManager, d.language),
    deployments: d.deployments,
    options: d.options ?? DEFAULT_OPTIONS,
  });
}
