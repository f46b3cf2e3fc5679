// Which integrated terminals get a login's variables. A login made for a project (terminal or project
// placement with a project folder) reaches only the terminals of the workspace folder holding that
// project; one made without a folder reaches every terminal. So two logins meet in a terminal only
// when their folders are the same or nested, or one of them has none, and only then can their
// variables collide.
import * as path from 'node:path';
import type { LoginMeta } from './manifest';
import type { LoginRequest } from './plan';

type Scoped = Pick<LoginRequest, 'placement' | 'projectDir'>;

/** The folder a login's variables are scoped to; undefined: every terminal. */
export function terminalFolder(r: Scoped): string | undefined {
  return r.placement === 'user' ? undefined : r.projectDir;
}

function within(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Whether some terminal gets the variables of both logins. */
export function shareTerminals(a: Scoped, b: Scoped): boolean {
  const fa = terminalFolder(a);
  const fb = terminalFolder(b);
  return fa === undefined || fb === undefined || within(fa, fb) || within(fb, fa);
}

/**
 * The active logins that already set a variable this login needs, in a terminal both reach. Two
 * logins of one domain may share its token variable: either token works for the domain.
 */
export function environmentConflicts(request: LoginRequest, id: string, names: readonly string[], active: readonly LoginMeta[]): { ids: string[]; names: string[] } {
  const ids: string[] = [];
  const clashing = new Set<string>();
  for (const other of active) {
    if (other.id === id || !shareTerminals(request, other.request)) continue;
    const sameDomain = other.request.domain === request.domain && other.request.domainOwner === request.domainOwner;
    const shared = names.filter((n) => other.environmentNames.includes(n) && !(sameDomain && n === request.tokenVariable && n === other.request.tokenVariable));
    if (shared.length === 0) continue;
    ids.push(other.id);
    for (const n of shared) clashing.add(n);
  }
  return { ids, names: [...clashing] };
}

export interface TerminalVariables {
  /** The workspace folder whose terminals get them; undefined: every terminal of the window. */
  folder: string | undefined;
  variables: Record<string, string>;
}

/**
 * Groups the variables of the active logins by the workspace folder of this window they belong to.
 * Logins of projects outside this window's folders contribute nothing here.
 */
export function terminalVariables(logins: readonly { request: Scoped; variables: Record<string, string> }[], folders: readonly string[]): TerminalVariables[] {
  const out = new Map<string | undefined, Record<string, string>>();
  for (const login of logins) {
    if (Object.keys(login.variables).length === 0) continue;
    const project = terminalFolder(login.request);
    const folder = project === undefined ? undefined : folders.find((f) => within(project, f));
    if (project !== undefined && folder === undefined) continue;
    out.set(folder, { ...out.get(folder), ...login.variables });
  }
  return [...out].map(([folder, variables]) => ({ folder, variables }));
}
