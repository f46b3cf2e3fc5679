// The language server behind buildspec/appspec support runs in its own process: it is a child of the
// extension host, not code on its thread, and a server that dies is restarted with a note in the log.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ValidationFeature } from '../../../src/validation/editor/feature';
import { revertAndCloseAll } from '../editors';
import { activateConveyor, extensionFeature } from '../foundation/helpers';
import { serverProcesses } from './helpers';
import { eventually, eventuallyValue } from '../waits';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'conveyor');
}

describe('Buildspec and appspec validation: the language server process', function () {
  this.timeout(90_000);
  before(async function () {
    if (process.platform !== 'linux') this.skip();
    await activateConveyor();
  });
  afterEach(revertAndCloseAll);

  it('validates in a child process of the extension host, and a killed server is restarted and serves again', async () => {
    const first = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'version: 0.2\nphases:\n  biuld:\n    commands: [make]\n' });
    await vscode.window.showTextDocument(first);
    await eventually('the first problem', () => ours(first.uri).length === 1, { seen: () => JSON.stringify(ours(first.uri).map((d) => d.message)) });
    const { languageServer } = await extensionFeature<ValidationFeature>('validation');
    const [pid] = await eventuallyValue('one server process', serverProcesses, (pids) => pids.length === 1);
    assert.ok(pid);
    const restartsBefore = languageServer.restarts;

    process.kill(pid, 'SIGKILL');
    const [restarted] = await eventuallyValue('a new server process', serverProcesses, (pids) => pids.length === 1 && pids[0] !== pid,
      { seen: () => `server processes: ${serverProcesses().join(', ') || 'none'}; restarts: ${languageServer.restarts}` });
    assert.ok(restarted);
    assert.equal(languageServer.restarts, restartsBefore + 1);
    assert.match(languageServer.lastNotice ?? '', /language server stopped unexpectedly; restarting it/);

    await eventually('the open document\'s problem back from the new server', () => languageServer.client.isRunning() && ours(first.uri).length === 1,
      { seen: () => `${languageServer.client.state}: ${JSON.stringify(ours(first.uri).map((d) => d.message))}` });
    const second = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'version: 0.2\nphases:\n  build:\n    comands: [make]\n' });
    await vscode.window.showTextDocument(second);
    await eventually('a new document validated by the new server', () => ours(second.uri).some((d) => /Did you mean 'commands'\?/.test(d.message)),
      { seen: () => JSON.stringify(ours(second.uri).map((d) => d.message)) });
    assert.deepEqual(serverProcesses(), [restarted], 'one server at a time');
  });
});
