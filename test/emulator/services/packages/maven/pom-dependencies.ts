import type { Dependency } from '../../codeartifact/model';

function tag(block: string, name: string): string | undefined {
  return new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(block)?.[1];
}

/**
 * Direct dependencies declared in a POM (not dependencyManagement, not plugin dependencies).
 * Property references such as `${project.version}` are resolved against the POM's own version.
 */
export function pomDependencies(xml: string): Dependency[] {
  const body = xml
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<dependencyManagement>[\s\S]*?<\/dependencyManagement>/g, '')
    .replace(/<build>[\s\S]*?<\/build>/g, '')
    .replace(/<profiles>[\s\S]*?<\/profiles>/g, '');
  const ownVersion = tag(body.replace(/<parent>[\s\S]*?<\/parent>/, '').replace(/<dependencies>[\s\S]*<\/dependencies>/, ''), 'version') ?? '';
  const found: Dependency[] = [];
  for (const m of body.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    const block = m[1] ?? '';
    const groupId = tag(block, 'groupId');
    const artifactId = tag(block, 'artifactId');
    if (!groupId || !artifactId) continue;
    const version = (tag(block, 'version') ?? '').replace(/\$\{(project\.)?version\}/g, ownVersion);
    found.push({ namespace: groupId, package: artifactId, dependencyType: tag(block, 'scope') ?? 'compile', versionRequirement: version });
  }
  return found;
}
