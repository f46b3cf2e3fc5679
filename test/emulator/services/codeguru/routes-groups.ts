import { AwsServiceError } from '../../core/contract';
import type { EmuRequest, RestRoute } from '../../core/contract';
import type { ProfilingGroup } from './model';
import { bool, offsetPage } from './params';
import { describeGroup } from './render';

export interface GuruContext {
  groups: ProfilingGroup[];
  now(): number;
}

/** The caller's profiling group named by the label, or ResourceNotFoundException. */
export function findGroup(ctx: GuruContext, req: EmuRequest, name: string | undefined): ProfilingGroup {
  const group = ctx.groups.find((g) => g.name === name && g.accountId === req.accountId);
  if (!group) throw new AwsServiceError('ResourceNotFoundException', `Profiling group ${name ?? ''} does not exist`, 404);
  return group;
}

export function groupRoutes(ctx: GuruContext): RestRoute[] {
  return [
    {
      method: 'GET', pattern: '/profilingGroups', operation: 'ListProfilingGroups',
      handler: (req) => {
        const own = ctx.groups.filter((g) => g.accountId === req.accountId).sort((a, b) => (a.name < b.name ? -1 : 1));
        const includeDescription = bool(req.query, 'includeDescription') ?? false;
        const page = offsetPage(own, req.query, 100);
        return {
          body: {
            profilingGroupNames: page.items.map((g) => g.name),
            ...(includeDescription ? { profilingGroups: page.items.map((g) => describeGroup(req.region, g, ctx.now())) } : {}),
            ...(page.nextToken ? { nextToken: page.nextToken } : {}),
          },
        };
      },
    },
    {
      method: 'GET', pattern: '/profilingGroups/{profilingGroupName}', operation: 'DescribeProfilingGroup',
      // The output's only member is the @httpPayload structure: the body is the description itself.
      handler: (req, labels) => ({ body: describeGroup(req.region, findGroup(ctx, req, labels.profilingGroupName), ctx.now()) }),
    },
  ];
}
