// conveyor-lint as a user gets it: `npm pack` the workspace package, install the tarball into an empty
// project in a temporary folder (a private HOME and npm cache, offline: no registry, no access to this
// repository), then run the linter, the library and the language server from there.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../../unit/server/lsp-client';
import { cleanEnv, findTool, ROOT, run, type Run } from '../harness';
import { BROKEN_BUILDSPEC, FIXED_BUILDSPEC, writeTranscript } from './lint-fixtures';

describe('conveyor-lint installed from its tarball', function () {
  this.timeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'conveyor-lint-pack-'));
  const home = join(dir, 'home');
  const project = join(dir, 'project');
  const transcript: string[] = [];
  let npm: string;
  let env: NodeJS.ProcessEnv;

  const step = async (command: string, args: string[], cwd: string): Promise<Run> => {
    const r = await run(command, args, { cwd, env });
    transcript.push(`$ ${[command.replace(dir, '$TMP'), ...args].join(' ')}   # in ${cwd.replace(dir, '$TMP')}`, r.output.trimEnd().replaceAll(dir, '$TMP'), `[exit ${r.code}]`);
    return r;
  };

  before(async function () {
    const found = findTool('npm');
    if (!found) this.skip();
    npm = found;
    mkdirSync(home);
    mkdirSync(project);
    // Not the repository's node_modules/.bin (cleanEnv puts it first): only what the project installed.
    env = cleanEnv(home, { npm_config_cache: join(home, '.npm'), npm_config_userconfig: join(home, '.npmrc'),
      PATH: [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(delimiter),
      PRE_COMMIT_HOME: join(home, '.cache', 'pre-commit'), GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid' });
    const pack = await step(npm, ['pack', '--pack-destination', dir], join(ROOT, 'packages/conveyor-lint'));
    assert.equal(pack.code, 0, pack.output);
    writeFileSync(join(project, 'package.json'), '{ "name": "empty-project", "version": "1.0.0", "private": true }\n');
    const install = await step(npm, ['install', '--offline', '--no-audit', '--no-fund', join(dir, 'conveyor-lint-0.1.0.tgz')], project);
    assert.equal(install.code, 0, install.output);
  });

  after(() => {
    writeTranscript('lint-package-transcript.txt', transcript);
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the bundles, declarations, schemas, README and LICENSE, and nothing else', async () => {
    const list = await run('tar', ['tzf', join(dir, 'conveyor-lint-0.1.0.tgz')], { cwd: dir, env });
    const files = list.output.trim().split('\n').sort();
    for (const f of ['package/dist/cli.js', 'package/dist/server.js', 'package/dist/index.js', 'package/dist/index.d.ts',
      'package/schemas/buildspec.schema.json', 'package/schemas/appspec.schema.json', 'package/README.md', 'package/LICENSE', 'package/package.json']) {
      assert.ok(files.includes(f), `${f} missing from ${files.join(', ')}`);
    }
    assert.deepEqual(files.filter((f) => !/^package\/(dist\/.*\.(js|d\.ts)|schemas\/\w+\.schema\.json|README\.md|LICENSE|package\.json)$/.test(f)), []);
  });

  it('runs the linter: exit 1 for a broken buildspec, 0 once fixed, SARIF on request', async () => {
    writeFileSync(join(project, 'buildspec.yml'), BROKEN_BUILDSPEC);
    const broken = await step(join(project, 'node_modules/.bin/conveyor-lint'), ['.'], project);
    assert.equal(broken.code, 1, broken.output);
    assert.match(broken.output, /buildspec\.yml:3:3: error: Unknown key 'biuld' in phases\. Did you mean 'build'\? \[schema\/unknown-key\]/);
    const sarif = await run(join(project, 'node_modules/.bin/conveyor-lint'), ['--format', 'sarif', 'buildspec.yml'], { cwd: project, env });
    assert.equal((JSON.parse(sarif.output) as { version: string }).version, '2.1.0');
    writeFileSync(join(project, 'buildspec.yml'), FIXED_BUILDSPEC);
    const fixed = await step(join(project, 'node_modules/.bin/conveyor-lint'), ['.'], project);
    assert.equal(fixed.code, 0, fixed.output);
  });

  it('serves the library and the schemas to require()', async () => {
    const script = `const l = require('conveyor-lint');
const r = l.validate(${JSON.stringify(BROKEN_BUILDSPEC)}, { path: 'buildspec.yml' });
const s = require(require.resolve('conveyor-lint/schemas/buildspec.schema.json'));
console.log(JSON.stringify({ rules: r.diagnostics.map((d) => d.rule), id: s.$id, kind: require('conveyor-lint/detect').kindFromFileName('appspec.yml') }));`;
    const r = await step(process.execPath, ['-e', script], project);
    assert.equal(r.code, 0, r.output);
    assert.deepEqual(JSON.parse(r.output), { rules: ['schema/unknown-key'], id: 'https://json.schemastore.org/buildspec.json', kind: 'appspec' });
  });

  it('runs the language server over stdio', async () => {
    const { client, init } = await TestClient.start([join(project, 'node_modules/.bin/conveyor-language-server'), '--stdio'], {}, project);
    try {
      assert.equal(init.serverInfo?.name, 'conveyor-language-server');
      const uri = `file://${project}/buildspec.yml`;
      await client.open(uri, BROKEN_BUILDSPEC);
      const ds: Diagnostic[] = await client.diagnosticsOf(uri, (d) => d.length > 0);
      assert.deepEqual(ds.map((d) => d.code), ['schema/unknown-key']);
      transcript.push('$ conveyor-language-server --stdio   # didOpen buildspec.yml', JSON.stringify(ds.map((d) => ({ line: d.range.start.line, code: d.code, message: d.message }))));
    } finally {
      await client.stop();
    }
  });

  it('refuses a commit with a broken buildspec through the pre-commit hook, and accepts it fixed', async function () {
    const preCommit = findTool('pre-commit');
    const git = findTool('git');
    if (!preCommit || !git) this.skip();
    // The hook repository as pre-commit clones it: this repository's .pre-commit-hooks.yaml at a commit.
    const hooks = join(dir, 'hooks-repo');
    mkdirSync(hooks);
    copyFileSync(join(ROOT, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'));
    for (const args of [['init', '-q'], ['add', '.'], ['commit', '-q', '-m', 'hooks']]) assert.equal((await run(git, args, { cwd: hooks, env })).code, 0);
    const rev = (await run(git, ['rev-parse', 'HEAD'], { cwd: hooks, env })).output.trim();
    writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: conveyor-lint\n`);
    writeFileSync(join(project, '.gitignore'), 'node_modules/\n');
    assert.equal((await step(git, ['init', '-q'], project)).code, 0);
    const install = await step(preCommit, ['install'], project);
    assert.equal(install.code, 0, install.output);
    writeFileSync(join(project, 'buildspec.yml'), BROKEN_BUILDSPEC);
    await run(git, ['add', '.'], { cwd: project, env });
    const refused = await step(git, ['commit', '-m', 'broken buildspec'], project);
    assert.notEqual(refused.code, 0, refused.output);
    assert.match(refused.output, /conveyor-lint.*Failed/);
    assert.match(refused.output, /Unknown key 'biuld' in phases/);
    writeFileSync(join(project, 'buildspec.yml'), FIXED_BUILDSPEC);
    await run(git, ['add', '.'], { cwd: project, env });
    const accepted = await step(git, ['commit', '-m', 'fixed buildspec'], project);
    assert.equal(accepted.code, 0, accepted.output);
    assert.match(accepted.output, /conveyor-lint.*Passed/);
  });
});
