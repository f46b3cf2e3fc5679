// Every file of a generated Python project except the README: the twin of typescript.ts, rendered
// from the same plan with the jsii Python names (snake_case members, keyword-argument props).
import type { SourceAnswer } from '../answers';
import { pyLiteral, pyString } from './literals';
import { LAMBDA_BASIC_ROLE_FINDING, NAG_REASONS } from './nag';
import { snakeCase, type DeploymentPlan, type PipelinePlan, type StagePlan } from './plan';
import { LAMBDA_HANDLER, gitignore } from './shared';
import { cdkJson, expectedStageNames } from './typescript';
import { SAMPLE_LAMBDA_RUNTIME, VERSIONS } from './versions';

const I2 = '        ';

function sourceExpression(source: SourceAnswer): string {
  switch (source.kind) {
    case 'codecommit':
      return `pipelines.CodePipelineSource.code_commit(\n`
        + `${I2}    codecommit.Repository.from_repository_name(self, "Repository", ${pyString(source.repository)}),\n`
        + `${I2}    ${pyString(source.branch)},\n${I2})`;
    case 'connection':
      return `pipelines.CodePipelineSource.connection(\n`
        + `${I2}    ${pyString(source.repository)},\n${I2}    ${pyString(source.branch)},\n`
        + `${I2}    # ${source.provider} through AWS CodeConnections; the connection must be AVAILABLE (approved in the console).\n`
        + `${I2}    connection_arn=${pyString(source.connectionArn)},\n${I2})`;
    case 's3':
      return `pipelines.CodePipelineSource.s3(\n`
        + `${I2}    s3.Bucket.from_bucket_name(self, "SourceBucket", ${pyString(source.bucket)}),\n`
        + `${I2}    ${pyString(source.objectKey)},\n${I2})`;
  }
}

function stageExpression(stage: StagePlan): string {
  return `AppStage(self, ${pyString(stage.name)}, env=cdk.Environment(account=${pyString(stage.account)}, region=${pyString(stage.region)}))`;
}

function approval(id: string): string {
  return `pipelines.ManualApprovalStep(${pyString(id)})`;
}

export function waveVariablePy(name: string): string {
  return `${snakeCase(name)}_wave`;
}

function deployment(d: DeploymentPlan): string {
  if (d.kind === 'stage') {
    return d.stage.approvalId
      ? `${I2}pipeline.add_stage(\n${I2}    ${stageExpression(d.stage)},\n${I2}    pre=[${approval(d.stage.approvalId)}],\n${I2})`
      : `${I2}pipeline.add_stage(${stageExpression(d.stage)})`;
  }
  const v = waveVariablePy(d.name);
  const lines = [`${I2}# Stages of a wave deploy in parallel.`];
  lines.push(d.approvalId
    ? `${I2}${v} = pipeline.add_wave(${pyString(d.name)}, pre=[${approval(d.approvalId)}])`
    : `${I2}${v} = pipeline.add_wave(${pyString(d.name)})`);
  for (const stage of d.stages) lines.push(`${I2}${v}.add_stage(${stageExpression(stage)})`);
  return lines.join('\n');
}

function unitTests(plan: PipelinePlan): string[] {
  const u = plan.unitTests;
  if (!u) return [];
  const ind = `${I2}            `;
  const buildSpec = { reports: { [u.reportGroup]: { files: u.reportFiles, 'base-directory': u.reportBaseDirectory, 'file-format': 'JUNITXML' } } };
  return [
    `${I2}# Unit tests run before any stage deploys.`,
    `${I2}pipeline.add_wave(`,
    `${I2}    ${pyString(u.wave)},`,
    `${I2}    pre=[`,
    `${I2}        pipelines.CodeBuildStep(`,
    `${ind}${pyString(u.stepId)},`,
    `${ind}input=source,`,
    ...(u.installCommands.length ? [`${ind}install_commands=${pyLiteral(u.installCommands, ind)},`] : []),
    `${ind}commands=${pyLiteral(u.commands, ind)},`,
    ...(Object.keys(u.env).length ? [`${ind}env=${pyLiteral(u.env, ind)},`] : []),
    `${ind}# CodeBuild turns the JUnit file into a test report.`,
    `${ind}partial_build_spec=codebuild.BuildSpec.from_object(${pyLiteral(buildSpec, ind)}),`,
    `${I2}        ),`,
    `${I2}    ],`,
    `${I2})`,
    '',
  ];
}

