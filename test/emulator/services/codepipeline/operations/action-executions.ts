// ListActionExecutions and ListRuleExecutions: newest first, for the pipeline or one execution
// (optionally only the latest attempt of each action or rule in that execution).
import type { EmuRequest } from '../../../core/contract';
import { decodePageToken, encodePageToken } from '../../../core/page-token';
import { type Members, validateInput } from '../../../core/validate';
import { executionNotFound, invalidNextToken } from '../errors';
import type { PipelineRecord } from '../model/records';
import { listActionExecutionsRules } from '../rules';
import { actionExecutionDetail, ruleExecutionDetail } from '../wire';
import type { PipelinesWorld } from '../world';

const DEFAULT_PAGE = 100;

interface Filter {
  pipelineExecutionId?: string;
  latestInPipelineExecution?: { pipelineExecutionId: string; startTimeRange: 'Latest' | 'All' };
}

interface Listing<T> {
  operation: string;
  rules: Members;
  records: (p: PipelineRecord) => readonly T[];
  /** What "the same action/rule" means for the Latest filter. */
  key: (r: T) => string;
  executionOf: (r: T) => string;
  wire: (r: T) => Record<string, unknown>;
  itemsMember: string;
}

function listExecutions<T>(world: PipelinesWorld, listing: Listing<T>) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(listing.rules, input);
    const p = world.region(req.accountId, req.region).require(input.pipelineName as string);
    const records = listing.records(p);
    const filter = (input.filter as Filter | undefined) ?? {};
    const execId = filter.latestInPipelineExecution?.pipelineExecutionId ?? filter.pipelineExecutionId;
    if (execId !== undefined && !p.executionsById.has(execId)) throw executionNotFound(p.name, execId);
    const latestOnly = filter.latestInPipelineExecution?.startTimeRange === 'Latest';
    const matches = (r: T): boolean => execId === undefined || listing.executionOf(r) === execId;
    const scope = `${listing.operation}:${p.arn}:${JSON.stringify(filter)}`;
    let from = records.length - 1;
    if (input.nextToken !== undefined) {
      const cursor = decodePageToken(scope, input.nextToken as string);
      if (typeof cursor !== 'number') throw invalidNextToken();
      from = cursor - 1;
    }
    // "Latest" keeps the newest attempt of each; attempts newer than the cursor count as seen.
    const seen = new Set<string>();
    let i = records.length - 1;
    if (latestOnly) for (; i > from; i--) if (matches(records[i]!)) seen.add(listing.key(records[i]!));
    const max = (input.maxResults as number | undefined) ?? DEFAULT_PAGE;
    const page: { index: number; record: T }[] = [];
    let more = false;
    for (i = from; i >= 0; i--) {
      const r = records[i]!;
      if (!matches(r)) continue;
      if (latestOnly) {
        if (seen.has(listing.key(r))) continue;
        seen.add(listing.key(r));
      }
      if (page.length === max) {
        more = true;
        break;
      }
      page.push({ index: i, record: r });
    }
    const last = page[page.length - 1];
    return {
      [listing.itemsMember]: page.map(({ record }) => listing.wire(record)),
      ...(more && last ? { nextToken: encodePageToken(scope, last.index) } : {}),
    };
  };
}

export function listActionExecutions(world: PipelinesWorld) {
  return listExecutions(world, {
    operation: 'ListActionExecutions',
    rules: listActionExecutionsRules,
    records: (p) => p.actionExecutions,
    key: (r) => `${r.stageName}\n${r.actionName}`,
    executionOf: (r) => r.pipelineExecutionId,
    wire: actionExecutionDetail,
    itemsMember: 'actionExecutionDetails',
  });
}

export function listRuleExecutions(world: PipelinesWorld) {
  return listExecutions(world, {
    operation: 'ListRuleExecutions',
    rules: listActionExecutionsRules, // ListRuleExecutions takes the same members
    records: (p) => p.ruleExecutions,
    key: (r) => `${r.stageName}\n${r.conditionType}\n${r.ruleName}`,
    executionOf: (r) => r.pipelineExecutionId,
    wire: ruleExecutionDetail,
    itemsMember: 'ruleExecutionDetails',
  });
}
