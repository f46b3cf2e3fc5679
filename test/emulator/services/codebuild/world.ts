// All CodeBuild state of the emulator, per account and region. Builds write their logs to the
// emulator's CloudWatch Logs.
import type { Clock } from '../../core/contract';
import { Random } from '../../core/random';
import { Regional } from '../../core/regional';
import type { LogsWorld } from '../logs/world';
import type { ProjectRecord } from './projects';
import type { RunningBuild } from './runner';
import { BuildsRegion } from './store';

export class BuildsWorld {
  readonly regions = new Regional((accountId, region) => new BuildsRegion(accountId, region));
  readonly random = new Random('codebuild');
  /** Builds still running, by build id (StopBuild, StopBuildBatch). */
  readonly running = new Map<string, RunningBuild>();
  /** Branch heads per project source (`location#branch` → commit), moved by the seed's pushes. */
  private readonly heads = new Map<string, string>();

  constructor(readonly clock: Clock, readonly logs: LogsWorld) {}

  region(accountId: string, region: string): BuildsRegion {
    return this.regions.get(accountId, region);
  }

  headCommit(project: ProjectRecord, sourceVersion: string): string {
    const key = `${project.source.location ?? project.name}#${sourceVersion.replace(/^refs\/heads\//, '')}`;
    let head = this.heads.get(key);
    if (!head) {
      head = this.random.hex(40);
      this.heads.set(key, head);
    }
    return head;
  }

  /** A push to a branch of the project's source: new builds of that branch resolve to `commit`. */
  push(project: ProjectRecord, branch: string, commit: string): void {
    this.heads.set(`${project.source.location ?? project.name}#${branch.replace(/^refs\/heads\//, '')}`, commit);
  }
}
