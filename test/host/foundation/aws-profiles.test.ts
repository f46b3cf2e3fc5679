import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { selectProfile, selectRegion } from '../../../src/aws/editor/commands';
import { ScriptedUiBase } from '../scripted-ui';
import { nextEvent } from '../waits';
import { activateConveyor, waitFor } from './helpers';

const config = () => vscode.workspace.getConfiguration('conveyor.aws');

describe('AWS profiles and regions', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('conveyor.aws.selectProfile', 'conveyor-demo');
    await config().update('region', undefined, vscode.ConfigurationTarget.Global);
  });

  it('lists SSO, credential_process, assume-role and static profiles from AWS_CONFIG_FILE', async () => {
    const api = await activateConveyor();
    const byName = new Map(api.aws.knownProfiles.map((p) => [p.name, p]));
    assert.equal(byName.get('sso-dev')?.kind, 'sso');
    assert.equal(byName.get('sso-dev')?.ssoStartUrl, 'https://corp.awsapps.com/start');
    assert.equal(byName.get('ci-process')?.kind, 'process');
    assert.equal(byName.get('deployer')?.kind, 'assume-role');
    assert.deepEqual(byName.get('deployer')?.sourceChain, ['deployer', 'ci-process']);
    assert.equal(byName.get('conveyor-demo')?.kind, 'static');
  });

  it('selects a profile by command and takes its region', async () => {
    const api = await activateConveyor();
    await vscode.commands.executeCommand('conveyor.aws.selectProfile', 'sso-dev');
    assert.deepEqual(api.aws.current, { profile: 'sso-dev', region: 'us-west-2' });
    assert.equal(config().get('profile'), 'sso-dev', 'the choice is stored in settings');
  });

  it('asks for a profile and a region through the editor UI; the region pick can clear the override', async () => {
    const api = await activateConveyor();
    const ui = new ScriptedUiBase().answer('conveyor-prod', 'ap-southeast-2', "Use the profile's region (eu-west-1)");
    assert.equal(await selectProfile(api.aws, ui), 'conveyor-prod');
    assert.equal(ui.calls[0]?.active, '$(check) conveyor-demo', 'the current profile is highlighted');
    assert.equal(await selectRegion(api.aws, ui), 'ap-southeast-2');
    assert.deepEqual(api.aws.current, { profile: 'conveyor-prod', region: 'ap-southeast-2' });
    assert.equal(await selectRegion(api.aws, ui), 'eu-west-1');
    assert.equal(config().inspect('region')?.globalValue, undefined, 'the override is cleared, not set to an empty string');
    assert.equal(ui.pending, 0);
  });

  it('honours the region setting over the profile region', async () => {
    const api = await activateConveyor();
    await vscode.commands.executeCommand('conveyor.aws.selectProfile', 'conveyor-prod');
    assert.equal(api.aws.current?.region, 'eu-west-1');
    await vscode.commands.executeCommand('conveyor.aws.selectRegion', 'ap-southeast-2');
    assert.equal(api.aws.current?.region, 'ap-southeast-2');
    await config().update('region', 'sa-east-1', vscode.ConfigurationTarget.Global);
    await waitFor('the region setting to apply', () => api.aws.current?.region === 'sa-east-1');
  });

  it('runs credential_process when a client resolves credentials', async () => {
    const api = await activateConveyor();
    const marker = process.env.CONVEYOR_CREDENTIAL_PROCESS_MARKER ?? '';
    fs.rmSync(marker, { force: true });
    await vscode.commands.executeCommand('conveyor.aws.selectProfile', 'ci-process');
    assert.equal(api.aws.current?.region, 'us-east-2');
    const client = api.aws.client('codepipeline');
    const identity = await client.config.credentials();
    assert.match(identity.accessKeyId, /^AKIA/);
    assert.ok(fs.existsSync(marker), 'the credential_process command ran');
  });

  it('explains an SSO profile without a session as "run aws sso login"', async () => {
    const api = await activateConveyor();
    await vscode.commands.executeCommand('conveyor.aws.selectProfile', 'sso-dev');
    const client = api.aws.client('codepipeline');
    const error = await client.config.credentials().then(() => undefined, (e: unknown) => e);
    assert.ok(error, 'resolving SSO credentials without a cached token fails');
    const explained = api.aws.explain(error, { service: 'codepipeline', operation: 'ListPipelines' });
    assert.equal(explained.category, 'ssoExpired', explained.message);
    assert.deepEqual(explained.actions[0], { kind: 'ssoLogin', profile: 'sso-dev', command: 'aws sso login --profile sso-dev' });
  });

  it('re-reads ~/.aws/config when it changes', async () => {
    const api = await activateConveyor();
    const file = process.env.AWS_CONFIG_FILE ?? '';
    const original = fs.readFileSync(file, 'utf8');
    try {
      const changed = nextEvent('a change event after ~/.aws/config was edited', (listener: (target: unknown) => void) => api.aws.onDidChange(listener));
      fs.writeFileSync(file, `${original}\n[profile added-later]\nregion = ca-central-1\ncredential_process = /bin/false\n`);
      await changed;
      assert.ok(api.aws.knownProfiles.some((p) => p.name === 'added-later'));
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('uses one cached client per service, profile and region', async () => {
    const api = await activateConveyor();
    await vscode.commands.executeCommand('conveyor.aws.selectProfile', 'conveyor-demo');
    const a = api.aws.client('logs');
    assert.equal(api.aws.client('logs'), a);
    assert.notEqual(api.aws.client('logs', { profile: 'conveyor-prod', region: 'eu-west-1' }), a);
    assert.notEqual(api.aws.client('codepipeline'), a);
  });
});
