// Every file of a generated TypeScript project except the README.
import { RECOMMENDED_FEATURE_FLAGS } from './feature-flags';
import { LAMBDA_HANDLER, gitignore } from './shared';
import { LAMBDA_BASIC_ROLE_FINDING, NAG_REASONS } from './nag';
import { pipelineStackTs } from './typescript-pipeline';
import { tsLiteral, tsString } from './literals';
import type { DeploymentPlan, PipelinePlan, StagePlan } from './plan';
import { SAMPLE_LAMBDA_RUNTIME, VERSIONS } from './versions';

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function packageJson(plan: PipelinePlan): string {
  const o = plan.answers.options;
  const scripts: Record<string, string> = { build: 'tsc', watch: 'tsc -w', test: 'jest', cdk: 'cdk' };
  if (plan.unitTests) scripts['test:ci'] = 'jest --ci --reporters=default --reporters=jest-junit';
  const devDependencies: Record<string, string> = {
    '@types/jest': VERSIONS.typesJest,
    '@types/node': VERSIONS.typesNode,
    'aws-cdk': VERSIONS.awsCdkCli,
    jest: VERSIONS.jest,
    ...(plan.unitTests ? { 'jest-junit': VERSIONS.jestJunit } : {}),
    'ts-jest': VERSIONS.tsJest,
    tsx: VERSIONS.tsx,
    typescript: `~${VERSIONS.typescript}`,
  };
  const dependencies: Record<string, string> = {
    'aws-cdk-lib': VERSIONS.awsCdkLib,
    ...(o.cdkNag ? { 'cdk-nag': VERSIONS.cdkNag } : {}),
    constructs: `^${VERSIONS.constructs}`,
  };
  return json({ name: plan.answers.projectName, version: '0.1.0', private: true, scripts, devDependencies, dependencies });
}

function tsconfig(): string {
  return json({
    compilerOptions: {
      target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['es2022'],
      strict: true, noImplicitReturns: true, noFallthroughCasesInSwitch: true, skipLibCheck: true,
      isolatedModules: true, noEmit: true, types: ['jest', 'node'],
    },
    include: ['bin', 'lib', 'test'],
    exclude: ['node_modules', 'cdk.out'],
  });
}

const JEST_CONFIG = `module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\\\.tsx?$': 'ts-jest',
  },
  // Removes the temporary cloud assemblies each synthesis leaves behind.
  setupFilesAfterEnv: ['aws-cdk-lib/testhelpers/jest-autoclean'],
};
`;

export function cdkJson(app: string, exclude: string[]): string {
  return json({
    app,
    watch: { include: ['**'], exclude },
    context: RECOMMENDED_FEATURE_FLAGS,
  });
}

function appTs(plan: PipelinePlan): string {
  const p = plan.answers.pipeline;
  const nag = plan.answers.options.cdkNag;
  return [
    `#!/usr/bin/env node`,
    `import * as cdk from 'aws-cdk-lib';`,
    ...(nag ? [`import { AwsSolutionsChecks } from 'cdk-nag';`] : []),
    `import { PipelineStack } from '../lib/pipeline-stack';`,
    '',
    `const app = new cdk.App();`,
    '',
    `// The pipeline lives in its own account and region; deploy it once with \`npx cdk deploy\`,`,
    `// after that it deploys itself (and the application stages) on every push.`,
    `new PipelineStack(app, ${tsString(plan.stackId)}, {`,
    `  env: { account: ${tsString(p.account)}, region: ${tsString(p.region)} },`,
    `});`,
    ...(nag ? ['', `// AWS Solutions checks (cdk-nag) on the pipeline; lib/app-stage.ts adds them to each application stage.`,
      `cdk.Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));`] : []),
    '',
    `app.synth();`,
    '',
  ].join('\n');
}

