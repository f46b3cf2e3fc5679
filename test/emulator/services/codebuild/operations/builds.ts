// ListBuildsForProject, ListBuilds, StartBuild (source version, environment variable, buildspec and
// environment overrides; idempotency token), StopBuild, RetryBuild.
import { createHash } from 'node:crypto';
import { AwsServiceError, type EmuRequest } from '../../../core/contract';
import { principalArn } from '../../../core/credentials';
import { validateInput } from '../../../core/validate';
import { invalidInput, notFound, page } from '../paging';
import { startProjectBuild } from '../project-builds';
import { listBuildsForProjectRules, retryBuildRules, startBuildRules, stopBuildRules } from '../rules';
import type { BuildsRegion, EnvironmentVariable } from '../store';
import { wireBuild } from '../wire';
import type { BuildsWorld } from '../world';

const PAGE = 100;
const IDEMPOTENCY_MS = 5 * 60_000;

/** A user's build shows the IAM user name as its initiator, as CodeBuild reports it. */
export function initiatorOf(req: EmuRequest): string {
  return principalArn(req.principal, req.accountId).replace(/^.*:user\//, '');
}

export function projectNotFound(store: BuildsRegion, name: string): Error {
  return notFound(`Project cannot be found: ${store.projectArn(name)}`);
}

/** Same token within 5 minutes: the same result, or a mismatch error if the request differs. */
export function idempotent(world: BuildsWorld, store: BuildsRegion, token: unknown, input: Record<string, unknown>): string | undefined {
  if (typeof token !== 'string' || !token) return undefined;
  const seen = store.idempotency.get(token);
  if (!seen || world.clock.now() - seen.at > IDEMPOTENCY_MS) return undefined;
  if (seen.request !== requestHash(input)) throw invalidInput(`Idempotency token ${token} is already used with different parameters`);
  return seen.id;
}

export function remember(world: BuildsWorld, store: BuildsRegion, token: unknown, input: Record<string, unknown>, id: string): void {
  if (typeof token === 'string' && token) store.idempotency.set(token, { id, request: requestHash(input), at: world.clock.now() });
}

function requestHash(input: Record<string, unknown>): string {
  const { idempotencyToken: _token, ...rest } = input;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

export function listBuildsForProject(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(listBuildsForProjectRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const project = store.project(input.projectName as string);
    if (!project) throw projectNotFound(store, input.projectName as string);
    const order = (input.sortOrder as string | undefined) ?? 'DESCENDING';
    const ids = order === 'DESCENDING' ? [...project.builds].reverse() : project.builds;
    const result = page(ids, `ListBuildsForProject:${project.arn}:${order}`, input.nextToken, PAGE);
    return { ids: result.items, ...(result.nextToken ? { nextToken: result.nextToken } : {}) };
  };
}

export function listBuilds(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput({ sortOrder: listBuildsForProjectRules.sortOrder!, nextToken: listBuildsForProjectRules.nextToken! }, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const order = (input.sortOrder as string | undefined) ?? 'DESCENDING';
    const all = [...store.builds.values()].sort((a, b) => a.startTime - b.startTime).map((b) => b.id);
    const ids = order === 'DESCENDING' ? all.reverse() : all;
    const result = page(ids, `ListBuilds:${req.accountId}:${req.region}:${order}`, input.nextToken, PAGE);
    return { ids: result.items, ...(result.nextToken ? { nextToken: result.nextToken } : {}) };
  };
}

export function startBuildOperation(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(startBuildRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const project = store.project(input.projectName as string);
    if (!project) throw projectNotFound(store, input.projectName as string);
    const again = idempotent(world, store, input.idempotencyToken, input);
    if (again) return { build: wireBuild(store.find(again)!) };
    if (project.concurrentBuildLimit !== undefined) {
      const running = project.builds.filter((id) => store.builds.get(id)?.buildStatus === 'IN_PROGRESS').length;
      if (running >= project.concurrentBuildLimit) {
        throw new AwsServiceError('AccountLimitExceededException', `Project ${project.name} has reached its concurrent build limit of ${project.concurrentBuildLimit}`);
      }
    }
    const running = startProjectBuild(world, store, project, {
      initiator: initiatorOf(req),
      ...(input.sourceVersion ? { sourceVersion: input.sourceVersion as string } : {}),
      ...(input.environmentVariablesOverride ? { environmentVariables: withTypes(input.environmentVariablesOverride) } : {}),
      ...(input.buildspecOverride ? { buildspec: input.buildspecOverride as string } : {}),
      ...(input.imageOverride ? { image: input.imageOverride as string } : {}),
      ...(input.computeTypeOverride ? { computeType: input.computeTypeOverride as string } : {}),
      ...(input.timeoutInMinutesOverride ? { timeoutInMinutes: input.timeoutInMinutesOverride as number } : {}),
      ...(input.queuedTimeoutInMinutesOverride ? { queuedTimeoutInMinutes: input.queuedTimeoutInMinutesOverride as number } : {}),
    });
    remember(world, store, input.idempotencyToken, input, running.build.id);
    return { build: wireBuild(running.build) };
  };
}

export function withTypes(value: unknown): EnvironmentVariable[] {
  return (value as { name: string; value: string; type?: EnvironmentVariable['type'] }[]).map((v) => ({ name: v.name, value: v.value, type: v.type ?? 'PLAINTEXT' }));
}

export function stopBuild(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(stopBuildRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const build = store.find(input.id as string);
    if (!build) throw notFound(`Build ${input.id as string} does not exist`);
    world.running.get(build.id)?.stop();
    return { build: wireBuild(build) };
  };
}

export function retryBuild(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(retryBuildRules, input, 'InvalidInputException');
    if (!input.id) throw invalidInput('Build id is required');
    const store = world.region(req.accountId, req.region);
    const build = store.find(input.id as string);
    if (!build) throw notFound(`Build ${input.id as string} does not exist`);
    const again = idempotent(world, store, input.idempotencyToken, input);
    if (again) return { build: wireBuild(store.find(again)!) };
    if (build.buildStatus === 'IN_PROGRESS') throw invalidInput(`Build ${build.id} is still in progress and cannot be retried`);
    if (build.buildBatchArn) throw invalidInput(`Build ${build.id} is part of batch build ${build.buildBatchArn}; retry the batch build instead`);
    const project = store.project(build.projectName);
    if (!project) throw projectNotFound(store, build.projectName);
    const projectBuildspec = project.source.buildspec;
    const running = startProjectBuild(world, store, project, {
      initiator: initiatorOf(req),
      sourceVersion: build.resolvedSourceVersion ?? build.sourceVersion,
      environmentVariables: build.environmentVariables,
      ...(build.source.buildspec !== projectBuildspec && build.source.type !== 'CODEPIPELINE' ? { buildspec: build.source.buildspec } : {}),
      image: build.image,
      computeType: build.computeType,
    });
    remember(world, store, input.idempotencyToken, input, running.build.id);
    return { build: wireBuild(running.build) };
  };
}
