// Which package managers a workspace folder uses, from the files in it, strongest evidence first.
import type { ToolId } from '../login/tools';

export interface Detection {
  tool: ToolId;
  /** The file(s) that gave it away, for the quick pick's description. */
  evidence: string;
}

export interface WorkspaceListing {
  /** Paths relative to the folder, `/`-separated: the root and, typically, one level below. */
  files: readonly string[];
  /** Contents of small files the rules look into (package.json, pyproject.toml); undefined if unread. */
  read(file: string): string | undefined;
}

const base = (f: string): string => f.slice(f.lastIndexOf('/') + 1);

function packageManagerField(listing: WorkspaceListing, file: string): string | undefined {
  try {
    const pkg: unknown = JSON.parse(listing.read(file) ?? '');
    const pm = typeof pkg === 'object' && pkg !== null ? (pkg as { packageManager?: unknown }).packageManager : undefined;
    return typeof pm === 'string' ? pm : undefined;
  } catch {
    return undefined;
  }
}

/** Ordered, de-duplicated: the first entry is the tool to preselect. */
export function detectTools(listing: WorkspaceListing): Detection[] {
  const found: Detection[] = [];
  const add = (tool: ToolId, evidence: string): void => {
    if (!found.some((d) => d.tool === tool)) found.push({ tool, evidence });
  };
  // Shallow files first: a root manifest says more about the workspace than one in a subfolder.
  const files = [...listing.files].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  const has = (name: string): string | undefined => files.find((f) => base(f) === name);
  const hasMatch = (re: RegExp): string | undefined => files.find((f) => re.test(base(f)));

  const pkgJson = has('package.json');
  const pm = pkgJson ? packageManagerField(listing, pkgJson) : undefined;
  const pnpmLock = has('pnpm-lock.yaml');
  const yarnLock = has('yarn.lock');
  const yarnrc = has('.yarnrc.yml');
  const yarnBerry = Boolean(yarnrc) || /^yarn@([2-9]|\d{2,})\./.test(pm ?? '');
  if (pm?.startsWith('pnpm@') || pnpmLock) add('pnpm', pnpmLock ?? `packageManager ${pm}`);
  if (yarnBerry && (yarnLock || pm?.startsWith('yarn@') || yarnrc)) add('yarn', yarnLock ?? yarnrc ?? `packageManager ${pm}`);
  if (yarnLock && !yarnBerry) add('npm', `${yarnLock} (Yarn 1 reads .npmrc)`);
  const npmLock = has('package-lock.json') ?? has('npm-shrinkwrap.json');
  if (npmLock) add('npm', npmLock);
  if (pkgJson) add('npm', pkgJson);

  const pyproject = has('pyproject.toml');
  const pyText = pyproject ? listing.read(pyproject) ?? '' : '';
  const poetryLock = has('poetry.lock');
  if (poetryLock || /^\[tool\.poetry[\].]/m.test(pyText)) add('poetry', poetryLock ?? pyproject ?? 'pyproject.toml');
  const requirements = hasMatch(/^requirements.*\.txt$/);
  if (requirements) add('pip', requirements);
  if (pyproject) add('pip', pyproject);
  const setup = has('setup.py') ?? has('setup.cfg');
  if (setup) add('pip', setup);
  if (setup || (pyproject && /^\[build-system\]/m.test(pyText))) add('twine', setup ?? pyproject ?? 'pyproject.toml');

  const pom = has('pom.xml');
  if (pom) add('maven', pom);
  const gradle = hasMatch(/^(build|settings)\.gradle(\.kts)?$/);
  if (gradle) add('gradle', gradle);

  const project = hasMatch(/\.(csproj|fsproj|vbproj|sln)$/);
  if (project) add('dotnet', project);
  const nugetConfig = hasMatch(/^nuget\.config$/i) ?? has('packages.config');
  if (nugetConfig) add(project ? 'dotnet' : 'nuget', nugetConfig);

  const swift = has('Package.swift');
  if (swift) add('swift', swift);
  return found;
}

export interface ScopeInUse {
  /** `@name`, as npm writes it. */
  scope: string;
  /** Where it was found, for the step's prompt. */
  evidence: string;
}

const SCOPE = /^@[a-z0-9][a-z0-9._~-]*$/;

/**
 * The npm scope the project already uses, to suggest for a scoped login: one `.npmrc` maps to a
 * registry (`@acme:registry=…`, the setting a scoped login writes), else the scope of package.json's
 * own `name` (`@acme/orders-ui`). Shallow files first.
 */
export function detectScope(listing: WorkspaceListing): ScopeInUse | undefined {
  const files = [...listing.files].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  for (const file of files.filter((f) => base(f) === '.npmrc')) {
    const mapped = /^\s*(@[^:\s]+):registry\s*=/m.exec(listing.read(file) ?? '')?.[1]?.toLowerCase();
    if (mapped && SCOPE.test(mapped)) return { scope: mapped, evidence: file };
  }
  for (const file of files.filter((f) => base(f) === 'package.json')) {
    let name: unknown;
    try {
      const pkg: unknown = JSON.parse(listing.read(file) ?? '');
      name = typeof pkg === 'object' && pkg !== null ? (pkg as { name?: unknown }).name : undefined;
    } catch {
      continue;
    }
    const scope = typeof name === 'string' ? /^(@[^/]+)\//.exec(name)?.[1] : undefined;
    if (scope && SCOPE.test(scope)) return { scope, evidence: `${file} name` };
  }
  return undefined;
}
