// Where a CodeBuild build's log lives. BatchGetBuilds names the real group and stream (projects can
// send logs to a custom group); when that call is not allowed or says nothing, CodeBuild's default
// naming applies: group /aws/codebuild/<project>, stream <build uuid>.
import { BatchGetBuildsCommand, type Build, type CodeBuildClient } from '@aws-sdk/client-codebuild';

export interface BuildInfo {
  id: string;
  projectName: string;
  status?: string;
  complete: boolean;
  currentPhase?: string;
  /** The buildspec path or inline YAML the project uses (CodeBuild's `source.buildspec`). */
  buildspec?: string;
  startTime?: number;
  endTime?: number;
}

export interface LogLocation {
  group: string;
  stream: string;
  /** ARN of the log group (no `:*`), needed by StartLiveTail. */
  groupArn?: string;
  /** True when the name came from BatchGetBuilds, false when it is CodeBuild's default naming. */
  confirmed: boolean;
  build?: BuildInfo;
  /** Why the location is a guess, or why there are no CloudWatch logs. */
  note?: string;
}

/** "project:uuid" → its parts; undefined for anything else. */
export function parseBuildId(id: string): { project: string; uuid: string } | undefined {
  const at = id.lastIndexOf(':');
  if (at <= 0 || at === id.length - 1) return undefined;
  // A build ARN ends with build/project:uuid.
  const head = id.slice(0, at);
  const project = head.includes('build/') ? head.slice(head.lastIndexOf('build/') + 6) : head;
  return project ? { project, uuid: id.slice(at + 1) } : undefined;
}

export function defaultLocation(buildId: string): LogLocation | undefined {
  const parts = parseBuildId(buildId);
  if (!parts) return undefined;
  return { group: `/aws/codebuild/${parts.project}`, stream: parts.uuid, confirmed: false };
}

/** arn:aws:logs:region:account:log-group:NAME:log-stream:STREAM → its parts. */
export function parseLogStreamArn(arn: string): { region: string; account: string; group: string; stream: string; groupArn: string } | undefined {
  const m = /^arn:([^:]+):logs:([^:]*):([^:]*):log-group:(.+?):log-stream:(.+)$/.exec(arn);
  if (!m) return undefined;
  const [, partition, region, account, group, stream] = m as unknown as [string, string, string, string, string, string];
  return { region, account, group, stream, groupArn: `arn:${partition}:logs:${region}:${account}:log-group:${group}` };
}

/** A log group ARN without the `:*` suffix some APIs add. */
export function groupArnOf(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  const stream = parseLogStreamArn(arn);
  if (stream) return stream.groupArn;
  return /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/.test(arn) ? arn.replace(/:\*$/, '') : undefined;
}

function ms(d: Date | undefined): number | undefined {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.getTime() : undefined;
}

export function buildInfoFromSdk(b: Build, fallbackId: string): BuildInfo {
  const parts = parseBuildId(b.id ?? fallbackId);
  const info: BuildInfo = {
    id: b.id ?? fallbackId,
    projectName: b.projectName ?? parts?.project ?? '',
    complete: b.buildComplete ?? (b.buildStatus !== undefined && b.buildStatus !== 'IN_PROGRESS'),
  };
  if (b.buildStatus) info.status = b.buildStatus;
  if (b.currentPhase) info.currentPhase = b.currentPhase;
  if (b.source?.buildspec) info.buildspec = b.source.buildspec;
  const start = ms(b.startTime);
  const end = ms(b.endTime);
  if (start !== undefined) info.startTime = start;
  if (end !== undefined) info.endTime = end;
  return info;
}

/** Reads one build; undefined when CodeBuild does not know it. Throws on AWS errors. */
export async function getBuild(codebuild: CodeBuildClient, buildId: string, signal?: AbortSignal): Promise<{ build: BuildInfo; raw: Build } | undefined> {
  const out = await codebuild.send(new BatchGetBuildsCommand({ ids: [buildId] }), signal ? { abortSignal: signal } : {});
  const raw = out.builds?.[0];
  return raw ? { build: buildInfoFromSdk(raw, buildId), raw } : undefined;
}

/**
 * The log location of a build. `onLookupError` hears about a failed BatchGetBuilds (the default
 * naming is used then, so a missing codebuild:BatchGetBuilds permission does not hide the log).
 */
export async function resolveBuildLogs(codebuild: CodeBuildClient, buildId: string, onLookupError?: (err: unknown) => void, signal?: AbortSignal): Promise<LogLocation | undefined> {
  const fallback = defaultLocation(buildId);
  let found: { build: BuildInfo; raw: Build } | undefined;
  try {
    found = await getBuild(codebuild, buildId, signal);
  } catch (err) {
    onLookupError?.(err);
    return fallback ? { ...fallback, note: 'CodeBuild did not say where this build logs; using its default log group.' } : undefined;
  }
  if (!found) return fallback ? { ...fallback, note: `CodeBuild does not know build ${buildId}; using its default log group.` } : undefined;
  const { build, raw } = found;
  const logs = raw.logs;
  if (logs?.cloudWatchLogs?.status === 'DISABLED' && !logs.groupName) {
    return fallback ? { ...fallback, build, note: 'CloudWatch logging is disabled for this project (logs may be in S3 only).' } : undefined;
  }
  const groupArn = groupArnOf(logs?.cloudWatchLogsArn);
  if (logs?.groupName && logs.streamName) {
    return { group: logs.groupName, stream: logs.streamName, confirmed: true, build, ...(groupArn ? { groupArn } : {}) };
  }
  const base = fallback ?? (build.projectName ? { group: `/aws/codebuild/${build.projectName}`, stream: build.id.slice(build.id.lastIndexOf(':') + 1), confirmed: false } : undefined);
  if (!base) return undefined;
  return {
    ...base,
    group: logs?.groupName ?? base.group,
    stream: logs?.streamName ?? base.stream,
    build,
    ...(groupArn ? { groupArn } : {}),
    note: 'The build has not written its log location yet; using CodeBuild\'s default naming.',
  };
}
