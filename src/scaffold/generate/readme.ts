// README.md of a generated project: what the pipeline does, how to bootstrap every environment and
// how to get the first deployment going.
import type { SourceAnswer } from '../answers';
import type { BootstrapTarget, PipelinePlan } from './plan';
import { VERSIONS } from './versions';

export const EXECUTION_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** `cdk bootstrap` for one environment; target environments trust the pipeline account. */
export function bootstrapCommand(cdk: string, target: BootstrapTarget, pipelineAccount: string): string {
  return [
    `${cdk} bootstrap aws://${target.account}/${target.region}`,
    ...(target.trust ? [`--trust ${pipelineAccount}`] : []),
    `--cloudformation-execution-policies ${EXECUTION_POLICY}`,
  ].join(' \\\n    ');
}

function sourceSteps(source: SourceAnswer, region: string): string[] {
  switch (source.kind) {
    case 'codecommit':
      return [
        `The pipeline reads branch \`${source.branch}\` of the CodeCommit repository \`${source.repository}\` in ${region} (the pipeline's region). Create it if it does not exist yet and push this project:`,
        '',
        '```sh',
        `aws codecommit create-repository --repository-name ${source.repository} --region ${region}`,
        `git init -b ${source.branch} && git add -A && git commit -m "CDK pipeline"`,
        `git remote add origin codecommit::${region}://${source.repository}   # needs git-remote-codecommit`,
        `git push -u origin ${source.branch}`,
        '```',
      ];
    case 'connection':
      return [
        `The pipeline reads branch \`${source.branch}\` of \`${source.repository}\` on ${source.provider} through the connection`,
        `\`${source.connectionArn}\`. A new connection starts as PENDING: finish the handshake in the console`,
        '(Developer Tools → Settings → Connections → Update pending connection) until it is AVAILABLE, then push this project:',
        '',
        '```sh',
        `git init -b ${source.branch} && git add -A && git commit -m "CDK pipeline"`,
        `git remote add origin <the ${source.provider} clone URL of ${source.repository}>`,
        `git push -u origin ${source.branch}`,
        '```',
      ];
    case 's3':
      return [
        `The pipeline starts from the archive \`s3://${source.bucket}/${source.objectKey}\`. CodePipeline needs versioning on that bucket; upload a zip of this project:`,
        '',
        '```sh',
        `aws s3api put-bucket-versioning --bucket ${source.bucket} --versioning-configuration Status=Enabled`,
        `git init -b main && git add -A && git commit -m "CDK pipeline"`,
        `git archive --format=zip -o source.zip HEAD`,
        `aws s3 cp source.zip s3://${source.bucket}/${source.objectKey}`,
        '```',
      ];
  }
}

function describeSource(source: SourceAnswer): string {
  switch (source.kind) {
    case 'codecommit': return `CodeCommit repository \`${source.repository}\`, branch \`${source.branch}\``;
    case 'connection': return `${source.provider} repository \`${source.repository}\`, branch \`${source.branch}\` (CodeConnections)`;
    case 's3': return `S3 object \`s3://${source.bucket}/${source.objectKey}\``;
  }
}

function pipelineOutline(plan: PipelinePlan): string[] {
  const o = plan.answers.options;
  const lines = [
    `1. **Source**: ${describeSource(plan.source)}.`,
    `2. **Build**: the \`Synth\` step runs ${plan.synth.commands.map((c) => `\`${c}\``).join(', ')}${o.dockerEnabledForSynth ? ' (with Docker available)' : ''}.`,
  ];
  let n = 3;
  if (o.selfMutation) lines.push(`${n++}. **UpdatePipeline**: the pipeline updates itself when its definition changed (self-mutation).`);
  lines.push(`${n++}. **Assets**: publishes file assets (the sample Lambda code) to every target environment.`);
  if (plan.unitTests) lines.push(`${n++}. **${plan.unitTests.wave}**: \`${plan.unitTests.commands.join(' && ')}\` in CodeBuild, with a JUnit test report.`);
  for (const d of plan.deployments) {
    if (d.kind === 'stage') {
      const s = d.stage;
      lines.push(`${n++}. **${s.name}**: ${s.approvalId ? 'manual approval, then ' : ''}deploys to account ${s.account}, ${s.region}.`);
    } else {
      const targets = d.stages.map((s) => `${s.name} (${s.account}, ${s.region})`).join(', ');
      lines.push(`${n++}. **${d.name}** (wave): ${d.approvalId ? 'manual approval, then ' : ''}deploys in parallel to ${targets}.`);
    }
  }
  return lines;
}

