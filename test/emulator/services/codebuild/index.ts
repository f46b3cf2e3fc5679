// CodeBuild (awsJson1_1, `X-Amz-Target: CodeBuild_20161006.<Operation>`, signing name `codebuild`).
import type { ServiceRegistry } from '../../core/contract';
import { batchGetBuilds } from './batch-get-builds';
import { batchGetBuildBatches, listBuildBatches, listBuildBatchesForProject, retryBuildBatch, startBuildBatch, stopBuildBatch } from './operations/batches';
import { listBuilds, listBuildsForProject, retryBuild, startBuildOperation, stopBuild } from './operations/builds';
import { batchGetProjects, listProjects } from './operations/projects';
import {
  batchGetReportGroups, batchGetReports, describeCodeCoverages, describeTestCases, listReportGroups, listReportsForReportGroup,
} from './operations/reports';
import type { BuildsWorld } from './world';

export { BuildsWorld } from './world';
export { startBuild, buildFailure, type RunningBuild, type StartBuildInput } from './runner';
export { startProjectBuild } from './project-builds';
export { startBatch } from './batch-runner';
export { createProject, type ProjectRecord } from './projects';
export type { BuildRecord, BuildStatus, PhaseRecord } from './store';
export { logsDeepLink } from './wire';

export function registerCodeBuild(registry: ServiceRegistry, world: BuildsWorld): void {
  registry.json('CodeBuild_20161006', 'codebuild', {
    BatchGetBuilds: batchGetBuilds(world),
    ListProjects: listProjects(world),
    BatchGetProjects: batchGetProjects(world),
    ListBuilds: listBuilds(world),
    ListBuildsForProject: listBuildsForProject(world),
    StartBuild: startBuildOperation(world),
    StopBuild: stopBuild(world),
    RetryBuild: retryBuild(world),
    StartBuildBatch: startBuildBatch(world),
    ListBuildBatches: listBuildBatches(world),
    ListBuildBatchesForProject: listBuildBatchesForProject(world),
    BatchGetBuildBatches: batchGetBuildBatches(world),
    StopBuildBatch: stopBuildBatch(world),
    RetryBuildBatch: retryBuildBatch(world),
    ListReportGroups: listReportGroups(world),
    BatchGetReportGroups: batchGetReportGroups(world),
    ListReportsForReportGroup: listReportsForReportGroup(world),
    BatchGetReports: batchGetReports(world),
    DescribeTestCases: describeTestCases(world),
    DescribeCodeCoverages: describeCodeCoverages(world),
  });
}
