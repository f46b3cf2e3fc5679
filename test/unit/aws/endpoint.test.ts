import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { credentialsFor } from '../../../src/aws/credentials';
import { credentialEndpoint, decideEndpoint, isLocalEndpoint, type EndpointDecision } from '../../../src/aws/endpoint';

const NONE: ReadonlySet<string> = new Set();

describe('conveyor.aws.endpointUrl and where credentials go (review 2026-12, finding 2)', () => {
  describe('decideEndpoint', () => {
    it('uses AWS without a value, and the user settings value with credentials', () => {
      assert.deepEqual(decideEndpoint({}, NONE), { trust: 'aws', credentials: false });
      assert.deepEqual(decideEndpoint({ user: ' https://localstack.lan:4566/ ' }, NONE), { url: 'https://localstack.lan:4566', trust: 'user', credentials: true });
    });

    it('does not use a workspace endpoint on another host until that origin is allowed', () => {
      const pending = decideEndpoint({ workspace: 'https://collector.example.com/aws' }, NONE);
      assert.deepEqual(pending, { trust: 'aws', credentials: false, pending: { url: 'https://collector.example.com/aws', origin: 'https://collector.example.com' } });
      assert.equal(pending.url, undefined, 'nothing goes there');
      const withUser = decideEndpoint({ user: 'http://127.0.0.1:4566', workspace: 'https://collector.example.com' }, NONE);
      assert.equal(withUser.url, 'http://127.0.0.1:4566', "the user's own endpoint stays in use");
      assert.equal(withUser.pending?.origin, 'https://collector.example.com');
      const allowed = decideEndpoint({ workspace: 'https://collector.example.com/aws' }, new Set(['https://collector.example.com']));
      assert.deepEqual(allowed, { url: 'https://collector.example.com/aws', trust: 'approved', credentials: true });
      assert.equal(decideEndpoint({ workspace: 'https://collector.example.com:8443' }, new Set(['https://collector.example.com'])).pending?.origin,
        'https://collector.example.com:8443', 'another port is another origin');
    });

    it('uses a workspace endpoint on loopback for service calls, but not for the SSO/STS sign-in', () => {
      for (const url of ['http://127.0.0.1:4566', 'http://localhost:4566', 'http://[::1]:4566', 'http://127.9.8.7:1', 'http://0x7f.1:4566']) {
        const d = decideEndpoint({ workspace: url }, NONE);
        assert.equal(d.trust, 'loopback', url);
        assert.ok(d.url, url);
        assert.equal(d.credentials, false, url);
        assert.equal(credentialEndpoint(d), undefined, url);
      }
    });

    it('does not take host names that merely start like a loopback address as loopback', () => {
      for (const url of ['http://127.0.0.1.nip.io:4566', 'http://localhost.example.com', 'http://127.0.0.1@collector.example.com', 'http://128.0.0.1']) {
        assert.equal(isLocalEndpoint(url), false, url);
        assert.notEqual(decideEndpoint({ workspace: url }, NONE).trust, 'loopback', url);
      }
    });

    it('lets a workspace clear the user settings value: AWS itself is always allowed', () => {
      assert.deepEqual(decideEndpoint({ user: 'http://127.0.0.1:4566', workspace: '' }, NONE), { trust: 'aws', credentials: false });
      assert.equal(decideEndpoint({ user: 'http://127.0.0.1:4566', workspace: undefined }, NONE).url, 'http://127.0.0.1:4566');
    });

    it('trusts a workspace value that is the same as the user settings value', () => {
      assert.deepEqual(decideEndpoint({ user: 'http://127.0.0.1:4566', workspace: 'http://127.0.0.1:4566/' }, NONE), { url: 'http://127.0.0.1:4566', trust: 'user', credentials: true });
    });

    it('ignores values that are not plain http(s) URLs, and says why', () => {
      for (const workspace of ['file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'https://me:secret@collector.example.com']) {
        const d = decideEndpoint({ user: 'http://127.0.0.1:4566', workspace }, NONE);
        assert.equal(d.url, 'http://127.0.0.1:4566', workspace);
        assert.match(d.invalid ?? '', /in this workspace's settings/, workspace);
        assert.ok(!(d.invalid ?? '').includes('secret'), d.invalid);
      }
      assert.equal(decideEndpoint({ user: 'ftp://x' }, NONE).url, undefined);
    });
  });

  describe('an IAM Identity Center profile resolved with the decided endpoint (the review\'s repro)', () => {
    const saved = { ...process.env };
    let home: string;
    let workspaceEndpoint: http.Server;
    let awsStandIn: http.Server;
    const seen: { workspace: string[]; aws: string[] } = { workspace: [], aws: [] };
    const listen = async (record: string[]): Promise<http.Server> => {
      const server = http.createServer((req, res) => {
        record.push(String(req.headers['x-amz-sso_bearer_token']));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ roleCredentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'x', sessionToken: 'x', expiration: Date.now() + 3600e3 } }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return server;
    };
    const url = (server: http.Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    before(async () => {
      home = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-endpoint-'));
      const startUrl = 'https://example.awsapps.com/start';
      fs.mkdirSync(path.join(home, '.aws', 'sso', 'cache'), { recursive: true });
      fs.writeFileSync(path.join(home, '.aws', 'config'), `[profile dev]\nsso_start_url = ${startUrl}\nsso_region = us-east-1\nsso_account_id = 111122223333\nsso_role_name = Admin\n`);
      fs.writeFileSync(path.join(home, '.aws', 'credentials'), '');
      fs.writeFileSync(path.join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(startUrl).digest('hex')}.json`),
        JSON.stringify({ accessToken: 'SSO-ACCESS-TOKEN', expiresAt: '2099-01-01T00:00:00Z', region: 'us-east-1', startUrl }));
      workspaceEndpoint = await listen(seen.workspace);
      awsStandIn = await listen(seen.aws);
      process.env.HOME = home;
      process.env.AWS_CONFIG_FILE = path.join(home, '.aws', 'config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(home, '.aws', 'credentials');
      // Stands in for AWS's own SSO endpoint, so that nothing here leaves the machine.
      process.env.AWS_ENDPOINT_URL_SSO = url(awsStandIn);
    });
    after(() => {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      workspaceEndpoint.close();
      awsStandIn.close();
      fs.rmSync(home, { recursive: true, force: true });
    });
    beforeEach(() => { seen.workspace.length = 0; seen.aws.length = 0; });

    const resolve = async (decision: EndpointDecision): Promise<void> => {
      const endpointUrl = credentialEndpoint(decision);
      await credentialsFor('dev', { region: 'us-east-1', ...(endpointUrl ? { endpointUrl } : {}) })();
    };

    it('sends the SSO access token to AWS, not to an endpoint a workspace set', async () => {
      await resolve(decideEndpoint({ workspace: url(workspaceEndpoint) }, NONE));
      assert.deepEqual(seen.workspace, [], 'the workspace endpoint received nothing');
      assert.deepEqual(seen.aws, ['SSO-ACCESS-TOKEN']);
    });

    it('sends it to the endpoint once the person allowed that origin, or set it in user settings', async () => {
      await resolve(decideEndpoint({ workspace: url(workspaceEndpoint) }, new Set([url(workspaceEndpoint)])));
      await resolve(decideEndpoint({ user: url(workspaceEndpoint) }, NONE));
      assert.deepEqual(seen.workspace, ['SSO-ACCESS-TOKEN', 'SSO-ACCESS-TOKEN']);
      assert.deepEqual(seen.aws, []);
    });
  });
});
