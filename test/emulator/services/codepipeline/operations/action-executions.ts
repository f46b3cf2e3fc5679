// ListActionExecutions: newest first, for the pipeline or one execution (optionally only the latest
// attempt of each action in that execution).
import type { EmuRequest } from '../../../core/contract';
import { decodePageToken, encodePageToken } from '../../../core/page-token';
import { validateInput } from '../../../core/validate';
import { executionNotFound, invalidNextToken } from '../errors';
import type { ActionExecutionRecord } from '../model/records';
import { listActionExecutionsRules } from '../rules';
import { actionExecutionDetail } from '../wire';
import type { PipelinesWorld } from '../world';

const DEFAULT_PAGE = 100;

interface Filter {
  pipelineExecutionId?: string;
  latestInPipelineExecution?: { pipelineExecutionId: string; startTimeRange: 'Latest' | 'All' };
}

export function listActionExecutions(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(listActionExecutionsRules, input);
    const p = world.region(req.accountId, req.region).require(input.pipelineName as string);
    const filter = (input.filter as Filter | undefined) ?? {};
    const execId = filter.latestInPipelineExecution?.pipelineExecutionId ?? filter.pipelineExecutionId;
    if (execId !== undefined && !p.executionsById.has(execId)) throw executionNotFound(p.name, execId);
    const latestOnly = filter.latestInPipelineExecution?.startTimeRange === 'Latest';
    const matches = (r: ActionExecutionRecord): boolean => execId === undefined || r.pipelineExecutionId === execId;
    const key = (r: ActionExecutionRecord): string => `${r.stageName}\n${r.actionName}`;
    const scope = `ListActionExecutions:${p.arn}:${JSON.stringify(filter)}`;
    let from = p.actionExecutions.length - 1;
    if (input.nextToken !== undefined) {
      const cursor = decodePageToken(scope, input.nextToken as string);
      if (typeof cursor !== 'number') throw invalidNextToken();
      from = cursor - 1;
    }
    // "Latest" keeps the newest attempt of each action; attempts newer than the cursor count as seen.
    const seen = new Set<string>();
    let i = p.actionExecutions.length - 1;
    if (latestOnly) for (; i > from; i--) if (matches(p.actionExecutions[i]!)) seen.add(key(p.actionExecutions[i]!));
    i = from;
    const max = (input.maxResults as number | undefined) ?? DEFAULT_PAGE;
    const page: { index: number; record: ActionExecutionRecord }[] = [];
    let more = false;
    for (; i >= 0; i--) {
      const r = p.actionExecutions[i]!;
      if (!matches(r)) continue;
      if (latestOnly) {
        if (seen.has(key(r))) continue;
        seen.add(key(r));
      }
      if (page.length === max) {
        more = true;
        break;
      }
      page.push({ index: i, record: r });
    }
    const last = page[page.length - 1];
    return {
      actionExecutionDetails: page.map(({ record }) => actionExecutionDetail(record)),
      ...(more && last ? { nextToken: encodePageToken(scope, last.index) } : {}),
    };
  };
}
