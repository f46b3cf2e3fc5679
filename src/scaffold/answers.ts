// What the "New CDK Pipeline Project" wizard collects, and the rules each answer must satisfy.
// Pure: shared by the wizard steps (per-field messages) and the generator (whole-project check).

export type Language = 'typescript' | 'python';
export type PackageManager = 'npm' | 'yarn' | 'pnpm' | 'pip';
export type ConnectionProvider = 'GitHub' | 'GitLab' | 'Bitbucket';

export type SourceAnswer =
  | { kind: 'codecommit'; repository: string; branch: string }
  | { kind: 'connection'; provider: ConnectionProvider; connectionArn: string; repository: string; branch: string }
  | { kind: 's3'; bucket: string; objectKey: string };

export interface Environment {
  account: string;
  region: string;
}

export interface StageAnswer extends Environment {
  name: string;
}

/** One step of the deployment order: a single stage, or a wave whose stages deploy in parallel. */
export type DeploymentAnswer =
  | { kind: 'stage'; stage: StageAnswer; approval: boolean }
  | { kind: 'wave'; name: string; stages: StageAnswer[]; approval: boolean };

export interface PipelineOptions {
  selfMutation: boolean;
  /** Forced on by normalizeAnswers when any stage deploys to another account. */
  crossAccountKeys: boolean;
  dockerEnabledForSynth: boolean;
  unitTests: boolean;
  pipelineTypeV2: boolean;
  cdkNag: boolean;
}

export interface ProjectAnswers {
  /** Absolute folder the project is written to. */
  targetFolder: string;
  /** npm package name / Python distribution name, e.g. "orders-pipeline". */
  projectName: string;
  language: Language;
  packageManager: PackageManager;
  pipeline: Environment;
  source: SourceAnswer;
  synthCommands: string[];
  deployments: DeploymentAnswer[];
  options: PipelineOptions;
}

export const CONNECTION_PROVIDERS: readonly ConnectionProvider[] = ['GitHub', 'GitLab', 'Bitbucket'];
export const PACKAGE_MANAGERS: Record<Language, readonly PackageManager[]> = {
  typescript: ['npm', 'yarn', 'pnpm'],
  python: ['pip'],
};

/** CodePipeline stage names the generated pipeline uses itself. */
export const RESERVED_STAGE_NAMES = ['Source', 'Build', 'UpdatePipeline', 'Assets', 'UnitTests'] as const;

export const DEFAULT_OPTIONS: PipelineOptions = {
  selfMutation: true,
  crossAccountKeys: false,
  dockerEnabledForSynth: false,
  unitTests: true,
  pipelineTypeV2: true,
  cdkNag: false,
};

// ---- field rules: each returns a message, or undefined when the value is fine ----

export function checkAccount(value: string): string | undefined {
  return /^\d{12}$/.test(value) ? undefined : 'An AWS account ID is exactly 12 digits.';
}

export function checkRegion(value: string): string | undefined {
  return /^[a-z]{2}(-[a-z]+)+-\d$/.test(value) ? undefined : 'A region looks like us-east-1 or eu-central-1.';
}

export function checkProjectName(value: string): string | undefined {
  if (!value) return 'Enter a project name.';
  if (value.length > 60) return 'Keep the project name under 60 characters.';
  return /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(value)
    ? undefined
    : 'Use lowercase letters, digits and single hyphens, starting with a letter (e.g. orders-pipeline).';
}

/** Stage names become construct ids, CloudFormation stack-name prefixes and CodePipeline stage names. */
export function checkStageName(value: string, taken: readonly string[] = []): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9-]{0,39}$/.test(value)) {
    return 'Start with a letter; use letters, digits and hyphens (at most 40), e.g. Beta or Prod-EU.';
  }
  if ((RESERVED_STAGE_NAMES as readonly string[]).some((r) => r.toLowerCase() === value.toLowerCase())) {
    return `"${value}" is a stage the pipeline creates itself; choose another name.`;
  }
  if (taken.some((t) => t.toLowerCase() === value.toLowerCase())) return `A stage or wave named "${value}" already exists.`;
  return undefined;
}

const ARN_CONNECTION = /^arn:aws(-[a-z]+)*:(codeconnections|codestar-connections):([a-z]{2}(-[a-z]+)+-\d):(\d{12}):connection\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function checkConnectionArn(value: string): string | undefined {
  return ARN_CONNECTION.test(value)
    ? undefined
    : 'Expected arn:aws:codeconnections:<region>:<account>:connection/<uuid> (or the older codestar-connections form).';
}

export function parseConnectionArn(value: string): { region: string; account: string; id: string } | undefined {
  const m = ARN_CONNECTION.exec(value);
  if (!m || !m[3] || !m[5] || !m[6]) return undefined;
  return { region: m[3], account: m[5], id: m[6] };
}

/** "owner/repo" as CodeConnections' FullRepositoryId expects it (GitLab allows nested groups). */
export function checkRepositoryPath(value: string, provider: ConnectionProvider): string | undefined {
  const segment = '[A-Za-z0-9_.-]+';
  const re = provider === 'GitLab' ? new RegExp(`^${segment}(/${segment})+$`) : new RegExp(`^${segment}/${segment}$`);
  if (!re.test(value)) return provider === 'GitLab' ? 'Enter group/project (subgroups allowed).' : 'Enter owner/repository.';
  if (value.split('/').some((s) => s === '.' || s === '..')) return 'Repository path segments cannot be "." or "..".';
  return undefined;
}

