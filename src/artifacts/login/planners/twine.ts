// twine: .pypirc [codeartifact] with index-servers, or TWINE_* variables.
import * as path from 'node:path';
import type { PlanInput, ToolPlanner } from '../plan-kit';

export const TWINE_PLANNER: ToolPlanner = {
  plan(input: PlanInput) {
    const { request: r, url: E, ctx, plan } = input;
    if (r.placement === 'terminal') return plan([], (t) => ({ TWINE_REPOSITORY_URL: E, TWINE_USERNAME: 'aws', TWINE_PASSWORD: t }));
    return plan([{
      path: path.join(ctx.home, '.pypirc'), format: 'pypirc', tokenBearing: true, skeleton: '',
      purpose: '[codeartifact] repository, username and token; codeartifact in index-servers',
      ops: (t) => [
        { address: ['distutils', 'index-servers', '+', 'codeartifact'], value: 'codeartifact' },
        { address: ['codeartifact', 'repository'], value: E },
        { address: ['codeartifact', 'username'], value: 'aws' },
        { address: ['codeartifact', 'password'], value: t, secret: true },
      ],
    }], () => ({}));
  },
};
