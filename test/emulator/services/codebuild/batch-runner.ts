// Runs a batch build over simulated time: SUBMITTED, DOWNLOAD_BATCHSPEC (a DOWNLOAD_SOURCE build reads
// the source and the batchspec), IN_PROGRESS (build-list and build-matrix builds start together;
// build-graph builds start when everything they depend on has succeeded, or failed with
// ignoreFailure), COMBINE_ARTIFACTS when the project combines them, then SUCCEEDED, FAILED or STOPPED.
import { type BatchEntry, type BatchPhaseType, type BatchRecord, type BuildGroupRecord, expandBatch } from './batch-records';
import { type BuildOverrides, startProjectBuild } from './project-builds';
import type { ProjectRecord } from './projects';
import { downloadSourceRecipe } from './recipes';
import type { BuildRecord, BuildsRegion, BuildStatus, EnvironmentVariable } from './store';
import type { BuildsWorld } from './world';

export interface BatchOptions {
  sourceVersion?: string;
  environmentVariables?: EnvironmentVariable[];
  buildspec?: string;
  initiator: string;
  /** Force the outcome (seed); default: the project's next outcome. */
  succeed?: boolean;
}

const DOWNLOAD_SOURCE = 'DOWNLOAD_SOURCE';

export function startBatch(world: BuildsWorld, store: BuildsRegion, project: ProjectRecord, options: BatchOptions): BatchRecord {
  const clock = world.clock;
  const uuid = world.random.uuid();
  const id = `${project.name}:${uuid}`;
  const spec = project.batch ?? { kind: 'build-list', entries: [{ identifier: 'build1' }] };
  const succeed = options.succeed ?? (() => {
    const o = project.outcomes.length ? project.outcomes[Math.min(project.attempts, project.outcomes.length - 1)]! : 'succeed';
    project.attempts++;
    return o === 'succeed';
  })();
  const now = clock.now();
  const entries = expandBatch(spec);
  const batch: BatchRecord = {
    id,
    arn: `arn:aws:codebuild:${store.region}:${store.accountId}:build-batch/${id}`,
    buildBatchNumber: store.nextBatchNumber(project.name),
    projectName: project.name,
    startTime: now,
    currentPhase: 'SUBMITTED',
    buildBatchStatus: 'IN_PROGRESS',
    sourceVersion: options.sourceVersion ?? project.sourceVersion ?? 'refs/heads/main',
    phases: [{ phaseType: 'SUBMITTED', startTime: now }],
    initiator: options.initiator,
    kind: spec.kind,
    groups: [
      { identifier: DOWNLOAD_SOURCE, dependsOn: [], ignoreFailure: false, buildIds: [] },
      ...entries.map((e) => ({ identifier: e.identifier, dependsOn: e.dependOn ?? [], ignoreFailure: e.ignoreFailure ?? false, buildIds: [], entry: e })),
    ],
    environmentVariables: options.environmentVariables ?? [],
    ...(options.buildspec ? { buildspecOverride: options.buildspec } : {}),
    region: store.region,
    accountId: store.accountId,
    fails: !succeed,
  };
  store.batches.set(id, batch);
  project.batches.push(id);
  runGroups(world, store, project, batch, options);
  return batch;
}

/** RetryBuildBatch: the failed (or all) groups run again in the same batch. */
export function retryBatch(world: BuildsWorld, store: BuildsRegion, project: ProjectRecord, batch: BatchRecord, failedOnly: boolean, initiator: string): void {
  batch.buildBatchStatus = 'IN_PROGRESS';
  delete batch.endTime;
  batch.fails = false;
  const succeeded = (g: BuildGroupRecord): boolean => store.builds.get(g.buildIds[g.buildIds.length - 1] ?? '')?.buildStatus === 'SUCCEEDED';
  const keep = new Set(batch.groups.filter((g) => g.identifier === DOWNLOAD_SOURCE || (failedOnly && succeeded(g))).map((g) => g.identifier));
  enterPhase(world, batch, 'IN_PROGRESS');
  runGroups(world, store, project, batch, { initiator, ...(batch.buildspecOverride ? { buildspec: batch.buildspecOverride } : {}) }, keep);
}

function enterPhase(world: BuildsWorld, batch: BatchRecord, type: BatchPhaseType, status: BuildStatus = 'SUCCEEDED'): void {
  const now = world.clock.now();
  const current = batch.phases[batch.phases.length - 1];
  if (current && current.endTime === undefined) {
    current.endTime = now;
    current.phaseStatus = status;
  }
  batch.phases.push({ phaseType: type, startTime: now });
  batch.currentPhase = type;
}

