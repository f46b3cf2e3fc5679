import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateConveyor } from '../foundation/helpers';
import { eventually } from '../waits';
import { COMMAND, WizardDriver } from './wizard-driver';

async function walkTypeScriptProject(driver: WizardDriver): Promise<void> {
  await driver.enter('folder');
  await driver.type('projectName', 'orders-pipeline');
  await driver.choose('language', 'TypeScript');
  await driver.choose('packageManager', 'pnpm');
  // Back to the language, then forward again: the earlier answers stay as defaults.
  await driver.back('pipelineAccount');
  await driver.back('packageManager');
  await driver.step('language');
  await driver.enter('language');
  await driver.choose('packageManager', 'npm');
  await driver.type('pipelineAccount', '111111111111');
  await driver.choose('pipelineRegion', 'us-east-1');
  await driver.choose('sourceKind', 'GitHub');
  // A typed ARN the list does not hold is offered as "Use connection ARN: …" and accepted.
  await driver.filter('connectionArn', 'arn:aws:codeconnections:us-east-1:111111111111:connection/0f1e2d3c-4b5a-4697-8877-665544332211');
  await driver.choose('connectionArn', 'Use connection ARN: arn:aws:codeconnections:us-east-1:111111111111:connection/0f1e2d3c');
  await driver.type('repositoryPath', 'acme/orders');
  await driver.enter('branch');
  await driver.enter('synthCommands');
  await driver.choose('deployments', 'Add a stage');
  await driver.type('stageName', 'Beta');
  await driver.enter('stageAccount');
  await driver.choose('stageRegion', 'us-east-1');
  await driver.choose('stageApproval', 'Deploy automatically');
  await driver.choose('deployments', 'Add a wave');
  await driver.type('waveName', 'Prod');
  await driver.type('waveAccount', '222222222222');
  await driver.check('waveRegions', ['us-east-1', 'eu-west-1']);
  await driver.choose('waveApproval', 'Require a manual approval');
  await driver.choose('deployments', 'Done');
  await driver.enter('options');
  // The last step closes the wizard instead of showing another one.
  await driver.choose('confirm', 'Create the project', false);
}

describe('New CDK Pipeline Project wizard (real quick input)', function () {
  this.timeout(120_000);
  let root: string;

  before(async () => {
    await activateConveyor();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-scaffold-host-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  afterEach(async () => { await vscode.commands.executeCommand('workbench.action.closeQuickOpen'); });

  it('is a registered command', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND));
  });

  it('walks every step with Back and creates the project, opening the pipeline stack', async () => {
    const folder = path.join(root, 'orders');
    const driver = new WizardDriver(folder);
    await walkTypeScriptProject(driver);
    const result = await driver.result;
    assert.ok(result, 'the wizard finished');
    assert.equal(result.folder, folder);
    assert.equal(result.overwritten.length, 0);
    const stack = fs.readFileSync(path.join(folder, 'lib', 'pipeline-stack.ts'), 'utf8');
    assert.match(stack, /CodePipelineSource\.connection\('acme\/orders', 'main'/);
    assert.match(stack, /pipeline\.addStage\(new AppStage\(this, 'Beta'/);
    assert.match(stack, /addWave\('Prod', \{\n\s+pre: \[new pipelines\.ManualApprovalStep\('PromoteToProd'\)\]/);
    assert.match(stack, /'Prod-eu-west-1'/);
    assert.match(stack, /crossAccountKeys: true/, 'another account forces cross-account keys');
    assert.match(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'), /"aws-cdk-lib": "2\.276\.0"/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, path.join(folder, 'lib', 'pipeline-stack.ts'));
  });

  it('numbers steps n of N, offers Browse and Learn more, and defaults the account from STS', async () => {
    const target = path.join(root, 'browse');
    const driver = new WizardDriver(target);
    const folder = await driver.step('folder');
    assert.equal(folder.value, target, 'the folder the command was given is the default');
    assert.equal(folder.step, 1);
    assert.ok((folder.totalSteps ?? 0) >= 8, `total steps ${String(folder.totalSteps)}`);
    assert.deepEqual(folder.buttons.map((b) => b.tooltip), ['Browse…', 'Learn more']);
    await driver.enter('folder');
    await driver.enter('projectName');
    await driver.choose('language', 'Python');
    const account = await driver.step('pipelineAccount');
    assert.ok(!('items' in account));
    // GetCallerIdentity against the emulator (SigV4-verified) names the profile's account.
    assert.match(account.value, /^\d{12}$/);
    assert.match(account.prompt ?? '', new RegExp(`the current profile's account is ${account.value}`));
    assert.equal(account.step, 4, 'Python has no package-manager step: the account is step 4');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await driver.result, undefined);
  });

  it('keeps an invalid answer on its step with the reason', async () => {
    const driver = new WizardDriver(path.join(root, 'invalid'));
    await driver.enter('folder');
    await driver.enter('projectName');
    await driver.choose('language', 'Python');
    await driver.type('pipelineAccount', '12345', false);
    const step = await driver.step('pipelineAccount');
    assert.ok(!('items' in step));
    const message = (): string => (typeof step.validationMessage === 'object' ? step.validationMessage.message : step.validationMessage ?? '');
    await eventually('the step to say why 12345 is refused', () => /12 digits/.test(message()),
      { seen: () => `validation message: ${message()}` });
    assert.equal(driver.current()?.id, 'pipelineAccount');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await driver.result, undefined, 'cancelling writes nothing');
    assert.equal(fs.existsSync(path.join(root, 'invalid')), false);
  });

  it('never overwrites existing files without confirmation', async () => {
    const folder = path.join(root, 'existing');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'README.md'), 'mine\n');
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'unrelated\n');

    const declined = new WizardDriver(folder, false);
    await walkTypeScriptProject(declined);
    assert.equal(await declined.result, undefined);
    assert.deepEqual(declined.conflicts, ['README.md']);
    assert.equal(fs.readFileSync(path.join(folder, 'README.md'), 'utf8'), 'mine\n');
    assert.equal(fs.existsSync(path.join(folder, 'package.json')), false, 'nothing is written when declined');

    const accepted = new WizardDriver(folder, true);
    await walkTypeScriptProject(accepted);
    const result = await accepted.result;
    assert.deepEqual(result?.overwritten, ['README.md']);
    assert.match(fs.readFileSync(path.join(folder, 'README.md'), 'utf8'), /cdk bootstrap aws:\/\/222222222222\/eu-west-1/);
    assert.equal(fs.readFileSync(path.join(folder, 'notes.txt'), 'utf8'), 'unrelated\n', 'unrelated files stay');
  });
});
