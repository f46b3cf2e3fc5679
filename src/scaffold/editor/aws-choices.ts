// Real choices for the wizard from the person's AWS account: CodeCommit repositories, CodeConnections
// connections and the current account ID. Every lookup is best-effort: without credentials the wizard
// still works with typed values, and says why the list is empty.
import { CodeCommitClient, ListRepositoriesCommand } from '@aws-sdk/client-codecommit';
import { CodeStarConnectionsClient, ListConnectionsCommand } from '@aws-sdk/client-codestar-connections';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Logger } from '../../core/log';
import { describeError } from '../../core/log';
import type { AwsAccess } from '../../aws/access';
import type { ClientOptions } from '../../aws/clients';
import type { ConnectionChoice, Loadable, RepositoryChoice } from '../wizard/model';

const LOOKUP_TIMEOUT_MS = 10_000;
const MAX_PAGES = 20;

/**
 * The lead plans to add `codecommit`, `codestarconnections` and `sts` to ServiceClients; until then the
 * wizard builds its own short-lived clients with the session's credentials, endpoint and retry policy.
 */
function clientOptions(aws: AwsAccess, region: string): ClientOptions | undefined {
  const target = aws.current;
  if (!target) return undefined;
  const options = aws.clientOptions({ profile: target.profile, region });
  return options ? { ...options, maxAttempts: Math.min(options.maxAttempts, 2) } : undefined;
}

async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), LOOKUP_TIMEOUT_MS);
  try {
    return await run(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

function unavailable<T>(log: Logger, what: string, err: unknown): Loadable<T> {
  const reason = describeError(err).split('\n')[0] ?? 'unknown error';
  log.info(`New CDK Pipeline Project: could not list ${what}: ${reason}`);
  return { state: 'unavailable', reason };
}

export class AwsChoices {
  constructor(private readonly aws: AwsAccess, private readonly log: Logger) {}

  get defaultRegion(): string {
    return this.aws.current?.region ?? 'us-east-1';
  }

  async repositories(region: string): Promise<Loadable<RepositoryChoice>> {
    const options = clientOptions(this.aws, region);
    if (!options) return { state: 'unavailable', reason: 'no AWS profile is configured' };
    const client = new CodeCommitClient(options);
    try {
      const items: RepositoryChoice[] = [];
      let nextToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const out = await withTimeout((abortSignal) => client.send(new ListRepositoriesCommand({ sortBy: 'repositoryName', order: 'ascending', ...(nextToken ? { nextToken } : {}) }), { abortSignal }));
        for (const r of out.repositories ?? []) if (r.repositoryName) items.push({ name: r.repositoryName });
        nextToken = out.nextToken;
        if (!nextToken) break;
      }
      return { state: 'loaded', items };
    } catch (err) {
      return unavailable(this.log, 'CodeCommit repositories', err);
    } finally {
      client.destroy();
    }
  }

  async connections(region: string): Promise<Loadable<ConnectionChoice>> {
    const options = clientOptions(this.aws, region);
    if (!options) return { state: 'unavailable', reason: 'no AWS profile is configured' };
    const client = new CodeStarConnectionsClient(options);
    try {
      const items: ConnectionChoice[] = [];
      let NextToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const out = await withTimeout((abortSignal) => client.send(new ListConnectionsCommand({ ...(NextToken ? { NextToken } : {}) }), { abortSignal }));
        for (const c of out.Connections ?? []) {
          if (c.ConnectionArn) {
            items.push({ arn: c.ConnectionArn, name: c.ConnectionName ?? c.ConnectionArn, provider: String(c.ProviderType ?? 'unknown'), status: String(c.ConnectionStatus ?? 'unknown') });
          }
        }
        NextToken = out.NextToken;
        if (!NextToken) break;
      }
      return { state: 'loaded', items };
    } catch (err) {
      return unavailable(this.log, 'CodeConnections connections', err);
    } finally {
      client.destroy();
    }
  }

  /** The current profile's account, to suggest as the pipeline account. */
  async account(): Promise<string | undefined> {
    const options = clientOptions(this.aws, this.defaultRegion);
    if (!options) return undefined;
    const client = new STSClient(options);
    try {
      const out = await withTimeout((abortSignal) => client.send(new GetCallerIdentityCommand({}), { abortSignal }));
      return out.Account;
    } catch (err) {
      this.log.info(`New CDK Pipeline Project: could not determine the account: ${describeError(err)}`);
      return undefined;
    } finally {
      client.destroy();
    }
  }
}
