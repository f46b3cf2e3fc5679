// One login from start to finish, without the editor: ask CodeArtifact for a token and the repository
// endpoint, plan the tool's configuration, apply it. The editor adapter and the real-client tests both
// go through here, so the tests exercise exactly what the command does.
import { GetAuthorizationTokenCommand, GetRepositoryEndpointCommand, type CodeartifactClient } from '@aws-sdk/client-codeartifact';
import { redactor } from '../../core/redact';
import { applyLogin, applyLogout, type ApplyHooks, type FileChange } from './engine';
import type { Manifest } from './manifest';
import type { ConfigFs } from './node-fs';
import { loginId, planLogin, type LoginPlan, type LoginRequest, type PlanContext } from './plan';
import { TOOLS } from './tools';

// A failed call carries its operation: every client Conveyor builds stamps it (src/aws/clients.ts).

export interface IssuedToken {
  token: string;
  /** Epoch ms. */
  issuedAt: number;
  expiresAt: number;
}

/** GetAuthorizationToken; the token is registered with the redactor before anything can log it. */
export async function issueToken(client: CodeartifactClient, domain: string, domainOwner: string, durationSeconds: number, now: () => number): Promise<IssuedToken> {
  const issuedAt = now();
  const out = await client.send(new GetAuthorizationTokenCommand({ domain, domainOwner, durationSeconds }));
  const token = out.authorizationToken;
  if (!token) throw new Error(`CodeArtifact returned no authorization token for domain ${domain}`);
  redactor.addSecret(token);
  const expiresAt = out.expiration ? out.expiration.getTime() : issuedAt + durationSeconds * 1000;
  return { token, issuedAt, expiresAt };
}

export async function repositoryEndpoint(client: CodeartifactClient, request: Pick<LoginRequest, 'domain' | 'domainOwner' | 'repository' | 'tool'>): Promise<string> {
  const out = await client.send(new GetRepositoryEndpointCommand({
    domain: request.domain, domainOwner: request.domainOwner, repository: request.repository, format: TOOLS[request.tool].format,
  }));
  if (!out.repositoryEndpoint) throw new Error(`CodeArtifact returned no ${TOOLS[request.tool].format} endpoint for ${request.repository}`);
  return out.repositoryEndpoint;
}

export interface LoginOutcome {
  id: string;
  plan: LoginPlan;
  issued: IssuedToken;
  manifest: Manifest;
  changes: FileChange[];
  /** What integrated terminals should get (holds the token). */
  environment: Record<string, string>;
}

export interface LoginDeps {
  client: CodeartifactClient;
  fs: ConfigFs;
  context: PlanContext;
  now: () => number;
}

/**
 * Logs in (or re-logs in: the same request again replaces only the token). Every AWS call happens
 * before any file is touched, so a failing call changes nothing on disk.
 */
export async function performLogin(deps: LoginDeps, request: Omit<LoginRequest, 'endpoint'> & { endpoint?: string }, durationSeconds: number, manifest: Manifest, hooks: ApplyHooks = {}): Promise<LoginOutcome> {
  const endpoint = request.endpoint ?? await repositoryEndpoint(deps.client, request);
  const full: LoginRequest = { ...request, endpoint };
  const plan = planLogin(full, deps.context);
  const issued = await issueToken(deps.client, full.domain, full.domainOwner, durationSeconds, deps.now);
  const applied = await applyLogin(plan, issued.token, manifest, deps.fs, hooks);
  return { id: loginId(full), plan, issued, manifest: applied.manifest, changes: applied.changes, environment: plan.environment(issued.token) };
}

export async function performLogout(deps: Pick<LoginDeps, 'fs'>, id: string, manifest: Manifest): Promise<{ manifest: Manifest; changes: FileChange[] }> {
  return applyLogout(id, manifest, deps.fs);
}