export function readme(plan: PipelinePlan): string {
  const { answers } = plan;
  const py = answers.language === 'python';
  const cdk = py ? 'cdk' : 'npx cdk';
  const p = answers.pipeline;
  const o = answers.options;
  const test = py ? 'python -m pytest' : `${answers.packageManager === 'npm' ? 'npm' : answers.packageManager} test`;
  const bootstrap = plan.bootstrap.map((t) => [
    `# ${t.account} / ${t.region}: ${t.roles.join(', ')} — with credentials for account ${t.account}`,
    bootstrapCommand(cdk, t, p.account),
  ].join('\n'));
  return [
    `# ${answers.projectName}`,
    '',
    `A [CDK Pipelines](https://docs.aws.amazon.com/cdk/v2/guide/cdk_pipeline.html) project (${py ? 'Python' : 'TypeScript'}, aws-cdk-lib ${VERSIONS.awsCdkLib}).`,
    `The pipeline \`${plan.pipelineName}\` runs in account ${p.account}, ${p.region}${o.crossAccountKeys ? ', with a KMS-encrypted artifact bucket for cross-account deployments' : ''}.`,
    '',
    '## The pipeline',
    '',
    ...pipelineOutline(plan),
    '',
    ...(plan.crossRegionRegions.length ? [
      `Stages outside ${p.region} get a cross-region support stack (artifact replication bucket) in the pipeline account in ${plan.crossRegionRegions.join(', ')}.`,
      '',
    ] : []),
    '## Layout',
    '',
    ...(py ? [
      '- `app.py`: the CDK app; creates the pipeline stack.',
      `- \`${plan.pythonModule}/pipeline_stack.py\`: the pipeline: source, synth, stages, approvals.`,
      `- \`${plan.pythonModule}/app_stage.py\`: the application \`Stage\` deployed to each environment.`,
      `- \`${plan.pythonModule}/service_stack.py\`: a sample service (SQS queue + Lambda). Replace it with yours.`,
      '- `tests/`: pytest tests that synthesize the pipeline and check its shape.',
    ] : [
      '- `bin/app.ts`: the CDK app; creates the pipeline stack.',
      '- `lib/pipeline-stack.ts`: the pipeline: source, synth, stages, approvals.',
      '- `lib/app-stage.ts`: the application `Stage` deployed to each environment.',
      '- `lib/service-stack.ts`: a sample service (SQS queue + Lambda). Replace it with yours.',
      '- `test/`: jest tests that synthesize the pipeline and check its shape.',
    ]),
    '- `lambda/`: the sample function code.',
    ...(o.cdkNag ? ['', 'cdk-nag\'s AWS Solutions checks run on every synth; the findings CDK Pipelines itself causes are acknowledged with reasons next to the code.'] : []),
    '',
    '## First deployment',
    '',
    `### 1. Install and test`,
    '',
    '```sh',
    ...(py ? [
      `npm install -g aws-cdk@${VERSIONS.awsCdkCli}`,
      plan.installCommand,
    ] : [plan.installCommand]),
    test,
    '```',
    '',
    ...(py ? [] : [`Commit the lock file: the pipeline installs with \`${plan.synth.commands[0] ?? 'npm ci'}\`.`, '']),
    '### 2. Push the source',
    '',
    ...sourceSteps(answers.source, p.region),
    '',
    '### 3. Bootstrap every environment',
    '',
    'Each account/region the pipeline touches needs the CDK bootstrap stack. Target environments trust the',
    `pipeline account (\`--trust ${p.account}\`) so it can deploy there, and \`--cloudformation-execution-policies\``,
    'sets what CloudFormation may do in them (AdministratorAccess here; narrow it to what your stacks need).',
    'Run each command with credentials for the account it names (e.g. add `--profile <name>`).',
    '',
    '```sh',
    bootstrap.join('\n\n'),
    '```',
    '',
    '### 4. Deploy the pipeline once',
    '',
    '```sh',
    `${cdk} deploy ${plan.stackId}   # with credentials for account ${p.account}`,
    '```',
    '',
    o.selfMutation
      ? 'From now on every push runs the pipeline, and the pipeline updates itself when this code changes.'
      : `Self-mutation is off: after changing the pipeline itself, run \`${cdk} deploy ${plan.stackId}\` again.`,
    '',
    '## Useful commands',
    '',
    `- \`${test}\`: synthesize the pipeline and run the tests`,
    `- \`${cdk} synth\`: emit the CloudFormation templates into \`cdk.out/\``,
    `- \`${cdk} diff\`: compare the pipeline stack with what is deployed`,
    '',
  ].join('\n');
}
