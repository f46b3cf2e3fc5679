// DescribeLogGroups: name-ordered, by prefix (binary search) or case-sensitive substring pattern.
import type { EmuRequest } from '../../core/contract';
import { decodePageToken, encodePageToken } from '../../core/page-token';
import { lowerBound } from '../../core/sorted';
import { validateInput } from '../../core/validate';
import { invalidParameter } from './resolve';
import { describeLogGroupsRules } from './rules';
import type { LogGroupRecord, LogsRegion } from './store';
import type { LogsWorld } from './world';

function wireGroup(store: LogsRegion, g: LogGroupRecord, patternMode: boolean): Record<string, unknown> {
  const arn = `${store.groupArn(g.name)}:*`;
  if (patternMode) return { logGroupName: g.name, creationTime: g.creationTime, arn };
  return {
    logGroupName: g.name,
    creationTime: g.creationTime,
    ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
    metricFilterCount: 0,
    arn,
    storedBytes: g.storedBytes,
    logGroupClass: g.logGroupClass,
    logGroupArn: store.groupArn(g.name),
  };
}

export function describeLogGroups(world: LogsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(describeLogGroupsRules, input, 'InvalidParameterException');
    const prefix = input.logGroupNamePrefix as string | undefined;
    const pattern = input.logGroupNamePattern as string | undefined;
    if (prefix !== undefined && pattern !== undefined) {
      throw invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
    }
    const cls = input.logGroupClass as string | undefined;
    const limit = (input.limit as number | undefined) ?? 50;
    const store = world.region(req.accountId, req.region);
    const scope = `DescribeLogGroups:${req.accountId}:${req.region}:${prefix ?? ''}:${pattern ?? ''}:${cls ?? ''}`;
    let after: string | undefined;
    if (input.nextToken !== undefined) {
      const cursor = decodePageToken(scope, input.nextToken as string);
      if (typeof cursor !== 'string') throw invalidParameter('The specified nextToken is invalid.');
      after = cursor;
    }
    const names = store.sortedGroupNames;
    let i = after !== undefined ? lowerBound(names, after, true) : prefix ? lowerBound(names, prefix) : 0;
    const page: LogGroupRecord[] = [];
    let more = false;
    for (; i < names.length; i++) {
      const name = names[i]!;
      if (prefix && !name.startsWith(prefix)) break;
      if (pattern && !name.includes(pattern)) continue;
      const group = store.groups.get(name)!;
      if (cls && group.logGroupClass !== cls) continue;
      if (page.length === limit) {
        more = true;
        break;
      }
      page.push(group);
    }
    const patternMode = pattern !== undefined;
    return {
      logGroups: page.map((g) => wireGroup(store, g, patternMode)),
      ...(more ? { nextToken: encodePageToken(scope, page[page.length - 1]!.name) } : {}),
    };
  };
}
