import type { ErrorClass } from '../core/polling/scheduler';
import { describeError } from '../core/log';
import { redact } from '../core/redact';
import type { ServiceId } from './clients';

/**
 * Something the person can do about an error; the editor adapter renders each as a button.
 * `ssoLogin` runs `aws` with ssoLoginArgs(profile), never through a shell; `command` is the button's text.
 */
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
  codedeploy: 'codedeploy',
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
  codedeploy: 'CodeDeploy',
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
  return typeof error === 'object' && error !== null ? (error) : { message: String(error) };
}

const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED', 'TimeoutError', 'RequestTimeout', 'AbortError'];
const THROTTLE_CODES = ['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'LimitExceededException', 'RequestLimitExceeded', 'SlowDown', 'ProvisionedThroughputExceededException'];
const NOT_FOUND = /NotFound|NoSuch/;

/** Errors the SDK's credential and token providers throw; their message says which problem it was. */
const PROVIDER_ERRORS = ['CredentialsProviderError', 'TokenProviderError'];
/** The SDK's own words for an SSO session that is missing, invalid or expired (the profile name cut out). */
const SSO_SESSION_GONE = /\bSSO session\b.*\b(?:expired|invalid|not found)\b|\bToken is expired\b|\bin SSO Token\b|\baws sso login\b/i;

/**
 * Profile names that `aws sso login --profile` can take as they are and that a person can copy from a
 * message into any shell: the characters of IAM names plus ":" and "/" (which the AWS config loader also
 * accepts), not starting with "-" (which would read as an option).
 */
const SAFE_PROFILE = /^[A-Za-z0-9_.+=,@:/][A-Za-z0-9_.+=,@:/-]*$/;

/** The `aws` arguments that sign a profile in again, or undefined when its name is not safe to pass on. */
export function ssoLoginArgs(profile: string): string[] | undefined {
  return SAFE_PROFILE.test(profile) ? ['sso', 'login', '--profile', profile] : undefined;
}

function ssoLoginAction(profile: string): ErrorAction[] {
  const args = ssoLoginArgs(profile);
  return args ? [{ kind: 'ssoLogin', profile, command: `aws ${args.join(' ')}` }] : [];
}

function ssoLoginHint(profile: string): string {
  return ssoLoginArgs(profile) ? `\`aws sso login --profile ${profile}\`` : 'aws sso login for this profile';
}

/**
 * The message with the places where the SDK quotes the profile name replaced, so that a name such as
 * "sso expired" cannot make a missing profile read like an expired session.
 */
function withoutProfileName(message: string, profile: string): string {
  const name = profile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return message.replace(new RegExp(`(\\[|profile[= ]|')${name}(?=[\\]'.\\s]|$)`, 'gi'), '$1<profile>');
}

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

  // Classified by the error's name, and by the SDK's wording only with the profile name cut out.
  const detail = withoutProfileName(raw, profile);
  const ssoExpired = (code !== undefined && PROVIDER_ERRORS.includes(code) && SSO_SESSION_GONE.test(detail))
    || (code === 'UnauthorizedException' && /\b(?:session|token)\b/i.test(detail));
  if (ssoExpired) {
    return { ...base, category: 'ssoExpired', transient: false,
      message: `Your AWS SSO session for profile "${profile}" has expired or is missing. Sign in again with ${ssoLoginHint(profile)}, then retry.`,
      actions: [...ssoLoginAction(profile), { kind: 'retry' }] };
  }
  if (code === 'ExpiredTokenException' || code === 'ExpiredToken' || code === 'RequestExpired' || /security token included in the request is expired/i.test(detail)) {
    return { ...base, category: 'credentialsExpired', transient: false,
      message: `The credentials of profile "${profile}" have expired (${code ?? 'expired token'}). Refresh them (for SSO: ${ssoLoginHint(profile)}) or choose another profile.`,
      actions: [...ssoLoginAction(profile), { kind: 'selectProfile' }, { kind: 'retry' }] };
  }
  if ((code !== undefined && PROVIDER_ERRORS.includes(code)) || /Could not load credentials|Unable to find (a )?profile|Profile .* (could not be found|not found)|credential_process/i.test(detail)) {
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

/**
 * An explained failure as the AWS views keep it: the row's message and category, what the person can do,
 * and how the poller should back off (throttled: the account pauses; transient: retry; fatal: wait long).
 */
export interface ExplainedError {
  message: string;
  category: ErrorCategory;
  code?: string;
  errorClass: ErrorClass;
}

export function toExplained(e: ActionableError): ExplainedError {
  return {
    message: e.message, category: e.category, ...(e.code ? { code: e.code } : {}),
    errorClass: e.category === 'throttled' ? 'throttled' : e.transient ? 'transient' : 'fatal',
  };
}

export function isExplained(error: unknown): error is ExplainedError {
  return typeof error === 'object' && error !== null && 'errorClass' in error && 'message' in error;
}

/** Categories that say the profile itself is unusable (not one call or one resource). */
export const PROFILE_CATEGORIES: ReadonlySet<string> = new Set<ErrorCategory>(['ssoExpired', 'credentialsExpired', 'noCredentials', 'invalidSignature']);
