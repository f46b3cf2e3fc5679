// pip, twine (Debian) and Poetry (Debian python3-poetry), configured only by Conveyor's login.
import assert from 'node:assert/strict';
import { ListPackageVersionsCommand } from '@aws-sdk/client-codeartifact';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wheel, wheelFileName } from '../emulator/services/packages/build/python-dist';
import { cleanEnv, findTool, Harness, run, tail, type Workspace } from './harness';

describe('real clients: pip, twine and Poetry with Conveyor\'s configuration', function () {
  this.timeout(300_000);
  const h = new Harness();
  before(async () => h.start());
  after(async () => h.stop());

  const pyEnv = (ws: Workspace, extra: Record<string, string>) => cleanEnv(ws.home, {
    PIP_NO_INPUT: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_CACHE_DIR: '1', PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring', ...extra,
  });

  describe('pip', () => {
    let python: string;
    before(function () {
      const found = findTool('python3');
      if (!found) this.skip();
      python = found;
    });

    const install = (ws: Workspace, env: NodeJS.ProcessEnv, args: string[]) =>
      run(python, ['-m', 'pip', 'install', '--target', join(ws.project, `site-${Math.random().toString(36).slice(2)}`), ...args], { cwd: ws.project, env });

    for (const [placement, pipOption] of [['user', 'index-url'], ['user', 'extra-index-url'], ['terminal', 'index-url'], ['project', 'index-url']] as const) {
      it(`${placement} config (${pipOption}): pip install authenticates; expiry breaks it; refresh fixes it`, async () => {
        const ws = h.workspace(`pip-${placement}-${pipOption}`);
        // With extra-index-url pip still asks its main index first: point that at an empty local
        // folder so the test neither waits for pypi.org nor could be satisfied by it.
        const mainIndex: Record<string, string> = pipOption === 'extra-index-url' ? { PIP_INDEX_URL: `file://${ws.home}/empty-index` } : {};
        const before = '# pinned\nacme-common==1.2.0\n';
        writeFileSync(join(ws.project, 'requirements.txt'), before);
        const args = placement === 'project' ? ['-r', 'requirements.txt'] : ['acme-common==1.2.0'];
        const login = await h.login(ws, { tool: 'pip', placement, repository: 'python', pipOption });
        if (placement === 'user') assert.equal(readFileSync(join(ws.home, '.config', 'pip', 'pip.conf'), 'utf8').includes(login.issued.token), true);
        if (placement === 'project') assert.equal(readFileSync(join(ws.project, 'requirements.txt'), 'utf8').includes(login.issued.token), false, 'no token in the project');

        const ok = await install(ws, pyEnv(ws, { ...mainIndex, ...login.environment }), args);
        assert.equal(ok.code, 0, tail(ok.output));
        assert.match(ok.output, /Successfully installed acme-common-1\.2\.0/);

        h.expireTokens();
        const expired = await install(ws, pyEnv(ws, { ...mainIndex, ...login.environment }), args);
        assert.notEqual(expired.code, 0, 'an expired token must make pip fail');
        assert.match(expired.output, /401|No matching distribution|Could not find a version/);

        const refreshed = await h.login(ws, { tool: 'pip', placement, repository: 'python', pipOption }, 900, login.manifest);
        const again = await install(ws, pyEnv(ws, { ...mainIndex, ...refreshed.environment }), args);
        assert.equal(again.code, 0, tail(again.output));
        await h.logout(refreshed);
        assert.equal(readFileSync(join(ws.project, 'requirements.txt'), 'utf8'), before);
        assert.equal(existsSync(join(ws.home, '.config', 'pip')), false);
      });
    }
  });

  describe('twine', () => {
    let twine: string;
    before(function () {
      const found = findTool('twine');
      if (!found) this.skip();
      twine = found;
    });

    const dist = (ws: Workspace, version: string): string => {
      const input = { name: 'acme-conveyor-probe', version, summary: 'Uploaded by twine', requiresDist: [], readme: '# probe' };
      const file = join(ws.project, wheelFileName(input));
      writeFileSync(file, wheel(input));
      return file;
    };

    for (const placement of ['user', 'terminal'] as const) {
      it(`${placement} config: twine upload authenticates; expiry breaks it; refresh fixes it`, async () => {
        const ws = h.workspace(`twine-${placement}`);
        const before = '[distutils]\nindex-servers =\n    pypi\n\n[pypi]\nusername = __token__\n';
        writeFileSync(join(ws.home, '.pypirc'), before);
        const login = await h.login(ws, { tool: 'twine', placement, repository: 'python' });
        const upload = (env: NodeJS.ProcessEnv, file: string) => run(twine, ['upload', ...(placement === 'user' ? ['-r', 'codeartifact'] : []), '--non-interactive', '--disable-progress-bar', file], { cwd: ws.project, env });
        const version = placement === 'user' ? '1' : '2';

        const ok = await upload(pyEnv(ws, login.environment), dist(ws, `${version}.0.0`));
        assert.equal(ok.code, 0, tail(ok.output));
        h.expireTokens();
        const expired = await upload(pyEnv(ws, login.environment), dist(ws, `${version}.1.0`));
        assert.notEqual(expired.code, 0, 'an expired token must make twine fail');
        assert.match(expired.output, /401|Unauthorized|403|Forbidden/);

        const refreshed = await h.login(ws, { tool: 'twine', placement, repository: 'python' }, 900, login.manifest);
        const again = await upload(pyEnv(ws, refreshed.environment), dist(ws, `${version}.1.0`));
        assert.equal(again.code, 0, tail(again.output));
        const listed = await h.client.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'python', format: 'pypi', package: 'acme-conveyor-probe' }));
        assert.ok(listed.versions?.some((v) => v.version === `${version}.1.0`));
        await h.logout(refreshed);
        assert.equal(readFileSync(join(ws.home, '.pypirc'), 'utf8'), before);
      });
    }
  });

  describe('Poetry', () => {
    let poetry: string;
    let legacy = true;
    before(async function () {
      const found = findTool('poetry');
      if (!found) this.skip();
      poetry = found;
      // Poetry < 1.5 knows default/secondary, later versions the priority key.
      const version = /(\d+)\.(\d+)/.exec((await run(poetry, ['--version'], { cwd: '/', env: cleanEnv('/tmp', {}) })).output);
      legacy = !version || Number(version[1]) < 1 || (Number(version[1]) === 1 && Number(version[2]) < 5);
    });

    const pyproject = [
      '[tool.poetry]', 'name = "consumer"', 'version = "0.1.0"', 'description = "Consumes Acme packages"', 'authors = ["Dev <dev@example.com>"]', '',
      '# Dependencies come from CodeArtifact only.', '[tool.poetry.dependencies]', 'python = "^3.9"', 'acme-common = "1.2.0"', '',
      '[build-system]', 'requires = ["poetry-core"]', 'build-backend = "poetry.core.masonry.api"', '',
    ].join('\n');

    for (const placement of ['project', 'user'] as const) {
      it(`${placement} config: poetry lock and install authenticate; expiry breaks them; refresh fixes them`, async () => {
        const ws = h.workspace(`poetry-${placement}`);
        writeFileSync(join(ws.project, 'pyproject.toml'), pyproject);
        const request = { tool: 'poetry' as const, placement, repository: 'python', poetryStyle: legacy ? 'legacy' as const : 'priority' as const };
        const login = await h.login(ws, request);
        const env = (extra: Record<string, string>) => pyEnv(ws, {
          POETRY_VIRTUALENVS_IN_PROJECT: 'true', POETRY_CACHE_DIR: join(ws.home, 'poetry-cache'), POETRY_NO_INTERACTION: '1', ...extra,
        });
        const lock = await run(poetry, ['lock', '--no-update'], { cwd: ws.project, env: env(login.environment) });
        assert.equal(lock.code, 0, tail(lock.output));
        const install = await run(poetry, ['install', '--no-root'], { cwd: ws.project, env: env(login.environment) });
        assert.equal(install.code, 0, tail(install.output));
        assert.match(readFileSync(join(ws.project, 'poetry.lock'), 'utf8'), /name = "acme-common"/);

        // Forget everything Poetry could answer from: its caches, the lock file and the installed venv.
        const reset = () => {
          for (const p of [join(ws.home, 'poetry-cache'), join(ws.project, 'poetry.lock'), join(ws.project, '.venv')]) rmSync(p, { recursive: true, force: true });
        };
        reset();
        h.expireTokens();
        const expired = await run(poetry, ['lock', '--no-update'], { cwd: ws.project, env: env(login.environment) });
        assert.notEqual(expired.code, 0, 'an expired token must make poetry fail');

        assert.match(expired.output, /doesn't match any versions|401|Unauthorized/);

        reset();
        const refreshed = await h.login(ws, request, 900, login.manifest);
        const again = await run(poetry, ['lock', '--no-update'], { cwd: ws.project, env: env(refreshed.environment) });
        assert.equal(again.code, 0, tail(again.output));
        reset();
        await h.logout(refreshed);
        assert.equal(readFileSync(join(ws.project, 'pyproject.toml'), 'utf8'), pyproject);
      });
    }
  });
});
