// The feature's settings.
import * as vscode from 'vscode';
import { normaliseDuration } from '../login/lifecycle';

export const SECTION = 'conveyor.codeartifact';

/** conveyor.codeartifact.tokenDurationSeconds, clamped to 900–43200. */
export function tokenDurationSeconds(): number {
  return normaliseDuration(vscode.workspace.getConfiguration(SECTION).get<unknown>('tokenDurationSeconds'));
}

export interface SharedDomain {
  name: string;
  owner: string;
}

/** conveyor.codeartifact.domains: domains other accounts share with this one (ListDomains omits them). */
export function sharedDomains(): SharedDomain[] {
  const raw = vscode.workspace.getConfiguration(SECTION).get<unknown>('domains');
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((d): SharedDomain[] => {
    if (typeof d !== 'object' || d === null) return [];
    const { domain, owner } = d as { domain?: unknown; owner?: unknown };
    return typeof domain === 'string' && typeof owner === 'string' && /^\d{12}$/.test(owner) ? [{ name: domain, owner }] : [];
  });
}

export async function setSharedDomains(domains: readonly SharedDomain[]): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('domains', domains.map((d) => ({ domain: d.name, owner: d.owner })), vscode.ConfigurationTarget.Global);
}
