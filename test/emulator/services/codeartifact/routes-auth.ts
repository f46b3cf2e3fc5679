import type { RestRoute } from '../../core/contract';
import { resolveDomain } from './access';
import type { ArtifactContext } from './context';
import { invalid } from './errors';
import { optionalInteger, optionalText, querySource, requiredText, rules } from './params';
import { epochSeconds } from './render';
import { DEFAULT_TOKEN_SECONDS } from './tokens';

export function authRoutes(ctx: ArtifactContext): RestRoute[] {
  return [
    {
      method: 'POST', pattern: '/v1/authorization-token', operation: 'GetAuthorizationToken',
      handler: (req) => {
        const read = querySource(req.query);
        const [name, owner] = [requiredText(read, rules.domain), optionalText(read, rules.domainOwner)];
        const duration = optionalInteger(read, 'duration', 'durationSeconds', 0, 43200);
        if (duration !== undefined && duration > 0 && duration < 900) {
          throw invalid(`durationSeconds must be 0 or between 900 and 43200 seconds, got ${duration}`);
        }
        const domain = resolveDomain(ctx.store, req, 'GetAuthorizationToken', name, owner);
        // 0 means "as long as the caller's session"; the emulator's keys are long-term, so the default applies.
        const seconds = duration === undefined || duration === 0 ? DEFAULT_TOKEN_SECONDS : duration;
        const { token, grant } = ctx.tokens.issue(domain.name, domain.owner, req.accountId, seconds);
        return { body: { authorizationToken: token, expiration: epochSeconds(grant.expiresAt) } };
      },
    },
  ];
}
