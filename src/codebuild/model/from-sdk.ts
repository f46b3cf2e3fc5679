// Maps CodeBuild SDK outputs to the plain model. Only types are imported from the SDK: no I/O here.
import type {
  Build,
  BuildArtifacts,
  BuildBatch,
  BuildBatchPhase,
  BuildPhase,
  BuildSummary,
  CodeCoverage,
  Project,
  ProjectSource as SdkProjectSource,
  Report,
  ReportGroup,
  TestCase,
} from '@aws-sdk/client-codebuild';
import { definedOnly as defined, epochMillis as ms } from '../../core/records';
import {
  projectOfBuildId,
  toBuildStatus,
  type ArtifactInfo,
  type BatchInfo,
  type BuildGroupInfo,
  type BuildInfo,
  type FileCoverageInfo,
  type PhaseInfo,
  type ProjectInfo,
  type ProjectSource,
  type ReportGroupInfo,
  type ReportInfo,
  type ReportType,
  type TestCaseInfo,
} from './types';

function sourceFromSdk(s: SdkProjectSource | undefined): ProjectSource {
  return defined({ type: s?.type ?? 'NO_SOURCE', location: s?.location, buildspec: s?.buildspec });
}

function phasesFromSdk(phases: readonly (BuildPhase | BuildBatchPhase)[] | undefined): PhaseInfo[] {
  return (phases ?? []).map((p) => {
    const context = (p.contexts ?? []).find((c) => c.message || c.statusCode);
    const message = context ? [context.statusCode, context.message].filter(Boolean).join(': ') : undefined;
    return defined({
      type: p.phaseType ?? '',
      status: p.phaseStatus ? toBuildStatus(p.phaseStatus) : undefined,
      start: ms(p.startTime),
      end: ms(p.endTime),
      durationSeconds: p.durationInSeconds,
      message,
    });
  });
}

function artifactFromSdk(a: BuildArtifacts | undefined): ArtifactInfo | undefined {
  if (!a?.location) return undefined;
  return defined({ identifier: a.artifactIdentifier, location: a.location, sha256: a.sha256sum, md5: a.md5sum });
}

export function projectFromSdk(p: Project): ProjectInfo | undefined {
  if (!p.name) return undefined;
  const filters = (p.webhook?.filterGroups ?? []).map((group) => group
    .map((f) => `${f.excludeMatchedPattern ? 'not ' : ''}${f.type === 'EVENT' ? '' : `${f.type ?? ''}=`}${f.pattern ?? ''}`).join(' · '));
  return defined({
    name: p.name,
    arn: p.arn,
    description: p.description || undefined,
    source: sourceFromSdk(p.source),
    secondarySources: (p.secondarySources ?? []).map(sourceFromSdk),
    sourceVersion: p.sourceVersion,
    environment: defined({
      type: p.environment?.type,
      image: p.environment?.image,
      computeType: p.environment?.computeType,
      fleetArn: p.environment?.fleet?.fleetArn,
      // Values stay out of the model: a PLAINTEXT variable may still hold something private.
      variables: (p.environment?.environmentVariables ?? []).map((v) => defined({ name: v.name ?? '', type: v.type })),
    }),
    artifactsType: p.artifacts?.type,
    batch: p.buildBatchConfig !== undefined,
    webhook: p.webhook ? defined({ filters, buildType: p.webhook.buildType }) : undefined,
    created: ms(p.created),
    lastModified: ms(p.lastModified),
  });
}

export function buildFromSdk(b: Build): BuildInfo | undefined {
  if (!b.id) return undefined;
  const artifacts = [artifactFromSdk(b.artifacts), ...(b.secondaryArtifacts ?? []).map(artifactFromSdk)].filter((a): a is ArtifactInfo => a !== undefined);
  return defined({
    id: b.id,
    arn: b.arn,
    projectName: b.projectName ?? projectOfBuildId(b.id),
    number: b.buildNumber,
    status: toBuildStatus(b.buildStatus),
    currentPhase: b.currentPhase,
    start: ms(b.startTime),
    end: ms(b.endTime),
    initiator: b.initiator,
    sourceVersion: b.sourceVersion,
    resolvedSourceVersion: b.resolvedSourceVersion,
    buildspec: b.source?.buildspec,
    image: b.environment?.image,
    computeType: b.environment?.computeType,
    // PLAINTEXT values are shown (they are what the build ran with); secrets are only references anyway.
    environmentVariables: (b.environment?.environmentVariables ?? []).map((v) => defined({
      name: v.name ?? '', value: v.type === 'PLAINTEXT' || v.type === undefined ? v.value : undefined, type: v.type,
    })),
    phases: phasesFromSdk(b.phases),
    artifacts,
    logGroup: b.logs?.groupName,
    logStream: b.logs?.streamName,
    reportArns: [...(b.reportArns ?? [])],
    batchArn: b.buildBatchArn,
  });
}

