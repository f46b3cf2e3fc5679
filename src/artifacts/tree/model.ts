// The Artifacts tree's data: domain → repository (upstreams, external connections) → packages
// grouped by format and namespace → versions. Lists are fetched a page at a time; a "Load more" node
// fetches the next page. Errors become error nodes carrying an actionable message.
import {
  DescribePackageVersionCommand, DescribeRepositoryCommand, ListDomainsCommand, ListPackagesCommand,
  ListPackageVersionsCommand, ListRepositoriesInDomainCommand, type CodeartifactClient, type PackageFormat as SdkPackageFormat, type PackageSummary,
} from '@aws-sdk/client-codeartifact';
import {
  displayName, formatTime, FORMAT_LABELS, packageId, repoId, statusIcon,
  type ArtifactNode, type NodeData, type PackageRef, type RepoRef,
} from './nodes';
import type { ErrorDetails } from '../../aws/error-rows';
import { formatAgo } from '../../core/format';
import { originRestrictionsPhrase, repositoryFacts } from './words';

export interface ModelOptions {
  /** The client for the current profile/region; throws when none is configured. */
  client(): CodeartifactClient;
  /** Turns an SDK error into a message a person can act on, with its category (explainAwsError's). */
  explain(error: unknown, operation: string): { message: string; code?: string; category?: string };
  pageSize?: { domains?: number; repositories?: number; packages?: number; versions?: number };
  /** Look-ups in flight at once for what rows say: repositories' upstreams, packages' latest versions, versions' publish times. */
  describeConcurrency?: number;
  /**
   * Domains owned by other accounts and shared with this one: ListDomains returns only the caller's
   * own domains, so these come from settings.
   */
  extraDomains?: () => readonly { name: string; owner: string }[];
  /** The clock a version's "published 3 days ago" is measured by (default: the system's). */
  now?: () => number;
  /**
   * Rows are returned before what their descriptions say is read (a repository's upstreams, a
   * package's latest version: one call or two per row); once it is, the tree is asked to show
   * `parent`'s children again.
   */
  changed(parent: ArtifactNode): void;
}

/** A failed load as its error row shows it: a short title, the explained message. */
export interface LoadFailure {
  title: string;
  message: string;
  code?: string;
  category?: string;
}

/** The short title of a failed load, by the operation that failed. */
const FAILURE_TITLES: Record<string, string> = {
  ListDomains: 'Couldn’t list domains',
  ListRepositoriesInDomain: 'Couldn’t list repositories',
  DescribeRepository: 'Couldn’t read the repository',
  ListPackages: 'Couldn’t list packages',
  ListPackageVersions: 'Couldn’t list versions',
};

interface Listing<T> {
  items: T[];
  nextToken?: string;
  error?: LoadFailure;
  loaded: boolean;
}

interface RepoDetails {
  upstreams: string[];
  external: { name: string; format?: string; status?: string }[];
}

/** Runs tasks with at most `limit` in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  });
  await Promise.all(workers);
  return out;
}

type DomainItem = { name: string; owner: string; status?: string; shared?: boolean };
type RepoItem = { name: string; description?: string; administratorAccount?: string };
/** `timeRead`: its publish time was looked up (ListPackageVersions has none), whether or not one came back. */
type VersionItem = { version: string; status?: string; publishedTime?: number; revision?: string; origin?: string; timeRead: boolean };
/** A package row's newest published version; null when it has none or the look-up failed (the row then shows none). */
type LatestVersion = { version: string; publishedTime?: number } | null;

/** "2.1.0 · 3 days ago": a package row's latest published version, in the views' one time format. */
function latestVersionPhrase(latest: LatestVersion | undefined, now: number): string | undefined {
  if (!latest) return undefined;
  return [latest.version, latest.publishedTime !== undefined ? formatAgo(latest.publishedTime, now) : undefined].filter(Boolean).join(' · ');
}

