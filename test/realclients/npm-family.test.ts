// npm, pnpm and Yarn Berry, configured only by Conveyor's login: each must authenticate with the
// token, fail once the token expires, and work again after a refresh (a re-login that changes only
// the token). Logout leaves the pre-existing config byte-identical.
import assert from 'node:assert/strict';
import { ListPackageVersionsCommand } from '@aws-sdk/client-codeartifact';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, findTool, Harness, run, snapshot, tail, type Workspace } from './harness';

const CONSUMER = JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, dependencies: { '@acme/ui-kit': '1.2.0' } });
/** For scoped logins only @acme packages come from CodeArtifact: 2.0.1 has no unscoped dependencies. */
const SCOPED_CONSUMER = JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, dependencies: { '@acme/logger': '2.0.1' } });

describe('real clients: npm, pnpm and Yarn Berry with Conveyor\'s configuration', function () {
  this.timeout(300_000);
  const h = new Harness();
  before(async () => h.start());
  after(async () => h.stop());

  const npmEnv = (ws: Workspace, extra: Record<string, string> = {}) => cleanEnv(ws.home, { npm_config_cache: join(ws.home, '.npm'), ...extra });

  describe('npm', () => {
    let npm: string;
    before(function () {
      const found = findTool('npm');
      if (!found) this.skip();
      npm = found;
    });

    it('user config: npm install and npm publish authenticate with the token; expiry breaks them, refresh fixes them', async () => {
      const ws = h.workspace('npm-user');
      const before = '# my own settings\nsave-exact=true\n';
      writeFileSync(join(ws.home, '.npmrc'), before);
      writeFileSync(join(ws.project, 'package.json'), CONSUMER);
      const login = await h.login(ws, { tool: 'npm', placement: 'user', repository: 'team-npm' });
      const env = npmEnv(ws, login.environment);

      const install = await run(npm, ['install', '--no-audit', '--no-fund'], { cwd: ws.project, env });
      assert.equal(install.code, 0, tail(install.output));
      assert.ok(existsSync(join(ws.project, 'node_modules', '@acme', 'ui-kit', 'package.json')));

      const pkg = join(ws.project, 'pkg');
      mkdirSync(pkg);
      writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@acme/conveyor-probe', version: '1.0.0', main: 'index.js', license: 'MIT' }));
      writeFileSync(join(pkg, 'index.js'), 'module.exports = 1;\n');
      const publish = await run(npm, ['publish'], { cwd: pkg, env });
      assert.equal(publish.code, 0, tail(publish.output));
      const listed = await h.client.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'team-npm', format: 'npm', namespace: 'acme', package: 'conveyor-probe' }));
      assert.deepEqual(listed.versions?.map((v) => v.version), ['1.0.0']);

      h.expireTokens();
      const expired = await run(npm, ['view', '@acme/ui-kit', 'version'], { cwd: ws.project, env });
      assert.notEqual(expired.code, 0, 'an expired token must make npm fail');
      assert.match(expired.output, /E401|401/);

      const files = snapshot(login);
      const refreshed = await h.login(ws, { tool: 'npm', placement: 'user', repository: 'team-npm' }, 900, login.manifest);
      for (const [file, text] of Object.entries(snapshot(refreshed))) assert.equal(text, (files[file] ?? '').split(login.issued.token).join(refreshed.issued.token), 'refresh changes only the token');
      const again = await run(npm, ['view', '@acme/ui-kit', 'version'], { cwd: ws.project, env: npmEnv(ws, refreshed.environment) });
      assert.equal(again.code, 0, tail(again.output));
      assert.equal(again.output.trim().split('\n').pop(), '1.2.0');

      await h.logout(refreshed);
      assert.equal(readFileSync(join(ws.home, '.npmrc'), 'utf8'), before);
    });

    it('project config: the .npmrc references ${CODEARTIFACT_AUTH_TOKEN}; without the variable npm is refused', async () => {
      const ws = h.workspace('npm-project');
      writeFileSync(join(ws.project, 'package.json'), SCOPED_CONSUMER);
      const login = await h.login(ws, { tool: 'npm', placement: 'project', repository: 'team-npm', scope: 'acme' });
      assert.ok(!readFileSync(join(ws.project, '.npmrc'), 'utf8').includes(login.issued.token), 'no token in the project');
      const ok = await run(npm, ['install', '--no-audit', '--no-fund'], { cwd: ws.project, env: npmEnv(ws, login.environment) });
      assert.equal(ok.code, 0, tail(ok.output));
      const withoutToken = await run(npm, ['view', '@acme/logger', 'version'], { cwd: ws.project, env: npmEnv(ws) });
      assert.notEqual(withoutToken.code, 0);
      await h.logout(login);
      assert.equal(existsSync(join(ws.project, '.npmrc')), false);
    });
  });

  describe('pnpm', () => {
    let pnpm: string;
    before(function () {
      const found = findTool('pnpm');
      if (!found) this.skip();
      pnpm = found;
    });

    for (const placement of ['project', 'user'] as const) {
      it(`${placement} config: pnpm install authenticates; expiry breaks it; refresh fixes it`, async () => {
        const ws = h.workspace(`pnpm-${placement}`);
        writeFileSync(join(ws.project, 'package.json'), CONSUMER);
        const login = await h.login(ws, { tool: 'pnpm', placement, repository: 'team-npm' });
        const env = npmEnv(ws, login.environment);
        const install = await run(pnpm, ['install', '--reporter', 'append-only'], { cwd: ws.project, env });
        assert.equal(install.code, 0, tail(install.output));
        assert.ok(existsSync(join(ws.project, 'node_modules', '@acme', 'ui-kit')));

        // Start over without any cache, so pnpm has to ask the registry again.
        const reset = () => {
          for (const p of [join(ws.project, 'node_modules'), join(ws.project, 'pnpm-lock.yaml'), join(ws.home, '.local', 'share', 'pnpm'), join(ws.home, '.cache')]) rmSync(p, { recursive: true, force: true });
        };
        reset();
        h.expireTokens();
        const expired = await run(pnpm, ['install', '--reporter', 'append-only'], { cwd: ws.project, env });
        assert.notEqual(expired.code, 0, 'an expired token must make pnpm fail');
        assert.match(expired.output, /401/);

        reset();
        const refreshed = await h.login(ws, { tool: 'pnpm', placement, repository: 'team-npm' }, 900, login.manifest);
        const again = await run(pnpm, ['install', '--reporter', 'append-only'], { cwd: ws.project, env: npmEnv(ws, refreshed.environment) });
        assert.equal(again.code, 0, tail(again.output));
        assert.ok(existsSync(join(ws.project, 'node_modules', '@acme', 'ui-kit')));
        await h.logout(refreshed);
        assert.equal(existsSync(join(ws.project, '.npmrc')), false);
        assert.equal(existsSync(join(ws.home, '.npmrc')), false);
      });
    }
  });

  describe('Yarn Berry', () => {
    let yarn: string;
    before(function () {
      const found = findTool('yarn');
      if (!found) this.skip();
      yarn = found;
    });

    // 127.0.0.1 serves plain http; Yarn refuses http registries unless whitelisted (real CodeArtifact is https).
    const yarnEnv = (ws: Workspace, extra: Record<string, string>) => cleanEnv(ws.home, {
      YARN_UNSAFE_HTTP_WHITELIST: '127.0.0.1', YARN_ENABLE_TELEMETRY: '0', YARN_ENABLE_GLOBAL_CACHE: 'false', YARN_ENABLE_IMMUTABLE_INSTALLS: 'false', ...extra,
    });

    const versionCheck = async (project: string, env: NodeJS.ProcessEnv) => {
      const check = await run(yarn, ['npm', 'info', '@acme/logger', '--fields', 'version', '--json'], { cwd: project, env });
      return check;
    };

    for (const [placement, scope] of [['project', undefined], ['user', 'acme'], ['terminal', undefined]] as const) {
      it(`${placement} config${scope ? ` (scope @${scope})` : ''}: yarn install authenticates; expiry breaks it; refresh fixes it`, async () => {
        const ws = h.workspace(`yarn-${placement}`);
        const before = 'nodeLinker: node-modules # keep it simple\n';
        writeFileSync(join(ws.project, '.yarnrc.yml'), before);
        writeFileSync(join(ws.project, 'package.json'), scope ? SCOPED_CONSUMER : CONSUMER);
        writeFileSync(join(ws.project, 'yarn.lock'), '');
        const login = await h.login(ws, { tool: 'yarn', placement, repository: 'team-npm', ...(scope ? { scope } : {}) });
        const install = await run(yarn, ['install'], { cwd: ws.project, env: yarnEnv(ws, login.environment) });
        assert.equal(install.code, 0, tail(install.output));
        assert.ok(existsSync(join(ws.project, 'node_modules', '@acme', scope ? 'logger' : 'ui-kit', 'package.json')));

        h.expireTokens();
        const expired = await versionCheck(ws.project, yarnEnv(ws, login.environment));
        assert.notEqual(expired.code, 0, 'an expired token must make yarn fail');
        assert.match(expired.output, /401|Unauthorized|authentication/i);

        const refreshed = await h.login(ws, { tool: 'yarn', placement, repository: 'team-npm', ...(scope ? { scope } : {}) }, 900, login.manifest);
        const again = await versionCheck(ws.project, yarnEnv(ws, refreshed.environment));
        assert.equal(again.code, 0, tail(again.output));
        assert.match(again.output, /"version":"2\.\d\.\d"/);
        await h.logout(refreshed);
        assert.equal(readFileSync(join(ws.project, '.yarnrc.yml'), 'utf8'), before);
      });
    }
  });
});
