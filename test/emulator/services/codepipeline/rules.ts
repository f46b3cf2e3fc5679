// Input constraints of the emulated CodePipeline operations (Smithy model, 2015-07-09).
import { bool, enumOf, int, list, type Members, required, str, struct } from '../../core/validate';

const NAME = /^[A-Za-z0-9.@\-_]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const pipelineName = str({ min: 1, max: 100, pattern: NAME });
const stageName = str({ min: 1, max: 100, pattern: NAME });
const actionName = str({ min: 1, max: 100, pattern: NAME });
const executionId = str({ pattern: UUID });
const nextToken = str({ min: 1, max: 2048 });
const maxResults = int({ min: 1, max: 100 });
const transitionType = enumOf(['Inbound', 'Outbound']);

export const listPipelinesRules: Members = { nextToken, maxResults: int({ min: 1, max: 1000 }) };

export const getPipelineRules: Members = { name: required(pipelineName), version: int({ min: 1 }) };

export const getPipelineStateRules: Members = { name: required(pipelineName) };

export const listPipelineExecutionsRules: Members = {
  pipelineName: required(pipelineName),
  maxResults,
  filter: struct({ succeededInStage: struct({ stageName }) }),
  nextToken,
};

export const getPipelineExecutionRules: Members = {
  pipelineName: required(pipelineName),
  pipelineExecutionId: required(executionId),
};

export const listActionExecutionsRules: Members = {
  pipelineName: required(pipelineName),
  filter: struct({
    pipelineExecutionId: executionId,
    latestInPipelineExecution: struct({
      pipelineExecutionId: required(executionId),
      startTimeRange: required(enumOf(['Latest', 'All'])),
    }),
  }),
  maxResults,
  nextToken,
};

export const overrideStageConditionRules: Members = {
  pipelineName: required(pipelineName),
  stageName: required(stageName),
  pipelineExecutionId: required(executionId),
  conditionType: required(enumOf(['BEFORE_ENTRY', 'ON_SUCCESS'])),
};

export const rollbackStageRules: Members = {
  pipelineName: required(pipelineName),
  stageName: required(stageName),
  targetPipelineExecutionId: required(executionId),
};

export const startPipelineExecutionRules: Members = {
  name: required(pipelineName),
  variables: list(struct({
    name: required(str({ min: 1, max: 128, pattern: /^[A-Za-z0-9@\-_]+$/ })),
    value: required(str({ min: 1, max: 1000 })),
  }), { min: 1, max: 50 }),
  clientRequestToken: str({ min: 1, max: 128, pattern: /^[a-zA-Z0-9-]+$/ }),
  sourceRevisions: list(struct({
    actionName: required(actionName),
    revisionType: required(enumOf(['COMMIT_ID', 'IMAGE_DIGEST', 'S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY'])),
    revisionValue: required(str({ min: 1, max: 1500 })),
  }), { min: 0, max: 50 }),
};

export const stopPipelineExecutionRules: Members = {
  pipelineName: required(pipelineName),
  pipelineExecutionId: required(executionId),
  abandon: bool(),
  reason: str({ min: 0, max: 200 }),
};

export const retryStageExecutionRules: Members = {
  pipelineName: required(pipelineName),
  stageName: required(stageName),
  pipelineExecutionId: required(executionId),
  retryMode: required(enumOf(['FAILED_ACTIONS', 'ALL_ACTIONS'])),
};

export const putApprovalResultRules: Members = {
  pipelineName: required(pipelineName),
  stageName: required(stageName),
  actionName: required(actionName),
  result: required(struct({
    summary: required(str({ min: 0, max: 512 })),
    status: required(enumOf(['Approved', 'Rejected'])),
  })),
  token: required(str({ pattern: UUID })),
};

export const enableStageTransitionRules: Members = {
  pipelineName: required(pipelineName),
  stageName: required(stageName),
  transitionType: required(transitionType),
};

export const disableStageTransitionRules: Members = {
  ...enableStageTransitionRules,
  reason: required(str({ min: 1, max: 300, pattern: /^[a-zA-Z0-9!@ ().*?-]+$/ })),
};