export class ArtifactsModel {
  private domains: Listing<DomainItem> = { items: [], loaded: false };
  private readonly repos = new Map<string, Listing<RepoItem>>();
  private readonly details = new Map<string, RepoDetails | { error: LoadFailure }>();
  private readonly packages = new Map<string, Listing<PackageSummary>>();
  private readonly versions = new Map<string, Listing<VersionItem>>();
  /** Package rows' latest versions, by packageId; kept with the packages listing they belong to. */
  private readonly latest = new Map<string, LatestVersion>();
  private filterText = '';
  /**
   * Look-ups in flight (`details:`, `latest:`, `time:` and the row's id), so that a row expanded while its
   * description is read does not read it twice.
   */
  private readonly lookups = new Map<string, Promise<void>>();
  /** Bumped by clear(): what a look-up started before it brings back is dropped. */
  private generation = 0;

  constructor(private readonly options: ModelOptions) {}

  get filter(): string {
    return this.filterText;
  }

  /** Package-name prefix (server-side, ListPackages packagePrefix); clears loaded packages. */
  setFilter(text: string): void {
    this.filterText = text.trim();
    this.packages.clear();
    this.latest.clear();
  }

  /** Forgets everything (profile, region or endpoint changed; refresh). */
  clear(): void {
    this.generation += 1;
    this.lookups.clear();
    this.domains = { items: [], loaded: false };
    this.repos.clear();
    this.details.clear();
    this.packages.clear();
    this.versions.clear();
    this.latest.clear();
  }

  /** Forgets what is cached below a node, so expanding it fetches again. */
  invalidate(data: NodeData): void {
    if (data.kind === 'repository') {
      this.details.delete(repoId(data.ref));
      this.packages.delete(repoId(data.ref));
      const prefix = `${repoId(data.ref)}/`;
      for (const key of [...this.latest.keys()]) if (key.startsWith(prefix)) this.latest.delete(key);
    } else if (data.kind === 'package') {
      this.versions.delete(packageId(data.ref));
      this.latest.delete(packageId(data.ref));
    }
    else if (data.kind === 'domain') this.repos.delete(`${data.domainOwner}/${data.domain}`);
  }

  private size(kind: 'domains' | 'repositories' | 'packages' | 'versions'): number {
    return this.options.pageSize?.[kind] ?? { domains: 50, repositories: 50, packages: 50, versions: 25 }[kind];
  }

  private fail(error: unknown, operation: string): LoadFailure {
    return { title: FAILURE_TITLES[operation] ?? `Couldn’t call ${operation}`, ...this.options.explain(error, operation) };
  }

  async roots(): Promise<ArtifactNode[]> {
    if (!this.domains.loaded) await this.loadDomains();
    const extra = (this.options.extraDomains?.() ?? [])
      .filter((e) => !this.domains.items.some((d) => d.name === e.name && d.owner === e.owner))
      .map((e): DomainItem => ({ name: e.name, owner: e.owner, shared: true }));
    const items = [...this.domains.items, ...extra];
    if (this.domains.error) return [errorNode('domains', this.domains.error), ...extra.map(domainNode)];
    if (items.length === 0) return [infoNode('domains', 'No CodeArtifact domains in this account and region. Add one shared from another account with "Add Domain".')];
    return [
      ...items.map(domainNode),
      ...(this.domains.nextToken ? [loadMoreNode('domains', 'domains', 'more domains')] : []),
    ];
  }

  async children(node: ArtifactNode): Promise<ArtifactNode[]> {
    const d = node.data;
    switch (d.kind) {
      case 'domain': return this.repositoryNodes(node, d.domain, d.domainOwner);
      case 'repository': return this.repositoryChildren(d.ref);
      case 'format': return this.formatChildren(node, d.ref, d.format);
      case 'namespace': return this.packageNodes(node, d.ref, (p) => p.format === d.format && p.namespace === d.namespace);
      case 'package': return this.versionNodes(node, d.ref);
      default: return [];
    }
  }

  /** Fetches the next page of the listing a "Load more" node stands for. */
  async loadMore(listing: string): Promise<void> {
    const [kind, ...rest] = listing.split('\u0000');
    const key = rest.join('\u0000');
    if (kind === 'domains') await this.loadDomains(this.domains.nextToken);
    else if (kind === 'repos') {
      const [owner = '', domain = ''] = key.split('/');
      await this.loadRepos(domain, owner, this.repos.get(key)?.nextToken);
    } else if (kind === 'packages') {
      const ref = parseRepoKey(key);
      if (ref) await this.loadPackages(ref, this.packages.get(key)?.nextToken);
    } else if (kind === 'versions') {
      const listingState = this.versions.get(key);
      const ref = this.packageRefs.get(key);
      if (listingState && ref) await this.loadVersions(ref, listingState.nextToken);
    }
  }

