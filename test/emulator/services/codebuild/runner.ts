// Runs a build over simulated time: CodeBuild's phases one after the other, each log line written to
// CloudWatch Logs when the simulated clock reaches it. The whole timeline is planned at start (the
// outcome is known), then played one step at a time so only one timer per build is pending.
import type { OutputContext } from './command-output';
import { containerLine } from './log-format';
import { createProject } from './projects';
import { BUILDSPEC_PHASES, type BuildCommand, type BuildRecipe, buildspecYaml, recipeFor } from './recipes';
import { createBuildReports, finishBuildReports } from './reports';
import type { ReportRecord } from './report-records';
import type { BuildRecord, BuildSource, BuildStatus, EnvironmentVariable, PhaseRecord, PhaseType } from './store';
import type { BuildsWorld } from './world';

export interface StartBuildInput {
  accountId: string;
  region: string;
  projectName: string;
  /** What was asked for: a branch, tag, commit, or (CodePipeline) the input artifact's S3 ARN. */
  sourceVersion: string;
  /** The commit the build actually built. */
  resolvedSourceVersion?: string;
  initiator: string;
  succeed: boolean;
  recipe?: BuildRecipe;
  environmentVariables?: { name: string; value: string; type?: EnvironmentVariable['type'] }[];
  /** Source as reported (default: a CodePipeline source with the recipe's buildspec inline). */
  source?: Omit<BuildSource, 'buildspec'> & { buildspec?: string };
  image?: string;
  computeType?: string;
  environmentType?: string;
  fleetArn?: string;
  serviceRole?: string;
  timeoutInMinutes?: number;
  queuedTimeoutInMinutes?: number;
  /** Where artifacts go; null: the project has no artifacts. Default: a CodePipeline artifact bucket. */
  artifactsLocation?: string | null;
  buildBatchArn?: string;
  onComplete?: (build: BuildRecord) => void;
}

export interface RunningBuild {
  readonly build: BuildRecord;
  /** StopBuild: the build ends as STOPPED at once. */
  stop(): void;
}

interface Step {
  at: number;
  run: () => void;
}

const EMPTY_CONTEXT = [{ statusCode: '', message: '' }];

