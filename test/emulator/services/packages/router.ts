import type { ServerResponse } from 'node:http';
import type { EmuRequest } from '../../core/contract';
import { canRead } from '../codeartifact/access';
import type { ArtifactContext } from '../codeartifact/context';
import { repositoryEndpoint } from '../codeartifact/context';
import type { Domain, Repository } from '../codeartifact/model';
import { AUTH_MESSAGES, authenticate, challenge } from './auth';
import { sendError } from './http';
import { handleMaven } from './maven/handler';
import { handleNpm } from './npm/handler';
import { handlePypi } from './pypi/handler';

/** One request to a repository endpoint, after authentication. */
export interface PackageRequest {
  ctx: ArtifactContext;
  req: EmuRequest;
  res: ServerResponse;
  domain: Domain;
  repo: Repository;
  /** Path segments after `<format>/<repo>/` (a trailing slash leaves a final empty segment). */
  rest: string[];
  /** The repository endpoint URL, ending in `/`. */
  endpoint: string;
}

const HANDLERS: Record<string, (p: PackageRequest) => void | Promise<void>> = { npm: handleNpm, pypi: handlePypi, maven: handleMaven };

/** `/_codeartifact/<domain>-<owner>/<format>/<repo>/…`: what GetRepositoryEndpoint hands out. */
export function packageEndpoints(ctx: ArtifactContext): (req: EmuRequest, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const [, , host = '', format = '', repoName = '', ...rest] = req.path.split('/');
    const hostMatch = /^(.+)-(\d{12})$/.exec(host);
    const handler = HANDLERS[format];
    const domain = hostMatch ? ctx.store.domain(hostMatch[2] ?? '', hostMatch[1] ?? '') : undefined;
    const repo = domain?.repositories.get(repoName);
    if (!hostMatch || !handler || !domain || !repo) {
      sendError(req, res, 404, `No ${format || 'package'} repository at ${req.path}`);
      return;
    }
    const auth = authenticate(req, ctx.tokens, domain.name, domain.owner);
    if (!auth.ok) {
      sendError(req, res, 401, AUTH_MESSAGES[auth.reason], { 'WWW-Authenticate': challenge(format, domain.name, domain.owner, repo.name) });
      return;
    }
    if (!canRead(domain, auth.grant.accountId)) {
      sendError(req, res, 403, `Account ${auth.grant.accountId} may not read repository ${repo.name}`);
      return;
    }
    const endpoint = repositoryEndpoint(ctx, domain.name, domain.owner, format, repo.name);
    await handler({ ctx, req, res, domain, repo, rest, endpoint });
  };
}
