// ListPipelines, GetPipeline, GetPipelineState.
import type { EmuRequest } from '../../../core/contract';
import { decodePageToken, encodePageToken } from '../../../core/page-token';
import { lowerBound } from '../../../core/sorted';
import { validateInput } from '../../../core/validate';
import { error, invalidNextToken } from '../errors';
import { getPipelineRules, getPipelineStateRules, listPipelinesRules } from '../rules';
import { declarationWire, pipelineState, pipelineSummary, seconds } from '../wire';
import type { PipelinesWorld } from '../world';

const DEFAULT_PAGE = 100;

export function listPipelines(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(listPipelinesRules, input);
    const store = world.region(req.accountId, req.region);
    const scope = `ListPipelines:${req.accountId}:${req.region}`;
    let start = 0;
    if (input.nextToken !== undefined) {
      const after = decodePageToken(scope, input.nextToken as string);
      if (typeof after !== 'string') throw invalidNextToken();
      start = lowerBound(store.sortedNames, after, true);
    }
    const max = (input.maxResults as number | undefined) ?? DEFAULT_PAGE;
    const names = store.sortedNames.slice(start, start + max);
    const more = start + max < store.sortedNames.length;
    return {
      pipelines: names.map((n) => pipelineSummary(store.pipelines.get(n)!)),
      ...(more && names.length ? { nextToken: encodePageToken(scope, names[names.length - 1]) } : {}),
    };
  };
}

export function getPipeline(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(getPipelineRules, input);
    const p = world.region(req.accountId, req.region).require(input.name as string);
    const version = (input.version as number | undefined) ?? p.versions.length;
    const declaration = p.versions[version - 1];
    if (!declaration) {
      throw error('PipelineVersionNotFoundException', `Pipeline version '${version}' does not exist for pipeline '${p.name}'.`);
    }
    return {
      pipeline: declarationWire(declaration, version),
      metadata: { pipelineArn: p.arn, created: seconds(p.created), updated: seconds(p.updated) },
    };
  };
}

export function getPipelineState(world: PipelinesWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(getPipelineStateRules, input);
    return pipelineState(world.region(req.accountId, req.region).require(input.name as string));
  };
}
