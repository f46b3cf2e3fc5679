import type { PackageFormat, Repository } from './model';
import { addPackage, buildPackage } from './seed-build';
import type { PackageSpec, VersionSpec } from './seed-build';
import { MAIN_ACCOUNT, newDomain, newRepository } from './seed-demo';
import type { ArtifactStore } from './store';

const VERSIONS_PER_PACKAGE = 10;
const FORMATS: PackageFormat[] = ['npm', 'npm', 'pypi', 'maven'];

/**
 * Domain `scale` with repository `bulk` holding `total` package versions (10 per package, mixed
 * npm/scoped npm/pypi/maven). Files are generated only when someone downloads them.
 */
export function seedScale(store: ArtifactStore, now: number, total: number): Repository {
  const domain = newDomain('scale', MAIN_ACCOUNT, now - 30 * 24 * 60 * 60 * 1000);
  store.addDomain(domain);
  const repo = newRepository(domain, 'bulk', domain.createdTime, { description: `Generated: ${total} package versions` });
  const packages = Math.ceil(total / VERSIONS_PER_PACKAGE);
  let remaining = total;
  for (let i = 0; i < packages; i++) {
    const format = FORMATS[i % FORMATS.length] ?? 'npm';
    const id = String(i).padStart(5, '0');
    const count = Math.min(VERSIONS_PER_PACKAGE, remaining);
    remaining -= count;
    const versions: VersionSpec[] = [];
    for (let v = 0; v < count; v++) {
      versions.push({ version: `${1 + Math.floor(v / 4)}.${v % 4}.0`, daysAgo: (count - v) * 3 + (i % 7), ...(v === 0 && i % 5 === 0 ? { status: 'Archived' as const } : {}) });
    }
    const spec: PackageSpec = {
      format,
      ...(format === 'maven' ? { namespace: `com.scale.group${i % 50}` } : format === 'npm' && i % 8 === 1 ? { namespace: `scope${i % 20}` } : {}),
      name: format === 'pypi' ? `scale-pkg-${id}` : `pkg-${id}`,
      summary: `Generated package ${id}`,
      license: 'MIT',
      versions,
    };
    addPackage(repo, buildPackage(spec, { originType: 'INTERNAL', repositoryName: repo.name }, now));
  }
  return repo;
}
