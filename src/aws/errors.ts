import { describeError } from '../core/log';
import { redact } from '../core/redact';
import type { ServiceId } from './clients';

/** Something the person can do about an error; the editor adapter renders each as a button. */
export type ErrorAction =
  | { kind: 'ssoLogin'; profile: string; command: string }
  | { kind: 'selectProfile' }
  | { kind: 'selectRegion' }
  | { kind: 'openSettings'; setting: string }
  | { kind: 'retry' };

export type ErrorCategory =
  | 'ssoExpired' | 'credentialsExpired' | 'noCredentials' | 'accessDenied' | 'throttled'
  | 'notFound' | 'network' | 'invalidSignature' | 'validation' | 'service' | 'unknown';

export interface ActionableError {
  category: ErrorCategory;
  /** One line for a notification or an error node: what failed and what to do. */
  message: string;
  /** The AWS error name or code, when there is one. */
  code?: string;
  /** The IAM action a missing permission refers to, e.g. "codepipeline:GetPipelineState". */
  iamAction?: string;
  actions: ErrorAction[];
  /** Whether retrying later could succeed without the person doing anything. */
  transient: boolean;
}

/** The IAM action prefix of each service (the signing name, except CodeGuru Profiler's). */
const IAM_PREFIX: Record<ServiceId, string> = {
  codepipeline: 'codepipeline',
  codeartifact: 'codeartifact',
  codebuild: 'codebuild',
  logs: 'logs',
  codeguruprofiler: 'codeguru-profiler',
  codecommit: 'codecommit',
  codestarconnections: 'codestar-connections',
  sts: 'sts',
};

const SERVICE_NAME: Record<ServiceId, string> = {
  codepipeline: 'CodePipeline',
  codeartifact: 'CodeArtifact',
  codebuild: 'CodeBuild',
  logs: 'CloudWatch Logs',
  codeguruprofiler: 'CodeGuru Profiler',
  codecommit: 'CodeCommit',
  codestarconnections: 'CodeConnections',
  sts: 'STS',
};

interface ErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
}

function shapeOf(error: unknown): ErrorShape {
  return typeof error === 'object' && error !== null ? (error as ErrorShape) : { message: String(error) };
}

