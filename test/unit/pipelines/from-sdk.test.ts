import * as assert from 'node:assert/strict';
import { executionFromSdk, runtimeFromSdk, structureFromSdk } from '../../../src/pipelines/model/from-sdk';
import { deepEqual } from '../../../src/core/equal';

describe('SDK output mapping', () => {
  it('maps GetPipelineState to plain records with epoch-ms times and no undefined members', () => {
    const rt = runtimeFromSdk({
      pipelineVersion: 3,
      stageStates: [{
        stageName: 'Prod',
        inboundTransitionState: { enabled: false, disabledReason: 'freeze', lastChangedAt: new Date(5000) },
        latestExecution: { pipelineExecutionId: 'e1', status: 'InProgress' },
        actionStates: [{ actionName: 'Approve', latestExecution: { status: 'InProgress', token: 'tok', lastStatusChange: new Date(7000), errorDetails: undefined } }],
      }],
    });
    assert.deepEqual(rt, {
      version: 3,
      stages: [{ name: 'Prod', inbound: { enabled: false, disabledReason: 'freeze', lastChangedAt: 5000 }, latestExecutionId: 'e1', status: 'InProgress',
        actions: [{ name: 'Approve', status: 'InProgress', token: 'tok', lastStatusChange: 7000 }] }],
    });
    assert.ok(!JSON.stringify(rt).includes('undefined'));
  });

  it('an unknown status is kept as Unknown, and absent transitions count as enabled', () => {
    const rt = runtimeFromSdk({ stageStates: [{ stageName: 'S', latestExecution: { pipelineExecutionId: 'e', status: 'Brand-new' as 'Failed' } }] });
    assert.equal(rt.stages[0]?.status, 'Unknown');
    assert.equal(rt.stages[0]?.inbound.enabled, true);
  });

  it('maps declarations and executions', () => {
    const s = structureFromSdk({
      pipeline: { name: 'web', roleArn: 'r', version: 2, pipelineType: 'V2', variables: [{ name: 'ENV', defaultValue: 'dev' }],
        stages: [{ name: 'Build', actions: [{ name: 'B', actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' }, configuration: { ProjectName: 'p' } }] }] },
      metadata: { pipelineArn: 'arn:aws:codepipeline:us-east-1:1:web' },
    });
    assert.equal(s?.arn, 'arn:aws:codepipeline:us-east-1:1:web');
    assert.deepEqual(s?.stages[0]?.actions[0], { name: 'B', category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1', runOrder: 1, configuration: { ProjectName: 'p' } });
    const x = executionFromSdk({ pipelineExecutionId: 'e', status: 'Succeeded', startTime: new Date(1), trigger: { triggerType: 'Webhook' }, sourceRevisions: [{ actionName: 'Src', revisionId: 'abc' }] });
    assert.ok(deepEqual(x, { id: 'e', status: 'Succeeded', startTime: 1, triggerType: 'Webhook', sourceRevisions: [{ actionName: 'Src', revisionId: 'abc' }] }));
    assert.equal(executionFromSdk({}), undefined);
  });
});
