// Independent wire check: the AWS CLI (botocore, not our SDK) calls every emulated CodeArtifact and
// CodeGuru Profiler operation and must get well-formed answers.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_ACCOUNTS } from '../../emulator/core/contract';
import type { Emulator } from '../../emulator/index';
import { startArtifactEmulator } from '../../emulator/services/codeartifact/testing';

function aws(url: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: EMULATOR_ACCOUNTS.main.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMULATOR_ACCOUNTS.main.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  return new Promise((resolve) => {
    const child = spawn(DEBIAN_AWS, ['--endpoint-url', url, '--output', 'json', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => resolve({ code: -1, stdout, stderr: String(err) }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// Debian's awscli (botocore), installed by the test setup: an independent implementation of the wire
// protocols, unlike our SDK. Not whatever `aws` happens to be first on PATH.
const DEBIAN_AWS = '/usr/bin/aws';
type Json = Record<string, unknown>;

describe('emulator: the AWS CLI against CodeArtifact and CodeGuru Profiler', function () {
  this.timeout(120_000);
  let emu: Emulator;
  before(async function () {
    assert.ok(existsSync(DEBIAN_AWS), `${DEBIAN_AWS} is missing: apt-get install awscli (npm test installs it)`);
    emu = await startArtifactEmulator({ dataset: 'demo' });
  });
  after(async () => {
    if (emu) await emu.close();
  });

  async function call(args: string[]): Promise<Json> {
    const r = await aws(emu.url, args);
    assert.equal(r.code, 0, `aws ${args.join(' ')}\n${r.stderr}`);
    return r.stdout.trim() === '' ? {} : (JSON.parse(r.stdout) as Json);
  }

  const version = ['--domain', 'acme', '--repository', 'python', '--format', 'pypi', '--package', 'acme-orders', '--package-version', '1.2.0'];

  it('calls every CodeArtifact operation', async () => {
    assert.deepEqual(((await call(['codeartifact', 'list-domains'])).domains as Json[]).map((d) => d.name), ['acme']);
    assert.equal(((await call(['codeartifact', 'describe-domain', '--domain', 'platform', '--domain-owner', '222222222222'])).domain as Json).repositoryCount, 1);
    assert.equal(((await call(['codeartifact', 'list-repositories'])).repositories as unknown[]).length, 3);
    assert.equal(((await call(['codeartifact', 'list-repositories-in-domain', '--domain', 'acme'])).repositories as unknown[]).length, 3);
    assert.deepEqual(((await call(['codeartifact', 'describe-repository', '--domain', 'acme', '--repository', 'team-npm'])).repository as Json).upstreams, [{ repositoryName: 'npm-store' }]);
    assert.ok(((await call(['codeartifact', 'list-packages', '--domain', 'acme', '--repository', 'python'])).packages as unknown[]).length >= 2);
    assert.equal((await call(['codeartifact', 'list-package-versions', '--domain', 'acme', '--repository', 'team-npm', '--format', 'npm', '--namespace', 'acme', '--package', 'ui-kit'])).defaultDisplayVersion, '1.2.0');
    // The Artifacts tree's latest-version look-up: newest published first, one result.
    const uiKit = ['--domain', 'acme', '--repository', 'team-npm', '--format', 'npm', '--namespace', 'acme', '--package', 'ui-kit'];
    const all = (await call(['codeartifact', 'list-package-versions', ...uiKit, '--status', 'Published'])).versions as Json[];
    const newest = (await call(['codeartifact', 'list-package-versions', ...uiKit, '--sort-by', 'PUBLISHED_TIME', '--status', 'Published', '--max-results', '1'])).versions as Json[];
    assert.equal(newest.length, 1);
    assert.ok(all.length > 1 && all.some((v) => v.version === newest[0]!.version), `${String(newest[0]!.version)} among ${all.map((v) => String(v.version)).join(', ')}`);
    assert.equal(((await call(['codeartifact', 'describe-package-version', ...version])).packageVersion as Json).version, '1.2.0');
    assert.equal(((await call(['codeartifact', 'list-package-version-dependencies', ...version])).dependencies as unknown[]).length, 2);
    assert.equal(((await call(['codeartifact', 'list-package-version-assets', ...version])).assets as unknown[]).length, 2);
    assert.match(String((await call(['codeartifact', 'get-package-version-readme', ...version])).readme), /^# acme-orders/);
    const token = await call(['codeartifact', 'get-authorization-token', '--domain', 'acme', '--duration-seconds', '900']);
    assert.equal(typeof token.authorizationToken, 'string');
    // awscli v2 prints timestamps as ISO-8601 (v1 as epoch seconds): either way it must decode to now + 900 s.
    const expiration = typeof token.expiration === 'number' ? token.expiration * 1000 : Date.parse(String(token.expiration));
    assert.ok(Math.abs(expiration - (emu.clock.now() + 900_000)) < 5_000, `expiration ${String(token.expiration)}`);
    assert.equal((await call(['codeartifact', 'get-repository-endpoint', '--domain', 'acme', '--repository', 'python', '--format', 'pypi'])).repositoryEndpoint, `${emu.url}/_codeartifact/acme-111111111111/pypi/python/`);
    const missing = await aws(emu.url, ['codeartifact', 'describe-repository', '--domain', 'acme', '--repository', 'nope']);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /ResourceNotFoundException/);
  });

  it('calls every CodeGuru Profiler operation', async () => {
    const now = emu.clock.now();
    const range = ['--start-time', new Date(now - 2 * 86_400_000).toISOString(), '--end-time', new Date(now).toISOString()];
    assert.ok(((await call(['codeguruprofiler', 'list-profiling-groups', '--include-description'])).profilingGroups as unknown[]).length >= 6);
    assert.equal(((await call(['codeguruprofiler', 'describe-profiling-group', '--profiling-group-name', 'orders-service'])).profilingGroup as Json).name, 'orders-service');
    const dir = mkdtempSync(join(tmpdir(), 'conveyor-awscli-'));
    try {
      const out = join(dir, 'profile.json');
      const meta = await call(['codeguruprofiler', 'get-profile', '--profiling-group-name', 'checkout-worker', '--accept', 'application/json', '--period', 'PT1H', out]);
      assert.equal(meta.contentType, 'application/json');
      assert.ok((JSON.parse(readFileSync(out, 'utf8')) as Json).callgraph);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.ok(((await call(['codeguruprofiler', 'list-profile-times', '--profiling-group-name', 'orders-service', '--period', 'PT1H', ...range])).profileTimes as unknown[]).length > 0);
    assert.ok(((await call(['codeguruprofiler', 'get-recommendations', '--profiling-group-name', 'orders-service', ...range])).recommendations as unknown[]).length > 0);
    assert.ok(((await call(['codeguruprofiler', 'list-findings-reports', '--profiling-group-name', 'orders-service', ...range])).findingsReportSummaries as unknown[]).length > 0);
    const metrics = await call(['codeguruprofiler', 'batch-get-frame-metric-data', '--profiling-group-name', 'orders-service', '--target-resolution', 'PT1H',
      '--frame-metrics', 'frameName=com.example.orders.OrderService.placeOrder,type=AggregatedRelativeTotalTime,threadStates=RUNNABLE']);
    assert.equal(metrics.resolution, 'PT1H');
    assert.ok(Array.isArray(metrics.frameMetricData));
  });
});
