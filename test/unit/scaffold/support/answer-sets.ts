// The wizard answer sets the unit and end-to-end tiers share: one per kind of pipeline the issue names.
import { DEFAULT_OPTIONS, type ProjectAnswers } from '../../../../src/scaffold/answers';
import { defaultSynthCommands } from '../../../../src/scaffold/generate/plan';

export const CONNECTION_ARN = 'arn:aws:codeconnections:us-east-1:111111111111:connection/0f1e2d3c-4b5a-4697-8877-665544332211';

function base(name: string, folder: string): Omit<ProjectAnswers, 'source' | 'deployments'> {
  return {
    targetFolder: `${folder}/${name}`,
    projectName: name,
    language: 'typescript',
    packageManager: 'npm',
    pipeline: { account: '111111111111', region: 'us-east-1' },
    synthCommands: defaultSynthCommands('npm'),
    options: { ...DEFAULT_OPTIONS },
  };
}

export function answerSets(folder = '/tmp/conveyor-scaffold'): Record<string, ProjectAnswers> {
  return {
    singleAccount: {
      ...base('single-account', folder),
      source: { kind: 'codecommit', repository: 'orders-service', branch: 'main' },
      deployments: [{ kind: 'stage', stage: { name: 'Dev', account: '111111111111', region: 'us-east-1' }, approval: false }],
      options: { ...DEFAULT_OPTIONS, unitTests: false },
    },
    crossAccountApprovals: {
      ...base('cross-account', folder),
      packageManager: 'pnpm',
      synthCommands: defaultSynthCommands('pnpm'),
      source: { kind: 'codecommit', repository: 'payments', branch: 'release' },
      deployments: [
        { kind: 'stage', stage: { name: 'Beta', account: '222222222222', region: 'us-east-1' }, approval: false },
        { kind: 'stage', stage: { name: 'Gamma', account: '333333333333', region: 'us-east-1' }, approval: true },
        { kind: 'stage', stage: { name: 'Prod', account: '444444444444', region: 'us-east-1' }, approval: true },
      ],
      // Left off on purpose: other accounts force cross-account keys on.
      options: { ...DEFAULT_OPTIONS, crossAccountKeys: false, cdkNag: true },
    },
    multiRegionWave: {
      ...base('multi-region', folder),
      packageManager: 'yarn',
      synthCommands: defaultSynthCommands('yarn'),
      source: { kind: 'connection', provider: 'GitLab', connectionArn: CONNECTION_ARN, repository: 'platform/edge/api', branch: 'main' },
      deployments: [
        { kind: 'stage', stage: { name: 'Staging', account: '111111111111', region: 'us-east-1' }, approval: false },
        { kind: 'wave', name: 'Prod', approval: true, stages: [
          { name: 'Prod-us-east-1', account: '555555555555', region: 'us-east-1' },
          { name: 'Prod-eu-west-1', account: '555555555555', region: 'eu-west-1' },
          { name: 'Prod-ap-southeast-2', account: '555555555555', region: 'ap-southeast-2' },
        ] },
      ],
      options: { ...DEFAULT_OPTIONS, dockerEnabledForSynth: true },
    },
    githubConnection: {
      ...base('github-app', folder),
      source: { kind: 'connection', provider: 'GitHub', connectionArn: CONNECTION_ARN.replace('codeconnections', 'codestar-connections'), repository: 'acme/github-app', branch: 'trunk' },
      deployments: [
        { kind: 'stage', stage: { name: 'Test', account: '111111111111', region: 'us-east-1' }, approval: false },
        { kind: 'stage', stage: { name: 'Live', account: '111111111111', region: 'us-west-2' }, approval: true },
      ],
      options: { ...DEFAULT_OPTIONS, selfMutation: false, pipelineTypeV2: false },
    },
    s3Source: {
      ...base('s3-source', folder),
      source: { kind: 's3', bucket: 'acme-pipeline-sources', objectKey: 's3-source/source.zip' },
      deployments: [
        { kind: 'stage', stage: { name: 'Prod', account: '666666666666', region: 'eu-central-1' }, approval: true },
      ],
      options: { ...DEFAULT_OPTIONS, crossAccountKeys: true, cdkNag: true },
    },
    python: {
      ...base('python-app', folder),
      language: 'python',
      packageManager: 'pip',
      synthCommands: defaultSynthCommands('pip'),
      source: { kind: 'connection', provider: 'Bitbucket', connectionArn: CONNECTION_ARN, repository: 'acme/python-app', branch: 'main' },
      deployments: [
        { kind: 'stage', stage: { name: 'Beta', account: '111111111111', region: 'us-east-1' }, approval: false },
        { kind: 'wave', name: 'Prod', approval: true, stages: [
          { name: 'Prod-us-east-1', account: '777777777777', region: 'us-east-1' },
          { name: 'Prod-eu-west-1', account: '777777777777', region: 'eu-west-1' },
        ] },
      ],
      options: { ...DEFAULT_OPTIONS, cdkNag: true },
    },
  };
}

/** The TypeScript twin of a Python answer set (and vice versa): same pipeline, other language. */
export function twin(answers: ProjectAnswers): ProjectAnswers {
  const language = answers.language === 'python' ? 'typescript' : 'python';
  const packageManager = language === 'python' ? 'pip' : 'npm';
  return { ...answers, language, packageManager, synthCommands: defaultSynthCommands(packageManager), targetFolder: `${answers.targetFolder}-${language}` };
}