  private readonly packageRefs = new Map<string, PackageRef>();

  private async loadDomains(nextToken?: string): Promise<void> {
    try {
      const out = await this.options.client().send(new ListDomainsCommand({ maxResults: this.size('domains'), ...(nextToken ? { nextToken } : {}) }));
      const items = (out.domains ?? []).flatMap((d): DomainItem[] => (d.name && d.owner ? [{ name: d.name, owner: d.owner, ...(d.status ? { status: d.status } : {}) }] : []));
      this.domains = { items: nextToken ? [...this.domains.items, ...items] : items, ...(out.nextToken ? { nextToken: out.nextToken } : {}), loaded: true };
    } catch (err) {
      this.domains = { ...this.domains, error: this.fail(err, 'ListDomains'), loaded: true };
    }
  }

  private async loadRepos(domain: string, owner: string, nextToken?: string): Promise<void> {
    const key = `${owner}/${domain}`;
    const prev = this.repos.get(key);
    try {
      const out = await this.options.client().send(new ListRepositoriesInDomainCommand({
        domain, domainOwner: owner, maxResults: this.size('repositories'), ...(nextToken ? { nextToken } : {}),
      }));
      const items = (out.repositories ?? []).flatMap((r): RepoItem[] => (r.name ? [{
        name: r.name, ...(r.description ? { description: r.description } : {}), ...(r.administratorAccount ? { administratorAccount: r.administratorAccount } : {}),
      }] : []));
      this.repos.set(key, { items: nextToken && prev ? [...prev.items, ...items] : items, ...(out.nextToken ? { nextToken: out.nextToken } : {}), loaded: true });
    } catch (err) {
      this.repos.set(key, { items: prev?.items ?? [], error: this.fail(err, 'ListRepositoriesInDomain'), loaded: true });
    }
  }

  /**
   * Looks up what `parent`'s rows say about `items`, a few at a time, after the rows are returned; when
   * done (and nothing was cleared meanwhile) `parent`'s rows are asked for again.
   */
  private fillIn<T>(parent: ArtifactNode, items: readonly T[], lookUp: (item: T) => Promise<void>): void {
    if (items.length === 0) return;
    const generation = this.generation;
    void mapLimit(items, this.options.describeConcurrency ?? 4, lookUp).then(() => { if (generation === this.generation) this.options.changed(parent); });
  }

  /** `load()` unless a look-up of `key` is already in flight (then that one); forgotten once it settles. */
  private once(key: string, load: () => Promise<void>): Promise<void> {
    const running = this.lookups.get(key);
    if (running) return running;
    const started = load().finally(() => { if (this.lookups.get(key) === started) this.lookups.delete(key); });
    this.lookups.set(key, started);
    return started;
  }

  private async repositoryNodes(parent: ArtifactNode, domain: string, owner: string): Promise<ArtifactNode[]> {
    const key = `${owner}/${domain}`;
    if (!this.repos.get(key)?.loaded) await this.loadRepos(domain, owner);
    const listing = this.repos.get(key) as Listing<RepoItem>;
    // Each row says where its packages come from (DescribeRepository, a few at a time, after the rows
    // show); expanding a repository then reuses what was read. A failure leaves the row bare and shows
    // when it expands.
    const refs = listing.items.map((r) => ({ domain, domainOwner: owner, repository: r.name }));
    const unread = refs.filter((ref) => !this.details.has(repoId(ref)));
    this.fillIn(parent, unread, (ref) => this.loadDetailsOnce(ref));
    const nodes = listing.items.map((r): ArtifactNode => {
      const ref = { domain, domainOwner: owner, repository: r.name };
      const details = this.details.get(repoId(ref));
      const facts = details && !('error' in details) ? repositoryFacts(details) : '';
      return {
        id: `repo:${repoId(ref)}`, label: r.name, ...(facts ? { description: facts } : {}),
        tooltip: [`Repository ${r.name} in ${domain} (${owner})`, r.description, r.administratorAccount && r.administratorAccount !== owner ? `Administrator ${r.administratorAccount}` : undefined].filter(Boolean).join('\n'),
        contextValue: 'conveyor.artifacts.repository', collapsible: true, icon: 'repo',
        data: { kind: 'repository', ref, ...(r.description ? { description: r.description } : {}), ...(r.administratorAccount ? { administratorAccount: r.administratorAccount } : {}) },
      };
    });
    if (listing.error) nodes.push(errorNode(`repos:${key}`, listing.error));
    else if (listing.items.length === 0) nodes.push(infoNode(`repos:${key}`, 'No repositories.'));
    if (listing.nextToken && !listing.error) nodes.push(loadMoreNode(`repos\u0000${key}`, `repos:${key}`, 'more repositories'));
    return nodes;
  }

