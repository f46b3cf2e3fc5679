// A repository row names the package managers logged in to it (review item 14: only the status bar knew).
import * as assert from 'node:assert/strict';
import { loginBadge } from '../../../src/artifacts/tree/login-badge';
import type { ToolId } from '../../../src/artifacts/login/tools';

const login = (tool: ToolId, repository = 'team-npm', domainOwner = '111111111111') => ({ request: { tool, domain: 'acme', domainOwner, repository } });
const teamNpm = { domain: 'acme', domainOwner: '111111111111', repository: 'team-npm' };

describe('Artifacts: the login badge of a repository row', () => {
  it('names the tools logged in to that repository, once each, in login order', () => {
    assert.equal(loginBadge(teamNpm, [login('pnpm')]), 'logged in (pnpm)');
    assert.equal(loginBadge(teamNpm, [login('pnpm'), login('npm'), login('pnpm')]), 'logged in (pnpm, npm)');
  });

  it('says nothing for another repository, another owner, or no login', () => {
    assert.equal(loginBadge(teamNpm, [login('pip', 'python'), login('npm', 'team-npm', '222222222222')]), undefined);
    assert.equal(loginBadge(teamNpm, []), undefined);
  });
});