function appStageTs(plan: PipelinePlan): string {
  const nag = plan.answers.options.cdkNag;
  return [
    `import * as cdk from 'aws-cdk-lib';`,
    ...(nag ? [`import { AwsSolutionsChecks } from 'cdk-nag';`] : []),
    `import { Construct } from 'constructs';`,
    `import { ServiceStack } from './service-stack';`,
    '',
    `/** The application as one deployable unit: the pipeline deploys one AppStage per environment. */`,
    `export class AppStage extends cdk.Stage {`,
    `  public readonly service: ServiceStack;`,
    '',
    `  constructor(scope: Construct, id: string, props: cdk.StageProps) {`,
    `    super(scope, id, props);`,
    `    this.service = new ServiceStack(this, 'Service');`,
    ...(nag ? [`    // Aspects do not cross Stage boundaries, so every stage runs the checks on its own stacks.`,
      `    cdk.Aspects.of(this).add(new AwsSolutionsChecks({ verbose: true }));`] : []),
    `  }`,
    `}`,
    '',
  ].join('\n');
}

function serviceStackTs(plan: PipelinePlan): string {
  const nag = plan.answers.options.cdkNag;
  return [
    `import * as path from 'node:path';`,
    `import * as cdk from 'aws-cdk-lib';`,
    `import * as lambda from 'aws-cdk-lib/aws-lambda';`,
    `import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';`,
    `import * as sqs from 'aws-cdk-lib/aws-sqs';`,
    ...(nag ? [`import { NagSuppressions } from 'cdk-nag';`] : []),
    `import { Construct } from 'constructs';`,
    '',
    `/** A small sample service: a queue with a dead-letter queue, drained by a Lambda function. Replace with your own. */`,
    `export class ServiceStack extends cdk.Stack {`,
    `  public readonly queue: sqs.Queue;`,
    '',
    `  constructor(scope: Construct, id: string, props?: cdk.StackProps) {`,
    `    super(scope, id, props);`,
    '',
    `    const deadLetters = new sqs.Queue(this, 'DeadLetters', {`,
    `      enforceSSL: true,`,
    `      retentionPeriod: cdk.Duration.days(14),`,
    `    });`,
    `    this.queue = new sqs.Queue(this, 'Work', {`,
    `      enforceSSL: true,`,
    `      visibilityTimeout: cdk.Duration.seconds(60),`,
    `      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 3 },`,
    `    });`,
    '',
    `    const worker = new lambda.Function(this, 'Worker', {`,
    `      runtime: lambda.Runtime.${SAMPLE_LAMBDA_RUNTIME.ts},`,
    `      handler: 'index.handler',`,
    `      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda')),`,
    `      timeout: cdk.Duration.seconds(30),`,
    `    });`,
    `    worker.addEventSource(new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true }));`,
    ...(nag ? [
      `    NagSuppressions.addResourceSuppressions(worker, [{`,
      `      id: 'AwsSolutions-IAM4',`,
      `      reason: ${tsString(NAG_REASONS.lambdaBasicRole)},`,
      `      appliesTo: [${tsString(LAMBDA_BASIC_ROLE_FINDING)}],`,
      `    }], true);`,
    ] : []),
    '',
    `    new cdk.CfnOutput(this, 'QueueUrl', { value: this.queue.queueUrl });`,
    `  }`,
    `}`,
    '',
  ].join('\n');
}

/** Names of the CodePipeline stages, in order, as CDK Pipelines creates them for this plan. */
export function expectedStageNames(plan: PipelinePlan): string[] {
  return [
    'Source', 'Build',
    ...(plan.answers.options.selfMutation ? ['UpdatePipeline'] : []),
    'Assets',
    ...(plan.unitTests ? [plan.unitTests.wave] : []),
    ...plan.deployments.map((d) => (d.kind === 'stage' ? d.stage.name : d.name)),
  ];
}

function stagesOf(d: DeploymentPlan): StagePlan[] {
  return d.kind === 'stage' ? [d.stage] : d.stages;
}

