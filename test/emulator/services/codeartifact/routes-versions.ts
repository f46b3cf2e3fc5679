import type { EmuRequest, RestRoute } from '../../core/contract';
import { resolveDomain, resolveRepository } from './access';
import type { ArtifactContext } from './context';
import { notFound } from './errors';
import type { Package, PackageVersion } from './model';
import { paginate } from './pagination';
import { optionalInteger, optionalText, PACKAGE_FORMATS, querySource, requiredEnum, requiredText, rules } from './params';
import type { Source } from './params';
import { packageNotFound } from './routes-packages';
import { assetSummary, versionDescription } from './render';

interface Found {
  pkg: Package;
  version: PackageVersion;
  read: Source;
}

/** The query members every package-version operation shares, validated before any lookup. */
function findVersion(ctx: ArtifactContext, req: EmuRequest, action: string): Found {
  const read = querySource(req.query);
  const [name, owner, repoName] = [requiredText(read, rules.domain), optionalText(read, rules.domainOwner), requiredText(read, rules.repository)];
  const format = requiredEnum(read, 'format', 'format', PACKAGE_FORMATS);
  const namespace = optionalText(read, rules.namespace);
  const packageName = requiredText(read, rules.package);
  const versionName = requiredText(read, rules.version);
  const repo = resolveRepository(resolveDomain(ctx.store, req, action, name, owner), repoName);
  const pkg = ctx.store.findPackage(repo, format, namespace, packageName);
  if (!pkg) throw packageNotFound(packageName, namespace, format, repoName);
  const version = pkg.versions.get(versionName);
  if (!version) {
    throw notFound('package-version', versionName, `Package version '${versionName}' of package '${packageName}' not found in repository '${repoName}'.`);
  }
  return { pkg, version, read };
}

function header(pkg: Package, v: PackageVersion): Record<string, unknown> {
  return { format: pkg.format, ...(pkg.namespace !== undefined ? { namespace: pkg.namespace } : {}), package: pkg.name, version: v.version, versionRevision: v.revision };
}

export function versionRoutes(ctx: ArtifactContext): RestRoute[] {
  return [
    {
      method: 'GET', pattern: '/v1/package/version', operation: 'DescribePackageVersion',
      handler: (req) => {
        const { pkg, version } = findVersion(ctx, req, 'DescribePackageVersion');
        return { body: { packageVersion: versionDescription(pkg, version) } };
      },
    },
    {
      method: 'POST', pattern: '/v1/package/version/dependencies', operation: 'ListPackageVersionDependencies',
      handler: (req) => {
        const { pkg, version, read } = findVersion(ctx, req, 'ListPackageVersionDependencies');
        const page = paginate(version.dependencies, (d) => `${d.namespace ?? ''}/${d.package}/${d.dependencyType}`, 100, optionalText(read, rules.nextToken));
        return { body: { ...header(pkg, version), dependencies: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
      },
    },
    {
      method: 'POST', pattern: '/v1/package/version/assets', operation: 'ListPackageVersionAssets',
      handler: (req) => {
        const { pkg, version, read } = findVersion(ctx, req, 'ListPackageVersionAssets');
        const maxResults = optionalInteger(read, 'max-results', 'maxResults', 1, 1000) ?? 100;
        const page = paginate(version.assets, (a) => a.name, maxResults, optionalText(read, rules.nextToken));
        return { body: { ...header(pkg, version), assets: page.items.map(assetSummary), ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
      },
    },
    {
      method: 'GET', pattern: '/v1/package/version/readme', operation: 'GetPackageVersionReadme',
      handler: (req) => {
        const { pkg, version } = findVersion(ctx, req, 'GetPackageVersionReadme');
        return { body: { ...header(pkg, version), ...(version.readme !== undefined ? { readme: version.readme } : {}) } };
      },
    },
  ];
}
