// CodePipeline's CodeDeploy actions: when the action's application and deployment group exist in the
// emulated CodeDeploy, the action creates a real deployment of its input artifact and ends when the
// deployment does. Otherwise the pipeline engine's default runner keeps the action.
import { AwsServiceError } from '../../core/contract';
import type { ActionRun } from '../codepipeline/engine/actions/index';
import { createDeployment } from './engine/lifecycle';
import type { Bundle, DeploymentGroupRecord, DeploymentRecord, RevisionLocation, ScriptFaultSpec } from './model';
import type { DeployWorld } from './world';

const FALLBACK_BUNDLE: Bundle = { appspec: 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /opt/app\n' };

function deploymentUrl(region: string, id: string): string {
  return `https://${region}.console.aws.amazon.com/codesuite/codedeploy/deployments/${id}?region=${region}`;
}

/** Where a deployment meant to fail fails: the group's knob, else its revision's last hook with scripts. */
function failureFor(group: DeploymentGroupRecord, d: DeploymentRecord): Omit<ScriptFaultSpec, 'deploymentId'> {
  if (group.pipelineFailure) return group.pipelineFailure;
  const hooks = [...(d.runtime.appspec?.scripts.entries() ?? [])].filter(([, scripts]) => scripts.length > 0);
  const last = hooks[hooks.length - 1];
  return last ? { lifecycleEvent: last[0], errorCode: 'ScriptFailed', exitCode: 1 } : { lifecycleEvent: 'Install', errorCode: 'UnknownError' };
}

function ended(run: ActionRun, d: DeploymentRecord): void {
  const id = d.deploymentId;
  if (d.status === 'Succeeded') {
    run.end('Succeeded', { externalExecutionSummary: `Deployment ${id} succeeded` });
    return;
  }
  const reason = d.errorInformation?.message ?? `The deployment ended as ${d.status}.`;
  run.end('Failed', { errorDetails: { code: 'JobFailed', message: `Deployment ${id} ${d.status === 'Stopped' ? 'was stopped' : 'failed'}. ${reason}` } });
}

export function codeDeployActionRunner(world: DeployWorld): (run: ActionRun) => boolean {
  return (run) => {
    const { record, pipeline } = run;
    const config = record.resolvedConfiguration;
    const store = world.regions.peek(pipeline.accountId, record.region);
    const group = config.ApplicationName && config.DeploymentGroupName ? store?.group(config.ApplicationName, config.DeploymentGroupName) : undefined;
    if (!store || !group || group.computePlatform !== 'Server') return false;
    const artifact = record.inputArtifacts[0];
    const revision: RevisionLocation = artifact
      ? { revisionType: 'S3', s3Location: { bucket: artifact.s3location.bucket, key: artifact.s3location.key, bundleType: 'zip', eTag: world.random.hex(32) } }
      : { revisionType: 'S3', s3Location: { bucket: `codepipeline-${record.region}-${pipeline.accountId}`, key: `${pipeline.name}/${world.random.hex(7)}`, bundleType: 'zip' } };
    const bundle = group.pipelineBundle ?? FALLBACK_BUNDLE;
    store.putRevision(revision, bundle);
    let d: DeploymentRecord;
    try {
      d = createDeployment(store, group, { revision, bundle });
    } catch (err) {
      if (!(err instanceof AwsServiceError)) throw err;
      run.end('Failed', { errorDetails: { code: 'JobFailed', message: err.message } });
      return true;
    }
    if (run.outcome === 'fail') world.faults.add({ ...failureFor(group, d), deploymentId: d.deploymentId });
    record.externalExecutionId = d.deploymentId;
    record.externalExecutionUrl = deploymentUrl(record.region, d.deploymentId);
    let detached = false;
    d.runtime.listeners.push((done) => {
      if (!detached) ended(run, done);
    });
    // Abandoning the pipeline execution leaves the deployment running, as CodePipeline does.
    record.abort = () => {
      detached = true;
    };
    return true;
  };
}
