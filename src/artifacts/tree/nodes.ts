// The Artifacts tree's nodes, independent of the editor: what each shows and what it refers to.

export interface RepoRef {
  domain: string;
  domainOwner: string;
  repository: string;
}

export interface PackageRef extends RepoRef {
  format: string;
  namespace?: string;
  package: string;
}

export interface VersionRef extends PackageRef {
  version: string;
}

export type NodeData =
  | { kind: 'domain'; domain: string; domainOwner: string }
  | { kind: 'repository'; ref: RepoRef; description?: string; administratorAccount?: string }
  | { kind: 'upstream'; ref: RepoRef; upstream: string }
  | { kind: 'external'; ref: RepoRef; connection: string; format?: string; status?: string }
  | { kind: 'format'; ref: RepoRef; format: string }
  | { kind: 'namespace'; ref: RepoRef; format: string; namespace: string }
  | { kind: 'package'; ref: PackageRef }
  | { kind: 'version'; ref: VersionRef; status?: string; publishedTime?: number }
  | { kind: 'loadMore'; listing: string; what: string }
  | { kind: 'error'; title: string; message: string; category: string; code?: string }
  | { kind: 'info'; message: string };

export interface ArtifactNode {
  /** Stable across refreshes (the editor keeps expansion state by it). */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** `conveyor.artifacts.<kind>` plus flags, for menus' `when` clauses. */
  contextValue: string;
  collapsible: boolean;
  /** A codicon id. */
  icon: string;
  data: NodeData;
}

export function repoId(ref: RepoRef): string {
  return `${ref.domainOwner}/${ref.domain}/${ref.repository}`;
}

export function packageId(ref: PackageRef): string {
  return `${repoId(ref)}/${ref.format}/${ref.namespace ?? ''}/${ref.package}`;
}

/** How a package's name reads in its ecosystem: @scope/name, group:artifact, scope.name. */
export function displayName(format: string, namespace: string | undefined, name: string): string {
  if (!namespace) return name;
  if (format === 'npm') return `@${namespace}/${name}`;
  if (format === 'maven') return `${namespace}:${name}`;
  if (format === 'swift') return `${namespace}.${name}`;
  return `${namespace}/${name}`;
}

export const FORMAT_LABELS: Record<string, string> = {
  npm: 'npm', pypi: 'PyPI', maven: 'Maven', nuget: 'NuGet', generic: 'Generic', ruby: 'RubyGems', swift: 'Swift', cargo: 'Cargo',
};

const STATUS_ICONS: Record<string, string> = {
  Published: 'pass', Unfinished: 'loading', Unlisted: 'eye-closed', Archived: 'archive', Disposed: 'trash', Deleted: 'trash',
};

export function statusIcon(status: string | undefined): string {
  return (status && STATUS_ICONS[status]) ?? 'tag';
}

/** "2025-03-04 14:05 UTC" (UTC so tests and tooltips agree everywhere). */
export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
