// StartBuildBatch, ListBuildBatchesForProject (and ListBuildBatches), BatchGetBuildBatches,
// StopBuildBatch, RetryBuildBatch.
import type { EmuRequest } from '../../../core/contract';
import { validateInput } from '../../../core/validate';
import { retryBatch, startBatch } from '../batch-runner';
import { wireBatch } from '../batch-wire';
import { batchGet, invalidInput, notFound, page } from '../paging';
import {
  batchGetBuildBatchesRules, listBuildBatchesForProjectRules, retryBuildBatchRules, startBuildBatchRules, stopBuildBatchRules,
} from '../rules';
import type { BatchRecord } from '../batch-records';
import type { BuildsRegion } from '../store';
import type { BuildsWorld } from '../world';
import { idempotent, initiatorOf, projectNotFound, remember, withTypes } from './builds';

const DEFAULT_PAGE = 100;

function wire(store: BuildsRegion, b: BatchRecord): Record<string, unknown> {
  return wireBatch(store, b, store.project(b.projectName));
}

export function startBuildBatch(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(startBuildBatchRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const project = store.project(input.projectName as string);
    if (!project) throw projectNotFound(store, input.projectName as string);
    const again = idempotent(world, store, input.idempotencyToken, input);
    if (again) return { buildBatch: wire(store, store.findBatch(again)!) };
    if (!project.buildBatchConfig) {
      throw invalidInput(`Batch build is not configured for project ${project.name}: set buildBatchConfig with a service role first`);
    }
    const batch = startBatch(world, store, project, {
      initiator: initiatorOf(req),
      ...(input.sourceVersion ? { sourceVersion: input.sourceVersion as string } : {}),
      ...(input.environmentVariablesOverride ? { environmentVariables: withTypes(input.environmentVariablesOverride) } : {}),
      ...(input.buildspecOverride ? { buildspec: input.buildspecOverride as string } : {}),
    });
    remember(world, store, input.idempotencyToken, input, batch.id);
    return { buildBatch: wire(store, batch) };
  };
}

function batchesPage(store: BuildsRegion, ids: string[], input: Record<string, unknown>, scope: string): unknown {
  const status = (input.filter as { status?: string } | undefined)?.status;
  const order = (input.sortOrder as string | undefined) ?? 'DESCENDING';
  let list = status ? ids.filter((id) => store.batches.get(id)?.buildBatchStatus === status) : ids;
  if (order === 'DESCENDING') list = [...list].reverse();
  const result = page(list, `${scope}:${status ?? ''}:${order}`, input.nextToken, (input.maxResults as number | undefined) ?? DEFAULT_PAGE);
  return { ids: result.items, ...(result.nextToken ? { nextToken: result.nextToken } : {}) };
}

export function listBuildBatchesForProject(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(listBuildBatchesForProjectRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    if (!input.projectName) throw invalidInput('Project name is required');
    const project = store.project(input.projectName as string);
    if (!project) throw projectNotFound(store, input.projectName as string);
    return batchesPage(store, project.batches, input, `ListBuildBatchesForProject:${project.arn}`);
  };
}

export function listBuildBatches(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    const { projectName: _unused, ...rules } = listBuildBatchesForProjectRules;
    validateInput(rules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const ids = [...store.batches.values()].sort((a, b) => a.startTime - b.startTime).map((b) => b.id);
    return batchesPage(store, ids, input, `ListBuildBatches:${req.accountId}:${req.region}`);
  };
}

export function batchGetBuildBatches(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(batchGetBuildBatchesRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const { found, notFound } = batchGet(input.ids as string[], (id) => store.findBatch(id), (b) => wire(store, b));
    return { buildBatches: found, buildBatchesNotFound: notFound };
  };
}

export function stopBuildBatch(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(stopBuildBatchRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const batch = store.findBatch(input.id as string);
    if (!batch) throw notFound(`Build batch ${input.id as string} does not exist`);
    batch.stop?.();
    return { buildBatch: wire(store, batch) };
  };
}

export function retryBuildBatch(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(retryBuildBatchRules, input, 'InvalidInputException');
    if (!input.id) throw invalidInput('Build batch id is required');
    const store = world.region(req.accountId, req.region);
    const batch = store.findBatch(input.id as string);
    if (!batch) throw notFound(`Build batch ${input.id as string} does not exist`);
    const project = store.project(batch.projectName);
    if (!project) throw projectNotFound(store, batch.projectName);
    if (batch.buildBatchStatus === 'IN_PROGRESS') throw invalidInput(`Build batch ${batch.id} is still in progress and cannot be retried`);
    retryBatch(world, store, project, batch, input.retryType === 'RETRY_FAILED_BUILDS', initiatorOf(req));
    return { buildBatch: wire(store, batch) };
  };
}
