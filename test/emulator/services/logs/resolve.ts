// Shared input handling of the Logs operations: which log group a request means.
import { AwsServiceError } from '../../core/contract';
import type { LogGroupRecord, LogsRegion } from './store';

export function invalidParameter(message: string): AwsServiceError {
  return new AwsServiceError('InvalidParameterException', message);
}

export function groupNotFound(): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', 'The specified log group does not exist.');
}

/** `logGroupName` or `logGroupIdentifier` (name or ARN): exactly one must be given. */
export function resolveGroup(store: LogsRegion, input: Record<string, unknown>): LogGroupRecord {
  const name = input.logGroupName as string | undefined;
  const identifier = input.logGroupIdentifier as string | undefined;
  if (name !== undefined && identifier !== undefined) {
    throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  if (name === undefined && identifier === undefined) {
    throw invalidParameter('Either the log group name or the log group identifier must be specified.');
  }
  const group = name !== undefined ? store.groups.get(name) : store.findGroup(identifier!);
  if (!group) throw groupNotFound();
  return group;
}
