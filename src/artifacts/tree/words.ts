// CodeArtifact's API values in plain words for tooltips and the details document.

const ALLOW_BLOCK: Record<string, string> = { ALLOW: 'allowed', BLOCK: 'blocked', ALLOW_SPECIFIC_REPOSITORIES: 'allowed from some repositories' };

/** A package's origin controls: "Publishing allowed · upstream blocked". */
export function originRestrictionsPhrase(publish: string | undefined, upstream: string | undefined): string {
  const word = (v: string | undefined): string => (v ? ALLOW_BLOCK[v] ?? v.toLowerCase() : 'unknown');
  return `Publishing ${word(publish)} · upstream ${word(upstream)}`;
}

const ORIGIN_TYPES: Record<string, string> = {
  INTERNAL: 'Published to this repository',
  EXTERNAL: 'From an upstream repository or external connection',
  UNKNOWN: 'Unknown',
};

/** Where a package version came from (its `originType`). */
export function originTypePhrase(originType: string): string {
  return ORIGIN_TYPES[originType] ?? originType;
}
