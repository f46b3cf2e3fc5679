import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { answerQuickInput, notification, quickInputState, quickInputStep, runCommand, screenshot, useWorkbench, waitFor } from './harness';

describe('UI: New CDK Pipeline Project wizard', function () {
  this.timeout(240_000);
  const wb = useWorkbench({ name: 'scaffold', emulator: false });

  it('walks the wizard in the workbench and opens the generated pipeline stack', async () => {
    const { page } = wb;
    const folder = path.join(wb.env.workspace, 'orders-pipeline');
    await runCommand(page, 'Conveyor: New CDK Pipeline Project');
    // Each answer waits for its step's counter in the title ("New CDK Pipeline Project (3)"), so an
    // Enter can never land on the wrong step.
    const step = (n: number, answer: { type?: string; pick?: string } = {}): Promise<void> => answerQuickInput(page, { title: 'New CDK Pipeline Project', step: n }, answer);
    // Step 1 of N: the default folder prefilled, a Browse button (folder-opened) and Learn more.
    await quickInputStep(page, { title: /New CDK Pipeline Project \(1\/\d+\)/ });
    await waitFor('the Browse button', page.locator('.quick-input-widget .quick-input-titlebar .codicon-folder-opened'));
    await waitFor('the Learn more button', page.locator('.quick-input-widget .quick-input-titlebar .codicon-question'));
    const first = await quickInputState(page);
    assert.match(first.value, /cdk-pipeline$/, `the suggested folder: ${first.value}`);
    await screenshot(page, 'scaffold-step1-browse');
    await step(1, { type: folder });                      // target folder
    await step(2);                                        // project name from the folder
    await step(3, { pick: 'TypeScript' });                // language
    await step(4, { pick: 'npm' });                       // package manager
    await step(5, { type: '111111111111' });              // pipeline account
    await step(6, { pick: 'us-east-1' });                 // pipeline region
    await step(7, { pick: 'Amazon S3' });                 // source
    await step(8, { type: 'orders-source-bucket' });      // bucket
    await step(9);                                        // object key
    await step(10);                                       // synth commands
    await step(11, { pick: 'Add a stage' });
    await step(12, { type: 'Prod' });                     // stage name
    await step(13, { type: '222222222222' });             // stage account
    await step(14, { pick: 'eu-west-1' });                // stage region
    await quickInputStep(page, { step: 15 });
    await screenshot(page, 'scaffold-approval-step');
    await step(15, { pick: 'Require a manual approval' });
    await quickInputStep(page, { title: 'New CDK Pipeline Project: stages', step: 16 });
    await screenshot(page, 'scaffold-deployments');
    await step(16, { pick: 'Done' });
    await step(17);                                       // options as proposed
    await step(18, { pick: 'Create the project' });
    await waitFor('the generated pipeline stack to open', page.locator('.tabs-container .tab', { hasText: 'pipeline-stack.ts' }));
    await waitFor('the offer to install the dependencies', notification(page, 'Install its dependencies now?'));
    await screenshot(page, 'scaffold-generated');
    const stack = fs.readFileSync(path.join(folder, 'lib', 'pipeline-stack.ts'), 'utf8');
    assert.match(stack, /CodePipelineSource\.s3\(/);
    assert.match(stack, /ManualApprovalStep/);
    assert.match(stack, /'222222222222'/);
    assert.match(stack, /crossAccountKeys: true/);
    assert.match(stack, /account: '222222222222', region: 'eu-west-1'/, 'the Prod stage goes to the region typed at its step');
  });
});