export function checkCodeCommitRepository(value: string): string | undefined {
  if (!/^[\w.-]{1,100}$/.test(value)) return 'CodeCommit repository names use letters, digits, ".", "_" and "-" (at most 100).';
  if (value.endsWith('.git')) return 'Leave out the ".git" suffix.';
  return undefined;
}

/** The subset of `git check-ref-format` rules a person can get wrong while typing. */
export function checkBranch(value: string): string | undefined {
  if (!value) return 'Enter a branch name.';
  if (/[\s~^:?*[\\]|\.\.|@\{|\/\/|^\/|\/$|\.$|\.lock$|^-/.test(value) || value === '@') {
    return 'Not a valid git branch name (no spaces, "..", "~^:?*[\\", leading "-" or trailing "/" or ".").';
  }
  return undefined;
}

export function checkBucketName(value: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value)) {
    return 'Bucket names are 3-63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit.';
  }
  if (/\.\.|\.-|-\./.test(value) || /^\d+\.\d+\.\d+\.\d+$/.test(value)) return 'Not a valid S3 bucket name.';
  return undefined;
}

export function checkObjectKey(value: string): string | undefined {
  if (!value) return 'Enter the object key of the source archive, e.g. source/app.zip.';
  if (value.startsWith('/')) return 'Object keys do not start with "/".';
  if (!value.endsWith('.zip')) return 'CodePipeline S3 sources expect a .zip archive.';
  if (value.length > 1024) return 'Object keys are at most 1024 characters.';
  return undefined;
}

export function checkSynthCommands(commands: readonly string[]): string | undefined {
  if (commands.length === 0) return 'Enter at least one command.';
  if (commands.some((c) => !c.trim())) return 'Remove the empty command.';
  if (!commands.some((c) => /\bcdk\s+synth\b/.test(c))) return 'One command must run `cdk synth` so the pipeline has a cloud assembly.';
  return undefined;
}

// ---- derived facts ----

export function allStages(deployments: readonly DeploymentAnswer[]): StageAnswer[] {
  return deployments.flatMap((d) => (d.kind === 'stage' ? [d.stage] : d.stages));
}

/** Stage accounts that differ from the pipeline's: cross-account keys are then mandatory. */
export function crossAccountStages(answers: Pick<ProjectAnswers, 'pipeline' | 'deployments'>): StageAnswer[] {
  return allStages(answers.deployments).filter((s) => s.account !== answers.pipeline.account);
}

export function needsCrossAccountKeys(answers: Pick<ProjectAnswers, 'pipeline' | 'deployments'>): boolean {
  return crossAccountStages(answers).length > 0;
}

/** Applies the rules the person can't opt out of (today: cross-account keys). */
export function normalizeAnswers(answers: ProjectAnswers): ProjectAnswers {
  const forced = needsCrossAccountKeys(answers);
  return { ...answers, options: { ...answers.options, crossAccountKeys: answers.options.crossAccountKeys || forced } };
}

export function defaultPackageManager(language: Language): PackageManager {
  return language === 'python' ? 'pip' : 'npm';
}

/** Every problem with a complete answer set, as "field: message" lines; empty when it can be generated. */
export function validateAnswers(a: ProjectAnswers): string[] {
  const errors: string[] = [];
  const add = (field: string, message: string | undefined): void => { if (message) errors.push(`${field}: ${message}`); };
  if (!a.targetFolder || !(a.targetFolder.startsWith('/') || /^[A-Za-z]:[\\/]/.test(a.targetFolder))) {
    add('targetFolder', 'Choose an absolute folder.');
  }
  add('projectName', checkProjectName(a.projectName));
  if (!PACKAGE_MANAGERS[a.language].includes(a.packageManager)) {
    add('packageManager', `${a.packageManager} does not build ${a.language} projects.`);
  }
  add('pipeline.account', checkAccount(a.pipeline.account));
  add('pipeline.region', checkRegion(a.pipeline.region));
  const s = a.source;
  if (s.kind === 'codecommit') {
    add('source.repository', checkCodeCommitRepository(s.repository));
    add('source.branch', checkBranch(s.branch));
  } else if (s.kind === 'connection') {
    add('source.connectionArn', checkConnectionArn(s.connectionArn));
    add('source.repository', checkRepositoryPath(s.repository, s.provider));
    add('source.branch', checkBranch(s.branch));
  } else {
    add('source.bucket', checkBucketName(s.bucket));
    add('source.objectKey', checkObjectKey(s.objectKey));
  }
  add('synthCommands', checkSynthCommands(a.synthCommands));
  if (a.deployments.length === 0) add('deployments', 'Add at least one stage.');
  const names: string[] = [];
  for (const d of a.deployments) {
    if (d.kind === 'wave') {
      add(`wave ${d.name}`, checkStageName(d.name, names));
      names.push(d.name);
      if (d.stages.length === 0) add(`wave ${d.name}`, 'A wave needs at least one stage.');
    }
    for (const stage of d.kind === 'stage' ? [d.stage] : d.stages) {
      add(`stage ${stage.name}`, checkStageName(stage.name, names));
      names.push(stage.name);
      add(`stage ${stage.name}.account`, checkAccount(stage.account));
      add(`stage ${stage.name}.region`, checkRegion(stage.region));
    }
  }
  if (needsCrossAccountKeys(a) && !a.options.crossAccountKeys) {
    add('options.crossAccountKeys', 'Stages deploy to other accounts, so the artifact bucket needs a KMS key (cross-account keys).');
  }
  return errors;
}
