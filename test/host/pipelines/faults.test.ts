// Faults injected through the emulator's admin API: throttling, 5xx, expired credentials, an SSO
// profile without a session, dropped connections, a pipeline that vanished. The view shows an error
// node or message, recovers once the fault clears, and the extension host keeps running.
import * as assert from 'node:assert/strict';
import { GetPipelineCommand } from '@aws-sdk/client-codepipeline';
import * as vscode from 'vscode';
import { nodeIds, targetKey } from '../../../src/pipelines/model/keys';
import type { TreeNode } from '../../../src/pipelines/model/tree';
import { EXTENSION_ID } from '../foundation/helpers';
import { admin, releaseEmulator, DEMO, emulatorUrl, rig, type Rig } from './helpers';

const messages = (nodes: TreeNode[]): string[] => nodes.filter((n) => n.kind === 'message').map((n) => (n.kind === 'message' ? `${n.severity}: ${n.text}` : ''));

describe('Pipelines under faults (emulator)', function () {
  this.timeout(120_000);
  let r: Rig;

  before(async function () {
    if (!emulatorUrl()) this.skip();
    await admin('POST', 'reset');
  });
  beforeEach(async () => {
    r = await rig();
  });
  afterEach(async () => {
    r.dispose();
    await admin('POST', 'faults/clear');
  });
  after(async () => {
    if (emulatorUrl()) await admin('POST', 'reset');
    await releaseEmulator();
  });

  it('throttling: an error node under the root, the last list kept, recovery after the fault clears', async () => {
    await r.explorer.getChildren();
    await admin('POST', 'faults', { operation: 'ListPipelines', kind: 'throttle' });
    await r.explorer.refresh();
    const roots = r.explorer.tree.roots();
    assert.match(messages(roots)[0] ?? '', /^error: CodePipeline ListPipelines is being throttled by AWS/);
    assert.equal(roots.filter((n) => n.kind === 'pipeline').length, 12);
    await admin('POST', 'faults/clear');
    await r.explorer.refresh();
    assert.deepEqual(messages(r.explorer.tree.roots()), []);
  });

  it('5xx and dropped connections on GetPipelineState show on the pipeline, not the whole view', async () => {
    const roots = await r.explorer.getChildren();
    const web = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'storefront-web')!;
    await r.explorer.getChildren(web);
    await admin('POST', 'faults', { operation: 'GetPipelineState', kind: 'error', status: 503, errorType: 'ServiceUnavailableException', message: 'try later' });
    await r.explorer.refresh(web);
    assert.match(messages(r.explorer.tree.children(web))[0] ?? '', /^warning: CodePipeline had an internal error \(HTTP 503\)/);
    await admin('POST', 'faults/clear');
    await admin('POST', 'faults', { operation: 'GetPipelineState', kind: 'drop' });
    await r.explorer.refresh(web);
    assert.match(messages(r.explorer.tree.children(web))[0] ?? '', /^warning: Could not reach CodePipeline/);
    assert.ok(r.explorer.tree.children(web).some((n) => n.kind === 'stage'), 'the last stages stay visible');
    await admin('POST', 'faults/clear');
    await r.explorer.refresh(web);
    assert.deepEqual(messages(r.explorer.tree.children(web)), []);
  });

  it('expired credentials and an SSO profile without a session say what to do', async () => {
    r.explorer.setTargets([{ profile: 'expired', region: 'us-east-1' }]);
    let roots = await r.explorer.getChildren();
    assert.match(messages(roots)[0] ?? '', /^error: The credentials of profile "expired" have expired/);
    r.explorer.setTargets([{ profile: 'sso-dev', region: 'us-west-2' }]);
    roots = await r.explorer.getChildren();
    assert.match(messages(roots)[0] ?? '', /aws sso login --profile sso-dev|SSO/i);
  });

  it('a pipeline deleted while shown: its node says so and the host keeps going', async () => {
    const roots = await r.explorer.getChildren();
    const docs = roots.find((n) => n.kind === 'pipeline' && n.key.name === 'docs-site')!;
    await r.explorer.getChildren(docs);
    await admin('POST', 'faults', { operation: 'GetPipelineState', kind: 'error', status: 400, errorType: 'PipelineNotFoundException', message: 'Account 111111111111 does not have a pipeline with name docs-site' });
    const changes: string[][] = [];
    const sub = r.explorer.onDidChange((ids) => changes.push(ids));
    await r.explorer.refresh(docs);
    sub.dispose();
    assert.ok(changes.flat().includes(nodeIds.pipeline({ target: targetKey(DEMO), name: 'docs-site' })));
    assert.deepEqual(messages(r.explorer.tree.children(docs)), ['error: Pipeline “docs-site” no longer exists.']);
    assert.equal(r.explorer.present(docs).description, 'Deleted');
    await admin('POST', 'faults/clear');
    await r.explorer.loadList(targetKey(DEMO));
    await r.explorer.refresh(docs);
    assert.ok(r.explorer.tree.children(docs).some((n) => n.kind === 'stage'), 'back once it answers again');
  });

  it('an explained error names the call that failed, as the client recorded it, not the one the caller expected', async () => {
    const client = r.aws.client('codepipeline');
    const err = await client.send(new GetPipelineCommand({ name: 'no-such-pipeline' })).then(() => undefined, (e: unknown) => e);
    assert.ok(err, 'GetPipeline of a missing pipeline fails');
    const explained = r.aws.explain(err, { service: 'codepipeline', operation: 'ListPipelines' });
    assert.match(explained.message, /CodePipeline GetPipeline\b/);
    assert.doesNotMatch(explained.message, /ListPipelines/);
  });

  it('the extension host survived every fault', async () => {
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('conveyor.showLog'));
  });
});