  private loadDetailsOnce(ref: RepoRef): Promise<void> {
    return this.once(`details:${repoId(ref)}`, () => this.loadDetails(ref));
  }

  private async loadDetails(ref: RepoRef): Promise<void> {
    const generation = this.generation;
    try {
      const out = await this.options.client().send(new DescribeRepositoryCommand({ domain: ref.domain, domainOwner: ref.domainOwner, repository: ref.repository }));
      if (generation !== this.generation) return;
      this.details.set(repoId(ref), {
        upstreams: (out.repository?.upstreams ?? []).flatMap((u) => (u.repositoryName ? [u.repositoryName] : [])),
        external: (out.repository?.externalConnections ?? []).flatMap((c) => (c.externalConnectionName ? [{
          name: c.externalConnectionName, ...(c.packageFormat ? { format: c.packageFormat } : {}), ...(c.status ? { status: c.status } : {}),
        }] : [])),
      });
    } catch (err) {
      if (generation === this.generation) this.details.set(repoId(ref), { error: this.fail(err, 'DescribeRepository') });
    }
  }

  private async loadPackages(ref: RepoRef, nextToken?: string): Promise<void> {
    const key = repoId(ref);
    const prev = this.packages.get(key);
    try {
      const out = await this.options.client().send(new ListPackagesCommand({
        domain: ref.domain, domainOwner: ref.domainOwner, repository: ref.repository, maxResults: this.size('packages'),
        ...(this.filterText ? { packagePrefix: this.filterText } : {}), ...(nextToken ? { nextToken } : {}),
      }));
      const items = out.packages ?? [];
      this.packages.set(key, { items: nextToken && prev ? [...prev.items, ...items] : items, ...(out.nextToken ? { nextToken: out.nextToken } : {}), loaded: true });
    } catch (err) {
      this.packages.set(key, { items: prev?.items ?? [], error: this.fail(err, 'ListPackages'), loaded: true });
    }
  }

  private async repositoryChildren(ref: RepoRef): Promise<ArtifactNode[]> {
    const key = repoId(ref);
    await Promise.all([
      this.details.has(key) ? undefined : this.loadDetailsOnce(ref),
      this.packages.get(key)?.loaded ? undefined : this.loadPackages(ref),
    ]);
    const nodes: ArtifactNode[] = [];
    const details = this.details.get(key);
    if (details && 'error' in details) nodes.push(errorNode(`details:${key}`, details.error));
    else if (details) {
      for (const u of details.upstreams) {
        nodes.push({ id: `upstream:${key}/${u}`, label: u, description: 'upstream', tooltip: `Upstream repository ${u}: requests not found in ${ref.repository} are forwarded to it`,
          contextValue: 'conveyor.artifacts.upstream', collapsible: false, icon: 'arrow-up', data: { kind: 'upstream', ref, upstream: u } });
      }
      for (const c of details.external) {
        nodes.push({ id: `external:${key}/${c.name}`, label: c.name, description: ['external connection', c.format, c.status].filter(Boolean).join(' · '),
          tooltip: `External connection ${c.name}${c.format ? ` (${c.format})` : ''}${c.status ? `, ${c.status}` : ''}`,
          contextValue: 'conveyor.artifacts.external', collapsible: false, icon: 'globe', data: { kind: 'external', ref, connection: c.name, ...(c.format ? { format: c.format } : {}), ...(c.status ? { status: c.status } : {}) } });
      }
    }
    const listing = this.packages.get(key) as Listing<PackageSummary>;
    const formats = [...new Set(listing.items.map((p) => p.format ?? 'unknown'))].sort();
    for (const format of formats) {
      const count = listing.items.filter((p) => (p.format ?? 'unknown') === format).length;
      nodes.push({ id: `format:${key}/${format}`, label: FORMAT_LABELS[format] ?? format, description: `${count} package${count === 1 ? '' : 's'}${listing.nextToken ? '+' : ''}`,
        contextValue: 'conveyor.artifacts.format', collapsible: true, icon: 'package', data: { kind: 'format', ref, format } });
    }
    if (listing.error) nodes.push(errorNode(`packages:${key}`, listing.error));
    else if (listing.items.length === 0) nodes.push(infoNode(`packages:${key}`, this.filterText ? `No packages starting with "${this.filterText}".` : 'No packages.'));
    if (listing.nextToken && !listing.error) nodes.push(loadMoreNode(`packages\u0000${key}`, `packages:${key}`, 'more packages'));
    return nodes;
  }

