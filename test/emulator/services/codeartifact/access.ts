import type { EmuRequest } from '../../core/contract';
import { accessDenied, notFound } from './errors';
import type { Domain, Repository } from './model';
import type { ArtifactStore } from './store';

export function domainArn(region: string, domain: Domain): string {
  return `arn:aws:codeartifact:${region}:${domain.owner}:domain/${domain.name}`;
}

export function repositoryArn(region: string, repo: Repository): string {
  return `arn:aws:codeartifact:${region}:${repo.domain.owner}:repository/${repo.domain.name}/${repo.name}`;
}

export function canRead(domain: Domain, accountId: string): boolean {
  return domain.owner === accountId || domain.sharedWith.has(accountId);
}

/** The domain named by `domain`/`domain-owner` (owner defaults to the caller), if the caller may use it. */
export function resolveDomain(store: ArtifactStore, req: EmuRequest, action: string, name: string, owner: string | undefined): Domain {
  const ownerId = owner ?? req.accountId;
  const domain = store.domain(ownerId, name);
  if (ownerId !== req.accountId && (!domain || !canRead(domain, req.accountId))) {
    throw accessDenied(req.accountId, action, `arn:aws:codeartifact:${req.region}:${ownerId}:domain/${name}`);
  }
  if (!domain) throw notFound('domain', name, `Domain not found. Domain '${name}' owned by account '${ownerId}' does not exist.`);
  return domain;
}

export function resolveRepository(domain: Domain, name: string): Repository {
  const repo = domain.repositories.get(name);
  if (!repo) {
    throw notFound('repository', name, `Repository not found. Repository '${name}' in domain '${domain.name}' owned by account '${domain.owner}' does not exist.`);
  }
  return repo;
}