export function startBuild(world: BuildsWorld, input: StartBuildInput): RunningBuild {
  const clock = world.clock;
  const rng = world.random;
  const store = world.region(input.accountId, input.region);
  const recipe = input.recipe ?? store.project(input.projectName)?.recipe ?? recipeFor(input.projectName);
  const project = store.project(input.projectName) ?? createProject(store, { name: input.projectName, recipe }, clock.now());
  const uuid = rng.uuid();
  const id = `${input.projectName}:${uuid}`;
  const t0 = clock.now();
  const build: BuildRecord = {
    id,
    arn: `arn:aws:codebuild:${input.region}:${input.accountId}:build/${id}`,
    buildNumber: store.nextBuildNumber(input.projectName),
    projectName: input.projectName,
    startTime: t0,
    currentPhase: 'SUBMITTED',
    buildStatus: 'IN_PROGRESS',
    sourceVersion: input.sourceVersion,
    ...(input.resolvedSourceVersion ? { resolvedSourceVersion: input.resolvedSourceVersion } : {}),
    phases: [],
    source: {
      type: 'CODEPIPELINE',
      ...input.source,
      buildspec: input.source?.buildspec ?? recipe.inlineBuildspec ?? buildspecYaml(recipe),
    },
    image: input.image ?? recipe.image,
    computeType: input.computeType ?? recipe.computeType,
    environmentType: input.environmentType ?? 'LINUX_CONTAINER',
    ...(input.fleetArn ? { fleetArn: input.fleetArn } : {}),
    environmentVariables: (input.environmentVariables ?? []).map((v) => ({ name: v.name, value: v.value, type: v.type ?? 'PLAINTEXT' })),
    ...(input.artifactsLocation === null ? {} : {
      artifactsLocation: input.artifactsLocation ?? `arn:aws:s3:::codepipeline-${input.region}-${input.accountId.slice(0, 12)}/${input.projectName.slice(0, 20)}/BuildArtif/${rng.hex(7)}`,
    }),
    serviceRole: input.serviceRole ?? project.serviceRole,
    logGroupName: `/aws/codebuild/${input.projectName}`,
    logStreamName: uuid,
    initiator: input.initiator,
    region: input.region,
    accountId: input.accountId,
    timeoutInMinutes: input.timeoutInMinutes ?? project.timeoutInMinutes,
    queuedTimeoutInMinutes: input.queuedTimeoutInMinutes ?? project.queuedTimeoutInMinutes,
    reportArns: [],
    ...(input.buildBatchArn ? { buildBatchArn: input.buildBatchArn } : {}),
  };
  store.builds.set(id, build);
  project.builds.push(id);

  const logs = world.logs.region(input.accountId, input.region);
  logs.ensureGroup(build.logGroupName, { retentionInDays: 30 });
  const srcDir = `/codebuild/output/src${rng.int(100000000, 999999999)}/src`;
  const steps: Step[] = [];
  let t = 0;
  const at = (offset: number, run: () => void): void => {
    steps.push({ at: offset, run });
  };
  let lastOffset = -1;
  let lastMicros = 0;
  const line = (offset: number, text: string, container = true): void => {
    // Lines written in the same millisecond keep their order in the microsecond digits too.
    const micros = offset === lastOffset ? Math.min(999, lastMicros + rng.int(5, 40)) : rng.int(0, 899);
    lastOffset = offset;
    lastMicros = micros;
    at(offset, () => {
      const now = clock.now();
      logs.put(build.logGroupName, build.logStreamName, [{ timestamp: now, message: container ? containerLine(now, micros, text) : text }]);
    });
  };
  const phase = (type: PhaseType, durationMs: number, status: BuildStatus = 'SUCCEEDED', contexts = EMPTY_CONTEXT, body?: (start: number) => void): void => {
    const start = t;
    at(start, () => {
      const record: PhaseRecord = { phaseType: type, startTime: clock.now() };
      build.phases.push(record);
      build.currentPhase = type;
    });
    body?.(start);
    t = start + durationMs;
    at(t, () => {
      const record = build.phases[build.phases.length - 1]!;
      record.phaseStatus = status;
      record.endTime = clock.now();
      if (type !== 'SUBMITTED' && type !== 'QUEUED') record.contexts = contexts;
    });
  };

  phase('SUBMITTED', rng.int(150, 600), 'SUCCEEDED');
  phase('QUEUED', rng.int(600, 2_500), 'SUCCEEDED');
  const provisioning = rng.int(9_000, 18_000);
  phase('PROVISIONING', provisioning, 'SUCCEEDED', EMPTY_CONTEXT, (start) => {
    line(start + provisioning - 1_800, 'Running on CodeBuild On-demand');
    line(start + provisioning - 1_790, 'Waiting for agent ping');
    line(start + provisioning - 600, 'Waiting for DOWNLOAD_SOURCE');
  });
  const phasesWithCommands = BUILDSPEC_PHASES.filter((p) => recipe.phases[p]?.length);
  const download = rng.int(1_500, 3_500);
  const yamlError = recipe.downloadError;
  phase('DOWNLOAD_SOURCE', download, yamlError ? 'FAILED' : 'SUCCEEDED', yamlError ? [yamlError] : EMPTY_CONTEXT, (start) => {
    if (yamlError) {
      line(start + 200, 'Phase is DOWNLOAD_SOURCE');
      line(start + 300, `CODEBUILD_SRC_DIR=${srcDir}`);
      line(start + 400, `Phase complete: DOWNLOAD_SOURCE State: FAILED`);
      line(start + 400, `Phase context status code: ${yamlError.statusCode} Message: ${yamlError.message}`);
      return;
    }
    const texts = [
      'Phase is DOWNLOAD_SOURCE',
      `CODEBUILD_SRC_DIR=${srcDir}`,
      `YAML location is ${srcDir}/buildspec.yml`,
      'Setting HTTP client timeout to higher timeout for S3 source',
      'Processing environment variables',
      ...Object.entries(recipe.runtimeVersions).map(([k, v]) => `Selecting '${k}' runtime version '${v}' based on manual selections...`),
      `Moving to directory ${srcDir}`,
      'Cache is not defined in the buildspec',
      'Skip cache due to: no paths specified to be cached',
      'Registering with agent',
      `Phases found in YAML: ${phasesWithCommands.length}`,
      ...phasesWithCommands.map((p) => ` ${p}: ${recipe.phases[p]!.length} commands`),
      'Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED',
      'Phase context status code:  Message: ',
    ];
    texts.forEach((text, i) => line(start + 200 + Math.floor(((download - 300) * i) / texts.length), text));
  });

  let failing = input.succeed ? undefined : findFailingCommand(recipe);
  let failedPhase: PhaseType | undefined = yamlError ? 'DOWNLOAD_SOURCE' : undefined;
  const testsFailed = failing !== undefined;
  for (const phaseType of yamlError ? [] : BUILDSPEC_PHASES) {
    if (failedPhase && phaseType !== 'POST_BUILD') continue;
    const commands = recipe.phases[phaseType] ?? [];
    const plan: { command: BuildCommand; fails: boolean }[] = [];
    for (const command of commands) {
      const fails = failing === command;
      plan.push({ command, fails });
      if (fails) break;
    }
    const duration = 300 + plan.reduce((sum, p) => sum + p.command.durationMs + 150, 0);
    const phaseFails = plan.some((p) => p.fails);
    const context = phaseFails ? failContext(plan[plan.length - 1]!.command) : undefined;
    phase(phaseType, duration, phaseFails ? 'FAILED' : 'SUCCEEDED', context ? [context] : EMPTY_CONTEXT, (start) => {
      let c = start + 50;
      line(c, `Entering phase ${phaseType}`);
      for (const { command, fails } of plan) {
        c += 100;
        line(c, `Running command ${command.command}`);
        const ctx: OutputContext = { packageName: packageNameOf(input.projectName), version: recipe.version, srcDir, rng, startedAt: t0 + c };
        const output = fails && command.failure ? command.failure.output(ctx) : command.output(ctx);
        output.forEach((text, i) => line(c + Math.floor(((command.durationMs - 50) * (i + 1)) / (output.length + 1)), text, false));
        c += command.durationMs;
        if (fails) line(c, `Command did not exit successfully ${command.command} exit status ${command.failure?.exitCode ?? 1}`);
      }
      line(c + 20, `Phase complete: ${phaseType} State: ${phaseFails ? 'FAILED' : 'SUCCEEDED'}`);
      line(c + 20, `Phase context status code: ${context?.statusCode ?? ''} Message: ${context?.message ?? ''}`);
    });
    if (phaseFails) {
      failedPhase = phaseType;
      failing = undefined;
    }
  }

  let reports: ReportRecord[] = [];
  const upload = rng.int(1_200, 3_000);
  if (!yamlError && recipe.reports?.length) {
    at(t, () => {
      reports = createBuildReports(store, rng, build, recipe, testsFailed, srcDir, clock.now());
    });
  }
  phase('UPLOAD_ARTIFACTS', upload, 'SUCCEEDED', EMPTY_CONTEXT, (start) => {
    const base = recipe.artifactsBaseDir;
    const texts = [
      `Expanding base directory path: ${base}`,
      'Assembling file list',
      `Expanding ${base}`,
      `Expanding file paths for base directory ${base}`,
      'Assembling file list',
      'Expanding **/*',
      `Found ${recipe.artifactFiles} file(s)`,
      'Set report auto-discover timeout to 5 seconds',
      'Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED',
      'Phase context status code:  Message: ',
    ];
    texts.forEach((text, i) => line(start + 100 + Math.floor(((upload - 200) * i) / texts.length), text));
  });
  phase('FINALIZING', rng.int(500, 2_000), 'SUCCEEDED');
  const finalStatus: BuildStatus = failedPhase ? 'FAILED' : 'SUCCEEDED';
  at(t, () => {
    build.phases.push({ phaseType: 'COMPLETED', startTime: clock.now() });
    build.currentPhase = 'COMPLETED';
    build.buildStatus = finalStatus;
    build.endTime = clock.now();
    finishBuildReports(reports, false);
    world.running.delete(id);
    input.onComplete?.(build);
  });

  steps.sort((a, b) => a.at - b.at);
  let index = 0;
  let pending: { cancel(): void } | undefined;
  let stopped = false;
  const playNext = (): void => {
    pending = undefined;
    while (index < steps.length && !stopped) {
      const step = steps[index]!;
      const wait = t0 + step.at - clock.now();
      if (wait > 0) {
        pending = clock.setTimeout(playNext, wait);
        return;
      }
      index++;
      step.run();
    }
  };
  const running: RunningBuild = {
    build,
    stop() {
      if (stopped || build.buildStatus !== 'IN_PROGRESS') return;
      stopped = true;
      pending?.cancel();
      const now = clock.now();
      const current = build.phases[build.phases.length - 1];
      if (current && current.endTime === undefined) {
        current.phaseStatus = 'STOPPED';
        current.endTime = now;
        current.contexts = [{ statusCode: 'BUILD_STOPPED', message: 'Build was stopped' }];
      }
      build.phases.push({ phaseType: 'COMPLETED', startTime: now });
      build.currentPhase = 'COMPLETED';
      build.buildStatus = 'STOPPED';
      build.endTime = now;
      finishBuildReports(reports, true);
      world.running.delete(id);
      input.onComplete?.(build);
    },
  };
  world.running.set(id, running);
  playNext();
  return running;
}

function findFailingCommand(recipe: BuildRecipe): BuildCommand | undefined {
  for (const p of BUILDSPEC_PHASES) {
    const found = recipe.phases[p]?.find((c) => c.failure);
    if (found) return found;
  }
  const build = recipe.phases.BUILD;
  return build?.[build.length - 1];
}

function failContext(command: BuildCommand): { statusCode: string; message: string } {
  return {
    statusCode: 'COMMAND_EXECUTION_ERROR',
    message: `Error while executing command: ${command.command}. Reason: exit status ${command.failure?.exitCode ?? 1}`,
  };
}

function packageNameOf(projectName: string): string {
  return projectName.replace(/-(build|test|tests|ci|image|unit-tests)$/, '');
}

/** The phase that failed and why, for CodePipeline's errorDetails. */
export function buildFailure(build: BuildRecord): { phase: PhaseType; context?: { statusCode: string; message: string } } | undefined {
  const failed = build.phases.find((p) => p.phaseStatus === 'FAILED' || p.phaseStatus === 'STOPPED');
  if (!failed) return undefined;
  const context = failed.contexts?.find((c) => c.statusCode);
  return context ? { phase: failed.phaseType, context } : { phase: failed.phaseType };
}
