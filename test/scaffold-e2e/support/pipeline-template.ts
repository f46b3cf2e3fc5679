// Checks a synthesized cloud assembly against the wizard answers: the CodePipeline's stages and
// actions, the CodeBuild projects behind them, and the cross-region support stacks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allStages, type ProjectAnswers } from '../../../src/scaffold/answers';

interface Resource { Type: string; Properties?: Record<string, unknown> }
interface Template { Resources: Record<string, Resource> }
interface Action { Name: string; ActionTypeId: { Category: string; Provider: string }; Configuration?: Record<string, unknown>; Region?: string; RoleArn?: unknown; RunOrder?: number }
interface Stage { Name: string; Actions: Action[] }

export interface Assembly {
  stacks: string[];
  template(stackId: string): Template;
}

export function readAssembly(cdkOut: string): Assembly {
  const manifest = JSON.parse(fs.readFileSync(path.join(cdkOut, 'manifest.json'), 'utf8')) as {
    artifacts: Record<string, { type: string; properties?: { templateFile?: string } }>;
  };
  const stacks = Object.entries(manifest.artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack');
  return {
    stacks: stacks.map(([id]) => id),
    template(stackId) {
      const file = stacks.find(([id]) => id === stackId)?.[1].properties?.templateFile;
      assert.ok(file, `no stack ${stackId} in ${cdkOut}`);
      return JSON.parse(fs.readFileSync(path.join(cdkOut, file), 'utf8')) as Template;
    },
  };
}

function buildSpecOf(template: Template, action: Action): Record<string, unknown> {
  const ref = (action.Configuration?.ProjectName as { Ref?: string } | undefined)?.Ref;
  assert.ok(ref, `${action.Name} does not name a CodeBuild project`);
  const project = template.Resources[ref];
  assert.equal(project?.Type, 'AWS::CodeBuild::Project');
  const source = project?.Properties?.Source as { BuildSpec?: string };
  return JSON.parse(source.BuildSpec ?? '{}') as Record<string, unknown>;
}

function projectOf(template: Template, action: Action): Record<string, unknown> {
  const ref = (action.Configuration?.ProjectName as { Ref?: string } | undefined)?.Ref ?? '';
  return template.Resources[ref]?.Properties ?? {};
}

/** Asserts the pipeline stack's template matches the answers; returns the stage names for reporting. */
export function checkPipeline(assembly: Assembly, stackId: string, a: ProjectAnswers): string[] {
  const template = assembly.template(stackId);
  const pipelines = Object.values(template.Resources).filter((r) => r.Type === 'AWS::CodePipeline::Pipeline');
  assert.equal(pipelines.length, 1, 'exactly one AWS::CodePipeline::Pipeline');
  const props = pipelines[0]?.Properties ?? {};
  const stages = props.Stages as Stage[];
  const names = stages.map((s) => s.Name);
  const stage = (name: string): Stage => {
    const found = stages.find((s) => s.Name === name);
    assert.ok(found, `pipeline has no stage ${name}: ${names.join(', ')}`);
    return found;
  };

  assert.deepEqual(names, [
    'Source', 'Build',
    ...(a.options.selfMutation ? ['UpdatePipeline'] : []),
    'Assets',
    ...(a.options.unitTests ? ['UnitTests'] : []),
    ...a.deployments.map((d) => (d.kind === 'stage' ? d.stage.name : d.name)),
  ]);
  assert.equal(props.PipelineType, a.options.pipelineTypeV2 ? 'V2' : 'V1');
  assert.equal(props.Name, a.projectName);

  // Source
  const [source, ...moreSources] = stage('Source').Actions;
  assert.ok(source);
  assert.equal(moreSources.length, 0);
  const cfg = source.Configuration ?? {};
  if (a.source.kind === 'codecommit') {
    assert.equal(source.ActionTypeId.Provider, 'CodeCommit');
    assert.equal(cfg.RepositoryName, a.source.repository);
    assert.equal(cfg.BranchName, a.source.branch);
  } else if (a.source.kind === 'connection') {
    assert.equal(source.ActionTypeId.Provider, 'CodeStarSourceConnection');
    assert.equal(cfg.ConnectionArn, a.source.connectionArn);
    assert.equal(cfg.FullRepositoryId, a.source.repository);
    assert.equal(cfg.BranchName, a.source.branch);
  } else {
    assert.equal(source.ActionTypeId.Provider, 'S3');
    assert.equal(cfg.S3Bucket, a.source.bucket);
    assert.equal(cfg.S3ObjectKey, a.source.objectKey);
  }

  // Build / Synth: runs the answered commands, with Docker when asked for.
  const [synth] = stage('Build').Actions;
  assert.ok(synth);
  assert.equal(synth.Name, 'Synth');
  const synthSpec = JSON.stringify(buildSpecOf(template, synth));
  for (const command of a.synthCommands) assert.ok(synthSpec.includes(JSON.stringify(command)), `synth runs ${command}`);
  const environment = projectOf(template, synth).Environment as { PrivilegedMode?: boolean };
  assert.equal(Boolean(environment.PrivilegedMode), a.options.dockerEnabledForSynth, 'privileged (Docker) synth');

  if (a.options.selfMutation) assert.deepEqual(stage('UpdatePipeline').Actions.map((x) => x.Name), ['SelfMutate']);
  const assets = stage('Assets').Actions;
  assert.ok(assets.length > 0 && assets.every((x) => x.ActionTypeId.Provider === 'CodeBuild'), 'file assets are published');

  if (a.options.unitTests) {
    const [tests] = stage('UnitTests').Actions;
    assert.ok(tests);
    assert.equal(tests.Name, 'RunUnitTests');
    const reports = buildSpecOf(template, tests).reports as Record<string, Record<string, unknown>>;
    assert.equal(reports.UnitTests?.['file-format'], 'JUNITXML');
  }

  // Deployments: approvals first, then each target's Prepare/Deploy through its bootstrap role.
  for (const d of a.deployments) {
    const name = d.kind === 'stage' ? d.stage.name : d.name;
    const actions = stage(name).Actions;
    const approvals = actions.filter((x) => x.ActionTypeId.Category === 'Approval');
    if (d.approval) {
      assert.equal(approvals.length, 1, `${name} has one approval`);
      assert.equal(approvals[0]?.Name, `PromoteTo${name}`);
      assert.equal(approvals[0]?.RunOrder, 1);
      assert.ok(actions.filter((x) => x.ActionTypeId.Category === 'Deploy').every((x) => (x.RunOrder ?? 1) > 1), `${name} deploys after the approval`);
    } else {
      assert.equal(approvals.length, 0, `${name} has no approval`);
    }
    const targets = d.kind === 'stage' ? [d.stage] : d.stages;
    const deploys = actions.filter((x) => x.ActionTypeId.Category === 'Deploy');
    assert.equal(deploys.length, targets.length * 2, `${name}: a Prepare and a Deploy per target`);
    for (const t of targets) {
      const role = `:${t.account}:role/cdk-hnb659fds-deploy-role-${t.account}-${t.region}`;
      const mine = deploys.filter((x) => JSON.stringify(x.RoleArn).includes(role));
      assert.equal(mine.length, 2, `${t.name} deploys through ${role}`);
      for (const x of mine) {
        assert.equal(x.Region ?? a.pipeline.region, t.region, `${t.name} region`);
        assert.equal(x.Configuration?.StackName, `${t.name}-Service`);
      }
    }
  }

  // Cross-region support stacks and per-region artifact stores.
  const otherRegions = [...new Set(allStages(a.deployments).map((s) => s.region).filter((r) => r !== a.pipeline.region))].sort();
  const supportStacks = assembly.stacks.filter((s) => s.startsWith('cross-region-stack-')).sort();
  // The manifest spells the artifact id with "_" where the stack name has ":".
  assert.deepEqual(supportStacks, otherRegions.map((r) => `cross-region-stack-${a.pipeline.account}_${r}`));
  if (otherRegions.length) {
    const stores = (props.ArtifactStores as Array<{ Region: string }>).map((s) => s.Region).sort();
    assert.deepEqual(stores, [a.pipeline.region, ...otherRegions].sort());
  } else {
    assert.ok(props.ArtifactStore, 'single-region pipelines have one artifact store');
  }

  const keys = Object.values(template.Resources).filter((r) => r.Type === 'AWS::KMS::Key');
  const crossAccount = a.options.crossAccountKeys || allStages(a.deployments).some((s) => s.account !== a.pipeline.account);
  assert.equal(keys.length > 0, crossAccount, 'a KMS key exactly when cross-account keys are on');
  return names;
}
