// Every other action (deploys, tests, invokes) runs for a provider-typical time and reports what that
// provider reports: deployment ids, stack ids, console links, and its error details on failure.
import type { ActionResultPatch } from '../../model/records';
import type { ActionRun } from './index';

const DEFAULT_DURATION: Record<string, [number, number]> = {
  CodeDeploy: [70_000, 150_000],
  CloudFormation: [45_000, 120_000],
  ECS: [90_000, 200_000],
  S3: [5_000, 15_000],
  Lambda: [5_000, 30_000],
  ElasticBeanstalk: [120_000, 240_000],
  StepFunctions: [30_000, 90_000],
  Commands: [30_000, 90_000],
};

const upperAlnum = (run: ActionRun, n: number): string => {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += chars[run.engine.random.int(0, chars.length - 1)];
  return s;
};

function results(run: ActionRun, succeeded: boolean): ActionResultPatch {
  const { record, pipeline } = run;
  const c = record.resolvedConfiguration;
  const region = record.region;
  const base = `https://${region}.console.aws.amazon.com`;
  switch (record.declaration.actionTypeId.provider) {
    case 'CodeDeploy': {
      const id = `d-${upperAlnum(run, 9)}`;
      return {
        externalExecutionId: id,
        externalExecutionUrl: `${base}/codesuite/codedeploy/deployments/${id}?region=${region}`,
        ...(succeeded ? { externalExecutionSummary: `Deployment ${id} succeeded` } : {
          errorDetails: { code: 'JobFailed', message: `Deployment ${id} failed. The overall deployment failed because too many individual instances failed deployment, too few healthy instances are available for deployment, or some instances in your deployment group are experiencing problems.` },
        }),
      };
    }
    case 'CloudFormation': {
      const stack = c.StackName ?? 'stack';
      const stackId = `arn:aws:cloudformation:${region}:${pipeline.accountId}:stack/${stack}/${run.engine.random.uuid()}`;
      return {
        externalExecutionId: stackId,
        externalExecutionUrl: `${base}/cloudformation/home?region=${region}#/stacks/stackinfo?stackId=${encodeURIComponent(stackId)}`,
        ...(succeeded ? { externalExecutionSummary: `Stack ${stack} was updated` } : {
          errorDetails: { code: 'JobFailed', message: `Stack ${stack} is in UPDATE_ROLLBACK_COMPLETE state: Resource handler returned message: "Parameter validation failed"` },
        }),
      };
    }
    case 'ECS': {
      return {
        externalExecutionId: `ecs-svc/${String(run.engine.random.int(1e9, 9e9))}${String(run.engine.random.int(1e9, 9e9))}`,
        externalExecutionUrl: `${base}/ecs/v2/clusters/${c.ClusterName}/services/${c.ServiceName}/deployments?region=${region}`,
        ...(succeeded ? { externalExecutionSummary: `Deployment of ${c.ServiceName} completed` } : {
          errorDetails: { code: 'JobFailed', message: `The ECS service ${c.ServiceName} deployment failed: tasks failed to start.` },
        }),
      };
    }
    case 'Lambda': {
      const requestId = run.engine.random.uuid();
      return {
        externalExecutionId: requestId,
        externalExecutionUrl: `${base}/lambda/home?region=${region}#/functions/${c.FunctionName}`,
        ...(succeeded ? { externalExecutionSummary: 'Smoke tests passed (24/24)' } : {
          errorDetails: { code: 'JobFailed', message: `Function ${c.FunctionName} reported failure: smoke test /health returned 503` },
        }),
      };
    }
    default:
      return succeeded ? {} : { errorDetails: { code: 'JobFailed', message: `Action ${record.actionName} failed` } };
  }
}

export function runTimed(run: ActionRun): void {
  const [min, max] = DEFAULT_DURATION[run.action.actionTypeId.provider] ?? [20_000, 60_000];
  const duration = run.durationMs ?? run.engine.random.int(min, max);
  const timer = run.engine.clock.setTimeout(() => {
    const ok = run.outcome === 'succeed';
    run.end(ok ? 'Succeeded' : 'Failed', results(run, ok));
  }, duration);
  run.record.abort = () => timer.cancel();
}
