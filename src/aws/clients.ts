import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { CodeartifactClient } from '@aws-sdk/client-codeartifact';
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import type { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import type { CodeCommitClient } from '@aws-sdk/client-codecommit';
import type { CodeGuruProfilerClient } from '@aws-sdk/client-codeguruprofiler';
import type { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { CodeStarConnectionsClient } from '@aws-sdk/client-codestar-connections';
import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider, HandlerExecutionContext, MiddlewareStack } from '@smithy/types';
import { shareIdentity } from './shared-identity';

/** The SDK client for each service Conveyor talks to. */
export interface ServiceClients {
  codepipeline: CodePipelineClient;
  codeartifact: CodeartifactClient;
  codebuild: CodeBuildClient;
  codedeploy: CodeDeployClient;
  logs: CloudWatchLogsClient;
  codeguruprofiler: CodeGuruProfilerClient;
  codecommit: CodeCommitClient;
  codestarconnections: CodeStarConnectionsClient;
  sts: STSClient;
}
export type ServiceId = keyof ServiceClients;

export type RetryMode = 'standard' | 'adaptive';

/** Everything that determines which client a call uses. */
export interface ClientSettings {
  profile: string;
  region: string;
  endpointUrl?: string;
  retryMode: RetryMode;
  maxAttempts: number;
}

export interface ClientOptions {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  endpoint?: string;
  retryMode: RetryMode;
  maxAttempts: number;
  customUserAgent: string;
}

const USER_AGENT = 'conveyor-vscode';

/** Where a failed SDK call came from, stamped on the error by every client Conveyor builds. */
export interface FailedCall {
  service: ServiceId;
  /** The API operation, e.g. `ListPipelines` (the IAM action's name). */
  operation: string;
}

const FAILED_CALL = Symbol.for('conveyor.failedCall');

/** The service and operation a thrown SDK error came from, when a Conveyor client raised it. */
export function failedCallOf(error: unknown): FailedCall | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const stamp = (error as { [FAILED_CALL]?: unknown })[FAILED_CALL];
  return typeof stamp === 'object' && stamp !== null ? (stamp as FailedCall) : undefined;
}

export function operationOf(error: unknown): string | undefined {
  return failedCallOf(error)?.operation;
}

/** One finished call, as the debug trace tells it: names and numbers, never a parameter or a result. */
export interface TracedCall {
  service: ServiceId;
  operation: string;
  ms: number;
  /** The last HTTP status, when a response came. */
  status?: number | undefined;
  attempts?: number | undefined;
  /** The error's name (e.g. ThrottlingException) when the call failed. */
  error?: string | undefined;
}

interface ResponseMetadata { $metadata?: { httpStatusCode?: number; attempts?: number } }

const metadataOf = (value: unknown): ResponseMetadata['$metadata'] =>
  typeof value === 'object' && value !== null ? (value as ResponseMetadata).$metadata : undefined;

/**
 * One middleware for every client: a failing call (after the SDK's retries) keeps the name of its
 * operation, so any error message can say which call failed and which IAM action it needs; with
 * `trace`, every call is told once it ends (the log's debug level).
 */
export function stampFailedCalls(stack: Pick<MiddlewareStack<object, object>, 'add'>, service: ServiceId, onSuccess?: () => void,
  trace?: (call: TracedCall) => void): void {
  stack.add((next, context: HandlerExecutionContext) => async (args) => {
    const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
    const started = performance.now();
    try {
      const result = await next(args);
      onSuccess?.();
      const meta = metadataOf(result.output);
      trace?.({ service, operation, ms: performance.now() - started, status: meta?.httpStatusCode, attempts: meta?.attempts });
      return result;
    } catch (err) {
      if (typeof err === 'object' && err !== null && !failedCallOf(err)) {
        Object.defineProperty(err, FAILED_CALL, { value: { service, operation } satisfies FailedCall, enumerable: false });
      }
      const meta = metadataOf(err);
      trace?.({ service, operation, ms: performance.now() - started, status: meta?.httpStatusCode, attempts: meta?.attempts,
        error: err instanceof Error ? err.name : typeof err });
      throw err;
    }
  }, { step: 'initialize', name: 'conveyorFailedCall', override: true });
}

/** `codepipeline.ListPipelines (profile "dev", us-east-1): 200 in 84 ms` — or `… failed: ThrottlingException (400, 3 attempts) in 912 ms`. */
export function traceLine(call: TracedCall, target: { profile: string; region: string }): string {
  const facts = [call.status, call.attempts && call.attempts > 1 ? `${call.attempts} attempts` : undefined].filter((f) => f !== undefined);
  const outcome = call.error ? `failed: ${call.error}${facts.length ? ` (${facts.join(', ')})` : ''}` : `${facts.join(', ') || 'done'}`;
  return `${call.service}.${call.operation} (profile "${target.profile}", ${target.region}): ${outcome} in ${Math.round(call.ms)} ms`;
}

