import * as assert from 'node:assert/strict';
import { WizardEngine, type SubmitResult } from '../../../src/scaffold/wizard/engine';
import type { InputView, PickView, StepAnswer, StepId, WizardContext } from '../../../src/scaffold/wizard/model';
import { splitCommands } from '../../../src/scaffold/wizard/source-steps';
import { projectNameFromFolder } from '../../../src/scaffold/wizard/step-kit';
import { CONNECTION_ARN } from './support/answer-sets';

const ctx: WizardContext = {
  defaultFolder: '/home/dev/work/Orders Service',
  detectedAccount: '111111111111',
  defaultRegion: 'us-east-1',
  regions: [
    { code: 'us-east-1', name: 'US East (N. Virginia)' },
    { code: 'us-west-2', name: 'US West (Oregon)' },
    { code: 'eu-west-1', name: 'Europe (Ireland)' },
    { code: 'eu-central-1', name: 'Europe (Frankfurt)' },
  ],
  repositories: { state: 'loaded', items: [{ name: 'orders', description: 'Orders service' }, { name: 'billing' }] },
  connections: { state: 'loaded', items: [
    { arn: CONNECTION_ARN, name: 'acme-github', provider: 'GitHub', status: 'AVAILABLE' },
    { arn: CONNECTION_ARN.replace('0f1e', 'aaaa'), name: 'acme-gitlab', provider: 'GitLab', status: 'PENDING' },
  ] },
};

function input(engine: WizardEngine): InputView {
  const { view } = engine.show();
  assert.equal(view.kind, 'input', `${view.id} is not an input`);
  return view;
}

function pick(engine: WizardEngine): PickView {
  const { view } = engine.show();
  assert.equal(view.kind, 'pick', `${view.id} is not a pick`);
  return view;
}

/** Accepts what the step shows by default (the prefilled value or the highlighted item). */
function acceptDefault(engine: WizardEngine): SubmitResult {
  const { view } = engine.show();
  if (view.kind === 'input') return engine.submit({ text: view.value });
  if (view.canSelectMany) return engine.submit({ ids: view.items.filter((i) => i.picked).map((i) => i.id) });
  assert.ok(view.activeId, `${view.id} has no default`);
  return engine.submit({ ids: [view.activeId] });
}

function answer(engine: WizardEngine, step: StepId, value: StepAnswer): void {
  assert.equal(engine.current, step);
  const result = engine.submit(value);
  assert.notEqual(result.status, 'invalid', result.status === 'invalid' ? `${step}: ${result.message}` : '');
}

function walkToDeployments(engine: WizardEngine): void {
  answer(engine, 'folder', { text: '/work/orders' });
  answer(engine, 'projectName', { text: 'orders' });
  answer(engine, 'language', { ids: ['typescript'] });
  answer(engine, 'packageManager', { ids: ['npm'] });
  answer(engine, 'pipelineAccount', { text: '111111111111' });
  answer(engine, 'pipelineRegion', { ids: ['us-east-1'] });
  answer(engine, 'sourceKind', { ids: ['codecommit'] });
  answer(engine, 'codecommitRepository', { ids: ['orders'] });
  answer(engine, 'branch', { text: 'main' });
  answer(engine, 'synthCommands', { text: 'npm ci && npm run build && npx cdk synth' });
}

function addStage(engine: WizardEngine, name: string, account: string, region: string, approval: boolean): void {
  answer(engine, 'deployments', { ids: ['add-stage'] });
  answer(engine, 'stageName', { text: name });
  answer(engine, 'stageAccount', { text: account });
  answer(engine, 'stageRegion', { ids: [region] });
  answer(engine, 'stageApproval', { ids: [approval ? 'yes' : 'no'] });
}

