import type { ArtifactStore } from '../codeartifact/store';
import type { Package, PackageFormat, PackageVersion, Repository } from '../codeartifact/model';
import { packageKey } from '../codeartifact/model';
import { retainVersion } from '../codeartifact/retention';

export interface Candidate {
  version: PackageVersion;
  /** The package object that holds it (in a repository or an external source). */
  holder: Package;
  /** Repositories from the requested one to where it was found; all of them retain it on download. */
  path: Repository[];
  /** True if the last repository in `path` holds it itself (not through its external connection). */
  heldByLast: boolean;
}

/**
 * What a package manager sees of a package in `repo`: its own versions, then (unless the package's
 * origin controls block upstreams) those of its upstreams in order, then its external connections.
 */
export function visibleVersions(store: ArtifactStore, repo: Repository, format: PackageFormat, namespace: string | undefined, name: string): Map<string, Candidate> {
  const found = new Map<string, Candidate>();
  const key = packageKey(format, namespace, name);
  const seen = new Set<Repository>();
  const visit = (current: Repository, path: Repository[]): void => {
    if (seen.has(current)) return;
    seen.add(current);
    const here = [...path, current];
    const own = current.packages.get(key);
    for (const v of own?.versions.values() ?? []) {
      if (own && !found.has(v.version)) found.set(v.version, { version: v, holder: own, path: here, heldByLast: true });
    }
    if (own?.upstream === 'BLOCK') return;
    for (const name of current.upstreams) {
      const upstream = current.domain.repositories.get(name);
      if (upstream) visit(upstream, here);
    }
    for (const connection of current.externalConnections) {
      if (connection.packageFormat !== format) continue;
      const pkg = store.externals.get(connection.externalConnectionName)?.find(format, namespace, name);
      for (const v of pkg?.versions.values() ?? []) {
        if (pkg && !found.has(v.version)) found.set(v.version, { version: v, holder: pkg, path: here, heldByLast: false });
      }
    }
  };
  visit(repo, []);
  return found;
}

/** Package managers list Published versions; Unlisted ones can still be fetched by exact version. */
export const listed = (c: Candidate): boolean => c.version.status === 'Published';
export const fetchable = (c: Candidate): boolean => c.version.status === 'Published' || c.version.status === 'Unlisted';

/** Called when an asset is downloaded: every repository on the way keeps the version. */
export function retain(candidate: Candidate): void {
  const targets = candidate.heldByLast ? candidate.path.slice(0, -1) : candidate.path;
  for (const repo of targets) retainVersion(repo, candidate.holder, candidate.version);
}
