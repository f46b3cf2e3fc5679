import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { answerQuickInput, eventually, quickInputStep, runCommand, screenshot, useWorkbench, waitFor } from './harness';
import { expandPath, openViews, paneRow } from './states-view';

describe('UI: Artifacts explorer and CodeArtifact login', function () {
  this.timeout(240_000);
  const wb = useWorkbench({ name: 'artifacts', emulator: true });

  it('browses domain → repository → packages in the Artifacts view', async () => {
    const { page } = wb;
    await openViews(page, 'Artifacts');
    await expandPath(page, 'Artifacts', 'acme', 'team-npm');
    await waitFor('npm-store, the upstream of team-npm', paneRow(page, 'Artifacts', 'npm-store', 'upstream'));
    await screenshot(page, 'artifacts-tree');
  });

  it('logs npm in to a repository from the palette, writing the user .npmrc', async () => {
    const { page } = wb;
    await runCommand(page, 'Conveyor: Log in to CodeArtifact');
    // Step n of N: the demo account has one domain, which the flow takes without asking; three steps
    // until npm is chosen, then four (its scope is asked last).
    await answerQuickInput(page, { title: 'Log in to CodeArtifact: repository in acme (1/3)' }, { pick: 'team-npm' });
    await quickInputStep(page, { title: 'Log in to CodeArtifact: package manager (2/3)' });
    await screenshot(page, 'artifacts-login-tool');
    await answerQuickInput(page, { title: 'Log in to CodeArtifact: package manager (2/3)' }, { pick: 'npm' });
    await answerQuickInput(page, { title: 'where npm gets the token (3/4)' }, { pick: 'User config' });
    await answerQuickInput(page, { title: 'npm scope (optional) (4/4)' }, { type: '' });   // no npm scope, whatever the workspace suggests
    const npmrc = path.join(wb.env.home, '.npmrc');
    await eventually(`the login to write ${npmrc}`, () => fs.existsSync(npmrc), { timeout: 60_000 });
    const text = fs.readFileSync(npmrc, 'utf8');
    assert.match(text, /^registry=http:\/\/127\.0\.0\.1:\d+\/_codeartifact\/acme-111111111111\/npm\/team-npm\/$/m);
    assert.match(text, /:_authToken=/);
    assert.equal(fs.statSync(npmrc).mode & 0o777, 0o600, 'the token file is private');
    await waitFor('the login in the status bar', page.locator('.statusbar', { hasText: /CodeArtifact|team-npm/ }));
    await screenshot(page, 'artifacts-logged-in');
  });
});