function pipelineTestTs(plan: PipelinePlan): string {
  const { answers } = plan;
  const p = answers.pipeline;
  const nag = answers.options.cdkNag;
  const approvals = plan.deployments.flatMap((d) => {
    const id = d.kind === 'stage' ? d.stage.approvalId : d.approvalId;
    return id ? [{ stage: d.kind === 'stage' ? d.stage.name : d.name, id }] : [];
  });
  const deployChecks = plan.deployments.map((d) => {
    const name = d.kind === 'stage' ? d.stage.name : d.name;
    const targets = stagesOf(d).map((s) => `{ account: ${tsString(s.account)}, region: ${tsString(s.region)} }`);
    return `  [${tsString(name)}, [${targets.join(', ')}]],`;
  });
  const sourceProvider = answers.source.kind === 'codecommit' ? 'CodeCommit' : answers.source.kind === 's3' ? 'S3' : 'CodeStarSourceConnection';
  const lines = [
    `import * as cdk from 'aws-cdk-lib';`,
    `import { ${nag ? 'Annotations, Match, ' : ''}Template } from 'aws-cdk-lib/assertions';`,
    ...(nag ? [`import { AwsSolutionsChecks } from 'cdk-nag';`] : []),
    `import { PipelineStack } from '../lib/pipeline-stack';`,
    '',
    `interface Action {`,
    `  Name: string;`,
    `  ActionTypeId: { Category: string; Provider: string };`,
    `  Region?: string;`,
    `  RoleArn?: unknown;`,
    `}`,
    `interface Stage { Name: string; Actions: Action[] }`,
    '',
    `const PIPELINE_ENV = { account: ${tsString(p.account)}, region: ${tsString(p.region)} };`,
    '',
    `function synthesize() {`,
    `  const app = new cdk.App();`,
    `  const stack = new PipelineStack(app, 'TestPipelineStack', { env: PIPELINE_ENV });`,
    ...(nag ? [`  cdk.Aspects.of(app).add(new AwsSolutionsChecks());`] : []),
    `  return { stack, template: Template.fromStack(stack) };`,
    `}`,
    '',
    `const { ${nag ? 'stack, ' : ''}template } = synthesize();`,
    '',
    `function stages(): Stage[] {`,
    `  const pipelines = Object.values(template.findResources('AWS::CodePipeline::Pipeline'));`,
    `  expect(pipelines).toHaveLength(1);`,
    `  return pipelines[0].Properties.Stages;`,
    `}`,
    '',
    `function stage(name: string): Stage {`,
    `  const found = stages().find((s) => s.Name === name);`,
    `  if (!found) throw new Error(\`no pipeline stage \${name}\`);`,
    `  return found;`,
    `}`,
    '',
    `test('the pipeline runs its stages in order', () => {`,
    `  expect(stages().map((s) => s.Name)).toEqual(${tsLiteral(expectedStageNames(plan), '  ')});`,
    `});`,
    '',
    `test('the source stage reads from ${sourceProvider}', () => {`,
    `  expect(stage('Source').Actions.map((a) => a.ActionTypeId.Provider)).toEqual([${tsString(sourceProvider)}]);`,
    `});`,
    '',
    `test('the pipeline type is ${answers.options.pipelineTypeV2 ? 'V2' : 'V1'}', () => {`,
    `  template.hasResourceProperties('AWS::CodePipeline::Pipeline', { PipelineType: ${tsString(answers.options.pipelineTypeV2 ? 'V2' : 'V1')} });`,
    `});`,
    '',
    `// Each deployment stage deploys through the CDK bootstrap deploy role of its target environment.`,
    `test.each<[string, { account: string; region: string }[]]>([`,
    ...deployChecks,
    `])('%s deploys to its environments', (name, targets) => {`,
    `  const deploys = stage(name).Actions.filter((a) => a.ActionTypeId.Category === 'Deploy');`,
    `  for (const target of targets) {`,
    `    const role = \`:\${target.account}:role/cdk-hnb659fds-deploy-role-\${target.account}-\${target.region}\`;`,
    `    const here = deploys.filter((a) => JSON.stringify(a.RoleArn).includes(role));`,
    `    expect(here.length).toBeGreaterThan(0);`,
    `    for (const action of here) expect(action.Region ?? PIPELINE_ENV.region).toBe(target.region);`,
    `  }`,
    `});`,
  ];
  if (approvals.length > 0) {
    lines.push('', `test.each(${tsLiteral(approvals.map((a) => [a.stage, a.id]), '')})('%s waits for manual approval %s', (name, id) => {`,
      `  const [first] = stage(name).Actions;`,
      `  expect(first).toMatchObject({ Name: id, ActionTypeId: { Category: 'Approval', Provider: 'Manual' } });`,
      `});`);
  }
  if (plan.unitTests) {
    lines.push('', `test('unit tests run in CodeBuild and publish a JUnit report', () => {`,
      `  expect(stage(${tsString(plan.unitTests.wave)}).Actions.map((a) => a.Name)).toEqual([${tsString(plan.unitTests.stepId)}]);`,
      `  const projects = Object.values(template.findResources('AWS::CodeBuild::Project'));`,
      `  const specs = projects.map((p) => JSON.parse(p.Properties.Source.BuildSpec));`,
      `  expect(specs.some((s) => s.reports?.[${tsString(plan.unitTests.reportGroup)}]?.['file-format'] === 'JUNITXML')).toBe(true);`,
      `});`);
  }
  if (answers.options.crossAccountKeys) {
    lines.push('', `test('the artifact bucket is encrypted with a rotating KMS key', () => {`,
      `  template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });`,
      `});`);
  }
  if (nag) {
    lines.push('', `test('cdk-nag reports no unacknowledged AWS Solutions errors', () => {`,
      `  expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);`,
      `});`);
  }
  lines.push('');
  return lines.join('\n');
}

