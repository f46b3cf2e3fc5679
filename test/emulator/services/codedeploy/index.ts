// CodeDeploy (awsJson1_1, `X-Amz-Target: CodeDeploy_20141006.<Operation>`, signing name `codedeploy`).
import type { ServiceRegistry } from '../../core/contract';
import { scriptFaultRoute } from './fault-routes';
import { continueDeploymentOp, createDeploymentOp, stopDeploymentOp } from './operations/actions';
import { batchGetApplications, batchGetDeploymentGroups, listApplications, listDeploymentGroups } from './operations/applications';
import { batchGetDeployments, getDeployment, listDeployments } from './operations/deployments';
import {
  batchGetDeploymentInstances, batchGetDeploymentTargets, listDeploymentInstances, listDeploymentTargets,
} from './operations/targets';
import type { DeployWorld } from './world';

export { DeployWorld } from './world';
export type { DeployRegion, GroupSpec } from './store';
export type { Bundle, DeploymentRecord, DeploymentGroupRecord, ScriptBehaviour, ScriptFaultSpec, TargetRecord } from './model';
export { createDeployment } from './engine/lifecycle';
export { SCRIPT_FAULTS_PATH } from './fault-routes';

export function registerCodeDeploy(registry: ServiceRegistry, world: DeployWorld): void {
  registry.json('CodeDeploy_20141006', 'codedeploy', {
    ListApplications: listApplications(world),
    BatchGetApplications: batchGetApplications(world),
    ListDeploymentGroups: listDeploymentGroups(world),
    BatchGetDeploymentGroups: batchGetDeploymentGroups(world),
    ListDeployments: listDeployments(world),
    BatchGetDeployments: batchGetDeployments(world),
    GetDeployment: getDeployment(world),
    ListDeploymentTargets: listDeploymentTargets(world),
    BatchGetDeploymentTargets: batchGetDeploymentTargets(world),
    ListDeploymentInstances: listDeploymentInstances(world),
    BatchGetDeploymentInstances: batchGetDeploymentInstances(world),
    CreateDeployment: createDeploymentOp(world),
    StopDeployment: stopDeploymentOp(world),
    ContinueDeployment: continueDeploymentOp(world),
  });
  registry.raw(scriptFaultRoute(() => world));
}