const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED', 'TimeoutError', 'RequestTimeout', 'AbortError'];
const THROTTLE_CODES = ['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'LimitExceededException', 'RequestLimitExceeded', 'SlowDown', 'ProvisionedThroughputExceededException'];
const NOT_FOUND = /NotFound|NoSuch/;

export interface ExplainContext {
  service: ServiceId;
  operation: string;
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

/** Maps an SDK / credential-provider error to an actionable message. Pure: no editor, no I/O. */
export function explainAwsError(error: unknown, ctx: ExplainContext): ActionableError {
  const shape = shapeOf(error);
  const code = shape.name && shape.name !== 'Error' ? shape.name : shape.code;
  const raw = redact(shape.message ?? describeError(error));
  const status = shape.$metadata?.httpStatusCode ?? shape.$response?.statusCode;
  const what = `${SERVICE_NAME[ctx.service]} ${ctx.operation}`;
  const profile = ctx.profile ?? 'default';
  const base = { ...(code ? { code } : {}) };

  const ssoExpired = /sso.*(expired|refresh|invalid)|token.*(expired|invalid).*sso|aws sso login|UnauthorizedException.*sso|The SSO session/i.test(raw)
    || (code === 'UnauthorizedException' && /sso|session/i.test(raw));
  if (ssoExpired) {
    const command = `aws sso login --profile ${profile}`;
    return { ...base, category: 'ssoExpired', transient: false,
      message: `Your AWS SSO session for profile "${profile}" has expired or is missing. Sign in again with \`${command}\`, then retry.`,
      actions: [{ kind: 'ssoLogin', profile, command }, { kind: 'retry' }] };
  }
  if (code === 'ExpiredTokenException' || code === 'ExpiredToken' || code === 'RequestExpired' || /security token included in the request is expired/i.test(raw)) {
    return { ...base, category: 'credentialsExpired', transient: false,
      message: `The credentials of profile "${profile}" have expired (${code ?? 'expired token'}). Refresh them (for SSO: \`aws sso login --profile ${profile}\`) or choose another profile.`,
      actions: [{ kind: 'ssoLogin', profile, command: `aws sso login --profile ${profile}` }, { kind: 'selectProfile' }, { kind: 'retry' }] };
  }
  if (code === 'CredentialsProviderError' || /Could not load credentials|Unable to find (a )?profile|Profile .* (could not be found|not found)|credential_process/i.test(raw)) {
    return { ...base, category: 'noCredentials', transient: false,
      message: `No usable AWS credentials for profile "${profile}": ${raw}. Choose a profile that has credentials.`,
      actions: [{ kind: 'selectProfile' }] };
  }
  if (code === 'UnrecognizedClientException' || code === 'InvalidClientTokenId' || code === 'InvalidSignatureException' || code === 'SignatureDoesNotMatch') {
    return { ...base, category: 'invalidSignature', transient: false,
      message: `AWS rejected the credentials of profile "${profile}" (${code}). Check the access key and secret, or choose another profile.`,
      actions: [{ kind: 'selectProfile' }] };
  }
  if (code === 'AccessDeniedException' || code === 'AccessDenied' || code === 'UnauthorizedOperation' || status === 403) {
    const fromMessage = /not authorized to perform:?\s*([a-z0-9-]+:[A-Za-z0-9]+)/i.exec(raw)?.[1];
    const iamAction = fromMessage ?? `${IAM_PREFIX[ctx.service]}:${ctx.operation}`;
    return { ...base, category: 'accessDenied', transient: false, iamAction,
      message: `Access denied: profile "${profile}" is missing the IAM permission ${iamAction}. Ask your administrator to allow it, or choose another profile.`,
      actions: [{ kind: 'selectProfile' }] };
  }
  if ((code && THROTTLE_CODES.includes(code)) || status === 429) {
    return { ...base, category: 'throttled', transient: true,
      message: `${what} is being throttled by AWS; Conveyor will retry with backoff.`,
      actions: [{ kind: 'retry' }] };
  }
  const errno = (error as { code?: string } | undefined)?.code;
  if ((code && NETWORK_CODES.includes(code)) || (errno && NETWORK_CODES.includes(errno)) || /socket hang up|ECONNREFUSED|ECONNRESET|ENOTFOUND|network|timed? ?out/i.test(raw)) {
    const where = ctx.endpointUrl ? ` at ${ctx.endpointUrl}` : ctx.region ? ` in ${ctx.region}` : '';
    return { ...base, category: 'network', transient: true,
      message: `Could not reach ${SERVICE_NAME[ctx.service]}${where}: ${raw}. Check your network or the conveyor.aws.endpointUrl setting.`,
      actions: [{ kind: 'retry' }, ...(ctx.endpointUrl ? [{ kind: 'openSettings' as const, setting: 'conveyor.aws.endpointUrl' }] : [])] };
  }
  if (code && NOT_FOUND.test(code)) {
    return { ...base, category: 'notFound', transient: false, message: `${what}: ${raw}`, actions: [] };
  }
  if (code === 'ValidationException' || code === 'InvalidParameterException' || code === 'InvalidParameterValueException') {
    return { ...base, category: 'validation', transient: false, message: `${what} was rejected: ${raw}`, actions: [] };
  }
  if (status !== undefined && status >= 500) {
    return { ...base, category: 'service', transient: true,
      message: `${SERVICE_NAME[ctx.service]} had an internal error (HTTP ${status}) during ${ctx.operation}; try again.`,
      actions: [{ kind: 'retry' }] };
  }
  return { ...base, category: 'unknown', transient: false, message: `${what} failed: ${code ? `${code}: ` : ''}${raw}`, actions: [] };
}
