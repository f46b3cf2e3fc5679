// lib/pipeline-stack.ts of a generated TypeScript project.
import type { SourceAnswer } from '../answers';
import { tsLiteral, tsString } from './literals';
import type { DeploymentPlan, PipelinePlan, StagePlan } from './plan';
import { NAG_REASONS } from './nag';

function sourceExpression(source: SourceAnswer): string {
  switch (source.kind) {
    case 'codecommit':
      return `pipelines.CodePipelineSource.codeCommit(\n`
        + `      codecommit.Repository.fromRepositoryName(this, 'Repository', ${tsString(source.repository)}),\n`
        + `      ${tsString(source.branch)},\n    )`;
    case 'connection':
      return `pipelines.CodePipelineSource.connection(${tsString(source.repository)}, ${tsString(source.branch)}, {\n`
        + `      // ${source.provider} through AWS CodeConnections; the connection must be AVAILABLE (approved in the console).\n`
        + `      connectionArn: ${tsString(source.connectionArn)},\n    })`;
    case 's3':
      return `pipelines.CodePipelineSource.s3(\n`
        + `      s3.Bucket.fromBucketName(this, 'SourceBucket', ${tsString(source.bucket)}),\n`
        + `      ${tsString(source.objectKey)},\n    )`;
  }
}

function stageExpression(stage: StagePlan, indent: string): string {
  return `new AppStage(this, ${tsString(stage.name)}, {\n`
    + `${indent}  env: { account: ${tsString(stage.account)}, region: ${tsString(stage.region)} },\n`
    + `${indent}})`;
}

function approval(id: string): string {
  return `new pipelines.ManualApprovalStep(${tsString(id)})`;
}

export function waveVariable(name: string): string {
  const words = name.split('-').filter(Boolean);
  const camel = words.map((w, i) => (i === 0 ? w[0]?.toLowerCase() + w.slice(1) : w[0]?.toUpperCase() + w.slice(1))).join('');
  return `${camel}Wave`;
}

function deployment(d: DeploymentPlan): string {
  if (d.kind === 'stage') {
    const add = `    pipeline.addStage(${stageExpression(d.stage, '    ')}`;
    return d.stage.approvalId
      ? `${add}, {\n      pre: [${approval(d.stage.approvalId)}],\n    });`
      : `${add});`;
  }
  const v = waveVariable(d.name);
  const lines = [`    // Stages of a wave deploy in parallel.`];
  lines.push(d.approvalId
    ? `    const ${v} = pipeline.addWave(${tsString(d.name)}, {\n      pre: [${approval(d.approvalId)}],\n    });`
    : `    const ${v} = pipeline.addWave(${tsString(d.name)});`);
  for (const stage of d.stages) lines.push(`    ${v}.addStage(${stageExpression(stage, '    ')});`);
  return lines.join('\n');
}

function unitTests(plan: PipelinePlan): string {
  const u = plan.unitTests;
  if (!u) return '';
  const buildSpec = { reports: { [u.reportGroup]: { files: u.reportFiles, 'base-directory': u.reportBaseDirectory, 'file-format': 'JUNITXML' } } };
  const props = [
    `          input: source,`,
    ...(u.installCommands.length ? [`          installCommands: ${tsLiteral(u.installCommands, '          ')},`] : []),
    `          commands: ${tsLiteral(u.commands, '          ')},`,
    ...(Object.keys(u.env).length ? [`          env: ${tsLiteral(u.env, '          ')},`] : []),
    `          // CodeBuild turns the JUnit file into a test report.`,
    `          partialBuildSpec: codebuild.BuildSpec.fromObject(${tsLiteral(buildSpec, '          ')}),`,
  ];
  return [
    `    // Unit tests run before any stage deploys.`,
    `    pipeline.addWave(${tsString(u.wave)}, {`,
    `      pre: [`,
    `        new pipelines.CodeBuildStep(${tsString(u.stepId)}, {`,
    ...props,
    `        }),`,
    `      ],`,
    `    });`,
    '',
  ].join('\n');
}

