// All CodeDeploy state of the emulator, per account and region, plus the scripted faults that make
// lifecycle events fail (registered by tests, the demo seed and the admin route).
import type { Clock } from '../../core/contract';
import { Random } from '../../core/random';
import { Regional } from '../../core/regional';
import type { DeploymentRecord, ScriptFault, ScriptFaultSpec } from './model';
import { DeployRegion } from './store';

export class ScriptFaults {
  private readonly byId = new Map<string, ScriptFault>();
  private next = 1;

  add(spec: ScriptFaultSpec): ScriptFault {
    const fault: ScriptFault = { ...spec, id: `sf-${this.next++}`, fired: 0 };
    this.byId.set(fault.id, fault);
    return fault;
  }

  list(): ScriptFault[] {
    return [...this.byId.values()];
  }

  remove(id: string): boolean {
    return this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
  }

  /** Drops the faults scoped to a deployment that has ended. */
  forget(deploymentId: string): void {
    for (const f of this.list()) if (f.deploymentId === deploymentId) this.byId.delete(f.id);
  }

  /**
   * The fault that fails `event` on `targetId` in deployment `d`, if any (counted as fired).
   * `script` is the script about to run; a fault without `script` hits the hook's last script.
   */
  take(d: DeploymentRecord, event: string, targetId: string, script: { location: string; last: boolean } | undefined): ScriptFault | undefined {
    const fault = this.list().find((f) =>
      f.lifecycleEvent === event
      && (f.deploymentId === undefined || f.deploymentId === d.deploymentId)
      && (f.applicationName === undefined || f.applicationName === d.applicationName)
      && (f.deploymentGroupName === undefined || f.deploymentGroupName === d.deploymentGroupName)
      && (f.targetIds === undefined || f.targetIds.includes(targetId))
      && (script === undefined || (f.script === undefined ? script.last : f.script === script.location)));
    if (!fault) return undefined;
    fault.fired++;
    if (fault.times !== undefined && fault.fired >= fault.times) this.remove(fault.id);
    return fault;
  }
}

export class DeployWorld {
  readonly regions: Regional<DeployRegion>;
  readonly random = new Random('codedeploy');
  readonly faults = new ScriptFaults();

  constructor(readonly clock: Clock) {
    this.regions = new Regional((accountId, region) => new DeployRegion(accountId, region, this));
  }

  region(accountId: string, region: string): DeployRegion {
    return this.regions.get(accountId, region);
  }
}
