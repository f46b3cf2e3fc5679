// "Load more" for lists the service pages by id: ids are listed a page at a time only as far as the
// next page of rows needs, then those rows are fetched with the batch operation. A deployment's targets
// come status by status, failed first, so a 500-instance deployment shows its failures after one list
// page and one round of batches, and never lists or fetches what nobody scrolled to.
import type { DeployApi } from './api';
import type { DeploymentSummary, TargetInfo, TargetStatus } from './types';

/** One listing: a page of ids after `nextToken`. */
export type IdLister = (nextToken: string | undefined, signal?: AbortSignal) => Promise<{ ids: string[]; nextToken?: string }>;

/** Pages a listing follows at most (a service that keeps returning new tokens must not hang a view). */
const MAX_LIST_PAGES = 200;

export const DEPLOYMENT_PAGE_SIZE = 25;
export const TARGET_PAGE_SIZE = 50;

/** The order targets are shown in: what needs attention first. */
export const TARGET_STATUS_ORDER: readonly TargetStatus[] = ['Failed', 'InProgress', 'Ready', 'Pending', 'Succeeded', 'Skipped', 'Unknown'];

export class IdPager<T> {
  private readonly listings: IdLister[];
  private token: string | undefined;
  private pagesOfListing = 0;
  private readonly buffered: string[] = [];
  private readonly seen = new Set<string>();
  private readonly rows: T[] = [];
  private inFlight: Promise<T[]> | undefined;

  constructor(listings: readonly IdLister[], private readonly fetch: (ids: string[], signal?: AbortSignal) => Promise<T[]>,
    private readonly idOf: (row: T) => string, readonly pageSize: number) {
    this.listings = [...listings];
  }

  /** Every row loaded so far, in listing order. */
  get loaded(): readonly T[] {
    return this.rows;
  }

  /** Puts a reloaded row in the place of the loaded one with its id (if any). */
  replace(row: T): void {
    const i = this.rows.findIndex((r) => this.idOf(r) === this.idOf(row));
    if (i >= 0) this.rows[i] = row;
  }

  get hasMore(): boolean {
    return this.buffered.length > 0 || this.listings.length > 0;
  }

  /**
   * Loads the next page of rows; resolves to the new rows (none when the listings are exhausted). A
   * call while a page is loading gets that page. After a failure the same page is asked for again.
   */
  next(signal?: AbortSignal): Promise<T[]> {
    this.inFlight ??= this.load(signal).finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  private async load(signal?: AbortSignal): Promise<T[]> {
    while (this.buffered.length < this.pageSize && this.listings.length > 0) await this.listMore(signal);
    const ids = this.buffered.slice(0, this.pageSize);
    if (ids.length === 0) return [];
    const order = new Map(ids.map((id, i) => [id, i]));
    const fetched = (await this.fetch(ids, signal)).filter((row) => order.has(this.idOf(row)));
    fetched.sort((a, b) => order.get(this.idOf(a))! - order.get(this.idOf(b))!);
    this.buffered.splice(0, ids.length);
    this.rows.push(...fetched);
    return fetched;
  }

  private async listMore(signal?: AbortSignal): Promise<void> {
    const list = this.listings[0]!;
    const page = await list(this.token, signal);
    for (const id of page.ids) {
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      this.buffered.push(id);
    }
    this.pagesOfListing++;
    if (!page.nextToken || page.nextToken === this.token || this.pagesOfListing >= MAX_LIST_PAGES) {
      this.listings.shift();
      this.token = undefined;
      this.pagesOfListing = 0;
    } else {
      this.token = page.nextToken;
    }
  }
}

/** A group's deployments, newest first. */
export function deploymentPager(api: DeployApi, application: string, group: string, pageSize = DEPLOYMENT_PAGE_SIZE): IdPager<DeploymentSummary> {
  const list: IdLister = (nextToken, signal) => api.listDeployments(application, group, nextToken ? { nextToken } : {}, signal);
  return new IdPager([list], (ids, signal) => api.getDeployments(ids, signal), (d) => d.id, pageSize);
}

/** How many targets a deployment has, from its overview; undefined when the overview counts none. */
export function targetCount(d: Pick<DeploymentSummary, 'overview'>): number | undefined {
  const total = Object.values(d.overview).reduce((sum, n) => sum + (n ?? 0), 0);
  return total > 0 ? total : undefined;
}

/**
 * A deployment's targets with their lifecycle events, failed first, then in progress, waiting, pending,
 * succeeded and skipped (one filtered listing per status the overview counts). A deployment whose
 * overview counts nothing is listed unfiltered.
 */
export function targetPager(api: DeployApi, deployment: Pick<DeploymentSummary, 'id' | 'overview'>, pageSize = TARGET_PAGE_SIZE): IdPager<TargetInfo> {
  const statuses = TARGET_STATUS_ORDER.filter((s) => (deployment.overview[s] ?? 0) > 0);
  const listing = (filter: { statuses?: TargetStatus[] }): IdLister => (nextToken, signal) => api.listTargetPage(deployment.id, filter, nextToken, signal);
  const listings = statuses.length > 0 ? statuses.map((s) => listing({ statuses: [s] })) : [listing({})];
  return new IdPager(listings, (ids, signal) => api.getTargets(deployment.id, ids, signal), (t) => t.id, pageSize);
}
