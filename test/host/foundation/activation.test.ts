import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateConveyor, EXTENSION_ID } from './helpers';

interface ContributedCommand { command: string }

describe('Conveyor activation', () => {
  it('activates and exposes its API', async () => {
    // Activation time is measured by npm run bench (bench/activation.bench.ts), in hosts of its own.
    const api = await activateConveyor();
    assert.ok(api.aws, 'the API has an AWS session');
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it('registers every command it contributes', async () => {
    await activateConveyor();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: ContributedCommand[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = pkg.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
    assert.ok(pkg.contributes.commands.length >= 3);
  });

  it('never activates with "*" (onStartupFinished restores CodeArtifact terminal tokens after startup)', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { activationEvents: string[] };
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(pkg.activationEvents.every((e) => /^on[A-Z]/.test(e)), pkg.activationEvents.join(', '));
  });
});
