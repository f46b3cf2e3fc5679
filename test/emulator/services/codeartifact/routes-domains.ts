import type { RestRoute } from '../../core/contract';
import { resolveDomain } from './access';
import type { ArtifactContext } from './context';
import { paginate } from './pagination';
import { bodySource, optionalInteger, optionalText, querySource, requiredText, rules } from './params';
import { domainDescription, domainSummary } from './render';

export function domainRoutes(ctx: ArtifactContext): RestRoute[] {
  return [
    {
      method: 'POST', pattern: '/v1/domains', operation: 'ListDomains',
      handler: (req) => {
        // ListDomains is the one list operation whose paging members travel in the JSON body.
        const read = bodySource(req.body);
        const maxResults = optionalInteger(read, 'maxResults', 'maxResults', 1, 1000) ?? 100;
        const nextToken = optionalText(read, { ...rules.nextToken, key: 'nextToken' });
        const own = ctx.store.allDomains().filter((d) => d.owner === req.accountId);
        const page = paginate(own, (d) => d.name, maxResults, nextToken);
        return { body: { domains: page.items.map((d) => domainSummary(req.region, d)), ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
      },
    },
    {
      method: 'GET', pattern: '/v1/domain', operation: 'DescribeDomain',
      handler: (req) => {
        const read = querySource(req.query);
        const domain = resolveDomain(ctx.store, req, 'DescribeDomain', requiredText(read, rules.domain), optionalText(read, rules.domainOwner));
        return { body: { domain: domainDescription(req.region, domain) } };
      },
    },
  ];
}