  private formatChildren(parent: ArtifactNode, ref: RepoRef, format: string): ArtifactNode[] {
    const listing = this.packages.get(repoId(ref));
    const inFormat = (listing?.items ?? []).filter((p) => (p.format ?? 'unknown') === format);
    const namespaces = [...new Set(inFormat.flatMap((p) => (p.namespace ? [p.namespace] : [])))].sort();
    const nsNodes = namespaces.map((ns): ArtifactNode => {
      const count = inFormat.filter((p) => p.namespace === ns).length;
      return { id: `ns:${repoId(ref)}/${format}/${ns}`, label: format === 'npm' ? `@${ns}` : ns, description: `${count} package${count === 1 ? '' : 's'}`,
        contextValue: 'conveyor.artifacts.namespace', collapsible: true, icon: 'symbol-namespace', data: { kind: 'namespace', ref, format, namespace: ns } };
    });
    return [...nsNodes, ...this.packageNodes(parent, ref, (p) => p.format === format && !p.namespace)];
  }

  /** The rows of the packages now shown, each with its latest version (looked up once, a few at a time, after the rows show). */
  private packageNodes(parent: ArtifactNode, ref: RepoRef, match: (p: PackageSummary) => boolean): ArtifactNode[] {
    const listing = this.packages.get(repoId(ref));
    const shown = (listing?.items ?? []).filter(match).flatMap((p): { summary: PackageSummary; ref: PackageRef }[] => (p.package && p.format
      ? [{ summary: p, ref: { ...ref, format: p.format, ...(p.namespace ? { namespace: p.namespace } : {}), package: p.package } }] : []));
    const missing = shown.filter((p) => !this.latest.has(packageId(p.ref)));
    this.fillIn(parent, missing, (p) => this.loadLatestOnce(p.ref));
    const now = (this.options.now ?? Date.now)();
    return shown.map(({ summary: p, ref: pref }): ArtifactNode => {
      const origin = p.originConfiguration?.restrictions;
      const full = displayName(pref.format, pref.namespace, pref.package);
      const latest = this.latest.get(packageId(pref));
      const description = [latestVersionPhrase(latest, now), full !== pref.package ? full : undefined].filter(Boolean).join(' · ');
      return {
        id: `pkg:${packageId(pref)}`, label: pref.package, ...(description ? { description } : {}),
        tooltip: [`${full} (${FORMAT_LABELS[pref.format] ?? pref.format})`, origin ? originRestrictionsPhrase(origin.publish, origin.upstream) : undefined,
          latest ? `Latest version ${latest.version}${latest.publishedTime !== undefined ? `, published ${formatTime(latest.publishedTime)}` : ''}` : undefined,
        ].filter(Boolean).join('\n'),
        contextValue: 'conveyor.artifacts.package', collapsible: true, icon: 'package', data: { kind: 'package', ref: pref },
      };
    });
  }

