import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { CodeartifactClient } from '@aws-sdk/client-codeartifact';
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import type { CodeGuruProfilerClient } from '@aws-sdk/client-codeguruprofiler';
import type { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/** The SDK client for each service Conveyor talks to. */
export interface ServiceClients {
  codepipeline: CodePipelineClient;
  codeartifact: CodeartifactClient;
  codebuild: CodeBuildClient;
  logs: CloudWatchLogsClient;
  codeguruprofiler: CodeGuruProfilerClient;
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

function construct<S extends ServiceId>(service: S, options: ClientOptions): ServiceClients[S] {
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
    // A custom endpoint (local emulator, LocalStack) must not get StartLiveTail's `stream-` host prefix.
    logs: () => new (require('@aws-sdk/client-cloudwatch-logs') as typeof import('@aws-sdk/client-cloudwatch-logs'))
      .CloudWatchLogsClient({ ...base, disableHostPrefix: Boolean(options.endpoint) }),
    codeguruprofiler: () => new (require('@aws-sdk/client-codeguruprofiler') as typeof import('@aws-sdk/client-codeguruprofiler')).CodeGuruProfilerClient(base),
  };
  return make[service]();
}

/** One cached SDK client per (service, profile, region, endpoint, retry policy). */
export class ClientCache {
  private readonly clients = new Map<string, { destroy(): void }>();

  constructor(private readonly credentialsFor: (profile: string) => AwsCredentialIdentityProvider) {}

  get<S extends ServiceId>(service: S, settings: ClientSettings): ServiceClients[S] {
    const key = [service, settings.profile, settings.region, settings.endpointUrl ?? '', settings.retryMode, settings.maxAttempts].join('|');
    const existing = this.clients.get(key);
    if (existing) return existing as ServiceClients[S];
    const client = construct(service, this.options(settings));
    this.clients.set(key, client);
    return client;
  }

  /** The options get() constructs a client with, for SDK clients that are not cached here. */
  options(settings: ClientSettings): ClientOptions {
    return {
      region: settings.region,
      credentials: this.credentialsFor(settings.profile),
      ...(settings.endpointUrl ? { endpoint: settings.endpointUrl } : {}),
      retryMode: settings.retryMode,
      maxAttempts: settings.maxAttempts,
      customUserAgent: USER_AGENT,
    };
  }

  get size(): number {
    return this.clients.size;
  }

  /** Drops every client (credentials files changed, profile switched); in-flight calls finish. */
  clear(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}
