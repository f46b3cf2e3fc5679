import assert from 'node:assert/strict';
import * as path from 'node:path';
import { chooseTokenVariable, loginId, planLogin, PlanError, type LoginRequest, type PlanContext } from '../../../src/artifacts/login/plan';
import { poetryStyleOf } from '../../../src/artifacts/login/poetry';
import { TOOL_IDS, TOOLS, type Placement } from '../../../src/artifacts/login/tools';

const HOME = '/home/dev';
const ctx = (over: Partial<PlanContext> = {}): PlanContext => ({ home: HOME, platform: 'linux', env: {}, exists: () => false, ...over });
const EP = 'https://acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/npm/team-npm/';
const PY = 'https://acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/pypi/python/';
const req = (over: Partial<LoginRequest>): LoginRequest => ({
  tool: 'npm', placement: 'user', domain: 'acme', domainOwner: '111111111111', repository: 'team-npm', region: 'us-east-1',
  endpoint: EP, tokenVariable: 'CODEARTIFACT_AUTH_TOKEN', projectDir: '/work/app', ...over,
});

describe('login planning', () => {
  it('npm user login writes registry and the nerf-darted token to ~/.npmrc, mode 0600', () => {
    const plan = planLogin(req({}), ctx());
    assert.equal(plan.files.length, 1);
    const [f] = plan.files;
    assert.equal(f?.path, path.join(HOME, '.npmrc'));
    assert.equal(f?.tokenBearing, true);
    assert.deepEqual(f?.ops('TOK'), [
      { address: ['registry'], value: EP },
      { address: ['//acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/npm/team-npm/:_authToken'], value: 'TOK', secret: true },
    ]);
    assert.deepEqual(plan.environment('TOK'), {});
  });

  it('npm scopes change only the scope\'s registry; the scope may be given with or without @', () => {
    for (const scope of ['acme', '@acme']) {
      const ops = planLogin(req({ scope }), ctx()).files[0]?.ops('T') ?? [];
      assert.deepEqual(ops[0], { address: ['@acme:registry'], value: EP });
    }
    assert.throws(() => planLogin(req({ scope: 'Bad Scope' }), ctx()), /not a valid npm scope/);
  });

  it('project placement references the token variable and hands the token to terminals only', () => {
    const plan = planLogin(req({ placement: 'project' }), ctx());
    const [f] = plan.files;
    assert.equal(f?.path, '/work/app/.npmrc');
    assert.equal(f?.tokenBearing, false);
    assert.equal(f?.ops('SECRET').some((op) => op.value.includes('SECRET')), false);
    assert.equal(f?.ops('SECRET')[1]?.value, '${CODEARTIFACT_AUTH_TOKEN}');
    assert.deepEqual(plan.environment('SECRET'), { CODEARTIFACT_AUTH_TOKEN: 'SECRET' });
  });

  it('refuses placements a tool cannot honour, with the reason', () => {
    assert.throws(() => planLogin(req({ placement: 'terminal' }), ctx()), (err: unknown) => err instanceof PlanError && /_authToken/.test(err.message));
    assert.throws(() => planLogin(req({ tool: 'twine', placement: 'project', endpoint: PY }), ctx()), /no project-level/);
    assert.throws(() => planLogin(req({ tool: 'pip', scope: 'x', endpoint: PY }), ctx()), /scope is not supported/);
    const { projectDir: _none, ...noFolder } = req({ placement: 'project' });
    assert.throws(() => planLogin(noFolder, ctx()), /open the project folder/);
  });

  it('terminal-only logins put nothing on disk', () => {
    for (const tool of TOOL_IDS) {
      if (!TOOLS[tool].placements.terminal.available) continue;
      const plan = planLogin(req({ tool, placement: 'terminal', endpoint: EP }), ctx());
      assert.deepEqual(plan.files, [], tool);
      const env = plan.environment('TOK');
      assert.ok(Object.values(env).some((v) => v.includes('TOK')), `${tool} passes the token to terminals`);
      for (const name of Object.keys(env)) assert.match(name, /^[A-Za-z_][A-Za-z0-9_]*$/, `${tool}: ${name} is a portable variable name`);
    }
  });

  it('terminal-only logins use each tool\'s own environment variables (one planner per tool)', () => {
    const E = 'https://acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/x/r/';
    const env = (tool: LoginRequest['tool']): Record<string, string> => planLogin(req({ tool, placement: 'terminal', endpoint: E }), ctx()).environment('TOK');
    const T = { CODEARTIFACT_AUTH_TOKEN: 'TOK' };
    assert.deepEqual(env('yarn'), { ...T, YARN_NPM_REGISTRY_SERVER: E.slice(0, -1), YARN_NPM_AUTH_TOKEN: 'TOK', YARN_NPM_ALWAYS_AUTH: 'true' });
    assert.deepEqual(env('pip'), { ...T, PIP_INDEX_URL: 'https://aws:TOK@acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/x/r/simple/' });
    assert.deepEqual(env('poetry'), { ...T, POETRY_HTTP_BASIC_CODEARTIFACT_USERNAME: 'aws', POETRY_HTTP_BASIC_CODEARTIFACT_PASSWORD: 'TOK', POETRY_REPOSITORIES_CODEARTIFACT_URL: E });
    assert.deepEqual(env('twine'), { ...T, TWINE_REPOSITORY_URL: E, TWINE_USERNAME: 'aws', TWINE_PASSWORD: 'TOK' });
    assert.deepEqual(env('gradle'), { ...T, ORG_GRADLE_PROJECT_codeartifactUrl: E, ORG_GRADLE_PROJECT_codeartifactToken: 'TOK' });
  });

  it('reads which pyproject keys the installed Poetry understands from `poetry --version`', () => {
    assert.equal(poetryStyleOf('Poetry (version 1.4.2)'), 'legacy');
    assert.equal(poetryStyleOf('Poetry (version 1.5.0)'), 'priority');
    assert.equal(poetryStyleOf('Poetry (version 2.1.3)'), 'priority');
    assert.equal(poetryStyleOf('Poetry version 0.12.17'), 'legacy');
    assert.equal(poetryStyleOf(undefined), 'priority', 'no Poetry on PATH: the current form');
  });

  it('every placement that writes files marks exactly the token-holding ones for mode 0600', () => {
    for (const tool of TOOL_IDS) {
      for (const placement of ['user', 'project'] as Placement[]) {
        if (!TOOLS[tool].placements[placement].available) continue;
        const plan = planLogin(req({ tool, placement, endpoint: EP }), ctx());
        for (const f of plan.files) {
          const holdsToken = f.ops('TOKEN-VALUE').some((op) => op.value.includes('TOKEN-VALUE'));
          assert.equal(f.tokenBearing, holdsToken, `${tool}/${placement} ${f.path}`);
          assert.equal(f.ops('TOKEN-VALUE').every((op) => !op.value.includes('TOKEN-VALUE') || op.secret), true, `${tool}/${placement}: token ops are secret`);
        }
        if (placement === 'project') assert.equal(plan.environment('TOKEN-VALUE').CODEARTIFACT_AUTH_TOKEN, 'TOKEN-VALUE', tool);
      }
    }
  });

  it('pip: index-url or extra-index-url with the token in the URL, in the XDG user config', () => {
    const user = planLogin(req({ tool: 'pip', endpoint: PY }), ctx({ env: { XDG_CONFIG_HOME: '/xdg' } }));
    assert.equal(user.files[0]?.path, '/xdg/pip/pip.conf');
    assert.deepEqual(user.files[0]?.ops('T')[0]?.value, 'https://aws:T@acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/pypi/python/simple/');
    const extra = planLogin(req({ tool: 'pip', endpoint: PY, pipOption: 'extra-index-url' }), ctx());
    assert.deepEqual(extra.files[0]?.ops('T')[0]?.address, ['global', 'extra-index-url', '+', 'https://acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/pypi/python/simple/']);
    assert.equal(planLogin(req({ tool: 'pip', endpoint: PY }), ctx({ platform: 'win32', env: { APPDATA: 'C:\\Users\\dev\\AppData\\Roaming' } })).files[0]?.path,
      path.join('C:\\Users\\dev\\AppData\\Roaming', 'pip', 'pip.ini'));
    const project = planLogin(req({ tool: 'pip', endpoint: PY, placement: 'project' }), ctx());
    assert.equal(project.files[0]?.path, '/work/app/requirements.txt');
    assert.equal(project.files[0]?.ops('T')[0]?.value, 'https://aws:${CODEARTIFACT_AUTH_TOKEN}@acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/pypi/python/simple/');
    assert.deepEqual(planLogin(req({ tool: 'pip', endpoint: PY, placement: 'terminal' }), ctx()).environment('T'),
      { CODEARTIFACT_AUTH_TOKEN: 'T', PIP_INDEX_URL: 'https://aws:T@acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/pypi/python/simple/' });
  });

  it('twine writes .pypirc as the AWS CLI does', () => {
    const ops = planLogin(req({ tool: 'twine', endpoint: PY }), ctx()).files[0]?.ops('T') ?? [];
    assert.deepEqual(ops.map((o) => [o.address.join(' '), o.value]), [
      ['distutils index-servers + codeartifact', 'codeartifact'], ['codeartifact repository', PY], ['codeartifact username', 'aws'], ['codeartifact password', 'T'],
    ]);
  });

  it('poetry: source in pyproject.toml (legacy or priority keys), credentials in auth.toml or terminals', () => {
    const legacy = planLogin(req({ tool: 'poetry', endpoint: PY, poetryStyle: 'legacy' }), ctx());
    assert.deepEqual(legacy.files.map((f) => f.path), ['/work/app/pyproject.toml', '/home/dev/.config/pypoetry/auth.toml']);
    assert.deepEqual(legacy.files[0]?.ops('T')[1], { address: ['[[tool.poetry.source]]', 'name=codeartifact', 'default'], value: 'true' });
    const modern = planLogin(req({ tool: 'poetry', endpoint: PY, placement: 'project', poetryPriority: 'supplemental' }), ctx());
    assert.deepEqual(modern.files[0]?.ops('T')[1], { address: ['[[tool.poetry.source]]', 'name=codeartifact', 'priority'], value: '"supplemental"' });
    assert.deepEqual(modern.environment('T'), { CODEARTIFACT_AUTH_TOKEN: 'T', POETRY_HTTP_BASIC_CODEARTIFACT_USERNAME: 'aws', POETRY_HTTP_BASIC_CODEARTIFACT_PASSWORD: 'T' });
  });

  it('yarn: npmRegistries keyed without the trailing slash; scopes in npmScopes; env form without scope only', () => {
    const plan = planLogin(req({ tool: 'yarn' }), ctx());
    assert.deepEqual(plan.files[0]?.ops('T')[1]?.address, ['npmRegistries', '//acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/npm/team-npm', 'npmAuthToken']);
    assert.equal(planLogin(req({ tool: 'yarn', scope: 'acme' }), ctx()).files[0]?.ops('T')[0]?.address.join('.'), 'npmScopes.acme.npmRegistryServer');
    assert.throws(() => planLogin(req({ tool: 'yarn', placement: 'terminal', scope: 'acme' }), ctx()), /npmScopes only/);
  });

  it('maven: server + active profile in settings.xml, or pom repository + ${env.VAR} server for projects', () => {
    const user = planLogin(req({ tool: 'maven', endpoint: EP }), ctx());
    assert.equal(user.files[0]?.path, '/home/dev/.m2/settings.xml');
    assert.match(user.files[0]?.skeleton ?? '', /<settings[\s\S]*<\/settings>\n$/);
    const project = planLogin(req({ tool: 'maven', endpoint: EP, placement: 'project' }), ctx());
    assert.deepEqual(project.files.map((f) => f.path), ['/home/dev/.m2/settings.xml', '/work/app/pom.xml']);
    assert.equal(project.files[0]?.ops('T')[1]?.value, '${env.CODEARTIFACT_AUTH_TOKEN}');
    const mirror = planLogin(req({ tool: 'maven', endpoint: EP, mavenMode: 'mirror' }), ctx());
    assert.ok(mirror.files[0]?.ops('T').some((o) => o.address.join('/') === 'settings/mirrors/mirror[id=codeartifact-acme-team-npm]/mirrorOf' && o.value === '*'));
  });

  it('nuget/dotnet reuse the project\'s existing NuGet config spelling', () => {
    const plan = planLogin(req({ tool: 'dotnet', placement: 'project' }), ctx({ exists: (p) => p === '/work/app/nuget.config' }));
    assert.equal(plan.files[0]?.path, '/work/app/nuget.config');
    assert.equal(plan.files[0]?.ops('T')[2]?.value, '%CODEARTIFACT_AUTH_TOKEN%');
  });

  it('swift: registries.json plus a .netrc entry for the host', () => {
    const plan = planLogin(req({ tool: 'swift', endpoint: 'https://acme-111111111111.d.codeartifact.us-east-1.amazonaws.com/swift/sw/', scope: 'acme' }), ctx());
    assert.deepEqual(plan.files.map((f) => [f.path, f.format, f.tokenBearing]), [
      ['/home/dev/.swiftpm/configuration/registries.json', 'json', false], ['/home/dev/.netrc', 'netrc', true],
    ]);
    assert.deepEqual(plan.files[0]?.ops('T')[0], { address: ['authentication', 'acme-111111111111.d.codeartifact.us-east-1.amazonaws.com', 'loginAPIPath'], value: '"/swift/sw/login"' });
  });

  it('a login\'s identity ignores the token and, for user placements, the project', () => {
    assert.equal(loginId(req({ projectDir: '/a' })), loginId(req({ projectDir: '/b' })));
    assert.notEqual(loginId(req({ placement: 'project', projectDir: '/a' })), loginId(req({ placement: 'project', projectDir: '/b' })));
    assert.notEqual(loginId(req({ scope: 'x' })), loginId(req({})));
  });

  it('gives a second domain its own token variable', () => {
    const active = [{ domain: 'acme', domainOwner: '111111111111', tokenVariable: 'CODEARTIFACT_AUTH_TOKEN' }];
    assert.equal(chooseTokenVariable('acme', '111111111111', active), 'CODEARTIFACT_AUTH_TOKEN');
    assert.equal(chooseTokenVariable('platform', '222222222222', active), 'CODEARTIFACT_AUTH_TOKEN_PLATFORM_222222222222');
  });
});
