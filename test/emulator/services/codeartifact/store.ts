import type { Domain, Package, PackageFormat, PackageVersion, Repository } from './model';
import { packageKey } from './model';
import { compareVersions } from './versions';

/** Where an external connection (public:npmjs, …) finds packages: seeded data, never the network. */
export interface ExternalSource {
  find(format: PackageFormat, namespace: string | undefined, name: string): Package | undefined;
  /** Maven group-level metadata (plugin prefixes) for groups only this source knows. */
  groupMetadata?(groupId: string): string | undefined;
}

interface SortCache<T> {
  size: number;
  sorted: T[];
}

export class ArtifactStore {
  private readonly domains = new Map<string, Domain>();
  readonly externals = new Map<string, ExternalSource>();
  private readonly packageOrder = new WeakMap<Map<string, Package>, SortCache<Package>>();
  private readonly versionOrder = new WeakMap<Map<string, PackageVersion>, SortCache<PackageVersion>>();

  addDomain(domain: Domain): void {
    this.domains.set(`${domain.owner}/${domain.name}`, domain);
  }

  domain(owner: string, name: string): Domain | undefined {
    return this.domains.get(`${owner}/${name}`);
  }

  allDomains(): Domain[] {
    return [...this.domains.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Packages of a repository ordered by format, namespace and name. */
  sortedPackages(repo: Repository): Package[] {
    const cached = this.packageOrder.get(repo.packages);
    if (cached && cached.size === repo.packages.size) return cached.sorted;
    const sorted = [...repo.packages.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
    this.packageOrder.set(repo.packages, { size: repo.packages.size, sorted });
    return sorted;
  }

  /** Versions in natural version order. */
  sortedVersions(pkg: Package): PackageVersion[] {
    const cached = this.versionOrder.get(pkg.versions);
    if (cached && cached.size === pkg.versions.size) return cached.sorted;
    const sorted = [...pkg.versions.values()].sort((a, b) => compareVersions(a.version, b.version));
    this.versionOrder.set(pkg.versions, { size: pkg.versions.size, sorted });
    return sorted;
  }

  findPackage(repo: Repository, format: PackageFormat, namespace: string | undefined, name: string): Package | undefined {
    return repo.packages.get(packageKey(format, namespace, name));
  }
}

/** The version package managers get when they ask for "the latest". */
export function defaultDisplayVersion(store: ArtifactStore, pkg: Package): string | undefined {
  const latest = pkg.distTags.get('latest');
  if (latest !== undefined && pkg.versions.get(latest)?.status === 'Published') return latest;
  const published = store.sortedVersions(pkg).filter((v) => v.status === 'Published');
  const stable = published.filter((v) => !/[a-z]/i.test(v.version));
  return (stable.at(-1) ?? published.at(-1))?.version;
}
