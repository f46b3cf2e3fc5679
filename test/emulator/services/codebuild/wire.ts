// BuildRecord → the Build shape of BatchGetBuilds (timestamps in epoch seconds).
import type { BuildRecord, PhaseRecord } from './store';

const seconds = (ms: number): number => ms / 1000;

/** A build's or a batch's phase (both shapes have the same members). */
export function wirePhase(p: Omit<PhaseRecord, 'phaseType'> & { phaseType: string }): Record<string, unknown> {
  return {
    phaseType: p.phaseType,
    ...(p.phaseStatus ? { phaseStatus: p.phaseStatus } : {}),
    startTime: seconds(p.startTime),
    ...(p.endTime !== undefined ? { endTime: seconds(p.endTime), durationInSeconds: Math.round((p.endTime - p.startTime) / 1000) } : {}),
    ...(p.contexts ? { contexts: p.contexts } : {}),
  };
}

export function logsDeepLink(region: string, group: string, stream: string): string {
  return `https://console.aws.amazon.com/cloudwatch/home?region=${region}#logEvent:group=${group};stream=${stream}`;
}

export function wireBuild(b: BuildRecord): Record<string, unknown> {
  return {
    id: b.id,
    arn: b.arn,
    buildNumber: b.buildNumber,
    startTime: seconds(b.startTime),
    ...(b.endTime !== undefined ? { endTime: seconds(b.endTime) } : {}),
    currentPhase: b.currentPhase,
    buildStatus: b.buildStatus,
    sourceVersion: b.sourceVersion,
    ...(b.resolvedSourceVersion ? { resolvedSourceVersion: b.resolvedSourceVersion } : {}),
    projectName: b.projectName,
    phases: b.phases.map(wirePhase),
    source: {
      type: b.source.type,
      ...(b.source.location ? { location: b.source.location } : {}),
      ...(b.source.gitCloneDepth !== undefined ? { gitCloneDepth: b.source.gitCloneDepth } : {}),
      buildspec: b.source.buildspec,
      ...(b.source.reportBuildStatus !== undefined ? { reportBuildStatus: b.source.reportBuildStatus } : {}),
      insecureSsl: false,
    },
    secondarySources: [],
    secondarySourceVersions: [],
    artifacts: b.artifactsLocation ? { location: b.artifactsLocation } : {},
    secondaryArtifacts: [],
    cache: { type: 'NO_CACHE' },
    environment: {
      type: b.environmentType,
      image: b.image,
      computeType: b.computeType,
      ...(b.fleetArn ? { fleet: { fleetArn: b.fleetArn } } : {}),
      environmentVariables: b.environmentVariables,
      privilegedMode: false,
      imagePullCredentialsType: 'CODEBUILD',
    },
    serviceRole: b.serviceRole,
    logs: {
      groupName: b.logGroupName,
      streamName: b.logStreamName,
      deepLink: logsDeepLink(b.region, b.logGroupName, b.logStreamName),
      cloudWatchLogsArn: `arn:aws:logs:${b.region}:${b.accountId}:log-group:${b.logGroupName}:log-stream:${b.logStreamName}`,
      cloudWatchLogs: { status: 'ENABLED' },
      s3Logs: { status: 'DISABLED', encryptionDisabled: false },
    },
    timeoutInMinutes: b.timeoutInMinutes,
    queuedTimeoutInMinutes: b.queuedTimeoutInMinutes,
    buildComplete: b.buildStatus !== 'IN_PROGRESS',
    initiator: b.initiator,
    encryptionKey: `arn:aws:kms:${b.region}:${b.accountId}:alias/aws/s3`,
    reportArns: b.reportArns,
    ...(b.buildBatchArn ? { buildBatchArn: b.buildBatchArn } : {}),
  };
}
