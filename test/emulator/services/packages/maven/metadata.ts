import { compareVersions } from '../../codeartifact/versions';

function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Artifact-level maven-metadata.xml, generated from the versions package managers may see. */
export function artifactMetadata(groupId: string, artifactId: string, versions: string[], lastUpdated: number): string {
  const sorted = [...versions].sort(compareVersions);
  const releases = sorted.filter((v) => !v.endsWith('-SNAPSHOT'));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<metadata>',
    `  <groupId>${groupId}</groupId>`,
    `  <artifactId>${artifactId}</artifactId>`,
    '  <versioning>',
    `    <latest>${sorted.at(-1) ?? ''}</latest>`,
    ...(releases.length ? [`    <release>${releases.at(-1) ?? ''}</release>`] : []),
    '    <versions>',
    ...sorted.map((v) => `      <version>${v}</version>`),
    '    </versions>',
    `    <lastUpdated>${timestamp(lastUpdated)}</lastUpdated>`,
    '  </versioning>',
    '</metadata>',
    '',
  ].join('\n');
}

export function metadataVersions(xml: string): string[] {
  return [...xml.matchAll(/<version>\s*([^<\s]+)\s*<\/version>/g)].map((m) => m[1] ?? '').filter((v) => v !== '');
}
