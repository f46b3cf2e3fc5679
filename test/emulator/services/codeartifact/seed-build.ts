import { npmTarball } from '../packages/build/npm-tarball';
import { jar, pom } from '../packages/build/maven-artifact';
import { sdist, sdistFileName, wheel, wheelFileName } from '../packages/build/python-dist';
import { lazyAsset } from './assets';
import type { Asset, Dependency, Package, PackageFormat, PackageVersion, Repository, VersionOrigin, VersionStatus } from './model';
import { newPackage, packageKey } from './model';

export interface DependencySpec {
  namespace?: string;
  package: string;
  /** npm range, PEP 440 specifier (">=1.1") or Maven version. */
  requirement: string;
  type?: string;
}

export interface VersionSpec {
  version: string;
  status?: VersionStatus;
  /** How long before seeding it was published. */
  daysAgo: number;
  dependencies?: DependencySpec[];
}

export interface PackageSpec {
  format: PackageFormat;
  namespace?: string;
  name: string;
  summary: string;
  license: string;
  homePage?: string;
  sourceCodeRepository?: string;
  readme?: string;
  versions: VersionSpec[];
  distTags?: Record<string, string>;
}

const DAY = 24 * 60 * 60 * 1000;

export function npmFullName(namespace: string | undefined, name: string): string {
  return namespace !== undefined ? `@${namespace}/${name}` : name;
}

/**
 * A revision id shaped like CodeArtifact's (base64 of 32 bytes). Not cryptographic: seeding 50,000
 * versions with sha256 alone took a third of the scale dataset's start-up.
 */
export function revisionOf(...parts: string[]): string {
  const text = parts.join('\u0000');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  const out = Buffer.alloc(32);
  for (let lane = 0; lane < 8; lane++) {
    // murmur3's finalizer spreads the one FNV-1a hash over 8 lanes.
    let x = (h ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    out.writeUInt32BE((x ^ (x >>> 16)) >>> 0, lane * 4);
  }
  return out.toString('base64');
}

function dependencies(format: PackageFormat, specs: DependencySpec[]): Dependency[] {
  const defaultType = format === 'maven' ? 'compile' : 'regular';
  return specs.map((d) => ({ ...(d.namespace !== undefined ? { namespace: d.namespace } : {}), package: d.package, dependencyType: d.type ?? defaultType, versionRequirement: d.requirement }));
}

/** The files a package manager would have uploaded for this version, made on first download. */
export function assetsFor(spec: PackageSpec, version: string, deps: DependencySpec[]): Asset[] {
  const readme = spec.readme;
  switch (spec.format) {
    case 'npm': {
      const runtime = deps.filter((d) => (d.type ?? 'regular') === 'regular');
      const input = {
        name: npmFullName(spec.namespace, spec.name), version, description: spec.summary, license: spec.license, homepage: spec.homePage, readme,
        dependencies: Object.fromEntries(runtime.map((d) => [npmFullName(d.namespace, d.package), d.requirement])),
      };
      return [lazyAsset('package.tgz', () => npmTarball(input), 700)];
    }
    case 'pypi': {
      const input = { name: spec.name, version, summary: spec.summary, homePage: spec.homePage, license: spec.license, readme, requiresPython: '>=3.8', requiresDist: deps.map((d) => `${d.package}${d.requirement}`) };
      return [lazyAsset(wheelFileName(input), () => wheel(input), 1400), lazyAsset(sdistFileName(input), () => sdist(input), 900)];
    }
    case 'maven': {
      const input = {
        groupId: spec.namespace ?? spec.name, artifactId: spec.name, version, name: spec.name, description: spec.summary, url: spec.homePage, license: spec.license,
        dependencies: deps.map((d) => ({ groupId: d.namespace ?? d.package, artifactId: d.package, version: d.requirement, ...(d.type && d.type !== 'compile' ? { scope: d.type } : {}) })),
      };
      return [lazyAsset(`${spec.name}-${version}.jar`, () => jar(input), 1300), lazyAsset(`${spec.name}-${version}.pom`, () => Buffer.from(pom(input)), 900)];
    }
    default:
      return [];
  }
}

export function buildVersion(spec: PackageSpec, v: VersionSpec, origin: VersionOrigin, now: number): PackageVersion {
  const deps = v.dependencies ?? [];
  let assets: Asset[] | undefined;
  const version: PackageVersion = {
    version: v.version,
    revision: revisionOf(spec.format, spec.namespace ?? '', spec.name, v.version),
    status: v.status ?? 'Published',
    publishedTime: now - v.daysAgo * DAY,
    origin,
    displayName: spec.format === 'npm' ? npmFullName(spec.namespace, spec.name) : spec.name,
    summary: spec.summary,
    licenses: [{ name: spec.license }],
    dependencies: dependencies(spec.format, deps),
    // Made on first use: the scale dataset seeds 50,000 versions and most are never looked at.
    get assets(): Asset[] {
      return (assets ??= assetsFor(spec, v.version, deps));
    },
    set assets(value: Asset[]) {
      assets = value;
    },
  };
  if (spec.homePage !== undefined) version.homePage = spec.homePage;
  if (spec.sourceCodeRepository !== undefined) version.sourceCodeRepository = spec.sourceCodeRepository;
  if (spec.readme !== undefined) version.readme = spec.readme;
  if (spec.format === 'pypi') version.requiresPython = '>=3.8';
  return version;
}

/** A package with its versions; `internal` decides the default origin controls, as AWS does. */
export function buildPackage(spec: PackageSpec, origin: VersionOrigin, now: number): Package {
  const pkg = newPackage(spec.format, spec.namespace, spec.name, origin.originType === 'INTERNAL');
  for (const v of spec.versions) pkg.versions.set(v.version, buildVersion(spec, v, origin, now));
  if (spec.format === 'npm') {
    const stable = spec.versions.filter((v) => (v.status ?? 'Published') === 'Published' && !/[a-z]/i.test(v.version));
    const latest = stable[stable.length - 1];
    if (latest) pkg.distTags.set('latest', latest.version);
    for (const [tag, version] of Object.entries(spec.distTags ?? {})) pkg.distTags.set(tag, version);
  }
  return pkg;
}

export function addPackage(repo: Repository, pkg: Package): void {
  repo.packages.set(packageKey(pkg.format, pkg.namespace, pkg.name), pkg);
}
