// Review 2026-12, finding 3, in the real extension host: "Run aws sso login" runs no shell.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runSsoLogin } from '../../../src/aws/editor/present-error';
import { activateConveyor } from './helpers';

describe('Run aws sso login', function () {
  this.timeout(60_000);

  it('runs aws with the profile as its own argument, in a task, with no shell', async () => {
    await activateConveyor();
    const ended = new Promise<void>((resolve) => {
      const sub = vscode.tasks.onDidEndTask((e) => { if (e.execution.task.source === 'aws') { sub.dispose(); resolve(); } });
    });
    const execution = await runSsoLogin('sso-dev');
    try {
      const run = execution.task.execution;
      assert.ok(run instanceof vscode.ProcessExecution, `a ${run?.constructor.name ?? 'missing'} execution`);
      assert.equal(run.process, 'aws');
      assert.deepEqual(run.args, ['sso', 'login', '--profile', 'sso-dev']);
      assert.equal(execution.task.name, 'sso login --profile sso-dev');
    } finally {
      execution.terminate();
      await ended;
    }
  });

  it('refuses a profile name that is not plain, and starts nothing', async () => {
    let started = 0;
    const sub = vscode.tasks.onDidStartTask(() => { started++; });
    try {
      for (const profile of ['x; touch pwned #', '$(id)', '--endpoint-url=https://collector.invalid']) {
        await assert.rejects(runSsoLogin(profile), /not a plain profile name/);
      }
      assert.equal(started, 0);
      assert.equal(vscode.tasks.taskExecutions.filter((e) => e.task.source === 'aws').length, 0);
    } finally {
      sub.dispose();
    }
  });
});