  private loadLatestOnce(ref: PackageRef): Promise<void> {
    const generation = this.generation;
    return this.once(`latest:${packageId(ref)}`, async () => {
      const latest = await this.loadLatest(ref);
      if (generation === this.generation) this.latest.set(packageId(ref), latest);
    });
  }

  /**
   * The newest published version (ListPackages has none): ListPackageVersions sorted by publish time,
   * one result, then its publish time (the summary has none). A failure is explained (and so logged at
   * warning) and leaves the row without a version; the tree itself does not fail for it.
   */
  private async loadLatest(ref: PackageRef): Promise<LatestVersion> {
    const target = { domain: ref.domain, domainOwner: ref.domainOwner, repository: ref.repository, format: ref.format as SdkPackageFormat,
      ...(ref.namespace ? { namespace: ref.namespace } : {}), package: ref.package };
    let version: string | undefined;
    try {
      const out = await this.options.client().send(new ListPackageVersionsCommand({ ...target, sortBy: 'PUBLISHED_TIME', status: 'Published', maxResults: 1 }));
      version = out.versions?.[0]?.version;
    } catch (err) {
      this.options.explain(err, 'ListPackageVersions');
      return null;
    }
    if (!version) return null;
    try {
      const d = await this.options.client().send(new DescribePackageVersionCommand({ ...target, packageVersion: version }));
      const t = d.packageVersion?.publishedTime;
      return { version, ...(t ? { publishedTime: t.getTime() } : {}) };
    } catch (err) {
      // The version is still worth showing; only its age is unknown.
      this.options.explain(err, 'DescribePackageVersion');
      return { version };
    }
  }

  private async loadVersions(ref: PackageRef, nextToken?: string): Promise<void> {
    const key = packageId(ref);
    this.packageRefs.set(key, ref);
    const prev = this.versions.get(key);
    try {
      const client = this.options.client();
      const out = await client.send(new ListPackageVersionsCommand({
        domain: ref.domain, domainOwner: ref.domainOwner, repository: ref.repository, format: ref.format as SdkPackageFormat,
        ...(ref.namespace ? { namespace: ref.namespace } : {}), package: ref.package,
        sortBy: 'PUBLISHED_TIME', maxResults: this.size('versions'), ...(nextToken ? { nextToken } : {}),
      }));
      const items = (out.versions ?? []).flatMap((v): VersionItem[] => (v.version ? [{
        version: v.version, ...(v.status ? { status: v.status } : {}), ...(v.revision ? { revision: v.revision } : {}),
        ...(v.origin?.originType ? { origin: v.origin.originType } : {}), timeRead: false,
      }] : []));
      this.versions.set(key, { items: nextToken && prev ? [...prev.items, ...items] : items, ...(out.nextToken ? { nextToken: out.nextToken } : {}), loaded: true });
    } catch (err) {
      this.versions.set(key, { items: prev?.items ?? [], error: this.fail(err, 'ListPackageVersions'), loaded: true });
    }
  }

  /** A version's publish time (DescribePackageVersion); a failure leaves the row without one. */
  private readTimeOnce(ref: PackageRef, item: VersionItem): Promise<void> {
    const generation = this.generation;
    return this.once(`time:${packageId(ref)}/${item.version}`, async () => {
      let publishedTime: number | undefined;
      try {
        const d = await this.options.client().send(new DescribePackageVersionCommand({
          domain: ref.domain, domainOwner: ref.domainOwner, repository: ref.repository, format: ref.format as SdkPackageFormat,
          ...(ref.namespace ? { namespace: ref.namespace } : {}), package: ref.package, packageVersion: item.version,
        }));
        publishedTime = d.packageVersion?.publishedTime?.getTime();
      } catch {
        // The list still shows the version; its publish time is just unknown.
      }
      if (generation !== this.generation) return;
      item.timeRead = true;
      if (publishedTime !== undefined) item.publishedTime = publishedTime;
    });
  }

