import { AwsServiceError } from '../../core/contract';

export type ResourceType = 'domain' | 'repository' | 'package' | 'package-version' | 'asset';

export function notFound(resourceType: ResourceType, resourceId: string, message: string): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', message, 404, { resourceId, resourceType });
}

export type ValidationReason = 'CANNOT_PARSE' | 'FIELD_VALIDATION_FAILED' | 'OTHER';

export function invalid(message: string, reason: ValidationReason = 'FIELD_VALIDATION_FAILED'): AwsServiceError {
  return new AwsServiceError('ValidationException', message, 400, { reason });
}

/** The message shape IAM uses, so clients can pull the action name out of it. */
export function accessDenied(accountId: string, action: string, resourceArn: string): AwsServiceError {
  return new AwsServiceError(
    'AccessDeniedException',
    `User: arn:aws:iam::${accountId}:user/emulator is not authorized to perform: codeartifact:${action} on resource: ${resourceArn} because no resource-based policy allows the codeartifact:${action} action`,
    403,
  );
}