function pipelineStackPy(plan: PipelinePlan): string {
  const { answers } = plan;
  const o = answers.options;
  const imports = [
    `import aws_cdk as cdk`,
    `from aws_cdk import (`,
    ...(plan.unitTests ? [`    aws_codebuild as codebuild,`] : []),
    ...(answers.source.kind === 'codecommit' ? [`    aws_codecommit as codecommit,`] : []),
    `    aws_codepipeline as codepipeline,`,
    ...(answers.source.kind === 's3' ? [`    aws_s3 as s3,`] : []),
    `    pipelines,`,
    `)`,
    ...(o.cdkNag ? [`from cdk_nag import NagPackSuppression, NagSuppressions`] : []),
    `from constructs import Construct`,
    '',
    `from .app_stage import AppStage`,
  ];
  const ind = `${I2}    `;
  const synthArgs = [
    `${I2}        input=source,`,
    ...(plan.synth.installCommands.length ? [`${I2}        install_commands=${pyLiteral(plan.synth.installCommands, `${I2}        `)},`] : []),
    `${I2}        commands=${pyLiteral(plan.synth.commands, `${I2}        `)},`,
  ];
  const body = [
    `${I2}source = ${sourceExpression(answers.source)}`,
    '',
    `${I2}pipeline = pipelines.CodePipeline(`,
    `${ind}self,`,
    `${ind}"Pipeline",`,
    `${ind}pipeline_name=${pyString(plan.pipelineName)},`,
    `${ind}pipeline_type=codepipeline.PipelineType.${o.pipelineTypeV2 ? 'V2' : 'V1'},`,
    `${ind}# Self-mutation: the pipeline updates itself first when this code changes.`,
    `${ind}self_mutation=${o.selfMutation ? 'True' : 'False'},`,
    `${ind}# A customer-managed KMS key on the artifact bucket, required for cross-account deployments.`,
    `${ind}cross_account_keys=${o.crossAccountKeys ? 'True' : 'False'},`,
    ...(o.crossAccountKeys ? [`${ind}enable_key_rotation=True,`] : []),
    `${ind}docker_enabled_for_synth=${o.dockerEnabledForSynth ? 'True' : 'False'},`,
    `${ind}synth=pipelines.ShellStep(`,
    `${I2}        "Synth",`,
    ...synthArgs,
    `${ind}),`,
    `${I2})`,
    '',
    ...unitTests(plan),
    plan.deployments.map(deployment).join('\n\n'),
  ];
  if (o.cdkNag) {
    body.push('',
      `${I2}# Build the pipeline now rather than at synth time, so cdk-nag findings on the resources`,
      `${I2}# CDK Pipelines generates can be acknowledged with reasons.`,
      `${I2}pipeline.build_pipeline()`,
      `${I2}NagSuppressions.add_stack_suppressions(`,
      `${ind}self,`,
      `${ind}[`,
      `${ind}    NagPackSuppression(id="AwsSolutions-IAM5", reason=${pyString(NAG_REASONS.iam5)}),`,
      `${ind}    NagPackSuppression(id="AwsSolutions-S1", reason=${pyString(NAG_REASONS.artifactBucketLogs)}),`,
      `${ind}],`,
      `${I2})`,
      `${I2}for support in pipeline.pipeline.cross_region_support.values():`,
      `${ind}NagSuppressions.add_stack_suppressions(`,
      `${ind}    support.stack,`,
      `${ind}    [NagPackSuppression(id="AwsSolutions-S1", reason=${pyString(NAG_REASONS.replicationBucketLogs)})],`,
      `${ind})`);
  }
  return [
    ...imports,
    '',
    '',
    `class PipelineStack(cdk.Stack):`,
    `    """The CDK Pipelines pipeline: source, synth${plan.unitTests ? ', unit tests' : ''} and one application stage per environment."""`,
    '',
    `    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:`,
    `        super().__init__(scope, construct_id, **kwargs)`,
    '',
    ...body.filter((line, i, all) => !(line === '' && all[i - 1] === '')),
    '',
  ].join('\n');
}

