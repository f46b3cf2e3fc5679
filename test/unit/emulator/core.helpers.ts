// Shared by the emulator's tests: a per-suite emulator with real SDK clients pointed at it, raw
// SigV4-signed requests for the signature tests, and error assertions.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { type AccountName, createEmulator, type Emulator, EMULATOR_ACCOUNTS, type EmulatorOptions } from '../../emulator/index';

export interface Clients {
  codepipeline: CodePipelineClient;
  codebuild: CodeBuildClient;
  logs: CloudWatchLogsClient;
  destroy(): void;
}

export function sdkClients(emu: Emulator, account: AccountName = 'main', region = 'us-east-1'): Clients {
  const config = emu.clientConfig(account, region);
  const codepipeline = new CodePipelineClient(config);
  const codebuild = new CodeBuildClient(config);
  const logs = new CloudWatchLogsClient({ ...config, disableHostPrefix: true });
  return {
    codepipeline, codebuild, logs,
    destroy() {
      codepipeline.destroy();
      codebuild.destroy();
      logs.destroy();
    },
  };
}

/** The emulator a suite runs against and the main account's us-east-1 clients for it. */
export interface EmulatorFixture {
  readonly emulator: Emulator;
  readonly clients: Clients;
}

/**
 * Registers mocha hooks on the current suite: before it, start an emulator with `options` and build
 * `sdkClients` for it; after it, destroy the clients and close the emulator. The returned properties
 * exist only once the before hook has run, so read them inside hooks and tests, not at describe time.
 */
export function useEmulator(options: EmulatorOptions): EmulatorFixture {
  let emulator: Emulator | undefined;
  let clients: Clients | undefined;
  before(async () => {
    emulator = await createEmulator(options);
    clients = sdkClients(emulator);
  });
  after(async () => {
    clients?.destroy();
    await emulator?.close();
  });
  return {
    get emulator() { return startedOrThrow(emulator, 'emulator'); },
    get clients() { return startedOrThrow(clients, 'clients'); },
  };
}

function startedOrThrow<T>(value: T | undefined, property: keyof EmulatorFixture): T {
  if (value === undefined) throw new Error(`useEmulator: ${property} was read before the suite's before hook ran`);
  return value;
}

/** Expects `promise` to reject with an AWS error named `name` (and the HTTP status, when given). */
export async function rejectsWith(promise: Promise<unknown>, name: string, status?: number): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    assert.equal(e.name, name, `expected ${name}, got ${e.name}: ${e.message}`);
    if (status !== undefined) assert.equal(e.$metadata?.httpStatusCode, status);
    return e;
  }
  assert.fail(`expected ${name}, but the call succeeded`);
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface SignedCall {
  service: string;
  method?: string;
  path?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region?: string;
  signingDate?: Date;
  /** Sent instead of `body` after signing (a tampered request). */
  sendBody?: string;
  /** Skip signing altogether. */
  unsigned?: boolean;
}

/** Signs a request with @smithy/signature-v4 (as the SDK does) and sends it with node:http. */
export async function signedCall(baseUrl: string, call: SignedCall): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const body = call.body ?? '';
  const req = new HttpRequest({
    method: call.method ?? 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: call.path ?? '/',
    ...(call.query ? { query: call.query } : {}),
    headers: { host: url.host, ...call.headers },
    body,
  });
  let headers = req.headers;
  if (!call.unsigned) {
    const signer = new SignatureV4({
      service: call.service,
      region: call.region ?? 'us-east-1',
      credentials: call.credentials ?? EMULATOR_ACCOUNTS.main,
      sha256: Sha256,
    });
    const signed = await signer.sign(req, call.signingDate ? { signingDate: call.signingDate } : {});
    headers = signed.headers;
  }
  const sent = call.sendBody ?? body;
  const query = call.query ? `?${new URLSearchParams(call.query).toString().replace(/\+/g, '%20')}` : '';
  return new Promise((resolve, reject) => {
    const r = request({
      host: url.hostname, port: url.port, method: req.method, path: `${req.path}${query}`,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(sent)) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    r.on('error', reject);
    r.end(sent);
  });
}

/** An awsJson1_1 call signed for the main account. */
export function jsonCall(baseUrl: string, target: string, input: unknown, extra: Partial<SignedCall> = {}): Promise<RawResponse> {
  const service = target.startsWith('Logs_') ? 'logs' : target.startsWith('CodeBuild_') ? 'codebuild' : 'codepipeline';
  return signedCall(baseUrl, {
    service,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
    body: JSON.stringify(input),
    ...extra,
  });
}

export async function adminCall(baseUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  return { status: res.status, json: (await res.json()) as unknown };
}
