// Swift: the registry in .swiftpm/configuration/registries.json, the token in ~/.netrc.
import * as path from 'node:path';
import { normaliseSwiftScope } from '../tools';
import { type PlanInput, projectFile, type ToolPlanner } from '../plan-kit';

export const SWIFT_PLANNER: ToolPlanner = {
  plan(input: PlanInput) {
    const { request: r, url: E, endpoint, ctx, plan } = input;
    const scope = r.scope !== undefined ? normaliseSwiftScope(r.scope) : '[default]';
    const registries = r.placement === 'user'
      ? path.join(ctx.home, '.swiftpm', 'configuration', 'registries.json')
      : projectFile(r, '.swiftpm', 'configuration', 'registries.json');
    return plan([
      {
        path: registries, format: 'json', tokenBearing: false, skeleton: '{}\n', purpose: `registry ${scope} and token authentication for ${endpoint.host}`,
        ops: () => [
          { address: ['authentication', endpoint.host, 'loginAPIPath'], value: JSON.stringify(`${endpoint.pathname}login`) },
          { address: ['authentication', endpoint.host, 'type'], value: JSON.stringify('token') },
          { address: ['registries', scope, 'supportsAvailability'], value: 'false' },
          { address: ['registries', scope, 'url'], value: JSON.stringify(E) },
          { address: ['version'], value: '1' },
        ],
      },
      {
        path: path.join(ctx.home, '.netrc'), format: 'netrc', tokenBearing: true, skeleton: '', purpose: `machine ${endpoint.host} with the token`,
        ops: (t) => [{ address: [endpoint.host, 'login'], value: 'token' }, { address: [endpoint.host, 'password'], value: t, secret: true }],
      },
    ], () => ({}));
  },
};
