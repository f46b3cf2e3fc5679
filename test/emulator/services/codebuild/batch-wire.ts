// BatchRecord → the BuildBatch shape of BatchGetBuildBatches (timestamps in epoch seconds).
import type { BatchRecord } from './batch-records';
import type { ProjectRecord } from './projects';
import type { BuildsRegion } from './store';
import { wirePhase } from './wire';

const seconds = (ms: number): number => ms / 1000;

export function wireBatch(store: BuildsRegion, b: BatchRecord, project: ProjectRecord | undefined): Record<string, unknown> {
  const summary = (id: string): Record<string, unknown> | undefined => {
    const build = store.builds.get(id);
    if (!build) return undefined;
    return {
      arn: build.arn,
      requestedOn: seconds(build.startTime),
      buildStatus: build.buildStatus,
      ...(build.artifactsLocation ? { primaryArtifact: { type: 'S3', location: build.artifactsLocation, identifier: build.id.split(':')[1] } } : {}),
      secondaryArtifacts: [],
    };
  };
  const reportArns = b.groups.flatMap((g) => g.buildIds.flatMap((id) => store.builds.get(id)?.reportArns ?? []));
  return {
    id: b.id,
    arn: b.arn,
    buildBatchNumber: b.buildBatchNumber,
    startTime: seconds(b.startTime),
    ...(b.endTime !== undefined ? { endTime: seconds(b.endTime) } : {}),
    currentPhase: b.currentPhase,
    buildBatchStatus: b.buildBatchStatus,
    sourceVersion: b.sourceVersion,
    ...(b.resolvedSourceVersion ? { resolvedSourceVersion: b.resolvedSourceVersion } : {}),
    projectName: b.projectName,
    phases: b.phases.map(wirePhase),
    source: {
      type: project?.source.type ?? 'NO_SOURCE',
      ...(project?.source.location ? { location: project.source.location } : {}),
      ...(b.buildspecOverride ?? project?.source.buildspec ? { buildspec: b.buildspecOverride ?? project?.source.buildspec } : {}),
      insecureSsl: false,
    },
    secondarySources: [],
    secondarySourceVersions: [],
    artifacts: {},
    secondaryArtifacts: [],
    cache: { type: 'NO_CACHE' },
    environment: project ? {
      type: project.environment.type,
      image: project.environment.image,
      computeType: project.environment.computeType,
      environmentVariables: [...project.environment.environmentVariables, ...b.environmentVariables],
      privilegedMode: project.environment.privilegedMode,
      imagePullCredentialsType: project.environment.imagePullCredentialsType,
    } : undefined,
    serviceRole: project?.buildBatchConfig?.serviceRole ?? project?.serviceRole,
    logConfig: { cloudWatchLogs: { status: 'ENABLED' }, s3Logs: { status: 'DISABLED', encryptionDisabled: false } },
    buildTimeoutInMinutes: project?.timeoutInMinutes ?? 60,
    queuedTimeoutInMinutes: project?.queuedTimeoutInMinutes ?? 480,
    complete: b.buildBatchStatus !== 'IN_PROGRESS',
    initiator: b.initiator,
    encryptionKey: `arn:aws:kms:${b.region}:${b.accountId}:alias/aws/s3`,
    ...(project?.buildBatchConfig ? { buildBatchConfig: project.buildBatchConfig } : {}),
    buildGroups: b.groups.map((g) => {
      const current = g.buildIds[g.buildIds.length - 1];
      return {
        identifier: g.identifier,
        dependsOn: g.dependsOn,
        ignoreFailure: g.ignoreFailure,
        ...(current ? { currentBuildSummary: summary(current) } : {}),
        priorBuildSummaryList: g.buildIds.slice(0, -1).map(summary).filter((s) => s !== undefined),
      };
    }),
    debugSessionEnabled: false,
    reportArns,
  };
}
