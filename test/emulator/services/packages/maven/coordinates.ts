/** What a Maven repository path names. */
export type MavenPath =
  | { kind: 'file'; groupId: string; artifactId: string; version: string; file: string }
  | { kind: 'metadata'; groupId: string; artifactId: string }
  | { kind: 'group-metadata'; groupId: string }
  | { kind: 'checksum'; base: string[]; algorithm: ChecksumAlgorithm };

export type ChecksumAlgorithm = 'sha1' | 'md5' | 'sha256' | 'sha512';

export function parseMavenPath(segments: string[]): MavenPath | undefined {
  const parts = segments.filter((s, i) => s !== '' || i < segments.length - 1);
  const last = parts[parts.length - 1];
  if (last === undefined || parts.some((s) => s === '' || s === '..' || s === '.')) return undefined;
  const checksum = /\.(sha1|md5|sha256|sha512)$/.exec(last);
  if (checksum) {
    const base = [...parts.slice(0, -1), last.slice(0, -checksum[0].length)];
    return { kind: 'checksum', base, algorithm: checksum[1] as ChecksumAlgorithm };
  }
  if (last === 'maven-metadata.xml') {
    if (parts.length < 2) return undefined;
    return { kind: 'metadata', groupId: parts.slice(0, -2).join('.'), artifactId: parts[parts.length - 2] ?? '' };
  }
  if (parts.length < 4) return undefined;
  const [artifactId = '', version = ''] = parts.slice(-3, -1);
  if (!last.startsWith(`${artifactId}-${version}`)) return undefined;
  return { kind: 'file', groupId: parts.slice(0, -3).join('.'), artifactId, version, file: last };
}

/** The same metadata path read as group-level (plugin prefixes), for when no artifact matches. */
export function asGroupMetadata(path: { groupId: string; artifactId: string }): { kind: 'group-metadata'; groupId: string } {
  return { kind: 'group-metadata', groupId: path.groupId ? `${path.groupId}.${path.artifactId}` : path.artifactId };
}
