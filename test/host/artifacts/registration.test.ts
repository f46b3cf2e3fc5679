// The feature as the extension registers it: commands, the view, and a login whose token reaches a
// real integrated terminal through the environment variable collection.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { INTERNAL_STATE_COMMAND } from '../../../src/artifacts/editor/feature';
import { activateConveyor } from '../foundation/helpers';
import { watchQuickInputs } from '../waits';
import { emulatorUrl, eventually, useEmulator } from './helpers';

interface State {
  logins: { id: string; status: string; environmentNames: string[]; request: { tool: string } }[];
  statusTexts: Record<string, string>;
}

describe('Artifacts feature as registered by the extension', function () {
  this.timeout(60_000);

  before(async () => {
    await activateConveyor();
  });

  it('registers every command it contributes', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    const pkg = vscode.extensions.getExtension('conveyor-dev.conveyor')?.packageJSON as { contributes: { commands: { command: string }[] } };
    const contributed = pkg.contributes.commands.map((c) => c.command).filter((c) => c.startsWith('conveyor.artifacts.'));
    assert.ok(contributed.length >= 12);
    for (const id of [...contributed, INTERNAL_STATE_COMMAND]) assert.ok(commands.has(id), id);
  });

  it('logs in through the command (arguments instead of pickers); a new terminal gets the token; logout removes it', async function () {
    if (!emulatorUrl()) this.skip();
    await useEmulator();
    const result = await vscode.commands.executeCommand<{ ok: boolean; id?: string; environmentNames?: string[]; message?: string }>('conveyor.artifacts.login', {
      domain: 'acme', domainOwner: '111111111111', repository: 'python', tool: 'pip', placement: 'terminal', pipOption: 'extra-index-url',
    });
    assert.ok(result?.ok, JSON.stringify(result));
    assert.deepEqual(result.environmentNames?.sort(), ['CODEARTIFACT_AUTH_TOKEN', 'PIP_EXTRA_INDEX_URL']);
    const state = await vscode.commands.executeCommand<State>(INTERNAL_STATE_COMMAND);
    assert.equal(state.logins.length, 1);
    assert.match(Object.values(state.statusTexts)[0] ?? '', /^\$\(key\) python · pip \d+h \d\dm$/);

    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-term-')), 'env.txt');
    const terminal = vscode.window.createTerminal({ name: 'conveyor-env-check', shellPath: '/bin/sh', shellArgs: ['-c', `printf '%s' "$PIP_EXTRA_INDEX_URL" > '${out}'`] });
    try {
      await eventually('the terminal to write its environment', () => fs.existsSync(out) && fs.readFileSync(out, 'utf8').length > 0, 20_000);
      assert.match(fs.readFileSync(out, 'utf8'), /^http:\/\/aws:[^@]{100,}@127\.0\.0\.1:\d+\/_codeartifact\/acme-111111111111\/pypi\/python\/simple\/$/);
    } finally {
      terminal.dispose();
    }

    const logout = await vscode.commands.executeCommand<{ ok: boolean }>('conveyor.artifacts.logout', result.id);
    assert.ok(logout?.ok);
    assert.equal((await vscode.commands.executeCommand<State>(INTERNAL_STATE_COMMAND)).logins.length, 0);
  });

  it('drives the real quick pick and input box: repository picked with the keyboard commands, empty scope accepted', async function () {
    if (!emulatorUrl()) this.skip();
    await useEmulator();
    const quickInput = watchQuickInputs();
    const running = vscode.commands.executeCommand<{ ok: boolean; id?: string; message?: string }>('conveyor.artifacts.login', {
      domain: 'acme', domainOwner: '111111111111', tool: 'npm', placement: 'user',
    });
    try {
      // The repository picker lists npm-store, python, team-npm (ListRepositoriesInDomain order).
      await quickInput.step({ title: 'Log in to CodeArtifact: repository in acme', step: 1 });
      await quickInput.active('npm-store');
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await quickInput.active('python');
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await quickInput.active('team-npm');
      await quickInput.accept();
      await quickInput.step({ title: 'Log in to CodeArtifact: npm scope (optional)', step: 2 });
      await quickInput.accept(); // left empty
    } finally {
      quickInput.dispose();
    }
    const result = await running;
    assert.ok(result?.ok, JSON.stringify(result));
    const state = await vscode.commands.executeCommand<State>(INTERNAL_STATE_COMMAND);
    const login = state.logins.find((l) => l.id === result.id) as State['logins'][number] & { request: { repository?: string; scope?: string } };
    assert.equal(login.request.repository, 'team-npm');
    assert.equal(login.request.scope, undefined);
    assert.ok((await vscode.commands.executeCommand<{ ok: boolean }>('conveyor.artifacts.logout', result.id))?.ok);
  });
});
