/** PEP 503 normalized project name; CodeArtifact stores PyPI packages under it. */
export function normalize(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/**
 * A PEP 508 requirement ("acme-common (>=1.1)", "six>=1.16; python_version>'3'") as a dependency:
 * the project name and the rest as the version requirement.
 */
export function parseRequirement(requirement: string): { package: string; versionRequirement: string } | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*\(?([^;)]*)\)?/.exec(requirement);
  if (!m?.[1]) return undefined;
  return { package: normalize(m[1]), versionRequirement: (m[2] ?? '').trim() };
}
