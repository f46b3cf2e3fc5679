// Yarn Berry: .yarnrc.yml npmRegistryServer / npmScopes with npmAuthToken, or its YARN_NPM_* variables.
import * as path from 'node:path';
import { normaliseNpmScope } from '../tools';
import { nerfDart, PlanError, type PlanInput, projectFile, type ToolPlanner } from '../plan-kit';

export const YARN_PLANNER: ToolPlanner = {
  plan(input: PlanInput) {
    const { request: r, tokenVariable: V, url: E, endpoint, ctx, plan } = input;
    const scope = r.scope !== undefined ? normaliseNpmScope(r.scope) : undefined;
    if (r.placement === 'terminal') {
      if (scope) throw new PlanError('Yarn reads npmScopes only from .yarnrc.yml; log in without a scope, or choose "project config"');
      return plan([], (token) => ({ YARN_NPM_REGISTRY_SERVER: E.replace(/\/$/, ''), YARN_NPM_AUTH_TOKEN: token, YARN_NPM_ALWAYS_AUTH: 'true' }));
    }
    const user = r.placement === 'user';
    // `${VAR-}`: Yarn refuses to run at all when a plain `${VAR}` is unset, which would break every
    // yarn command for teammates without the variable; with the fallback only registry calls fail (401).
    const token = (t: string): string => JSON.stringify(user ? t : `\${${V}-}`);
    const registry = nerfDart(endpoint).replace(/\/$/, '');
    return plan([{
      path: user ? path.join(ctx.home, '.yarnrc.yml') : projectFile(r, '.yarnrc.yml'), format: 'yaml', tokenBearing: user, skeleton: '',
      purpose: scope ? `npmScopes.${scope} with npmAuthToken` : `npmRegistryServer and npmRegistries["${registry}"].npmAuthToken`,
      ops: (t) => (scope
        ? [
          { address: ['npmScopes', scope, 'npmRegistryServer'], value: JSON.stringify(E) },
          { address: ['npmScopes', scope, 'npmAuthToken'], value: token(t), secret: user, credential: true },
          { address: ['npmScopes', scope, 'npmAlwaysAuth'], value: 'true' },
        ]
        : [
          { address: ['npmRegistryServer'], value: JSON.stringify(E) },
          { address: ['npmRegistries', registry, 'npmAuthToken'], value: token(t), secret: user, credential: true },
          { address: ['npmRegistries', registry, 'npmAlwaysAuth'], value: 'true' },
        ]),
    }], () => ({}));
  },
};
