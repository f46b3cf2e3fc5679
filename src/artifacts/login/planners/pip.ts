// pip: pip.conf [global] index-url / extra-index-url, requirements.txt, or PIP_*INDEX_URL.
import { urlIdentity } from '../../config/ini';
import { pipUserConfig, type PlanInput, projectFile, type ToolPlanner, withCredentials } from '../plan-kit';

export const PIP_PLANNER: ToolPlanner = {
  plan(input: PlanInput) {
    const { request: r, tokenVariable: V, url: E, endpoint, ctx, plan } = input;
    const option = r.pipOption ?? 'index-url';
    const identity = urlIdentity(`${E}simple/`);
    const envName = option === 'index-url' ? 'PIP_INDEX_URL' : 'PIP_EXTRA_INDEX_URL';
    if (r.placement === 'terminal') return plan([], (t) => ({ [envName]: withCredentials(endpoint, t, 'simple/') }));
    if (r.placement === 'user') {
      return plan([{
        path: pipUserConfig(ctx), format: 'pipconf', tokenBearing: true, skeleton: '', purpose: `[global] ${option} with the token`,
        ops: (t) => [option === 'index-url'
          ? { address: ['global', 'index-url'], value: withCredentials(endpoint, t, 'simple/'), secret: true }
          : { address: ['global', 'extra-index-url', '+', identity], value: withCredentials(endpoint, t, 'simple/'), secret: true }],
      }], () => ({}));
    }
    const url = withCredentials(endpoint, `\${${V}}`, 'simple/');
    return plan([{
      path: projectFile(r, 'requirements.txt'), format: 'requirements', tokenBearing: false, skeleton: '', purpose: `--${option} with \${${V}}`,
      ops: () => [option === 'index-url' ? { address: ['index-url'], value: url, credential: true } : { address: ['extra-index-url', identity], value: url, credential: true }],
    }], () => ({}));
  },
};
