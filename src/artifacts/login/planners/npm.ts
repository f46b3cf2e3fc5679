// npm and pnpm: .npmrc registry and _authToken (pnpm keeps the token reference in ~/.npmrc).
import { normaliseNpmScope } from '../tools';
import { nerfDart, npmUserConfig, type PlanInput, projectFile, type ToolPlanner } from '../plan-kit';

export const NPM_PLANNER: ToolPlanner = {
  plan(input: PlanInput) {
    const { request: r, tokenVariable: V, url: E, endpoint, ctx, plan } = input;
    const scope = r.scope !== undefined ? normaliseNpmScope(r.scope) : undefined;
    const registryKey = scope ? `@${scope}:registry` : 'registry';
    const tokenKey = `${nerfDart(endpoint)}:_authToken`;
    const user = r.placement === 'user';
    if (r.tool === 'pnpm' && !user) {
      // pnpm ≥ 11.5.3 ignores ${VAR} in credentials from a project .npmrc (a cloned repository must
      // not route tokens); the reference goes in the user's ~/.npmrc, the registry in the project.
      return plan([
        { path: projectFile(r, '.npmrc'), format: 'npmrc', tokenBearing: false, skeleton: '', purpose: registryKey,
          ops: () => [{ address: [registryKey], value: E }] },
        { path: npmUserConfig(ctx), format: 'npmrc', tokenBearing: false, skeleton: '', purpose: `${tokenKey} (\${${V}})`,
          ops: () => [{ address: [tokenKey], value: `\${${V}}`, credential: true }] },
      ], () => ({}));
    }
    return plan([{
      path: user ? npmUserConfig(ctx) : projectFile(r, '.npmrc'), format: 'npmrc', tokenBearing: user, skeleton: '',
      purpose: `${registryKey} and ${tokenKey}${user ? '' : ` (\${${V}})`}`,
      ops: (token) => [
        { address: [registryKey], value: E },
        user ? { address: [tokenKey], value: token, secret: true } : { address: [tokenKey], value: `\${${V}}`, credential: true },
      ],
    }], () => ({}));
  },
};
