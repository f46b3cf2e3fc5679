// CodeDeploy's modeled errors (all 400 client errors, `__type` + `message` on the wire). Where the
// service's own wording is known it is used; otherwise the message is the model's documentation of
// the error, which is what the service says in substance.
import { AwsServiceError } from '../../core/contract';

const e = (type: string, message: string): AwsServiceError => new AwsServiceError(type, message);

export const errors = {
  applicationNameRequired: () => e('ApplicationNameRequiredException', 'The minimum number of required application names was not specified.'),
  invalidApplicationName: (name: string) => e('InvalidApplicationNameException', `The application name was specified in an invalid format: ${name}`),
  applicationDoesNotExist: (name: string) => e('ApplicationDoesNotExistException', `No application found for name: ${name}`),
  groupNameRequired: () => e('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.'),
  invalidGroupName: (name: string) => e('InvalidDeploymentGroupNameException', `The deployment group name was specified in an invalid format: ${name}`),
  groupDoesNotExist: (name: string) => e('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${name}`),
  deploymentIdRequired: () => e('DeploymentIdRequiredException', 'At least one deployment ID must be specified.'),
  invalidDeploymentId: (id: string) => e('InvalidDeploymentIdException', `Specified DeploymentId is not in the valid format: ${id}`),
  deploymentDoesNotExist: (id: string) => e('DeploymentDoesNotExistException', `The deployment ${id} could not be found.`),
  deploymentNotStarted: (id: string) => e('DeploymentNotStartedException', `The deployment ${id} has not started.`),
  alreadyCompleted: (id: string) => e('DeploymentAlreadyCompletedException', `The deployment ${id} has already completed.`),
  notReady: (id: string) => e('DeploymentIsNotInReadyStateException', `The deployment ${id} does not have a status of Ready and can't continue yet.`),
  unsupportedAction: (message: string) => e('UnsupportedActionForDeploymentTypeException', message),
  batchLimit: (max: number) => e('BatchLimitExceededException', `The maximum number of names or IDs allowed for this request (${max}) was exceeded.`),
  targetListSize: () => e('DeploymentTargetListSizeExceededException', 'The maximum number of targets (25) that can be requested was exceeded.'),
  targetIdRequired: () => e('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.'),
  invalidTargetId: (id: string) => e('InvalidDeploymentTargetIdException', `The target ID provided was not valid: ${id}`),
  targetDoesNotExist: (id: string, deploymentId: string) => e('DeploymentTargetDoesNotExistException', `The target ${id} does not belong to the deployment ${deploymentId}.`),
  instanceIdRequired: () => e('InstanceIdRequiredException', 'The instance ID was not specified.'),
  invalidInstanceName: (id: string) => e('InvalidInstanceNameException', `The instance name was specified in an invalid format: ${id}`),
  invalidComputePlatform: (message: string) => e('InvalidComputePlatformException', message),
  invalidTargetFilterName: (name: string) => e('InvalidTargetFilterNameException', `The target filter name is invalid: ${name}. Valid names are TargetStatus and ServerInstanceLabel.`),
  invalidInstanceStatus: (value: string) => e('InvalidInstanceStatusException', `The specified instance status does not exist: ${value}`),
  invalidInstanceType: (value: string) => e('InvalidInstanceTypeException', `An invalid instance type was specified: ${value}. Valid values are Blue and Green.`),
  instanceTypeForInPlace: () => e('InvalidDeploymentInstanceTypeException', 'Instance types (Blue, Green) are supported for blue/green deployments only.'),
  invalidNextToken: () => e('InvalidNextTokenException', 'The next token was specified in an invalid format.'),
  invalidDeploymentStatus: (value: string) => e('InvalidDeploymentStatusException', `The specified deployment status doesn't exist: ${value}`),
  invalidTimeRange: () => e('InvalidTimeRangeException', 'The specified time range was specified in an invalid format.'),
  invalidInput: (message: string) => e('InvalidInputException', message),
  revisionRequired: () => e('RevisionRequiredException', 'The revision ID was not specified.'),
  invalidRevision: (message: string) => e('InvalidRevisionException', message),
  revisionDoesNotExist: (where: string) => e('RevisionDoesNotExistException', `The named revision does not exist with the user or Amazon Web Services account: ${where}`),
  configDoesNotExist: (name: string) => e('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${name}`),
  invalidConfigName: (message: string) => e('InvalidDeploymentConfigNameException', message),
  limitExceeded: (group: string, active: string) => e('DeploymentLimitExceededException', `The Deployment Group '${group}' already has an active Deployment '${active}'`),
  invalidTargetInstances: (message: string) => e('InvalidTargetInstancesException', message),
  invalidFileExistsBehavior: (value: string) => e('InvalidFileExistsBehaviorException', `The fileExistsBehavior value is invalid: ${value}. Valid values are DISALLOW, OVERWRITE and RETAIN.`),
  invalidAutoRollbackConfig: (message: string) => e('InvalidAutoRollbackConfigException', message),
  invalidWaitType: (value: string) => e('InvalidDeploymentWaitTypeException', `The wait type is invalid: ${value}`),
};