describe('scaffold wizard', () => {
  it('offers a default at every step, so Enter all the way through makes a valid project', () => {
    const engine = new WizardEngine(ctx);
    const seen: StepId[] = [];
    let result: SubmitResult | undefined;
    for (let i = 0; i < 40 && result?.status !== 'done'; i++) {
      seen.push(engine.current);
      if (engine.current === 'deployments' && engine.draft.deployments.length === 0) {
        result = engine.submit({ ids: ['add-stage'] });
      } else if (engine.current === 'repositoryPath') {
        result = engine.submit({ text: 'acme/orders' });
      } else {
        result = acceptDefault(engine);
      }
      assert.notEqual(result.status, 'invalid', result.status === 'invalid' ? `${engine.current}: ${result.message}` : '');
    }
    assert.equal(result?.status, 'done');
    if (result?.status !== 'done') return;
    assert.deepEqual(seen, ['folder', 'projectName', 'language', 'packageManager', 'pipelineAccount', 'pipelineRegion', 'sourceKind',
      'connectionArn', 'repositoryPath', 'branch', 'synthCommands', 'deployments', 'stageName', 'stageAccount', 'stageRegion',
      'stageApproval', 'deployments', 'options', 'confirm']);
    const a = result.result;
    assert.equal(a.targetFolder, '/home/dev/work/Orders Service');
    assert.equal(a.projectName, 'orders-service');
    assert.equal(a.language, 'typescript');
    assert.equal(a.packageManager, 'npm');
    assert.deepEqual(a.pipeline, { account: '111111111111', region: 'us-east-1' });
    assert.deepEqual(a.source, { kind: 'connection', provider: 'GitHub', connectionArn: CONNECTION_ARN, repository: 'acme/orders', branch: 'main' });
    assert.deepEqual(a.synthCommands, ['npm ci', 'npm run build', 'npx cdk synth']);
    assert.deepEqual(a.deployments, [{ kind: 'stage', stage: { name: 'Beta', account: '111111111111', region: 'us-east-1' }, approval: false }]);
    assert.deepEqual(a.options, { selfMutation: true, crossAccountKeys: false, dockerEnabledForSynth: false, unitTests: true, pipelineTypeV2: true, cdkNag: false });
  });

  it('validates typed answers and stays on the step', () => {
    const engine = new WizardEngine(ctx);
    assert.match(engine.validate('relative/dir') ?? '', /absolute/);
    const bad = engine.submit({ text: 'relative/dir' });
    assert.equal(bad.status, 'invalid');
    assert.equal(engine.current, 'folder');
    answer(engine, 'folder', { text: '/work/x' });
    assert.match(engine.validate('Bad Name') ?? '', /lowercase/);
    answer(engine, 'projectName', { text: 'x-app' });
    answer(engine, 'language', { ids: ['typescript'] });
    answer(engine, 'packageManager', { ids: ['npm'] });
    assert.match(engine.validate('12345') ?? '', /12 digits/);
    assert.equal(engine.submit({ text: '12345' }).status, 'invalid');
    answer(engine, 'pipelineAccount', { text: '111111111111' });
    assert.equal(engine.submit({ text: 'mars-north-1a' }).status, 'invalid');
    answer(engine, 'pipelineRegion', { text: 'eu-south-2' });
    assert.equal(engine.draft.pipelineRegion, 'eu-south-2', 'a typed region the list lacks');
    answer(engine, 'sourceKind', { ids: ['GitHub'] });
    const otherRegion = CONNECTION_ARN;
    assert.match(engine.validate(otherRegion) ?? '', /can only use connections of its own region/);
    assert.match(engine.validate('arn:aws:codeconnections:eu-south-2:111111111111:connection/abc') ?? '', /Expected arn/);
  });

  it('goes Back step by step, keeping what was typed as the new default', () => {
    const engine = new WizardEngine(ctx);
    answer(engine, 'folder', { text: '/work/first' });
    assert.equal(input(engine).value, 'first');
    answer(engine, 'projectName', { text: 'renamed' });
    assert.equal(engine.current, 'language');
    assert.equal(engine.show().number, 3);
    assert.equal(engine.back(), true);
    assert.equal(engine.current, 'projectName');
    assert.equal(input(engine).value, 'renamed');
    assert.equal(engine.back(), true);
    assert.equal(engine.current, 'folder');
    assert.equal(input(engine).value, '/work/first');
    assert.equal(engine.show().canGoBack, false);
    assert.equal(engine.back(), false);
    // Another folder suggests another name.
    answer(engine, 'folder', { text: '/work/second' });
    assert.equal(input(engine).value, 'second');
  });

  it('skips the package manager for Python and uses pip commands', () => {
    const engine = new WizardEngine(ctx);
    answer(engine, 'folder', { text: '/work/py' });
    answer(engine, 'projectName', { text: 'py' });
    answer(engine, 'language', { ids: ['python'] });
    assert.equal(engine.current, 'pipelineAccount');
    answer(engine, 'pipelineAccount', { text: '111111111111' });
    answer(engine, 'pipelineRegion', { ids: ['us-east-1'] });
    answer(engine, 'sourceKind', { ids: ['s3'] });
    answer(engine, 'bucket', { text: 'acme-sources' });
    assert.equal(input(engine).value, 'py/source.zip');
    answer(engine, 'objectKey', { text: 'py/source.zip' });
    assert.equal(engine.current, 'synthCommands', 'S3 sources have no branch');
    assert.equal(input(engine).value, 'pip install -r requirements.txt && cdk synth');
  });

  it('lists CodeCommit repositories and connections of the chosen provider, and accepts typed ones', () => {
    const engine = new WizardEngine(ctx);
    walkToDeployments(engine);
    for (let i = 0; i < 3; i++) engine.back();
    assert.equal(engine.current, 'codecommitRepository');
    const repos = pick(engine);
    assert.equal(repos.needs, 'repositories');
    assert.deepEqual(repos.items.map((i) => i.id), ['orders', 'billing']);
    assert.equal(repos.activeId, 'orders');
    assert.match(engine.validate('bad name') ?? '', /CodeCommit repository names/);
    answer(engine, 'codecommitRepository', { text: 'brand-new' });
    assert.equal(engine.draft.codecommitRepository, 'brand-new');
    engine.back();
    engine.back();
    answer(engine, 'sourceKind', { ids: ['GitLab'] });
    const connections = pick(engine);
    assert.equal(connections.needs, 'connections');
    assert.deepEqual(connections.items.map((i) => i.label), ['acme-gitlab']);

    const unavailable = new WizardEngine({ ...ctx, repositories: { state: 'unavailable', reason: 'AccessDenied' } });
    walkToDeployments(unavailable);
    for (let i = 0; i < 3; i++) unavailable.back();
    assert.deepEqual(pick(unavailable).items, []);
    assert.match(pick(unavailable).placeholder, /could not list repositories: AccessDenied/);
  });

  it('builds the deployment order from stages and multi-region waves, and removes entries', () => {
    const engine = new WizardEngine(ctx);
    walkToDeployments(engine);
    assert.equal(pick(engine).activeId, 'add-stage');
    assert.equal(engine.submit({ ids: ['done'] }).status, 'invalid', 'Done needs a stage');
    addStage(engine, 'Beta', '111111111111', 'us-east-1', false);
    answer(engine, 'deployments', { ids: ['add-stage'] });
    assert.match(engine.validate('beta') ?? '', /already exists/);
    assert.match(engine.validate('Assets') ?? '', /creates itself/);
    engine.back();
    answer(engine, 'deployments', { ids: ['add-wave'] });
    assert.equal(input(engine).value, 'Prod');
    answer(engine, 'waveName', { text: 'Prod' });
    answer(engine, 'waveAccount', { text: '222222222222' });
    assert.deepEqual(pick(engine).items.filter((i) => i.picked).map((i) => i.id), ['us-east-1']);
    assert.equal(engine.submit({ ids: [] }).status, 'invalid');
    answer(engine, 'waveRegions', { ids: ['us-east-1', 'eu-west-1'] });
    assert.equal(pick(engine).activeId, 'yes', 'later stages default to an approval');
    answer(engine, 'waveApproval', { ids: ['yes'] });
    assert.deepEqual(engine.draft.deployments[1], { kind: 'wave', name: 'Prod', approval: true, stages: [
      { name: 'Prod-us-east-1', account: '222222222222', region: 'us-east-1' },
      { name: 'Prod-eu-west-1', account: '222222222222', region: 'eu-west-1' },
    ] });
    const list = pick(engine);
    assert.deepEqual(list.items.filter((i) => i.id.startsWith('entry:')).map((i) => i.label), ['Beta', 'Prod (wave)']);
    // Back from the list undoes the wave just added; forward again re-adds it exactly once.
    engine.back();
    assert.equal(engine.current, 'waveApproval');
    assert.equal(engine.draft.deployments.length, 1);
    answer(engine, 'waveApproval', { ids: ['yes'] });
    assert.equal(engine.draft.deployments.length, 2);
    addStage(engine, 'Extra', '111111111111', 'us-west-2', true);
    answer(engine, 'deployments', { ids: ['entry:2'] });
    assert.equal(pick(engine).activeId, 'keep');
    answer(engine, 'removeDeployment', { ids: ['remove'] });
    assert.deepEqual(engine.draft.deployments.map((d) => (d.kind === 'stage' ? d.stage.name : d.name)), ['Beta', 'Prod']);
    answer(engine, 'deployments', { ids: ['done'] });
    assert.equal(engine.current, 'options');
  });

  it('forces cross-account keys on when a stage deploys to another account', () => {
    const engine = new WizardEngine(ctx);
    walkToDeployments(engine);
    addStage(engine, 'Prod', '999999999999', 'us-east-1', true);
    answer(engine, 'deployments', { ids: ['done'] });
    const options = pick(engine);
    const cross = options.items.find((i) => i.id === 'crossAccountKeys');
    assert.equal(cross?.picked, true);
    assert.match(cross?.description ?? '', /required: 999999999999/);
    answer(engine, 'options', { ids: ['selfMutation', 'cdkNag'] });
    assert.deepEqual(engine.draft.options, { selfMutation: true, crossAccountKeys: true, dockerEnabledForSynth: false, unitTests: false, pipelineTypeV2: false, cdkNag: true });
    const confirm = pick(engine);
    assert.equal(confirm.activeId, 'create');
    assert.ok(confirm.items.some((i) => /2 environment\(s\) to bootstrap/.test(i.label)));
    assert.equal(engine.submit({ ids: ['info:stages'] }).status, 'invalid');
    const done = engine.submit({ ids: ['create'] });
    assert.equal(done.status, 'done');
  });

  it('splits synth commands on && and derives project names from folders', () => {
    assert.deepEqual(splitCommands(' npm ci &&npx cdk synth '), ['npm ci', 'npx cdk synth']);
    assert.deepEqual(splitCommands('a && && b'), ['a', 'b']);
    assert.equal(projectNameFromFolder('/home/me/My Service_2'), 'my-service-2');
    assert.equal(projectNameFromFolder('C:\\work\\42'), 'cdk-pipeline');
  });
});