function summaryFromSdk(s: BuildSummary): BuildGroupInfo['prior'][number] | undefined {
  if (!s.arn) return undefined;
  return defined({ arn: s.arn, status: toBuildStatus(s.buildStatus), requested: ms(s.requestedOn) });
}

export function batchFromSdk(b: BuildBatch): BatchInfo | undefined {
  if (!b.id) return undefined;
  return defined({
    id: b.id,
    arn: b.arn,
    projectName: b.projectName ?? projectOfBuildId(b.id),
    number: b.buildBatchNumber,
    status: toBuildStatus(b.buildBatchStatus),
    currentPhase: b.currentPhase,
    start: ms(b.startTime),
    end: ms(b.endTime),
    initiator: b.initiator,
    sourceVersion: b.sourceVersion,
    resolvedSourceVersion: b.resolvedSourceVersion,
    phases: phasesFromSdk(b.phases),
    groups: (b.buildGroups ?? []).map((g) => {
      const current = g.currentBuildSummary ? summaryFromSdk(g.currentBuildSummary) : undefined;
      return defined({
        identifier: g.identifier ?? '',
        dependsOn: [...(g.dependsOn ?? [])],
        ignoreFailure: g.ignoreFailure ?? false,
        current,
        prior: (g.priorBuildSummaryList ?? []).map(summaryFromSdk).filter((s): s is NonNullable<typeof s> => s !== undefined),
      });
    }),
    combineArtifacts: b.buildBatchConfig?.combineArtifacts,
  });
}

function reportType(t: string | undefined): ReportType | undefined {
  return t === 'TEST' || t === 'CODE_COVERAGE' ? t : undefined;
}

export function reportGroupFromSdk(g: ReportGroup): ReportGroupInfo | undefined {
  if (!g.arn) return undefined;
  return defined({ arn: g.arn, name: g.name ?? g.arn.slice(g.arn.lastIndexOf('/') + 1), type: reportType(g.type) });
}

export function reportFromSdk(r: Report): ReportInfo | undefined {
  if (!r.arn) return undefined;
  const t = r.testSummary;
  const c = r.codeCoverageSummary;
  return defined({
    arn: r.arn,
    type: reportType(r.type),
    name: r.name,
    groupArn: r.reportGroupArn,
    executionId: r.executionId,
    status: r.status,
    created: ms(r.created),
    truncated: r.truncated,
    tests: t ? defined({ total: t.total ?? 0, counts: { ...(t.statusCounts ?? {}) }, durationNanos: t.durationInNanoSeconds }) : undefined,
    coverage: c ? defined({
      linePercent: c.lineCoveragePercentage, linesCovered: c.linesCovered, linesMissed: c.linesMissed,
      branchPercent: c.branchCoveragePercentage, branchesCovered: c.branchesCovered, branchesMissed: c.branchesMissed,
    }) : undefined,
  });
}

export function testCaseFromSdk(t: TestCase): TestCaseInfo {
  return defined({
    prefix: t.prefix || undefined,
    name: t.name ?? '',
    status: t.status ?? 'UNKNOWN',
    durationNanos: t.durationInNanoSeconds,
    message: t.message || undefined,
    suite: t.testSuiteName || undefined,
    rawDataPath: t.testRawDataPath,
  });
}

export function coverageFromSdk(c: CodeCoverage): FileCoverageInfo | undefined {
  if (!c.filePath) return undefined;
  return defined({
    filePath: c.filePath,
    linesCovered: c.linesCovered ?? 0,
    linesMissed: c.linesMissed ?? 0,
    branchesCovered: c.branchesCovered ?? 0,
    branchesMissed: c.branchesMissed ?? 0,
    linePercent: c.lineCoveragePercentage,
    branchPercent: c.branchCoveragePercentage,
  });
}
