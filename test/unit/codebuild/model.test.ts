// The pure CodeBuild pieces: Start Build inputs, which projects a workspace buildspec belongs to,
// notifications for watched projects, and the one-line summaries.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseRemotes, readRepository } from '../../../src/codebuild/git/remotes';
import { parseEnvironmentOverrides, validateSourceVersion } from '../../../src/codebuild/model/inputs';
import { BuildNotificationTracker, DEFAULT_NOTIFY_SETTINGS } from '../../../src/codebuild/model/notifications';
import type { BuildInfo, ProjectInfo } from '../../../src/codebuild/model/types';
import { projectOfBuildId, reportGroupArnOf } from '../../../src/codebuild/model/types';
import { buildspecPathOf, projectsForBuildspec, repoIdOf } from '../../../src/codebuild/model/workspace-match';
import { batchKind, buildspecOverridden, coverageSummaryText, shortVersion, testSummaryText } from '../../../src/codebuild/present/summaries';

const project = (name: string, type: string, location: string | undefined, buildspec?: string): ProjectInfo => ({
  name, source: { type, ...(location ? { location } : {}), ...(buildspec !== undefined ? { buildspec } : {}) },
  secondarySources: [], environment: { variables: [] }, batch: false,
});

const build = (id: string, status: BuildInfo['status']): BuildInfo => ({
  id, projectName: projectOfBuildId(id), status, environmentVariables: [], phases: [], artifacts: [], reportArns: [],
});

describe('CodeBuild inputs', () => {
  it('parses environment overrides with types, and refuses what CodeBuild would', () => {
    assert.deepEqual(parseEnvironmentOverrides('STAGE=dev, parameter-store:TOKEN=/ci/token\nNOTE="a, b"').variables, [
      { name: 'STAGE', value: 'dev', type: 'PLAINTEXT' },
      { name: 'TOKEN', value: '/ci/token', type: 'PARAMETER_STORE' },
      { name: 'NOTE', value: 'a, b', type: 'PLAINTEXT' },
    ]);
    assert.deepEqual(parseEnvironmentOverrides('secrets-manager:DB=prod/db:password').variables, [{ name: 'DB', value: 'prod/db:password', type: 'SECRETS_MANAGER' }]);
    assert.match(parseEnvironmentOverrides('1X=2').error ?? '', /not a valid variable name/);
    assert.match(parseEnvironmentOverrides('CODEBUILD_X=1').error ?? '', /reserved/);
    assert.match(parseEnvironmentOverrides('A=1\nA=2').error ?? '', /given twice/);
    assert.match(parseEnvironmentOverrides('novalue').error ?? '', /is not NAME=value/);
    assert.deepEqual(parseEnvironmentOverrides('').variables, []);
    assert.equal(validateSourceVersion('feature/x'), undefined);
    assert.match(validateSourceVersion('a b') ?? '', /no spaces/);
  });
});

