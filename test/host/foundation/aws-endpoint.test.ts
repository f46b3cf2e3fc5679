// Review 2026-12, finding 2, in the real extension host: what a workspace's conveyor.aws.endpointUrl may redirect.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { revokeAllowedEndpoint } from '../../../src/aws/editor/commands';
import type { PendingEndpoint } from '../../../src/aws/editor/endpoint-prompt';
import { ALLOWED_ENDPOINTS_KEY, AwsSession } from '../../../src/aws/editor/session';
import { silentLogger } from '../../../src/core/log';
import { MemoryMemento } from '../pipelines/helpers';
import { ScriptedUiBase } from '../scripted-ui';
import { activateConveyor, waitFor } from './helpers';

const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('conveyor.aws');
const setWorkspaceEndpoint = (url: string | undefined): Thenable<void> => config().update('endpointUrl', url, vscode.ConfigurationTarget.Workspace);

/**
 * A listener on loopback that answers as the SSO portal does and records every SSO bearer token it is
 * sent (other requests, such as the views' own service calls, carry none).
 */
async function ssoPortal(): Promise<{ url: string; tokens: string[]; close(): void }> {
  const tokens: string[] = [];
  const server = http.createServer((req, res) => {
    const token = req.headers['x-amz-sso_bearer_token'];
    if (token !== undefined || req.url?.startsWith('/federation/')) tokens.push(String(token));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ roleCredentials: { accessKeyId: 'AKIAFROMSSO', secretAccessKey: 'x', sessionToken: 'x', expiration: Date.now() + 3600e3 } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, tokens, close: () => server.close() };
}

describe('AWS endpoint set by a workspace', function () {
  this.timeout(60_000);
  afterEach(async () => {
    if (config().inspect('endpointUrl')?.workspaceValue !== undefined) await setWorkspaceEndpoint(undefined);
  });

  it('is not used for another host until the person allows that host, by name', async () => {
    const api = await activateConveyor();
    const userValue = api.aws.endpointUrl;
    const asked: PendingEndpoint[] = [];
    let answer!: (allow: boolean) => void;
    const state = new MemoryMemento();
    const session = new AwsSession(silentLogger, { state, allowEndpoint: async (pending) => {
      asked.push(pending);
      return new Promise<boolean>((resolve) => { answer = resolve; });
    } });
    try {
      await setWorkspaceEndpoint('https://collector.conveyor-test.invalid:8443/aws');
      await session.reload('test');
      assert.equal(session.endpointUrl, userValue, 'requests keep going where the user settings say');
      assert.equal(api.aws.endpointUrl, userValue, "the extension's own session does not switch either");
      assert.deepEqual(asked, [{ url: 'https://collector.conveyor-test.invalid:8443/aws', origin: 'https://collector.conveyor-test.invalid:8443' }]);
      await session.reload('again');
      assert.equal(asked.length, 1, 'asked once per window');
      answer(true);
      await waitFor('the allowed endpoint to apply', () => session.endpointUrl === 'https://collector.conveyor-test.invalid:8443/aws');
      assert.equal(session.endpointDecision.trust, 'approved');
      assert.deepEqual(state.get(ALLOWED_ENDPOINTS_KEY), ['https://collector.conveyor-test.invalid:8443']);
    } finally {
      session.dispose();
    }
  });

  it('can be revoked: requests go back where the user settings say, and the workspace asks again', async () => {
    const api = await activateConveyor();
    const userValue = api.aws.endpointUrl;
    const origin = 'https://collector.conveyor-test.invalid:8443';
    const state = new MemoryMemento();
    await state.update(ALLOWED_ENDPOINTS_KEY, ['https://other.conveyor-test.invalid']);
    const asked: PendingEndpoint[] = [];
    const session = new AwsSession(silentLogger, { state, allowEndpoint: async (pending) => {
      asked.push(pending);
      return asked.length === 1;
    } });
    try {
      await setWorkspaceEndpoint(`${origin}/aws`);
      await session.reload('test');
      await waitFor('the allowed endpoint to apply', () => session.endpointUrl === `${origin}/aws`);
      assert.deepEqual(state.get(ALLOWED_ENDPOINTS_KEY), ['https://other.conveyor-test.invalid', origin]);
      const ui = new ScriptedUiBase().answer(origin);
      assert.deepEqual(await revokeAllowedEndpoint(session, ui), [origin]);
      assert.deepEqual(ui.of('pick'), [`Revoke an Allowed AWS Endpoint: https://other.conveyor-test.invalid | ${origin} | All of them`]);
      assert.equal(session.endpointUrl, userValue, 'requests no longer go to the revoked host');
      assert.deepEqual(state.get(ALLOWED_ENDPOINTS_KEY), ['https://other.conveyor-test.invalid'], 'only the chosen origin is revoked');
      assert.deepEqual(asked.map((p) => p.origin), [origin, origin], 'the workspace asks again in this window');
      const all = new ScriptedUiBase().answer('All of them');
      await state.update(ALLOWED_ENDPOINTS_KEY, [origin, 'https://other.conveyor-test.invalid']);
      assert.deepEqual(await revokeAllowedEndpoint(session, all), [origin, 'https://other.conveyor-test.invalid']);
      assert.deepEqual(state.get(ALLOWED_ENDPOINTS_KEY), []);
      const none = new ScriptedUiBase();
      assert.equal(await revokeAllowedEndpoint(session, none), undefined);
      assert.match(none.of('notify')[0] ?? '', /^info: No AWS endpoint is allowed/);
    } finally {
      session.dispose();
    }
  });

  it('on loopback is used for service calls, but the SSO access token still goes to AWS', async () => {
    const api = await activateConveyor();
    const home = process.env.HOME ?? '';
    const cache = path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`);
    const workspaceEndpoint = await ssoPortal();
    const aws = await ssoPortal();
    const savedSsoEndpoint = process.env.AWS_ENDPOINT_URL_SSO;
    try {
      fs.mkdirSync(path.dirname(cache), { recursive: true });
      fs.writeFileSync(cache, JSON.stringify({ accessToken: 'SSO-ACCESS-TOKEN', expiresAt: '2099-01-01T00:00:00Z', region: 'us-east-1', startUrl: 'https://corp.awsapps.com/start' }));
      // Stands in for AWS's own SSO portal, so that nothing here leaves the machine.
      process.env.AWS_ENDPOINT_URL_SSO = aws.url;
      await setWorkspaceEndpoint(workspaceEndpoint.url);
      await waitFor('the workspace endpoint to apply', () => api.aws.endpointUrl === workspaceEndpoint.url);
      assert.equal(api.aws.endpointDecision.trust, 'loopback');
      const identity = await api.aws.client('codepipeline', { profile: 'sso-dev', region: 'us-west-2' }).config.credentials();
      assert.equal(identity.accessKeyId, 'AKIAFROMSSO');
      assert.deepEqual(workspaceEndpoint.tokens, [], 'the endpoint the workspace set never saw the SSO access token');
      assert.deepEqual(aws.tokens, ['SSO-ACCESS-TOKEN']);
    } finally {
      if (savedSsoEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_SSO;
      else process.env.AWS_ENDPOINT_URL_SSO = savedSsoEndpoint;
      fs.rmSync(cache, { force: true });
      workspaceEndpoint.close();
      aws.close();
    }
  });
});
