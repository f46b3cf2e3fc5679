// CodeBuild (awsJson1_1, `X-Amz-Target: CodeBuild_20161006.<Operation>`, signing name `codebuild`).
import type { ServiceRegistry } from '../../core/contract';
import { batchGetBuilds } from './batch-get-builds';
import type { BuildsWorld } from './world';

export { BuildsWorld } from './world';
export { startBuild, buildFailure, type RunningBuild, type StartBuildInput } from './runner';
export type { BuildRecord, BuildStatus, PhaseRecord } from './store';
export { logsDeepLink } from './wire';

export function registerCodeBuild(registry: ServiceRegistry, world: BuildsWorld): void {
  registry.json('CodeBuild_20161006', 'codebuild', {
    BatchGetBuilds: batchGetBuilds(world),
  });
}