function appPy(plan: PipelinePlan): string {
  const p = plan.answers.pipeline;
  const nag = plan.answers.options.cdkNag;
  return [
    `#!/usr/bin/env python3`,
    `import aws_cdk as cdk`,
    ...(nag ? [`from cdk_nag import AwsSolutionsChecks`] : []),
    '',
    `from ${plan.pythonModule}.pipeline_stack import PipelineStack`,
    '',
    `app = cdk.App()`,
    '',
    `# The pipeline lives in its own account and region; deploy it once with \`cdk deploy\`,`,
    `# after that it deploys itself (and the application stages) on every push.`,
    `PipelineStack(`,
    `    app,`,
    `    ${pyString(plan.stackId)},`,
    `    env=cdk.Environment(account=${pyString(p.account)}, region=${pyString(p.region)}),`,
    `)`,
    ...(nag ? ['', `# AWS Solutions checks (cdk-nag) on the pipeline; app_stage.py adds them to each application stage.`,
      `cdk.Aspects.of(app).add(AwsSolutionsChecks(verbose=True))`] : []),
    '',
    `app.synth()`,
    '',
  ].join('\n');
}

function appStagePy(plan: PipelinePlan): string {
  const nag = plan.answers.options.cdkNag;
  return [
    `import aws_cdk as cdk`,
    ...(nag ? [`from cdk_nag import AwsSolutionsChecks`] : []),
    `from constructs import Construct`,
    '',
    `from .service_stack import ServiceStack`,
    '',
    '',
    `class AppStage(cdk.Stage):`,
    `    """The application as one deployable unit: the pipeline deploys one AppStage per environment."""`,
    '',
    `    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:`,
    `        super().__init__(scope, construct_id, **kwargs)`,
    `        self.service = ServiceStack(self, "Service")`,
    ...(nag ? [`        # Aspects do not cross Stage boundaries, so every stage runs the checks on its own stacks.`,
      `        cdk.Aspects.of(self).add(AwsSolutionsChecks(verbose=True))`] : []),
    '',
  ].join('\n');
}

function serviceStackPy(plan: PipelinePlan): string {
  const nag = plan.answers.options.cdkNag;
  return [
    `import os`,
    '',
    `import aws_cdk as cdk`,
    `from aws_cdk import aws_lambda as lambda_`,
    `from aws_cdk import aws_lambda_event_sources as event_sources`,
    `from aws_cdk import aws_sqs as sqs`,
    ...(nag ? [`from cdk_nag import NagPackSuppression, NagSuppressions`] : []),
    `from constructs import Construct`,
    '',
    '',
    `class ServiceStack(cdk.Stack):`,
    `    """A small sample service: a queue with a dead-letter queue, drained by a Lambda function. Replace with your own."""`,
    '',
    `    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:`,
    `        super().__init__(scope, construct_id, **kwargs)`,
    '',
    `        dead_letters = sqs.Queue(`,
    `            self,`,
    `            "DeadLetters",`,
    `            enforce_ssl=True,`,
    `            retention_period=cdk.Duration.days(14),`,
    `        )`,
    `        self.queue = sqs.Queue(`,
    `            self,`,
    `            "Work",`,
    `            enforce_ssl=True,`,
    `            visibility_timeout=cdk.Duration.seconds(60),`,
    `            dead_letter_queue=sqs.DeadLetterQueue(queue=dead_letters, max_receive_count=3),`,
    `        )`,
    '',
    `        worker = lambda_.Function(`,
    `            self,`,
    `            "Worker",`,
    `            runtime=lambda_.Runtime.${SAMPLE_LAMBDA_RUNTIME.ts},`,
    `            handler="index.handler",`,
    `            code=lambda_.Code.from_asset(os.path.join(os.path.dirname(__file__), "..", "lambda")),`,
    `            timeout=cdk.Duration.seconds(30),`,
    `        )`,
    `        worker.add_event_source(`,
    `            event_sources.SqsEventSource(self.queue, batch_size=10, report_batch_item_failures=True)`,
    `        )`,
    ...(nag ? [
      `        NagSuppressions.add_resource_suppressions(`,
      `            worker,`,
      `            [`,
      `                NagPackSuppression(`,
      `                    id="AwsSolutions-IAM4",`,
      `                    reason=${pyString(NAG_REASONS.lambdaBasicRole)},`,
      `                    applies_to=[${pyString(LAMBDA_BASIC_ROLE_FINDING)}],`,
      `                )`,
      `            ],`,
      `            True,`,
      `        )`,
    ] : []),
    '',
    `        cdk.CfnOutput(self, "QueueUrl", value=self.queue.queue_url)`,
    '',
  ].join('\n');
}

function stagesOf(d: DeploymentPlan): StagePlan[] {
  return d.kind === 'stage' ? [d.stage] : d.stages;
}

