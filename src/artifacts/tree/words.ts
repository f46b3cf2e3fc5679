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

/** CodeArtifact's public external connections by what people call them. */
const EXTERNAL_CONNECTIONS: Record<string, string> = {
  'public:npmjs': 'npm registry', 'public:pypi': 'PyPI', 'public:maven-central': 'Maven Central',
  'public:maven-googleandroid': 'Google Android', 'public:maven-gradleplugins': 'Gradle plugins',
  'public:maven-commonsware': 'CommonsWare', 'public:maven-clojars': 'Clojars', 'public:nuget-org': 'NuGet Gallery',
  'public:crates-io': 'crates.io', 'public:ruby-gems-org': 'RubyGems.org',
};

/**
 * A repository row's description: where its packages come from ("upstream npm-store", "external:
 * npm registry"), not the repository's prose description (that stays in the tooltip).
 */
export function repositoryFacts(details: { upstreams: readonly string[]; external: readonly { name: string }[] }): string {
  const parts: string[] = [];
  if (details.upstreams.length > 0) parts.push(`${details.upstreams.length === 1 ? 'upstream' : 'upstreams'} ${details.upstreams.join(', ')}`);
  if (details.external.length > 0) parts.push(`external: ${details.external.map((c) => EXTERNAL_CONNECTIONS[c.name] ?? c.name.replace(/^public:/, '')).join(', ')}`);
  return parts.join(' · ');
}