function runGroups(world: BuildsWorld, store: BuildsRegion, project: ProjectRecord, batch: BatchRecord, options: BatchOptions, done = new Set<string>()): void {
  const clock = world.clock;
  const started = new Set<string>(done);
  const failed = new Set<string>();
  let stopped = false;
  let timer: { cancel(): void } | undefined;
  const groupOf = (identifier: string): BuildGroupRecord => batch.groups.find((g) => g.identifier === identifier)!;
  const finished = (): boolean => batch.groups.every((g) => done.has(g.identifier) || blocked(g));
  const blocked = (g: BuildGroupRecord): boolean => g.dependsOn.some((d) => failed.has(d) && !groupOf(d).ignoreFailure) ||
    (g.identifier !== DOWNLOAD_SOURCE && failed.has(DOWNLOAD_SOURCE));

  const overrides = (entry: BatchEntry | undefined, onComplete: (b: BuildRecord) => void): BuildOverrides => ({
    initiator: batch.id,
    buildBatchArn: batch.arn,
    succeed: !(batch.fails && entry?.failsInFailedBatch),
    ...(options.sourceVersion ? { sourceVersion: options.sourceVersion } : {}),
    environmentVariables: [
      ...(options.environmentVariables ?? []),
      ...Object.entries(entry?.env?.variables ?? {}).map(([name, value]) => ({ name, value, type: 'PLAINTEXT' as const })),
    ],
    ...(options.buildspec ? { buildspec: options.buildspec } : {}),
    ...(entry?.env?.image ? { image: entry.env.image } : {}),
    ...(entry?.env?.computeType ? { computeType: entry.env.computeType } : {}),
    onComplete,
  });

  const complete = (): void => {
    const anyFailed = [...failed].some((f) => !groupOf(f).ignoreFailure) || batch.groups.some((g) => !done.has(g.identifier));
    const end = (): void => {
      const status: BuildStatus = stopped ? 'STOPPED' : anyFailed ? 'FAILED' : 'SUCCEEDED';
      enterPhase(world, batch, stopped ? 'STOPPED' : anyFailed ? 'FAILED' : 'SUCCEEDED', stopped ? 'STOPPED' : 'SUCCEEDED');
      const last = batch.phases[batch.phases.length - 1]!;
      last.endTime = clock.now();
      batch.buildBatchStatus = status;
      batch.endTime = clock.now();
      delete batch.stop;
    };
    if (!stopped && !anyFailed && project.buildBatchConfig?.combineArtifacts) {
      enterPhase(world, batch, 'COMBINE_ARTIFACTS');
      timer = clock.setTimeout(end, world.random.int(2_000, 6_000));
    } else end();
  };

  const startGroup = (g: BuildGroupRecord): void => {
    started.add(g.identifier);
    const isDownload = g.identifier === DOWNLOAD_SOURCE;
    const o = overrides(g.entry, (build) => {
      if (build.buildStatus === 'SUCCEEDED') done.add(g.identifier);
      else failed.add(g.identifier);
      if (g.ignoreFailure && build.buildStatus !== 'SUCCEEDED') done.add(g.identifier);
      if (stopped) return;
      if (isDownload && build.buildStatus === 'SUCCEEDED') enterPhase(world, batch, 'IN_PROGRESS');
      advance();
    });
    const running = startProjectBuild(world, store, isDownload ? { ...project, recipe: downloadSourceRecipe(project.recipe) } : project, isDownload ? { ...o, succeed: true } : o);
    g.buildIds.push(running.build.id);
    if (isDownload && running.build.resolvedSourceVersion) batch.resolvedSourceVersion = running.build.resolvedSourceVersion;
  };

  const advance = (): void => {
    for (const g of batch.groups) {
      if (started.has(g.identifier) || blocked(g)) continue;
      if (g.dependsOn.every((d) => done.has(d)) && (g.identifier === DOWNLOAD_SOURCE || done.has(DOWNLOAD_SOURCE))) startGroup(g);
    }
    const running = batch.groups.some((g) => started.has(g.identifier) && !done.has(g.identifier) && !failed.has(g.identifier));
    if (!running && finished()) complete();
    else if (!running && !batch.groups.some((g) => !started.has(g.identifier) && !blocked(g))) complete();
  };

  batch.stop = () => {
    if (stopped || batch.buildBatchStatus !== 'IN_PROGRESS') return;
    stopped = true;
    timer?.cancel();
    for (const g of batch.groups) {
      const current = g.buildIds[g.buildIds.length - 1];
      if (current) world.running.get(current)?.stop();
    }
    complete();
  };

  if (done.size === 0) {
    timer = clock.setTimeout(() => {
      timer = undefined;
      enterPhase(world, batch, 'DOWNLOAD_BATCHSPEC');
      advance();
    }, world.random.int(500, 1_500));
  } else {
    advance();
  }
}