function pipelineTestPy(plan: PipelinePlan): string {
  const { answers } = plan;
  const p = answers.pipeline;
  const nag = answers.options.cdkNag;
  const approvals = plan.deployments.flatMap((d) => {
    const id = d.kind === 'stage' ? d.stage.approvalId : d.approvalId;
    return id ? [[d.kind === 'stage' ? d.stage.name : d.name, id]] : [];
  });
  const deployTargets = plan.deployments.map((d) => {
    const name = d.kind === 'stage' ? d.stage.name : d.name;
    return `    (${pyString(name)}, [${stagesOf(d).map((s) => `(${pyString(s.account)}, ${pyString(s.region)})`).join(', ')}]),`;
  });
  const sourceProvider = answers.source.kind === 'codecommit' ? 'CodeCommit' : answers.source.kind === 's3' ? 'S3' : 'CodeStarSourceConnection';
  const lines = [
    `import json`,
    '',
    `import aws_cdk as cdk`,
    `import pytest`,
    `from aws_cdk import assertions`,
    ...(nag ? [`from cdk_nag import AwsSolutionsChecks`] : []),
    '',
    `from ${plan.pythonModule}.pipeline_stack import PipelineStack`,
    '',
    `PIPELINE_ACCOUNT = ${pyString(p.account)}`,
    `PIPELINE_REGION = ${pyString(p.region)}`,
    '',
    '',
    `@pytest.fixture(scope="module")`,
    `def synthesized():`,
    `    app = cdk.App()`,
    `    stack = PipelineStack(`,
    `        app, "TestPipelineStack", env=cdk.Environment(account=PIPELINE_ACCOUNT, region=PIPELINE_REGION)`,
    `    )`,
    ...(nag ? [`    cdk.Aspects.of(app).add(AwsSolutionsChecks())`] : []),
    `    return stack, assertions.Template.from_stack(stack)`,
    '',
    '',
    `def stages(template):`,
    `    pipelines = list(template.find_resources("AWS::CodePipeline::Pipeline").values())`,
    `    assert len(pipelines) == 1`,
    `    return pipelines[0]["Properties"]["Stages"]`,
    '',
    '',
    `def stage(template, name):`,
    `    return next(s for s in stages(template) if s["Name"] == name)`,
    '',
    '',
    `def test_the_pipeline_runs_its_stages_in_order(synthesized):`,
    `    _, template = synthesized`,
    `    assert [s["Name"] for s in stages(template)] == ${pyLiteral(expectedStageNames(plan), '    ')}`,
    '',
    '',
    `def test_the_source_stage_reads_from_${snakeCase(sourceProvider)}(synthesized):`,
    `    _, template = synthesized`,
    `    assert [a["ActionTypeId"]["Provider"] for a in stage(template, "Source")["Actions"]] == [${pyString(sourceProvider)}]`,
    '',
    '',
    `def test_the_pipeline_type(synthesized):`,
    `    _, template = synthesized`,
    `    template.has_resource_properties("AWS::CodePipeline::Pipeline", {"PipelineType": ${pyString(answers.options.pipelineTypeV2 ? 'V2' : 'V1')}})`,
    '',
    '',
    `# Each deployment stage deploys through the CDK bootstrap deploy role of its target environment.`,
    `@pytest.mark.parametrize(`,
    `    "name,targets",`,
    `    [`,
    ...deployTargets.map((l) => `    ${l}`),
    `    ],`,
    `)`,
    `def test_stage_deploys_to_its_environments(synthesized, name, targets):`,
    `    _, template = synthesized`,
    `    deploys = [a for a in stage(template, name)["Actions"] if a["ActionTypeId"]["Category"] == "Deploy"]`,
    `    for account, region in targets:`,
    `        role = f":{account}:role/cdk-hnb659fds-deploy-role-{account}-{region}"`,
    `        here = [a for a in deploys if role in json.dumps(a.get("RoleArn"))]`,
    `        assert here`,
    `        for action in here:`,
    `            assert action.get("Region", PIPELINE_REGION) == region`,
  ];
  if (approvals.length > 0) {
    lines.push('', '', `@pytest.mark.parametrize("name,approval", ${pyLiteral(approvals, '')})`,
      `def test_manual_approval_comes_first(synthesized, name, approval):`,
      `    _, template = synthesized`,
      `    first = stage(template, name)["Actions"][0]`,
      `    assert first["Name"] == approval`,
      `    assert first["ActionTypeId"]["Category"] == "Approval"`);
  }
  if (plan.unitTests) {
    lines.push('', '', `def test_unit_tests_publish_a_junit_report(synthesized):`,
      `    _, template = synthesized`,
      `    assert [a["Name"] for a in stage(template, ${pyString(plan.unitTests.wave)})["Actions"]] == [${pyString(plan.unitTests.stepId)}]`,
      `    projects = template.find_resources("AWS::CodeBuild::Project").values()`,
      `    specs = [json.loads(p["Properties"]["Source"]["BuildSpec"]) for p in projects]`,
      `    assert any(`,
      `        s.get("reports", {}).get(${pyString(plan.unitTests.reportGroup)}, {}).get("file-format") == "JUNITXML" for s in specs`,
      `    )`);
  }
  if (answers.options.crossAccountKeys) {
    lines.push('', '', `def test_the_artifact_bucket_key_rotates(synthesized):`,
      `    _, template = synthesized`,
      `    template.has_resource_properties("AWS::KMS::Key", {"EnableKeyRotation": True})`);
  }
  if (nag) {
    lines.push('', '', `def test_cdk_nag_reports_no_unacknowledged_errors(synthesized):`,
      `    stack, _ = synthesized`,
      `    errors = assertions.Annotations.from_stack(stack).find_error(`,
      `        "*", assertions.Match.string_like_regexp("AwsSolutions-.*")`,
      `    )`,
      `    assert errors == []`);
  }
  lines.push('');
  return lines.join('\n');
}