function nagSuppressions(): string {
  return [
    `    // Build the pipeline now rather than at synth time, so cdk-nag findings on the resources`,
    `    // CDK Pipelines generates can be acknowledged with reasons.`,
    `    pipeline.buildPipeline();`,
    `    NagSuppressions.addStackSuppressions(this, [`,
    `      { id: 'AwsSolutions-IAM5', reason: ${tsString(NAG_REASONS.iam5)} },`,
    `      { id: 'AwsSolutions-S1', reason: ${tsString(NAG_REASONS.artifactBucketLogs)} },`,
    `    ]);`,
    `    for (const support of Object.values(pipeline.pipeline.crossRegionSupport)) {`,
    `      NagSuppressions.addStackSuppressions(support.stack, [`,
    `        { id: 'AwsSolutions-S1', reason: ${tsString(NAG_REASONS.replicationBucketLogs)} },`,
    `      ]);`,
    `    }`,
  ].join('\n');
}

export function pipelineStackTs(plan: PipelinePlan): string {
  const { answers } = plan;
  const o = answers.options;
  const imports = [
    `import * as cdk from 'aws-cdk-lib';`,
    ...(plan.unitTests ? [`import * as codebuild from 'aws-cdk-lib/aws-codebuild';`] : []),
    ...(answers.source.kind === 'codecommit' ? [`import * as codecommit from 'aws-cdk-lib/aws-codecommit';`] : []),
    `import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';`,
    ...(answers.source.kind === 's3' ? [`import * as s3 from 'aws-cdk-lib/aws-s3';`] : []),
    `import * as pipelines from 'aws-cdk-lib/pipelines';`,
    ...(o.cdkNag ? [`import { NagSuppressions } from 'cdk-nag';`] : []),
    `import { Construct } from 'constructs';`,
    `import { AppStage } from './app-stage';`,
  ];
  const synthProps = [
    `        input: source,`,
    ...(plan.synth.installCommands.length ? [`        installCommands: ${tsLiteral(plan.synth.installCommands, '        ')},`] : []),
    `        commands: ${tsLiteral(plan.synth.commands, '        ')},`,
  ];
  const pipelineProps = [
    `      pipelineName: ${tsString(plan.pipelineName)},`,
    `      pipelineType: codepipeline.PipelineType.${o.pipelineTypeV2 ? 'V2' : 'V1'},`,
    `      // Self-mutation: the pipeline updates itself first when this code changes.`,
    `      selfMutation: ${o.selfMutation},`,
    `      // A customer-managed KMS key on the artifact bucket, required for cross-account deployments.`,
    `      crossAccountKeys: ${o.crossAccountKeys},`,
    ...(o.crossAccountKeys ? [`      enableKeyRotation: true,`] : []),
    `      dockerEnabledForSynth: ${o.dockerEnabledForSynth},`,
    `      synth: new pipelines.ShellStep('Synth', {`,
    ...synthProps,
    `      }),`,
  ];
  const body = [
    `    const source = ${sourceExpression(answers.source)};`,
    '',
    `    const pipeline = new pipelines.CodePipeline(this, 'Pipeline', {`,
    ...pipelineProps,
    `    });`,
    '',
    unitTests(plan),
    plan.deployments.map(deployment).join('\n\n'),
    ...(o.cdkNag ? ['', nagSuppressions()] : []),
  ].filter((line, i, all) => !(line === '' && all[i - 1] === ''));
  return [
    ...imports,
    '',
    `/** The CDK Pipelines pipeline: source, synth${plan.unitTests ? ', unit tests' : ''} and one application stage per environment. */`,
    `export class PipelineStack extends cdk.Stack {`,
    `  constructor(scope: Construct, id: string, props: cdk.StackProps) {`,
    `    super(scope, id, props);`,
    '',
    ...body,
    `  }`,
    `}`,
    '',
  ].join('\n');
}
