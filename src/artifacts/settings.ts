// The CodeArtifact settings (`conveyor.codeartifact.*`), declared once.
import { declareSettings, setting } from '../core/settings';
import { normaliseDuration } from './login/lifecycle';

/** A domain another account shares with this one (ListDomains does not return those). */
export interface SharedDomain {
  name: string;
  owner: string;
}

function readDomains(raw: unknown): SharedDomain[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((d): SharedDomain[] => {
    if (typeof d !== 'object' || d === null) return [];
    const { domain, owner } = d as { domain?: unknown; owner?: unknown };
    return typeof domain === 'string' && typeof owner === 'string' && /^\d{12}$/.test(owner) ? [{ name: domain, owner }] : [];
  });
}

/** How `conveyor.codeartifact.domains` stores them. */
export function domainsSetting(domains: readonly SharedDomain[]): { domain: string; owner: string }[] {
  return domains.map((d) => ({ domain: d.name, owner: d.owner }));
}

export const ARTIFACTS_SETTINGS = declareSettings('conveyor.codeartifact', {
  /** Clamped to 900–43200 seconds. */
  tokenDurationSeconds: setting.custom(43_200, normaliseDuration),
  domains: setting.custom<SharedDomain[]>([], readDomains),
});
