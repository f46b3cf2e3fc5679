import type { EmuRequest, RestRoute } from '../../core/contract';
import { canRead, resolveDomain, resolveRepository } from './access';
import type { ArtifactContext } from './context';
import { repositoryEndpoint } from './context';
import type { Repository } from './model';
import { paginate } from './pagination';
import { optionalEnum, optionalInteger, optionalText, PACKAGE_FORMATS, querySource, requiredEnum, requiredText, rules } from './params';
import { repositoryDescription, repositorySummary } from './render';

function byName(a: Repository, b: Repository): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function listPage(req: EmuRequest, repos: Repository[]) {
  const read = querySource(req.query);
  const prefix = optionalText(read, rules.repositoryPrefix);
  const maxResults = optionalInteger(read, 'max-results', 'maxResults', 1, 1000) ?? 100;
  const nextToken = optionalText(read, rules.nextToken);
  const matching = prefix === undefined ? repos : repos.filter((r) => r.name.startsWith(prefix));
  const page = paginate(matching, (r) => `${r.domain.owner}/${r.domain.name}/${r.name}`, maxResults, nextToken);
  return { body: { repositories: page.items.map((r) => repositorySummary(req.region, r)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
}

export function repositoryRoutes(ctx: ArtifactContext): RestRoute[] {
  return [
    {
      method: 'POST', pattern: '/v1/repositories', operation: 'ListRepositories',
      handler: (req) => {
        // Repositories the caller's account administers, across the domains it can see.
        const repos = ctx.store.allDomains()
          .filter((d) => canRead(d, req.accountId))
          .flatMap((d) => [...d.repositories.values()].filter((r) => r.administratorAccount === req.accountId))
          .sort((a, b) => byName(a, b) || (a.domain.name < b.domain.name ? -1 : 1));
        return listPage(req, repos);
      },
    },
    {
      method: 'POST', pattern: '/v1/domain/repositories', operation: 'ListRepositoriesInDomain',
      handler: (req) => {
        const read = querySource(req.query);
        const [name, owner, admin] = [requiredText(read, rules.domain), optionalText(read, rules.domainOwner), optionalText(read, rules.administratorAccount)];
        const domain = resolveDomain(ctx.store, req, 'ListRepositoriesInDomain', name, owner);
        const repos = [...domain.repositories.values()].filter((r) => admin === undefined || r.administratorAccount === admin).sort(byName);
        return listPage(req, repos);
      },
    },
    {
      method: 'GET', pattern: '/v1/repository', operation: 'DescribeRepository',
      handler: (req) => {
        const read = querySource(req.query);
        const [name, owner, repoName] = [requiredText(read, rules.domain), optionalText(read, rules.domainOwner), requiredText(read, rules.repository)];
        const repo = resolveRepository(resolveDomain(ctx.store, req, 'DescribeRepository', name, owner), repoName);
        return { body: { repository: repositoryDescription(req.region, repo) } };
      },
    },
    {
      method: 'GET', pattern: '/v1/repository/endpoint', operation: 'GetRepositoryEndpoint',
      handler: (req) => {
        const read = querySource(req.query);
        const [name, owner, repoName] = [requiredText(read, rules.domain), optionalText(read, rules.domainOwner), requiredText(read, rules.repository)];
        const format = requiredEnum(read, 'format', 'format', PACKAGE_FORMATS);
        optionalEnum(read, 'endpointType', 'endpointType', ['dualstack', 'ipv4'] as const);
        const domain = resolveDomain(ctx.store, req, 'GetRepositoryEndpoint', name, owner);
        const repo = resolveRepository(domain, repoName);
        return { body: { repositoryEndpoint: repositoryEndpoint(ctx, domain.name, domain.owner, format, repo.name) } };
      },
    },
  ];
}
