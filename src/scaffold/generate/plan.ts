// The language-neutral shape of the generated pipeline: names, steps, commands and bootstrap targets.
// Both the TypeScript and the Python templates render this same plan, which is what makes them twins.
import {
  allStages, normalizeAnswers, type DeploymentAnswer, type Environment, type PackageManager, type ProjectAnswers,
  type SourceAnswer, type StageAnswer,
} from '../answers';
import { VERSIONS } from './versions';

export interface StagePlan extends StageAnswer {
  /** ManualApprovalStep id placed before this stage (stand-alone stages only). */
  approvalId?: string;
}

export type DeploymentPlan =
  | { kind: 'stage'; stage: StagePlan }
  | { kind: 'wave'; name: string; approvalId?: string; stages: StagePlan[] };

export interface UnitTestPlan {
  /** Name of the wave (and so of the CodePipeline stage) that runs the step. */
  wave: string;
  stepId: string;
  installCommands: string[];
  commands: string[];
  env: Record<string, string>;
  reportGroup: string;
  reportBaseDirectory: string;
  reportFiles: string[];
}

export interface BootstrapTarget extends Environment {
  /** Why this environment is bootstrapped (shown in the README). */
  roles: string[];
  /** Whether it receives deployments from the pipeline (and so needs --trust). */
  trust: boolean;
}

export interface PipelinePlan {
  answers: ProjectAnswers;
  /** PascalCase of the project name, e.g. OrdersPipeline. */
  pascal: string;
  /** Python package folder, e.g. orders_pipeline. */
  pythonModule: string;
  stackId: string;
  pipelineName: string;
  source: SourceAnswer;
  synth: { installCommands: string[]; commands: string[] };
  unitTests?: UnitTestPlan;
  deployments: DeploymentPlan[];
  /** Regions other than the pipeline's that stages deploy to: each gets a cross-region support stack. */
  crossRegionRegions: string[];
  bootstrap: BootstrapTarget[];
  installCommand: string;
  /** Relative path of the file to open after generation. */
  pipelineStackFile: string;
}

export function pascalCase(name: string): string {
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((p) => p[0]?.toUpperCase() + p.slice(1)).join('');
}

export function snakeCase(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
}

export function approvalIdFor(name: string): string {
  return `PromoteTo${name}`;
}

/** Default synth commands for a package manager: install from the lock file, type-check, synth. */
export function defaultSynthCommands(pm: PackageManager): string[] {
  switch (pm) {
    case 'npm': return ['npm ci', 'npm run build', 'npx cdk synth'];
    case 'yarn': return ['yarn install --frozen-lockfile', 'yarn build', 'yarn cdk synth'];
    case 'pnpm': return ['pnpm install --frozen-lockfile', 'pnpm run build', 'pnpm cdk synth'];
    case 'pip': return ['pip install -r requirements.txt', 'cdk synth'];
  }
}

/** Tools the CodeBuild image lacks for a package manager. */
export function synthInstallCommands(pm: PackageManager): string[] {
  switch (pm) {
    case 'npm': return [];
    case 'yarn': return [`npm install -g yarn@${VERSIONS.yarn}`];
    case 'pnpm': return [`npm install -g pnpm@${VERSIONS.pnpm}`];
    case 'pip': return [`npm install -g aws-cdk@${VERSIONS.awsCdkCli}`];
  }
}

function installFromLock(pm: PackageManager): string {
  switch (pm) {
    case 'npm': return 'npm ci';
    case 'yarn': return 'yarn install --frozen-lockfile';
    case 'pnpm': return 'pnpm install --frozen-lockfile';
    case 'pip': return 'pip install -r requirements.txt -r requirements-dev.txt';
  }
}

export function localInstallCommand(pm: PackageManager, platform: NodeJS.Platform = 'linux'): string {
  switch (pm) {
    case 'npm': return 'npm install';
    case 'yarn': return 'yarn install';
    case 'pnpm': return 'pnpm install';
    case 'pip': return platform === 'win32'
      ? 'python -m venv .venv; .venv\\Scripts\\activate; pip install -r requirements.txt -r requirements-dev.txt'
      : 'python3 -m venv .venv && . .venv/bin/activate && pip install -r requirements.txt -r requirements-dev.txt';
  }
}

function unitTestPlan(pm: PackageManager): UnitTestPlan {
  const base = { wave: 'UnitTests', stepId: 'RunUnitTests', reportGroup: 'UnitTests', reportBaseDirectory: 'reports', reportFiles: ['junit.xml'] };
  if (pm === 'pip') {
    return { ...base, installCommands: [], env: {},
      commands: [installFromLock(pm), 'python -m pytest --junitxml=reports/junit.xml'] };
  }
  const run = pm === 'npm' ? 'npm run' : pm === 'yarn' ? 'yarn' : 'pnpm run';
  return { ...base, installCommands: synthInstallCommands(pm), env: { JEST_JUNIT_OUTPUT_DIR: 'reports' },
    commands: [installFromLock(pm), `${run} test:ci`] };
}

function planDeployment(d: DeploymentAnswer): DeploymentPlan {
  if (d.kind === 'stage') {
    return { kind: 'stage', stage: { ...d.stage, ...(d.approval ? { approvalId: approvalIdFor(d.stage.name) } : {}) } };
  }
  return { kind: 'wave', name: d.name, stages: d.stages.map((s) => ({ ...s })), ...(d.approval ? { approvalId: approvalIdFor(d.name) } : {}) };
}

/** Every environment `cdk bootstrap` must prepare: targets (trusting the pipeline account) and the pipeline's own. */
export function bootstrapTargets(pipeline: Environment, stages: readonly StageAnswer[]): BootstrapTarget[] {
  const byKey = new Map<string, BootstrapTarget>();
  const add = (env: Environment, role: string, trust: boolean): void => {
    const key = `${env.account}/${env.region}`;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.roles.includes(role)) existing.roles.push(role);
      existing.trust ||= trust;
    } else {
      byKey.set(key, { account: env.account, region: env.region, roles: [role], trust });
    }
  };
  add(pipeline, 'pipeline', false);
  for (const s of stages) {
    add(s, `stage ${s.name}`, true);
    // Cross-region replication buckets live in the pipeline account, in every region a stage deploys to.
    if (s.region !== pipeline.region) add({ account: pipeline.account, region: s.region }, `cross-region support for ${s.region}`, false);
  }
  return [...byKey.values()];
}

export function planPipeline(input: ProjectAnswers): PipelinePlan {
  const answers = normalizeAnswers(input);
  const pascal = pascalCase(answers.projectName);
  const stages = allStages(answers.deployments);
  const pm = answers.packageManager;
  return {
    answers,
    pascal,
    pythonModule: snakeCase(answers.projectName),
    stackId: pascal.endsWith('Pipeline') ? `${pascal}Stack` : `${pascal}PipelineStack`,
    pipelineName: answers.projectName,
    source: answers.source,
    synth: { installCommands: synthInstallCommands(pm), commands: [...answers.synthCommands] },
    ...(answers.options.unitTests ? { unitTests: unitTestPlan(pm) } : {}),
    deployments: answers.deployments.map(planDeployment),
    crossRegionRegions: [...new Set(stages.map((s) => s.region).filter((r) => r !== answers.pipeline.region))],
    bootstrap: bootstrapTargets(answers.pipeline, stages),
    installCommand: localInstallCommand(pm),
    pipelineStackFile: answers.language === 'python'
      ? `${snakeCase(answers.projectName)}/pipeline_stack.py`
      : 'lib/pipeline-stack.ts',
  };
}