function construct<S extends ServiceId>(service: S, options: ClientOptions, onSuccess?: () => void, trace?: (call: TracedCall) => void): ServiceClients[S] {
  const base = {
    region: options.region,
    credentials: options.credentials,
    retryMode: options.retryMode,
    maxAttempts: options.maxAttempts,
    customUserAgent: options.customUserAgent,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  };
  // Each SDK is loaded on first use, not at activation: most sessions touch one or two services.
  const make: { [K in ServiceId]: () => ServiceClients[K] } = {
    codepipeline: () => new (require('@aws-sdk/client-codepipeline') as typeof import('@aws-sdk/client-codepipeline')).CodePipelineClient(base),
    codeartifact: () => new (require('@aws-sdk/client-codeartifact') as typeof import('@aws-sdk/client-codeartifact')).CodeartifactClient(base),
    codebuild: () => new (require('@aws-sdk/client-codebuild') as typeof import('@aws-sdk/client-codebuild')).CodeBuildClient(base),
    codedeploy: () => new (require('@aws-sdk/client-codedeploy') as typeof import('@aws-sdk/client-codedeploy')).CodeDeployClient(base),
    // A custom endpoint (local emulator, LocalStack) must not get StartLiveTail's `stream-` host prefix.
    logs: () => new (require('@aws-sdk/client-cloudwatch-logs') as typeof import('@aws-sdk/client-cloudwatch-logs'))
      .CloudWatchLogsClient({ ...base, disableHostPrefix: Boolean(options.endpoint) }),
    codeguruprofiler: () => new (require('@aws-sdk/client-codeguruprofiler') as typeof import('@aws-sdk/client-codeguruprofiler')).CodeGuruProfilerClient(base),
    codecommit: () => new (require('@aws-sdk/client-codecommit') as typeof import('@aws-sdk/client-codecommit')).CodeCommitClient(base),
    codestarconnections: () => new (require('@aws-sdk/client-codestar-connections') as typeof import('@aws-sdk/client-codestar-connections'))
      .CodeStarConnectionsClient(base),
    sts: () => new (require('@aws-sdk/client-sts') as typeof import('@aws-sdk/client-sts')).STSClient(base),
  };
  const client = make[service]();
  stampFailedCalls(client.middlewareStack, service, onSuccess, trace);
  return client;
}

/** One cached SDK client per (service, profile, region, endpoint, retry policy); one credentials resolution per profile. */
export class ClientCache {
  private readonly clients = new Map<string, { destroy(): void }>();
  private readonly identities = new Map<string, AwsCredentialIdentityProvider>();

  constructor(
    private readonly credentialsFor: (profile: string) => AwsCredentialIdentityProvider,
    /** A call with a profile's credentials succeeded (the profile is usable again). */
    private readonly onSuccess?: (profile: string) => void,
    /** Every call, once it ended, as one line (the session logs it at debug level). */
    private readonly trace?: (line: string) => void,
  ) {}

  get<S extends ServiceId>(service: S, settings: ClientSettings): ServiceClients[S] {
    const key = [service, settings.profile, settings.region, settings.endpointUrl ?? '', settings.retryMode, settings.maxAttempts].join('|');
    const existing = this.clients.get(key);
    if (existing) return existing as ServiceClients[S];
    const trace = this.trace;
    const client = construct(service, this.options(settings), this.onSuccess && (() => this.onSuccess?.(settings.profile)),
      trace && ((call) => trace(traceLine(call, settings))));
    this.clients.set(key, client);
    return client;
  }

  /** The options get() constructs a client with, for SDK clients that are not cached here. */
  options(settings: ClientSettings): ClientOptions {
    return {
      region: settings.region,
      credentials: this.identity(settings.profile),
      ...(settings.endpointUrl ? { endpoint: settings.endpointUrl } : {}),
      retryMode: settings.retryMode,
      maxAttempts: settings.maxAttempts,
      customUserAgent: USER_AGENT,
    };
  }

  /**
   * Starts resolving a profile's credentials (reading the ~/.aws files, and SSO or STS calls), so that
   * they are ready when the first client of the profile sends; a failure is left to that call to report.
   */
  prepare(profile: string): void {
    this.identity(profile)().catch(() => undefined);
  }

  private identity(profile: string): AwsCredentialIdentityProvider {
    let identity = this.identities.get(profile);
    if (!identity) {
      identity = shareIdentity(this.credentialsFor(profile));
      this.identities.set(profile, identity);
    }
    return identity;
  }

  get size(): number {
    return this.clients.size;
  }

  /** Drops every client and resolved credentials (credentials files changed, profile switched); in-flight calls finish. */
  clear(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
    this.identities.clear();
  }
}
