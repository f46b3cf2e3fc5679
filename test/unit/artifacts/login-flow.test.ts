import assert from 'node:assert/strict';
import { detectScope, detectTools } from '../../../src/artifacts/detect/detect';
import { loginFlow, type LoginFlowContext } from '../../../src/artifacts/login/login-flow';

const listing = (files: Record<string, string | null>) => ({ files: Object.keys(files), read: (f: string) => files[f] ?? undefined });

function context(files: Record<string, string | null>, domains = [{ name: 'acme', owner: '111111111111' }]): LoginFlowContext {
  const scope = detectScope(listing(files));
  return {
    domains, detected: detectTools(listing(files)), hasProject: true, ...(scope ? { scopeInUse: scope } : {}),
    listRepositories: async () => [{ name: 'team-npm' }, { name: 'python' }],
  };
}

describe('CodeArtifact login flow: defaults from the workspace', () => {
  it('finds the npm scope in use: a scoped registry in .npmrc first, then package.json\'s name', () => {
    assert.deepEqual(detectScope(listing({ '.npmrc': 'registry=https://r/\n@Acme:registry=https://x/\n', 'package.json': '{"name":"@other/app"}' })),
      { scope: '@acme', evidence: '.npmrc' });
    assert.deepEqual(detectScope(listing({ 'package.json': '{"name":"@acme/orders-ui"}' })), { scope: '@acme', evidence: 'package.json name' });
    assert.deepEqual(detectScope(listing({ 'web/package.json': '{"name":"@acme/web"}', 'package.json': '{"name":"root"}' })), { scope: '@acme', evidence: 'web/package.json name' });
    assert.equal(detectScope(listing({ 'package.json': '{"name":"app"}' })), undefined);
    assert.equal(detectScope(listing({ 'package.json': '{not json' })), undefined, 'a broken manifest is no evidence');
  });

  it('skips the single domain, preselects the lockfile\'s tool and prefills the scope in use (Step n of N)', async () => {
    const flow = loginFlow({}, context({ 'package.json': '{"name":"@acme/web"}', 'pnpm-lock.yaml': null }))!;
    assert.equal(flow.current, 'repository', 'one domain: not asked');
    assert.deepEqual([flow.show().number, flow.show().total], [1, 3]);
    await flow.prepare();
    assert.equal(flow.submit({ ids: ['team-npm'] }).status, 'next');
    const tool = flow.show();
    assert.ok(tool.view.kind === 'pick');
    assert.equal(tool.view.activeId, 'pnpm', 'pnpm-lock.yaml preselects pnpm');
    flow.submit({ ids: ['pnpm'] });
    const placement = flow.show();
    assert.ok(placement.view.kind === 'pick');
    assert.deepEqual(placement.view.items.map((i) => i.id), ['project', 'user', 'terminal'], 'the unavailable place comes last');
    flow.submit({ ids: ['project'] });
    const scope = flow.show();
    assert.ok(scope.view.kind === 'input');
    assert.deepEqual([scope.number, scope.total], [4, 4]);
    assert.equal(scope.view.value, '@acme');
    assert.match(scope.view.prompt, /@acme is in package\.json name/);
    assert.match(scope.view.learnMore ?? '', /^https:\/\/docs\.aws\.amazon\.com\/codeartifact\//);
    assert.deepEqual(flow.submit({ text: '' }), { status: 'done', result: { domain: 'acme', domainOwner: '111111111111', repository: 'team-npm', tool: 'pnpm', placement: 'project', scope: '' } });
  });

  it('asks for the domain when there are several', () => {
    const flow = loginFlow({}, context({}, [{ name: 'acme', owner: '1' }, { name: 'platform', owner: '2' }]))!;
    assert.equal(flow.current, 'domain');
  });
});