describe('workspace buildspec → CodeBuild project', () => {
  it('recognises one repository however its URL is spelled', () => {
    const https = repoIdOf('https://github.com/Acme-Retail/orders-api.git');
    assert.deepEqual(https, { host: 'github.com', path: 'acme-retail/orders-api' });
    assert.deepEqual(repoIdOf('git@github.com:acme-retail/orders-api.git'), https);
    assert.deepEqual(repoIdOf('ssh://git@github.com/acme-retail/orders-api'), https);
    assert.deepEqual(repoIdOf('https://git-codecommit.us-east-1.amazonaws.com/v1/repos/payments-api'), { host: 'codecommit:us-east-1', path: 'payments-api' });
    assert.deepEqual(repoIdOf('codecommit::us-east-1://payments-api'), { host: 'codecommit:us-east-1', path: 'payments-api' });
    assert.equal(repoIdOf('CODEBUILD_DEFAULT_WEBHOOK_SOURCE_LOCATION'), undefined);
    assert.equal(repoIdOf('file:///etc'), undefined);
  });

  it('matches by source and buildspec path (buildspec.yml by default; never inline or pipeline sources)', () => {
    const projects = [
      project('unit', 'GITHUB', 'https://github.com/acme-retail/orders-api.git'),
      project('e2e', 'GITHUB', 'https://github.com/acme-retail/orders-api.git', 'ci/buildspec-e2e.yml'),
      project('inline', 'GITHUB', 'https://github.com/acme-retail/orders-api.git', 'version: 0.2\nphases: {}'),
      project('other', 'GITHUB', 'https://github.com/acme-retail/storefront-web.git'),
      project('pipeline', 'CODEPIPELINE', undefined),
      project('cc', 'CODECOMMIT', 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/orders-api'),
    ];
    const remotes = [repoIdOf('git@github.com:acme-retail/orders-api.git')!];
    assert.deepEqual(projectsForBuildspec(projects, remotes, 'buildspec.yml').map((p) => p.name), ['unit']);
    assert.deepEqual(projectsForBuildspec(projects, remotes, './ci/buildspec-e2e.yml').map((p) => p.name), ['e2e']);
    assert.deepEqual(projectsForBuildspec(projects, [repoIdOf('codecommit://orders-api')!], 'buildspec.yml').map((p) => p.name), ['cc'], 'a remote without a region matches any region');
    assert.equal(buildspecPathOf(project('s3', 'S3', 'bucket/key', 'arn:aws:s3:::specs/buildspec.yml')), undefined);
  });
});

describe('CodeBuild notifications', () => {
  it('reports a watched build that finished after it was seen running; history is no news', () => {
    const tracker = new BuildNotificationTracker();
    const watched = (p: string): boolean => p === 'app';
    assert.deepEqual(tracker.observe('T', [build('app:1', 'FAILED'), build('app:2', 'IN_PROGRESS'), build('other:1', 'IN_PROGRESS')], watched, DEFAULT_NOTIFY_SETTINGS), []);
    const news = tracker.observe('T', [build('app:2', 'FAILED'), build('other:1', 'FAILED')], watched, DEFAULT_NOTIFY_SETTINGS);
    assert.deepEqual(news.map((n) => `${n.kind} ${n.build.id}`), ['failed app:2']);
    assert.deepEqual(tracker.observe('T', [build('app:2', 'FAILED')], watched, DEFAULT_NOTIFY_SETTINGS), [], 'once');
    assert.deepEqual(tracker.observe('T', [build('app:3', 'SUCCEEDED')], watched, DEFAULT_NOTIFY_SETTINGS, new Set(['app:3'])).map((n) => n.kind), ['succeeded'],
      'a build started here is news even when its end is the first thing seen');
    tracker.observe('T', [build('app:4', 'IN_PROGRESS')], watched, DEFAULT_NOTIFY_SETTINGS);
    assert.deepEqual(tracker.observe('T', [build('app:4', 'SUCCEEDED')], watched, { failed: true, succeeded: false }), [], 'the setting is honoured');
  });
});

describe('CodeBuild summaries', () => {
  it('summarises reports, batches, versions and buildspec overrides', () => {
    assert.equal(testSummaryText({ total: 30, counts: { SUCCEEDED: 25, FAILED: 2, ERROR: 1, SKIPPED: 2, UNKNOWN: 0 } }), '25 passed, 2 failed, 1 error, 2 skipped');
    assert.equal(testSummaryText({ total: 0, counts: {} }), '0 tests');
    assert.equal(coverageSummaryText({ linePercent: 81.44, branchPercent: 100 }), '81.4% lines · 100% branches');
    assert.equal(shortVersion('refs/heads/main'), 'main');
    assert.equal(shortVersion('a'.repeat(40)), 'aaaaaaa');
    const batch = (identifiers: string[], dependsOn: string[][] = []) => ({
      id: 'p:1', projectName: 'p', status: 'SUCCEEDED' as const, phases: [],
      groups: identifiers.map((identifier, i) => ({ identifier, dependsOn: dependsOn[i] ?? [], ignoreFailure: false, prior: [] })),
    });
    assert.equal(batchKind(batch(['DOWNLOAD_SOURCE', 'lint', 'test'], [[], [], ['lint']])), 'graph');
    assert.equal(batchKind(batch(['DOWNLOAD_SOURCE', 'build1', 'build2'])), 'matrix');
    assert.equal(batchKind(batch(['DOWNLOAD_SOURCE', 'linux', 'windows'])), 'list');
    const b = { ...build('app:1', 'SUCCEEDED'), buildspec: 'version: 0.2\nphases: {}\n' };
    assert.equal(buildspecOverridden(b, project('app', 'GITHUB', 'x', 'buildspec.yml')), true);
    assert.equal(buildspecOverridden({ ...b, buildspec: 'buildspec.yml' }, project('app', 'GITHUB', 'x', 'buildspec.yml')), false);
    assert.equal(reportGroupArnOf('arn:aws:codebuild:us-east-1:1:report/app-tests:0f1e'), 'arn:aws:codebuild:us-east-1:1:report-group/app-tests');
  });
});

describe('workspace git remotes', () => {
  it('reads the fetch URLs of `git remote -v`', async () => {
    assert.deepEqual(parseRemotes('origin\tgit@github.com:acme-retail/orders-api.git (fetch)\norigin\tgit@github.com:acme-retail/orders-api.git (push)\nmirror\tnot a url (fetch)\n'),
      [{ host: 'github.com', path: 'acme-retail/orders-api' }]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-remotes-'));
    try {
      execFileSync('git', ['init', '-q'], { cwd: dir });
      execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme-retail/orders-api.git'], { cwd: dir });
      fs.mkdirSync(path.join(dir, 'sub'));
      const repo = await readRepository(path.join(dir, 'sub'));
      assert.equal(repo?.root, fs.realpathSync(dir));
      assert.deepEqual(repo?.remotes, [{ host: 'github.com', path: 'acme-retail/orders-api' }]);
      assert.equal(await readRepository(os.tmpdir()), undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
