import type { ArtifactStore } from './store';
import type { TokenIssuer } from './tokens';

/** What CodeArtifact's API routes and the package endpoints share. */
export interface ArtifactContext {
  store: ArtifactStore;
  tokens: TokenIssuer;
  now(): number;
  baseUrl(): string;
}

/** What GetRepositoryEndpoint returns and package managers are pointed at (always ends in `/`). */
export function repositoryEndpoint(ctx: ArtifactContext, domain: string, owner: string, format: string, repo: string): string {
  return `${ctx.baseUrl()}/_codeartifact/${domain}-${owner}/${format}/${repo}/`;
}
