// The contract between the emulator's core (HTTP server, SigV4 verification, fault injection, clock)
// and the service modules that plug into it. Service modules never touch node:http directly.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

/** AWS-style error: rendered as `__type` (awsJson) or `x-amzn-errortype` + body (restJson). */
export class AwsServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
    /** Extra body members (e.g. resourceId, reason). */
    readonly extra: Record<string, unknown> = {},
    /** Extra headers (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = type;
  }
}

export interface EmuRequest {
  method: string;
  /** Path without the query string, percent-decoded per segment by the router. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The access key id whose SigV4 signature was verified (undefined on unsigned routes). */
  principal?: string;
  /** The account that principal belongs to. */
  accountId: string;
  region: string;
}

export interface EmuReply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is serialised as JSON; a Buffer/string is sent as is. */
  body?: unknown;
  /** For streaming replies (event streams): take over the raw response. */
  stream?: (res: ServerResponse) => void;
}

/** An awsJson1_1 operation returns this instead of an output object to answer with a stream
 *  (event streams such as Logs StartLiveTail). The core sends status 200 and `headers`, then hands over. */
export class StreamingReply {
  constructor(
    readonly headers: Record<string, string>,
    readonly start: (res: ServerResponse) => void,
  ) {}
}

/** awsJson1_1 operation: the parsed JSON input in, the JSON output object out. */
export type JsonOperation = (input: Record<string, unknown>, req: EmuRequest) => unknown; // or a Promise of it

/**
 * awsQuery operation: the request's form parameters in (flattened, e.g. `Tags.member.1.Key`), the
 * members of `<Operation>Result` out, in the order they are serialised (nested objects become nested
 * elements, arrays `<member>` lists).
 */
export type QueryOperation = (params: URLSearchParams, req: EmuRequest) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** An awsQuery service (STS): requests carry `Action` and `Version`; replies and errors are XML. */
export interface QueryService {
  /** The API version the requests name, e.g. `2011-06-15`; it tells the services apart. */
  version: string;
  signingName: string;
  /** The XML namespace of replies and errors, e.g. `https://sts.amazonaws.com/doc/2011-06-15/`. */
  xmlNamespace: string;
  operations: Record<string, QueryOperation>;
}

/** restJson1 route: `pattern` is the Smithy URI, e.g. `/profilingGroups/{profilingGroupName}/profile`. */
export interface RestRoute {
  method: string;
  pattern: string;
  operation: string;
  handler: (req: EmuRequest, labels: Record<string, string>) => EmuReply | Promise<EmuReply>;
}

/** Routes that are not AWS API calls (CodeArtifact package endpoints): no SigV4, own auth. */
export interface RawRoute {
  /** Path prefix, e.g. `/_codeartifact/`. */
  prefix: string;
  handler: (req: EmuRequest, res: ServerResponse) => void | Promise<void>;
}

/** Simulated time: fast-forwardable so executions and token expiry can be tested quickly. */
export interface Clock {
  now(): number;
  /** Runs fn after `ms` of simulated time. */
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}

/** What the core offers service modules when they register. */
export interface ServiceRegistry {
  /** awsJson1_1: `X-Amz-Target: <targetPrefix>.<Operation>`, signing name e.g. `codepipeline`, `logs`. */
  json(targetPrefix: string, signingName: string, operations: Record<string, JsonOperation>): void;
  /** restJson1: signing name `codeartifact` or `codeguru-profiler`. */
  rest(signingName: string, routes: RestRoute[]): void;
  /** awsQuery: form-encoded `Action=…&Version=…` requests, XML replies. */
  query(service: QueryService): void;
  raw(route: RawRoute): void;
  clock: Clock;
  /** The server's own base URL, e.g. http://127.0.0.1:41234 (known once listening). */
  baseUrl(): string;
}

export type ServiceModule = (registry: ServiceRegistry) => void;

/** Which dataset the emulator starts with; every service module seeds its own part from this. */
export interface SeedOptions {
  /** empty: nothing; demo: the realistic demo account; scale: many generated resources. */
  dataset: 'empty' | 'demo' | 'scale';
  /** scale only: how many pipelines (default 5,000). */
  pipelines?: number;
  /** scale only: how many CodeBuild projects (default 2,000). */
  projects?: number;
  /** scale only: how many package versions in total (default 50,000). */
  packageVersions?: number;
  /** scale only: instances in the CodeDeploy group fleet-api-prod (default 500). */
  deployInstances?: number;
  /**
   * CodeArtifact: a local Maven repository directory (layout of ~/.m2/repository) that backs the simulated
   * `public:maven-central` external connection, read-only, so real `mvn` runs get their plugins offline.
   */
  mavenCentralDirectory?: string;
  /** demo only: the commit id of the newest source revision of the demo's `storefront-web` pipeline,
   *  so a workspace's git HEAD can be matched against pipeline executions. */
  demoHeadCommit?: string;
}

/** A service module factory: builds its in-memory state from the seed and returns the module. */
export type ServiceFactory = (seed: SeedOptions) => ServiceModule;

/** Credentials the emulator knows. Tests and the demo sign with these. */
export const EMULATOR_ACCOUNTS = {
  main: { accountId: '111111111111', accessKeyId: 'AKIAEMULATORMAIN0001', secretAccessKey: 'emulator/main/secret/key/0000000000000001' },
  prod: { accountId: '222222222222', accessKeyId: 'AKIAEMULATORPROD0002', secretAccessKey: 'emulator/prod/secret/key/0000000000000002' },
  /** A temporary credential whose session token the emulator reports as expired. */
  expired: { accountId: '111111111111', accessKeyId: 'ASIAEMULATOREXPIRED1', secretAccessKey: 'emulator/expired/secret/000000000000003', sessionToken: 'expired-session-token' },
} as const;
