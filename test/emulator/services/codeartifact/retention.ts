import type { Package, PackageVersion, Repository } from './model';
import { newPackage, packageKey } from './model';
import { compareVersions } from './versions';

/**
 * Keeps a version fetched through an upstream or external connection in `repo`, as CodeArtifact does:
 * the package gets the "ingested" origin controls (publish BLOCK, upstream ALLOW) and the version keeps
 * its domain entry point.
 */
export function retainVersion(repo: Repository, from: Package, version: PackageVersion): void {
  const key = packageKey(from.format, from.namespace, from.name);
  let pkg = repo.packages.get(key);
  if (!pkg) {
    pkg = newPackage(from.format, from.namespace, from.name, false);
    repo.packages.set(key, pkg);
  }
  if (pkg.versions.has(version.version)) return;
  pkg.versions.set(version.version, { ...version });
  if (pkg.format === 'npm' && version.status === 'Published' && !/[a-z]/i.test(version.version)) {
    const latest = pkg.distTags.get('latest');
    if (latest === undefined || compareVersions(version.version, latest) > 0) pkg.distTags.set('latest', version.version);
  }
}
