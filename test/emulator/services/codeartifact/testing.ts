import { CodeartifactClient, GetAuthorizationTokenCommand, GetRepositoryEndpointCommand } from '@aws-sdk/client-codeartifact';
import type { PackageFormat } from '@aws-sdk/client-codeartifact';
import { EMULATOR_ACCOUNTS } from '../../core/contract';
import type { SeedOptions } from '../../core/contract';
import { createEmulator } from '../../index';
import type { Emulator } from '../../index';

/** The whole emulator, seeded, for the CodeArtifact and CodeGuru tests. */
export function startArtifactEmulator(seed: SeedOptions): Promise<Emulator> {
  return createEmulator({ seed });
}

export type Account = keyof typeof EMULATOR_ACCOUNTS;

export function artifactClient(url: string, account: Account = 'main'): CodeartifactClient {
  return new CodeartifactClient({ endpoint: url, region: 'us-east-1', credentials: EMULATOR_ACCOUNTS[account], maxAttempts: 1 });
}

/** A token and endpoint exactly as `aws codeartifact login` would fetch them. */
export async function login(client: CodeartifactClient, domain: string, repository: string, format: PackageFormat, domainOwner?: string, durationSeconds?: number): Promise<{ token: string; endpoint: string }> {
  const auth = await client.send(new GetAuthorizationTokenCommand({ domain, domainOwner, ...(durationSeconds !== undefined ? { durationSeconds } : {}) }));
  const ep = await client.send(new GetRepositoryEndpointCommand({ domain, domainOwner, repository, format }));
  if (!auth.authorizationToken || !ep.repositoryEndpoint) throw new Error('login returned no token or endpoint');
  return { token: auth.authorizationToken, endpoint: ep.repositoryEndpoint };
}
