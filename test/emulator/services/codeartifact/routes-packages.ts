import type { RestRoute } from '../../core/contract';
import { resolveDomain, resolveRepository } from './access';
import type { ArtifactContext } from './context';
import { notFound } from './errors';
import type { Package, PackageVersion } from './model';
import { paginate } from './pagination';
import { optionalEnum, optionalInteger, optionalText, PACKAGE_FORMATS, querySource, requiredEnum, requiredText, rules, VERSION_STATUSES } from './params';
import { packageSummary, versionSummary } from './render';
import { defaultDisplayVersion } from './store';

const ALLOW_BLOCK = ['ALLOW', 'BLOCK'] as const;

export function packageRoutes(ctx: ArtifactContext): RestRoute[] {
  return [
    {
      method: 'POST', pattern: '/v1/packages', operation: 'ListPackages',
      handler: (req) => {
        const read = querySource(req.query);
        const [name, owner, repoName] = [requiredText(read, rules.domain), optionalText(read, rules.domainOwner), requiredText(read, rules.repository)];
        const format = optionalEnum(read, 'format', 'format', PACKAGE_FORMATS);
        const namespace = optionalText(read, rules.namespace);
        const prefix = optionalText(read, rules.packagePrefix);
        const maxResults = optionalInteger(read, 'max-results', 'maxResults', 1, 1000) ?? 100;
        const nextToken = optionalText(read, rules.nextToken);
        const publish = optionalEnum(read, 'publish', 'publish', ALLOW_BLOCK);
        const upstream = optionalEnum(read, 'upstream', 'upstream', ALLOW_BLOCK);
        const repo = resolveRepository(resolveDomain(ctx.store, req, 'ListPackages', name, owner), repoName);
        const all = ctx.store.sortedPackages(repo);
        const matching = format === undefined && namespace === undefined && prefix === undefined && publish === undefined && upstream === undefined
          ? all
          : all.filter((p) => (format === undefined || p.format === format)
            && (namespace === undefined || (p.namespace ?? '').startsWith(namespace))
            && (prefix === undefined || p.name.startsWith(prefix))
            && (publish === undefined || p.publish === publish)
            && (upstream === undefined || p.upstream === upstream));
        const page = paginate(matching, keyOf, maxResults, nextToken);
        return { body: { packages: page.items.map(packageSummary), ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
      },
    },
    {
      method: 'POST', pattern: '/v1/package/versions', operation: 'ListPackageVersions',
      handler: (req) => {
        const read = querySource(req.query);
        const [name, owner, repoName] = [requiredText(read, rules.domain), optionalText(read, rules.domainOwner), requiredText(read, rules.repository)];
        const format = requiredEnum(read, 'format', 'format', PACKAGE_FORMATS);
        const namespace = optionalText(read, rules.namespace);
        const packageName = requiredText(read, rules.package);
        const status = optionalEnum(read, 'status', 'status', VERSION_STATUSES);
        const sortBy = optionalEnum(read, 'sortBy', 'sortBy', ['PUBLISHED_TIME'] as const);
        const maxResults = optionalInteger(read, 'max-results', 'maxResults', 1, 1000) ?? 100;
        const nextToken = optionalText(read, rules.nextToken);
        const originType = optionalEnum(read, 'originType', 'originType', ['INTERNAL', 'EXTERNAL', 'UNKNOWN'] as const);
        const repo = resolveRepository(resolveDomain(ctx.store, req, 'ListPackageVersions', name, owner), repoName);
        const pkg = ctx.store.findPackage(repo, format, namespace, packageName);
        if (!pkg) throw packageNotFound(packageName, namespace, format, repoName);
        let versions: PackageVersion[] = ctx.store.sortedVersions(pkg);
        if (status !== undefined || originType !== undefined) {
          versions = versions.filter((v) => (status === undefined || v.status === status) && (originType === undefined || v.origin.originType === originType));
        }
        // Newest first, as the console lists them.
        if (sortBy === 'PUBLISHED_TIME') versions = [...versions].sort((a, b) => b.publishedTime - a.publishedTime);
        const page = paginate(versions, (v) => v.version, maxResults, nextToken);
        const display = defaultDisplayVersion(ctx.store, pkg);
        return {
          body: {
            ...(display !== undefined ? { defaultDisplayVersion: display } : {}),
            format: pkg.format,
            ...(pkg.namespace !== undefined ? { namespace: pkg.namespace } : {}),
            package: pkg.name,
            versions: page.items.map(versionSummary),
            ...(page.nextToken ? { nextToken: page.nextToken } : {}),
          },
        };
      },
    },
  ];
}

const keyOf = (p: Package): string => `${p.format}/${p.namespace ?? ''}/${p.name}`;

export function packageNotFound(name: string, namespace: string | undefined, format: string, repo: string) {
  const full = namespace !== undefined ? `${namespace}/${name}` : name;
  return notFound('package', name, `Package '${full}' with format '${format}' not found in repository '${repo}'.`);
}
