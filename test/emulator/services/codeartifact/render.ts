import { domainArn, repositoryArn } from './access';
import { assetHashes } from './assets';
import type { Asset, Domain, Package, PackageVersion, Repository, VersionOrigin } from './model';

/** CodeArtifact timestamps have no format trait: epoch seconds as a JSON number. */
export const epochSeconds = (ms: number): number => ms / 1000;

export function domainSummary(region: string, d: Domain): Record<string, unknown> {
  return { name: d.name, owner: d.owner, arn: domainArn(region, d), status: 'Active', createdTime: epochSeconds(d.createdTime), encryptionKey: d.encryptionKey };
}

export function domainDescription(region: string, d: Domain): Record<string, unknown> {
  let assetSizeBytes = 0;
  for (const repo of d.repositories.values()) {
    for (const pkg of repo.packages.values()) {
      for (const v of pkg.versions.values()) for (const a of v.assets) assetSizeBytes += a.sizeHint();
    }
  }
  return {
    ...domainSummary(region, d),
    repositoryCount: d.repositories.size,
    assetSizeBytes,
    s3BucketArn: `arn:aws:s3:::assets-${d.owner}-${region}`,
  };
}

export function repositorySummary(region: string, r: Repository): Record<string, unknown> {
  return {
    name: r.name,
    administratorAccount: r.administratorAccount,
    domainName: r.domain.name,
    domainOwner: r.domain.owner,
    arn: repositoryArn(region, r),
    ...(r.description !== undefined ? { description: r.description } : {}),
    createdTime: epochSeconds(r.createdTime),
  };
}

export function repositoryDescription(region: string, r: Repository): Record<string, unknown> {
  return {
    ...repositorySummary(region, r),
    upstreams: r.upstreams.map((repositoryName) => ({ repositoryName })),
    externalConnections: r.externalConnections.map((c) => ({ externalConnectionName: c.externalConnectionName, packageFormat: c.packageFormat, status: 'Available' })),
  };
}

export function packageSummary(p: Package): Record<string, unknown> {
  return {
    format: p.format,
    ...(p.namespace !== undefined ? { namespace: p.namespace } : {}),
    package: p.name,
    originConfiguration: { restrictions: { publish: p.publish, upstream: p.upstream } },
  };
}

function origin(o: VersionOrigin): Record<string, unknown> {
  const entry = o.repositoryName !== undefined ? { repositoryName: o.repositoryName } : o.externalConnectionName !== undefined ? { externalConnectionName: o.externalConnectionName } : undefined;
  return { ...(entry ? { domainEntryPoint: entry } : {}), originType: o.originType };
}

export function versionSummary(v: PackageVersion): Record<string, unknown> {
  return { version: v.version, revision: v.revision, status: v.status, origin: origin(v.origin) };
}

export function versionDescription(p: Package, v: PackageVersion): Record<string, unknown> {
  return {
    format: p.format,
    ...(p.namespace !== undefined ? { namespace: p.namespace } : {}),
    packageName: p.name,
    displayName: v.displayName,
    version: v.version,
    ...(v.summary !== undefined ? { summary: v.summary } : {}),
    ...(v.homePage !== undefined ? { homePage: v.homePage } : {}),
    ...(v.sourceCodeRepository !== undefined ? { sourceCodeRepository: v.sourceCodeRepository } : {}),
    publishedTime: epochSeconds(v.publishedTime),
    licenses: v.licenses,
    revision: v.revision,
    status: v.status,
    origin: origin(v.origin),
  };
}

export function assetSummary(a: Asset): Record<string, unknown> {
  const bytes = a.bytes();
  return { name: a.name, size: bytes.length, hashes: assetHashes(bytes) };
}
