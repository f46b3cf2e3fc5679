// Review finding 5, the pure part: which terminals get a login's variables, and which logins would
// set the same variable in the same terminals (refused like a file conflict, at the engine).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyLogin, LoginConflictError } from '../../../src/artifacts/login/engine';
import { EMPTY_MANIFEST, type LoginMeta } from '../../../src/artifacts/login/manifest';
import { nodeConfigFs } from '../../../src/artifacts/login/node-fs';
import { loginId, planLogin, type LoginRequest } from '../../../src/artifacts/login/plan';
import { environmentConflicts, terminalVariables } from '../../../src/artifacts/login/terminal-scope';

const request = (over: Partial<LoginRequest>): LoginRequest => ({
  tool: 'poetry', placement: 'project', domain: 'domain-a', domainOwner: '111122223333', repository: 'repo', region: 'us-east-1',
  endpoint: 'https://domain-a-111122223333.d.codeartifact.us-east-1.amazonaws.com/pypi/repo/', tokenVariable: 'CODEARTIFACT_AUTH_TOKEN', ...over,
});
const meta = (r: LoginRequest, environmentNames: string[]): LoginMeta => ({
  id: loginId(r), request: r, target: { profile: 'p', region: 'us-east-1' }, issuedAt: 0, expiresAt: 1, environmentNames, files: [],
});

describe('terminal variables: which terminals, which collisions', () => {
  it('groups variables by the workspace folder holding the project; other projects get nothing; no folder means every terminal', () => {
    const groups = terminalVariables([
      { request: { placement: 'project', projectDir: '/ws/a' }, variables: { A: '1' } },
      { request: { placement: 'terminal', projectDir: '/ws/a/sub' }, variables: { B: '2' } },
      { request: { placement: 'project', projectDir: '/elsewhere/b' }, variables: { C: '3' } },
      { request: { placement: 'terminal' }, variables: { D: '4' } },
      { request: { placement: 'user', projectDir: '/ws/a' }, variables: {} },
    ], ['/ws/a', '/ws/z']);
    assert.deepEqual(groups, [{ folder: '/ws/a', variables: { A: '1', B: '2' } }, { folder: undefined, variables: { D: '4' } }]);
  });

  it('two logins collide only on a variable both set in terminals both reach; one domain may share its token variable', () => {
    const poetryA = request({ projectDir: '/ws/a' });
    const names = ['POETRY_HTTP_BASIC_CODEARTIFACT_USERNAME', 'POETRY_HTTP_BASIC_CODEARTIFACT_PASSWORD', 'CODEARTIFACT_AUTH_TOKEN'];
    const otherProject = meta(request({ projectDir: '/ws/b' }), names);
    const nested = meta(request({ placement: 'terminal', projectDir: '/ws/a/sub' }), names);
    const global = meta(request({ placement: 'terminal', tool: 'pip', domain: 'domain-b' }), ['PIP_INDEX_URL', 'CODEARTIFACT_AUTH_TOKEN']);
    assert.deepEqual(environmentConflicts(poetryA, loginId(poetryA), names, [otherProject]), { ids: [], names: [] }, 'different folders: different terminals');
    assert.deepEqual(environmentConflicts(poetryA, loginId(poetryA), names, [nested]),
      { ids: [nested.id], names: ['POETRY_HTTP_BASIC_CODEARTIFACT_USERNAME', 'POETRY_HTTP_BASIC_CODEARTIFACT_PASSWORD'] }, 'same domain: the token variable is shared, the fixed names are not');
    assert.deepEqual(environmentConflicts(poetryA, loginId(poetryA), names, [global]), { ids: [global.id], names: ['CODEARTIFACT_AUTH_TOKEN'] }, 'another domain under the same name');
    assert.deepEqual(environmentConflicts(poetryA, loginId(poetryA), names, [meta(poetryA, names)]), { ids: [], names: [] }, 'a re-login is no conflict');
  });

  it('the engine refuses such a login before writing anything', async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-scope-'));
    try {
      const terminal = request({ placement: 'terminal', projectDir: project });
      const manifest = { ...EMPTY_MANIFEST, active: [meta(terminal, Object.keys(planLogin(terminal, { home: project, platform: 'linux', env: {}, exists: () => false }).environment('T')))] };
      const projectLogin = planLogin(request({ projectDir: project }), { home: project, platform: 'linux', env: {}, exists: () => false });
      await assert.rejects(applyLogin(projectLogin, 'T', manifest, nodeConfigFs), (err: unknown) => err instanceof LoginConflictError && err.file === undefined
        && err.message === 'the terminal variables POETRY_HTTP_BASIC_CODEARTIFACT_USERNAME, POETRY_HTTP_BASIC_CODEARTIFACT_PASSWORD are already set by another Conveyor login in the same terminals; log out of it first');
      assert.deepEqual(fs.readdirSync(project), []);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