  private async versionNodes(parent: ArtifactNode, ref: PackageRef): Promise<ArtifactNode[]> {
    const key = packageId(ref);
    if (!this.versions.get(key)?.loaded) await this.loadVersions(ref);
    const listing = this.versions.get(key) as Listing<VersionItem>;
    const unread = listing.items.filter((v) => !v.timeRead);
    this.fillIn(parent, unread, (v) => this.readTimeOnce(ref, v));
    const nodes = listing.items.map((v): ArtifactNode => ({
      id: `ver:${key}/${v.version}`, label: v.version,
      // The one time format of the views: relative in the row, the timestamp in the tooltip.
      description: [v.status, v.publishedTime ? formatAgo(v.publishedTime, (this.options.now ?? Date.now)()) : undefined].filter(Boolean).join(' · '),
      tooltip: [`${displayName(ref.format, ref.namespace, ref.package)} ${v.version}`, v.status && `Status: ${v.status}`,
        v.publishedTime && `Published ${formatTime(v.publishedTime)}`, v.origin && `Origin: ${v.origin}`, v.revision && `Revision ${v.revision}`].filter(Boolean).join('\n'),
      contextValue: `conveyor.artifacts.version.${ref.format}`, collapsible: false, icon: statusIcon(v.status),
      data: { kind: 'version', ref: { ...ref, version: v.version }, ...(v.status ? { status: v.status } : {}), ...(v.publishedTime ? { publishedTime: v.publishedTime } : {}) },
    }));
    if (listing.error) nodes.push(errorNode(`versions:${key}`, listing.error));
    else if (listing.items.length === 0) nodes.push(infoNode(`versions:${key}`, 'No versions.'));
    if (listing.nextToken && !listing.error) nodes.push(loadMoreNode(`versions\u0000${key}`, `versions:${key}`, 'more versions'));
    return nodes;
  }
}

function parseRepoKey(key: string): RepoRef | undefined {
  const [domainOwner, domain, repository] = key.split('/');
  return domainOwner && domain && repository ? { domainOwner, domain, repository } : undefined;
}

function domainNode(d: DomainItem): ArtifactNode {
  return {
    id: `domain:${d.owner}/${d.name}`, label: d.name, description: d.shared ? `${d.owner} · shared` : d.owner,
    tooltip: `Domain ${d.name}\nOwner account ${d.owner}${d.status ? `\nStatus ${d.status}` : ''}${d.shared ? '\nShared with this account (from conveyor.codeartifact.domains)' : ''}`,
    contextValue: d.shared ? 'conveyor.artifacts.domain.shared' : 'conveyor.artifacts.domain', collapsible: true, icon: 'organization',
    data: { kind: 'domain', domain: d.name, domainOwner: d.owner },
  };
}

/**
 * What the error row's click shows (conveyor.aws.showErrorDetails): the whole message and the next
 * steps for its category; Retry refreshes `retryNode` (the row's parent; the whole view for a root).
 */
export function errorDetailsOf(node: ArtifactNode, profile: string | undefined, retryNode: ArtifactNode | undefined): ErrorDetails | undefined {
  if (node.data.kind !== 'error') return undefined;
  return {
    title: node.data.title, message: node.data.message, category: node.data.category, ...(profile !== undefined ? { profile } : {}),
    retry: { command: 'conveyor.artifacts.refresh', args: retryNode ? [retryNode] : [] },
  };
}

/** The one error state of the AWS views: a short title, the whole message beside it and in the tooltip; a click offers what to do next. */
function errorNode(scope: string, error: LoadFailure): ArtifactNode {
  return {
    id: `error:${scope}`, label: error.title, description: error.message, tooltip: `${error.title}\n\n${error.message}\n\nClick for the details and what to do next.`,
    contextValue: 'conveyor.artifacts.error', collapsible: false, icon: 'error',
    data: { kind: 'error', title: error.title, message: error.message, category: error.category ?? 'unknown', ...(error.code ? { code: error.code } : {}) },
  };
}

function infoNode(scope: string, message: string): ArtifactNode {
  return { id: `info:${scope}`, label: message, contextValue: 'conveyor.artifacts.info', collapsible: false, icon: 'info', data: { kind: 'info', message } };
}

function loadMoreNode(listing: string, scope: string, what: string): ArtifactNode {
  return { id: `more:${scope}`, label: 'Load more…', description: what, contextValue: 'conveyor.artifacts.loadMore', collapsible: false, icon: 'more',
    data: { kind: 'loadMore', listing, what } };
}
