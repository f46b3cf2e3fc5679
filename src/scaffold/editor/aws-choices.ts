// Real choices for the wizard from the person's AWS account: CodeCommit repositories, CodeConnections
// connections and the current account ID, through the shared client cache (same profile, endpoint,
// retries and error explanations as every other feature). Every lookup is best-effort: without
// credentials the wizard still works with typed values, and says why the list is empty.
import { paginateListRepositories } from '@aws-sdk/client-codecommit';
import { paginateListConnections } from '@aws-sdk/client-codestar-connections';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsAccess, AwsTarget } from '../../aws/access';
import type { ServiceId } from '../../aws/clients';
import { collectPages } from '../../aws/paging';
import type { Logger } from '../../core/log';
import type { ConnectionChoice, Loadable, RepositoryChoice } from '../wizard/model';

const LOOKUP_TIMEOUT_MS = 10_000;
const MAX_PAGES = 20;

async function withTimeout<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), LOOKUP_TIMEOUT_MS);
  try {
    return await run(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

export class AwsChoices {
  constructor(private readonly aws: AwsAccess, private readonly log: Logger) {}

  get defaultRegion(): string {
    return this.aws.current?.region ?? 'us-east-1';
  }

  private target(region: string): AwsTarget | undefined {
    const current = this.aws.current;
    return current ? { profile: current.profile, region } : undefined;
  }

  private unavailable<T>(service: ServiceId, operation: string, what: string, err: unknown, target: AwsTarget): Loadable<T> {
    const reason = this.aws.explain(err, { service, operation, target }).message;
    this.log.warn(`New CDK Pipeline Project: could not list ${what} (${service} ${operation}): ${reason}`);
    return { state: 'unavailable', reason };
  }

  async repositories(region: string): Promise<Loadable<RepositoryChoice>> {
    const target = this.target(region);
    if (!target) return { state: 'unavailable', reason: 'no AWS profile is configured' };
    try {
      const client = this.aws.client('codecommit', target);
      const items = await withTimeout((abortSignal) => collectPages(
        paginateListRepositories({ client, stopOnSameToken: true }, { sortBy: 'repositoryName', order: 'ascending' }, { abortSignal }),
        (page) => (page.repositories ?? []).flatMap((r) => (r.repositoryName ? [{ name: r.repositoryName }] : [])), MAX_PAGES));
      return { state: 'loaded', items };
    } catch (err) {
      return this.unavailable('codecommit', 'ListRepositories', 'CodeCommit repositories', err, target);
    }
  }

  async connections(region: string): Promise<Loadable<ConnectionChoice>> {
    const target = this.target(region);
    if (!target) return { state: 'unavailable', reason: 'no AWS profile is configured' };
    try {
      const client = this.aws.client('codestarconnections', target);
      const items = await withTimeout((abortSignal) => collectPages(
        paginateListConnections({ client, stopOnSameToken: true }, {}, { abortSignal }),
        (page) => (page.Connections ?? []).flatMap((c) => (c.ConnectionArn
          ? [{ arn: c.ConnectionArn, name: c.ConnectionName ?? c.ConnectionArn, provider: String(c.ProviderType ?? 'unknown'), status: String(c.ConnectionStatus ?? 'unknown') }]
          : [])), MAX_PAGES));
      return { state: 'loaded', items };
    } catch (err) {
      return this.unavailable('codestarconnections', 'ListConnections', 'CodeConnections connections', err, target);
    }
  }

  /** The current profile's account (STS GetCallerIdentity), to suggest as the pipeline account, or why not. */
  async account(): Promise<{ account: string } | { problem: string }> {
    const target = this.target(this.defaultRegion);
    if (!target) return { problem: 'no AWS profile is selected' };
    try {
      const client = this.aws.client('sts', target);
      const account = (await withTimeout((abortSignal) => client.send(new GetCallerIdentityCommand({}), { abortSignal }))).Account;
      return account ? { account } : { problem: 'STS GetCallerIdentity named no account' };
    } catch (err) {
      const problem = this.aws.explain(err, { service: 'sts', operation: 'GetCallerIdentity', target }).message;
      this.log.warn(`New CDK Pipeline Project: sts GetCallerIdentity failed for profile "${target.profile}": ${problem}`);
      return { problem };
    }
  }
}
