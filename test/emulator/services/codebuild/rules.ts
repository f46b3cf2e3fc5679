// Input constraints of the emulated CodeBuild operations (Smithy model codebuild 2016-10-06).
import { bool, enumOf, int, list, type Members, required, str, struct } from '../../core/validate';

const nonEmpty = str({ min: 1 });
const sortOrder = enumOf(['ASCENDING', 'DESCENDING']);
const pageSize = int({ min: 1, max: 100 });
const status = enumOf(['SUCCEEDED', 'FAILED', 'FAULT', 'TIMED_OUT', 'IN_PROGRESS', 'STOPPED']);
const environmentVariables = list(struct({
  name: required(nonEmpty),
  value: required(str()),
  type: enumOf(['PLAINTEXT', 'PARAMETER_STORE', 'SECRETS_MANAGER']),
}));
const computeType = enumOf([
  'BUILD_GENERAL1_SMALL', 'BUILD_GENERAL1_MEDIUM', 'BUILD_GENERAL1_LARGE', 'BUILD_GENERAL1_XLARGE', 'BUILD_GENERAL1_2XLARGE',
  'BUILD_LAMBDA_1GB', 'BUILD_LAMBDA_2GB', 'BUILD_LAMBDA_4GB', 'BUILD_LAMBDA_8GB', 'BUILD_LAMBDA_10GB', 'ATTRIBUTE_BASED_COMPUTE',
]);

export const listProjectsRules: Members = {
  sortBy: enumOf(['NAME', 'CREATED_TIME', 'LAST_MODIFIED_TIME']),
  sortOrder,
  nextToken: nonEmpty,
};

export const batchGetProjectsRules: Members = { names: required(list(nonEmpty, { min: 1, max: 100 })) };

export const listBuildsForProjectRules: Members = { projectName: required(nonEmpty), sortOrder, nextToken: str() };

const commonStartOverrides: Members = {
  projectName: required(nonEmpty),
  sourceVersion: str(),
  environmentVariablesOverride: environmentVariables,
  buildspecOverride: str(),
  imageOverride: nonEmpty,
  computeTypeOverride: computeType,
  queuedTimeoutInMinutesOverride: int({ min: 5, max: 480 }),
  idempotencyToken: str(),
  privilegedModeOverride: bool(),
  debugSessionEnabled: bool(),
};

export const startBuildRules: Members = {
  ...commonStartOverrides,
  timeoutInMinutesOverride: int({ min: 5, max: 2160 }),
  gitCloneDepthOverride: int({ min: 0 }),
  autoRetryLimitOverride: int(),
};

export const startBuildBatchRules: Members = {
  ...commonStartOverrides,
  buildTimeoutInMinutesOverride: int({ min: 5, max: 2160 }),
};

export const stopBuildRules: Members = { id: required(nonEmpty) };

export const retryBuildRules: Members = { id: nonEmpty, idempotencyToken: str() };

export const listBuildBatchesForProjectRules: Members = {
  projectName: nonEmpty,
  filter: struct({ status }),
  maxResults: pageSize,
  sortOrder,
  nextToken: str(),
};

export const batchGetBuildBatchesRules: Members = { ids: required(list(nonEmpty, { min: 0, max: 100 })) };

export const stopBuildBatchRules: Members = { id: required(nonEmpty) };

export const retryBuildBatchRules: Members = {
  id: nonEmpty,
  idempotencyToken: str(),
  retryType: enumOf(['RETRY_ALL_BUILDS', 'RETRY_FAILED_BUILDS']),
};

export const listReportGroupsRules: Members = {
  sortOrder,
  sortBy: enumOf(['NAME', 'CREATED_TIME', 'LAST_MODIFIED_TIME']),
  nextToken: str(),
  maxResults: pageSize,
};

export const batchGetReportGroupsRules: Members = { reportGroupArns: required(list(nonEmpty, { min: 1, max: 100 })) };

export const listReportsForReportGroupRules: Members = {
  reportGroupArn: required(str()),
  nextToken: str(),
  sortOrder,
  maxResults: pageSize,
  filter: struct({ status: enumOf(['GENERATING', 'SUCCEEDED', 'FAILED', 'INCOMPLETE', 'DELETING']) }),
};

export const batchGetReportsRules: Members = { reportArns: required(list(nonEmpty, { min: 1, max: 100 })) };

export const describeTestCasesRules: Members = {
  reportArn: required(str()),
  nextToken: str(),
  maxResults: pageSize,
  filter: struct({ status: str(), keyword: str() }),
};

export const describeCodeCoveragesRules: Members = {
  reportArn: required(nonEmpty),
  nextToken: str(),
  maxResults: pageSize,
  sortOrder,
  sortBy: enumOf(['LINE_COVERAGE_PERCENTAGE', 'FILE_PATH']),
};