function appStageTestPy(plan: PipelinePlan): string {
  const nag = plan.answers.options.cdkNag;
  const first = plan.deployments.flatMap(stagesOf)[0] ?? plan.answers.pipeline;
  return [
    `import aws_cdk as cdk`,
    `from aws_cdk import assertions`,
    '',
    `from ${plan.pythonModule}.app_stage import AppStage`,
    '',
    '',
    `def service_template():`,
    `    app = cdk.App()`,
    `    stage = AppStage(app, "Test", env=cdk.Environment(account=${pyString(first.account)}, region=${pyString(first.region)}))`,
    `    return stage, assertions.Template.from_stack(stage.service)`,
    '',
    '',
    `def test_the_queue_sends_failed_messages_to_a_dead_letter_queue():`,
    `    _, template = service_template()`,
    `    template.resource_count_is("AWS::SQS::Queue", 2)`,
    `    template.has_resource_properties("AWS::SQS::Queue", {"RedrivePolicy": {"maxReceiveCount": 3}})`,
    '',
    '',
    `def test_a_lambda_function_drains_the_queue():`,
    `    _, template = service_template()`,
    `    template.has_resource_properties(`,
    `        "AWS::Lambda::Function", {"Runtime": ${pyString(SAMPLE_LAMBDA_RUNTIME.id)}, "Handler": "index.handler"}`,
    `    )`,
    `    template.resource_count_is("AWS::Lambda::EventSourceMapping", 1)`,
    ...(nag ? ['', '', `def test_cdk_nag_reports_no_unacknowledged_errors():`,
      `    stage, _ = service_template()`,
      `    errors = assertions.Annotations.from_stack(stage.service).find_error(`,
      `        "*", assertions.Match.string_like_regexp("AwsSolutions-.*")`,
      `    )`,
      `    assert errors == []`] : []),
    '',
  ].join('\n');
}

function requirements(plan: PipelinePlan): string {
  return [
    `aws-cdk-lib==${VERSIONS.awsCdkLib}`,
    `constructs>=${VERSIONS.constructs},<11.0.0`,
    ...(plan.answers.options.cdkNag ? [`cdk-nag==${VERSIONS.cdkNag}`] : []),
    '',
  ].join('\n');
}

export function pythonFiles(plan: PipelinePlan): Record<string, string> {
  const m = plan.pythonModule;
  return {
    'app.py': appPy(plan),
    'cdk.json': cdkJson('python3 app.py', ['README.md', 'cdk*.json', 'requirements*.txt', '**/__init__.py', '**/__pycache__', 'tests']),
    'requirements.txt': requirements(plan),
    'requirements-dev.txt': `pytest==${VERSIONS.pytest}\n`,
    [`${m}/__init__.py`]: '',
    [`${m}/pipeline_stack.py`]: pipelineStackPy(plan),
    [`${m}/app_stage.py`]: appStagePy(plan),
    [`${m}/service_stack.py`]: serviceStackPy(plan),
    'lambda/index.js': LAMBDA_HANDLER,
    'tests/__init__.py': '',
    'tests/test_pipeline_stack.py': pipelineTestPy(plan),
    'tests/test_app_stage.py': appStageTestPy(plan),
    '.gitignore': gitignore('python'),
  };
}
