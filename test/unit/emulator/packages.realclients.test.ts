// Real package managers (npm, pip, twine, mvn) against the emulator's CodeArtifact endpoints, each
// configured by hand in a temp dir the way `aws codeartifact login` / the AWS guide configure them.
import * as assert from 'node:assert/strict';
import { ListPackageVersionsCommand } from '@aws-sdk/client-codeartifact';
import type { CodeartifactClient } from '@aws-sdk/client-codeartifact';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../emulator/index';
import { artifactClient, login, startArtifactEmulator } from '../../emulator/services/codeartifact/testing';
import { wheel, wheelFileName } from '../../emulator/services/packages/build/python-dist';

interface Run {
  code: number | null;
  output: string;
}

/** Async on purpose: the emulator answers from this same process. */
function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (err) => resolve({ code: -1, output: String(err) }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(join(dir, tool)));
}

/** The environment without any package-manager configuration inherited from the caller (e.g. `npm test`). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(npm_config_|NPM_CONFIG_|PIP_|TWINE_|MAVEN_)/.test(k)) env[k] = v;
  }
  return { ...env, ...extra };
}

const M2 = join(homedir(), '.m2', 'repository');

describe('emulator: real package managers against the CodeArtifact endpoints', function () {
  this.timeout(300_000);
  let emu: Emulator;
  let client: CodeartifactClient;
  let work: string;
  before(async () => {
    // public:maven-central is backed by this machine's Maven cache, so mvn gets its plugins offline.
    emu = await startArtifactEmulator({ dataset: 'demo', ...(existsSync(M2) ? { mavenCentralDirectory: M2 } : {}) });
    client = artifactClient(emu.url);
    work = mkdtempSync(join(tmpdir(), 'conveyor-realclients-'));
  });
  after(async () => {
    await emu.close();
    rmSync(work, { recursive: true, force: true });
  });

  function dir(name: string): string {
    const path = join(work, name);
    mkdirSync(path, { recursive: true });
    return path;
  }

  describe('npm', () => {
    before(function () {
      if (!onPath('npm')) this.skip();
    });

    function npmrc(home: string, endpoint: string, token: string): NodeJS.ProcessEnv {
      const nerfDart = endpoint.replace(/^https?:/, '');
      writeFileSync(join(home, '.npmrc'), `registry=${endpoint}\n${nerfDart}:_authToken=${token}\n`, { mode: 0o600 });
      return cleanEnv({ HOME: home, npm_config_userconfig: join(home, '.npmrc'), npm_config_cache: join(home, 'cache'), npm_config_update_notifier: 'false' });
    }

    it('npm install resolves scoped and unscoped packages, through the upstream to public:npmjs', async () => {
      const home = dir('npm-install');
      const { endpoint, token } = await login(client, 'acme', 'team-npm', 'npm');
      const env = npmrc(home, endpoint, token);
      const project = dir('npm-install/project');
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
      const result = await run('npm', ['install', '@acme/ui-kit', 'order-client', '--no-audit', '--no-fund'], { cwd: project, env });
      assert.equal(result.code, 0, result.output);
      const check = await run('node', ['-e', "console.log(require('@acme/ui-kit').describe(), require('left-pad').version)"], { cwd: project, env });
      assert.equal(check.output.trim(), '@acme/ui-kit@1.2.0 1.3.0');
      const retained = await client.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'team-npm', format: 'npm', package: 'left-pad' }));
      assert.deepEqual(retained.versions?.map((v) => v.version), ['1.3.0']);
    });

    it('npm publish stores the version, which ListPackageVersions then shows', async () => {
      const home = dir('npm-publish');
      const { endpoint, token } = await login(client, 'acme', 'team-npm', 'npm');
      const env = npmrc(home, endpoint, token);
      const pkg = dir('npm-publish/pkg');
      writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@acme/real-publish', version: '1.0.0', description: 'Published by the real npm', main: 'index.js', license: 'MIT', dependencies: { '@acme/logger': '^2.1.0' } }));
      writeFileSync(join(pkg, 'index.js'), 'module.exports = 42;\n');
      writeFileSync(join(pkg, 'README.md'), '# real-publish\n');
      const result = await run('npm', ['publish'], { cwd: pkg, env });
      assert.equal(result.code, 0, result.output);
      const listed = await client.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'team-npm', format: 'npm', namespace: 'acme', package: 'real-publish' }));
      assert.deepEqual(listed.versions?.map((v) => [v.version, v.status]), [['1.0.0', 'Published']]);
      const view = await run('npm', ['view', '@acme/real-publish', 'dependencies', '--json'], { cwd: pkg, env });
      assert.deepEqual(JSON.parse(view.output.slice(view.output.indexOf('{'))), { '@acme/logger': '^2.1.0' });
    });

    it('npm fails with an invalid token and with an expired one', async () => {
      const { endpoint } = await login(client, 'acme', 'team-npm', 'npm');
      const bad = await run('npm', ['view', '@acme/ui-kit', 'version'], { cwd: work, env: npmrc(dir('npm-bad'), endpoint, 'not-a-token') });
      assert.notEqual(bad.code, 0);
      assert.match(bad.output, /E401|401/);
      const short = await login(client, 'acme', 'team-npm', 'npm', undefined, 900);
      const env = npmrc(dir('npm-expired'), short.endpoint, short.token);
      assert.equal((await run('npm', ['view', '@acme/ui-kit', 'version'], { cwd: work, env })).code, 0);
      emu.clock.advance(901_000);
      const expired = await run('npm', ['view', '@acme/ui-kit', 'version'], { cwd: work, env });
      assert.notEqual(expired.code, 0);
      assert.match(expired.output, /E401|401/);
    });
  });

  describe('pip and twine', () => {
    before(function () {
      if (!onPath('python3')) this.skip();
    });

    function pipConf(home: string, endpoint: string, token: string): NodeJS.ProcessEnv {
      const url = new URL(`${endpoint}simple/`);
      url.username = 'aws';
      url.password = token;
      writeFileSync(join(home, 'pip.conf'), `[global]\nindex-url = ${url.toString()}\n`, { mode: 0o600 });
      return cleanEnv({ HOME: home, PIP_CONFIG_FILE: join(home, 'pip.conf'), PIP_NO_INPUT: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1' });
    }

    const pipInstall = (home: string, env: NodeJS.ProcessEnv) =>
      run('python3', ['-m', 'pip', 'install', '--no-cache-dir', '--target', join(home, 'site'), 'acme-orders'], { cwd: home, env });

    it('pip install fetches the wheel and its dependencies (one through public:pypi) and they import', async () => {
      const home = dir('pip');
      const { endpoint, token } = await login(client, 'acme', 'python', 'pypi');
      const env = pipConf(home, endpoint, token);
      const result = await pipInstall(home, env);
      assert.equal(result.code, 0, result.output);
      const check = await run('python3', ['-c', 'import acme_orders, acme_common, six; print(acme_orders.describe(), acme_common.__version__, six.__version__)'], { cwd: home, env: { ...env, PYTHONPATH: join(home, 'site') } });
      assert.equal(check.output.trim(), 'acme-orders 1.2.0 1.2.0 1.16.0');
    });

    it('pip fails with an invalid token and with an expired one', async () => {
      const { endpoint } = await login(client, 'acme', 'python', 'pypi');
      const badHome = dir('pip-bad');
      const bad = await pipInstall(badHome, pipConf(badHome, endpoint, 'not-a-token'));
      assert.notEqual(bad.code, 0);
      const short = await login(client, 'acme', 'python', 'pypi', undefined, 900);
      emu.clock.advance(901_000);
      const home = dir('pip-expired');
      const expired = await pipInstall(home, pipConf(home, short.endpoint, short.token));
      assert.notEqual(expired.code, 0);
      assert.match(expired.output, /401|No matching distribution/);
    });

    it('twine upload publishes a wheel; a bad password is refused', async function () {
      if (!onPath('twine')) this.skip();
      const home = dir('twine');
      const { endpoint, token } = await login(client, 'acme', 'python', 'pypi');
      const dist = { name: 'acme-reports', version: '0.3.0', summary: 'Reports', requiresDist: ['acme-common>=1.1'], readme: '# Reports' };
      const file = join(home, wheelFileName(dist));
      writeFileSync(file, wheel(dist));
      const pypirc = (password: string) => {
        writeFileSync(join(home, '.pypirc'), `[distutils]\nindex-servers =\n    codeartifact\n\n[codeartifact]\nrepository: ${endpoint}\nusername: aws\npassword: ${password}\n`, { mode: 0o600 });
        return ['upload', '--config-file', join(home, '.pypirc'), '-r', 'codeartifact', '--non-interactive', '--disable-progress-bar', file];
      };
      const env = cleanEnv({ HOME: home });
      const refused = await run('twine', pypirc('not-a-token'), { cwd: home, env });
      assert.notEqual(refused.code, 0);
      const uploaded = await run('twine', pypirc(token), { cwd: home, env });
      assert.equal(uploaded.code, 0, uploaded.output);
      const listed = await client.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'python', format: 'pypi', package: 'acme-reports' }));
      assert.deepEqual(listed.versions?.map((v) => v.version), ['0.3.0']);
    });
  });

  describe('Maven', () => {
    before(function () {
      if (!onPath('mvn') || !existsSync(M2)) this.skip();
    });

    function settings(home: string, endpoint: string, token: string): string {
      const path = join(home, 'settings.xml');
      writeFileSync(path, [
        '<settings>',
        `  <servers><server><id>codeartifact</id><username>aws</username><password>${token}</password></server></servers>`,
        `  <mirrors><mirror><id>codeartifact</id><mirrorOf>*</mirrorOf><url>${endpoint}</url></mirror></mirrors>`,
        '</settings>',
      ].join('\n'), { mode: 0o600 });
      return path;
    }

    /** A project that compiles against a class inside platform-core, reached through platform-client. */
    function project(home: string): string {
      const root = dir(`${home}/project`);
      mkdirSync(join(root, 'src/main/java/demo'), { recursive: true });
      writeFileSync(join(root, 'pom.xml'), `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>demo</groupId><artifactId>consumer</artifactId><version>1.0</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies><dependency><groupId>com.acme.platform</groupId><artifactId>platform-client</artifactId><version>2.1.0</version></dependency></dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
  </plugins></build>
</project>
`);
      writeFileSync(join(root, 'src/main/java/demo/App.java'), 'package demo;\npublic class App { public static final String CORE = com.acme.platform.platform_core.BuildInfo.VERSION; }\n');
      return root;
    }

    const mvn = (cwd: string, settingsFile: string, repo: string, goals: string[]) =>
      run('mvn', ['-B', '-s', settingsFile, `-Dmaven.repo.local=${repo}`, ...goals], { cwd, env: cleanEnv({}) });

    it('mvn compile resolves platform-client and platform-core (and every plugin) through the emulator only', async function () {
      const home = dir('mvn');
      const { endpoint, token } = await login(client, 'platform', 'releases', 'maven', '222222222222');
      const result = await mvn(project('mvn'), settings(home, endpoint, token), join(home, 'repo'), ['compile']);
      if (result.code !== 0 && /maven-(resources|compiler)-plugin.*could not be resolved/i.test(result.output)) {
        this.skip(); // this machine's ~/.m2 lacks those plugin versions
      }
      assert.equal(result.code, 0, result.output.slice(-3000));
      assert.ok(existsSync(join(home, 'project/target/classes/demo/App.class')));
      assert.ok(existsSync(join(home, 'repo/com/acme/platform/platform-core/2.0.0/platform-core-2.0.0.jar')));
      assert.match(result.output, /Downloaded from codeartifact: .*platform-client-2\.1\.0\.jar/);
    });

    it('mvn fails with an invalid token', async () => {
      const home = dir('mvn-bad');
      const { endpoint } = await login(client, 'platform', 'releases', 'maven', '222222222222');
      const result = await mvn(project('mvn-bad'), settings(home, endpoint, 'not-a-token'), join(home, 'repo'), ['compile']);
      assert.notEqual(result.code, 0);
      assert.match(result.output, /401|Unauthorized/);
    });

    it('mvn dependency:get (needs maven-dependency-plugin and its dependencies in ~/.m2)', async function () {
      const home = dir('mvn-get');
      const { endpoint, token } = await login(client, 'platform', 'releases', 'maven', '222222222222');
      const result = await mvn(home, settings(home, endpoint, token), join(home, 'repo'), ['dependency:get', '-Dartifact=com.acme.platform:platform-client:2.1.0']);
      if (result.code !== 0 && /Plugin org\.apache\.maven\.plugins:maven-dependency-plugin:\S+ or one of its dependencies could not be resolved/.test(result.output)) {
        // Everything Maven asked the emulator for was served from ~/.m2; the plugin's closure is incomplete there.
        this.skip();
      }
      assert.equal(result.code, 0, result.output.slice(-3000));
      assert.ok(existsSync(join(home, 'repo/com/acme/platform/platform-client/2.1.0/platform-client-2.1.0.jar')));
    });
  });
});
