// What a repository row says about the logins made to it ("logged in (pnpm)"), so that the tree, not
// only the status bar, shows where a package manager gets its packages.
import { TOOLS, type ToolId } from '../login/tools';
import type { RepoRef } from './nodes';

interface LoginTo {
  request: { tool: ToolId; domain: string; domainOwner: string; repository: string };
}

/** "logged in (npm, pip)" for the tools logged in to `ref`, in login order; undefined when none is. */
export function loginBadge(ref: RepoRef, logins: readonly LoginTo[]): string | undefined {
  const tools = [...new Set(logins
    .filter((l) => l.request.domain === ref.domain && l.request.domainOwner === ref.domainOwner && l.request.repository === ref.repository)
    .map((l) => TOOLS[l.request.tool].label))];
  return tools.length > 0 ? `logged in (${tools.join(', ')})` : undefined;
}
