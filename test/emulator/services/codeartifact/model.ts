import type { PACKAGE_FORMATS, VERSION_STATUSES } from './params';

export type PackageFormat = (typeof PACKAGE_FORMATS)[number];
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export type AllowOrBlock = 'ALLOW' | 'BLOCK';

/** A file of a package version; bytes are generated on first use and then kept. */
export interface Asset {
  name: string;
  bytes(): Buffer;
  /** The size if the bytes exist already, else an estimate (so totals never force generation). */
  sizeHint(): number;
}

export interface Dependency {
  namespace?: string;
  package: string;
  dependencyType: string;
  versionRequirement: string;
}

export interface VersionOrigin {
  originType: 'INTERNAL' | 'EXTERNAL' | 'UNKNOWN';
  repositoryName?: string;
  externalConnectionName?: string;
}

export interface PackageVersion {
  version: string;
  revision: string;
  status: VersionStatus;
  /** Epoch milliseconds. */
  publishedTime: number;
  origin: VersionOrigin;
  displayName: string;
  summary?: string;
  homePage?: string;
  sourceCodeRepository?: string;
  licenses: { name: string; url?: string }[];
  dependencies: Dependency[];
  readme?: string;
  assets: Asset[];
  /** npm: the version manifest as published (package.json fields). */
  npmManifest?: Record<string, unknown>;
  /** PyPI: Requires-Python, shown as data-requires-python in the simple index. */
  requiresPython?: string;
}

export interface Package {
  format: PackageFormat;
  /** npm scope without `@`, Maven groupId; absent for PyPI and unscoped npm. */
  namespace?: string | undefined;
  name: string;
  versions: Map<string, PackageVersion>;
  publish: AllowOrBlock;
  upstream: AllowOrBlock;
  /** npm only. */
  distTags: Map<string, string>;
}

export interface ExternalConnection {
  externalConnectionName: string;
  packageFormat: PackageFormat;
}

export interface Repository {
  name: string;
  domain: Domain;
  administratorAccount: string;
  description?: string;
  upstreams: string[];
  externalConnections: ExternalConnection[];
  /** Epoch milliseconds. */
  createdTime: number;
  packages: Map<string, Package>;
}

export interface Domain {
  name: string;
  owner: string;
  createdTime: number;
  encryptionKey: string;
  /** Accounts the domain policy lets read (the owner always can). */
  sharedWith: Set<string>;
  repositories: Map<string, Repository>;
}

export function packageKey(format: PackageFormat, namespace: string | undefined, name: string): string {
  return `${format}\u0000${namespace ?? ''}\u0000${name}`;
}

export function newPackage(format: PackageFormat, namespace: string | undefined, name: string, internal: boolean): Package {
  return {
    format, namespace, name, versions: new Map(), distTags: new Map(),
    publish: internal ? 'ALLOW' : 'BLOCK',
    upstream: internal ? 'BLOCK' : 'ALLOW',
  };
}
