// What logging a tool in means, file by file: which config file, which entries (as editor ops), which
// environment variables for terminals. Pure: paths come from the home folder, platform and environment
// passed in, and the token only ever flows into ops/env at the moment they are applied. Each package
// manager plans its own login (planners/); this checks the request and hands it to the right one.
import { PlanError, type FilePlan, type LoginPlan, type LoginRequest, type PlanContext } from './plan-kit';
import { PLANNERS } from './planners';
import { TOOLS } from './tools';

export { PlanError, type FilePlan, type LoginPlan, type LoginRequest, type PlanContext } from './plan-kit';

/** The key that makes two logins "the same login" (a re-login replaces the token only). */
export function loginId(r: Pick<LoginRequest, 'tool' | 'placement' | 'domain' | 'domainOwner' | 'repository' | 'scope' | 'projectDir'>): string {
  return [r.tool, r.placement, r.domain, r.domainOwner, r.repository, r.scope ?? '', r.placement === 'user' ? '' : r.projectDir ?? ''].join('|');
}

/** The token variable for a new login: CODEARTIFACT_AUTH_TOKEN unless another domain already uses it. */
export function chooseTokenVariable(domain: string, domainOwner: string, active: readonly { domain: string; domainOwner: string; tokenVariable: string }[]): string {
  const base = 'CODEARTIFACT_AUTH_TOKEN';
  const clash = (name: string): boolean => active.some((a) => a.tokenVariable === name && (a.domain !== domain || a.domainOwner !== domainOwner));
  if (!clash(base)) return base;
  const specific = `${base}_${domain.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${domainOwner}`;
  return specific;
}

export function planLogin(request: LoginRequest, ctx: PlanContext): LoginPlan {
  const info = TOOLS[request.tool];
  const placement = info.placements[request.placement];
  if (!placement.available) throw new PlanError(`${info.label} cannot be logged in with "${request.placement}": ${placement.reason}`);
  let endpoint: URL;
  try {
    endpoint = new URL(request.endpoint);
  } catch {
    throw new PlanError(`"${request.endpoint}" is not a repository endpoint URL`);
  }
  if (!endpoint.pathname.endsWith('/')) endpoint = new URL(`${request.endpoint}/`);
  if (request.scope !== undefined && !info.scopes) throw new PlanError(`Argument scope is not supported for ${info.label}`);
  const V = request.tokenVariable;
  if (!/^[A-Z_][A-Z0-9_]*$/.test(V)) throw new PlanError(`${V} is not a usable environment variable name`);
  const tokenEnv = (token: string): Record<string, string> => (request.placement === 'user' ? {} : { [V]: token });
  return PLANNERS[request.tool].plan({
    request, ctx, endpoint, url: endpoint.toString(), tokenVariable: V,
    plan: (files: FilePlan[], env: (token: string) => Record<string, string>, notes: string[] = []): LoginPlan =>
      ({ request, files, environment: (t) => ({ ...tokenEnv(t), ...env(t) }), notes }),
  });
}
