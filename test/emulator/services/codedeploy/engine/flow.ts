// What a platform's runner (EC2/On-Premises, ECS, Lambda) gets to drive one deployment: its region,
// the record, and the shared steps every platform ends with.
import type { DeploymentRecord, DeploymentStatus, ErrorInformation } from '../model';
import type { DeployRegion } from '../store';

export interface Flow {
  store: DeployRegion;
  d: DeploymentRecord;
  /** Ends the deployment (no-op once it has ended). */
  finish(status: Extract<DeploymentStatus, 'Succeeded' | 'Failed' | 'Stopped'>, error?: ErrorInformation): void;
  /** After a stop request: ends the deployment as Stopped once no lifecycle event is running. */
  settleStopped(): void;
  /** Blue/green: waits for traffic rerouting as the group's deploymentReadyOption says, then `proceed`. */
  readyWait(proceed: () => void): void;
  /** Blue/green: waits before terminating the original environment, then `terminate`. */
  terminationWait(terminate: () => void): void;
}