function appStageTestTs(plan: PipelinePlan): string {
  const nag = plan.answers.options.cdkNag;
  const first = plan.deployments.flatMap(stagesOf)[0] ?? { account: plan.answers.pipeline.account, region: plan.answers.pipeline.region };
  return [
    `import * as cdk from 'aws-cdk-lib';`,
    `import { ${nag ? 'Annotations, Match, ' : ''}Template } from 'aws-cdk-lib/assertions';`,
    `import { AppStage } from '../lib/app-stage';`,
    '',
    `const app = new cdk.App();`,
    `const stage = new AppStage(app, 'Test', { env: { account: ${tsString(first.account)}, region: ${tsString(first.region)} } });`,
    `const template = Template.fromStack(stage.service);`,
    '',
    `test('the queue sends failed messages to a dead-letter queue', () => {`,
    `  template.resourceCountIs('AWS::SQS::Queue', 2);`,
    `  template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: { maxReceiveCount: 3 } });`,
    `});`,
    '',
    `test('a Lambda function drains the queue', () => {`,
    `  template.hasResourceProperties('AWS::Lambda::Function', { Runtime: ${tsString(SAMPLE_LAMBDA_RUNTIME.id)}, Handler: 'index.handler' });`,
    `  template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);`,
    `});`,
    ...(nag ? ['', `test('cdk-nag reports no unacknowledged AWS Solutions errors', () => {`,
      `  expect(Annotations.fromStack(stage.service).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);`,
      `});`] : []),
    '',
  ].join('\n');
}

export function typescriptFiles(plan: PipelinePlan): Record<string, string> {
  return {
    'package.json': packageJson(plan),
    'tsconfig.json': tsconfig(),
    'jest.config.js': JEST_CONFIG,
    'cdk.json': cdkJson('npx tsx bin/app.ts', ['README.md', 'cdk*.json', '**/*.d.ts', 'tsconfig.json', 'package*.json', 'yarn.lock', 'pnpm-lock.yaml', 'node_modules', 'test']),
    'bin/app.ts': appTs(plan),
    'lib/pipeline-stack.ts': pipelineStackTs(plan),
    'lib/app-stage.ts': appStageTs(plan),
    'lib/service-stack.ts': serviceStackTs(plan),
    'lambda/index.js': LAMBDA_HANDLER,
    'test/pipeline-stack.test.ts': pipelineTestTs(plan),
    'test/app-stage.test.ts': appStageTestTs(plan),
    '.gitignore': gitignore('typescript'),
  };
}
