// The vocabulary of a login plan, and what every package manager's planner shares: the request, the
// paths tools read their config from, and how a plan is put together. Pure, like the planners.
import * as path from 'node:path';
import type { EditOp } from '../config/edit';
import type { ConfigFormat } from '../config/formats';
import { TOOLS, type Placement, type ToolId } from './tools';

export interface LoginRequest {
  tool: ToolId;
  placement: Placement;
  domain: string;
  domainOwner: string;
  repository: string;
  region: string;
  /** GetRepositoryEndpoint's answer for the tool's format; always ends with `/`. */
  endpoint: string;
  /** npm scope (with or without `@`) or Swift registry scope. */
  scope?: string;
  /** pip: replace the index (index-url) or add one (extra-index-url). */
  pipOption?: 'index-url' | 'extra-index-url';
  /** Maven: an extra repository in an active profile, or a mirror of everything. */
  mavenMode?: 'repository' | 'mirror';
  /** Poetry: `legacy` writes default/secondary (Poetry < 1.5), `priority` the priority key. */
  poetryStyle?: 'legacy' | 'priority';
  /** Poetry: the only index (primary) or a fallback (supplemental). */
  poetryPriority?: 'primary' | 'supplemental';
  /** The terminal environment variable that carries the token (project and terminal placements). */
  tokenVariable: string;
  /** The project folder (project placement; Poetry's pyproject.toml). */
  projectDir?: string;
}

export interface PlanContext {
  home: string;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a path exists (to follow the tools' own "this file if present, else that one" rules). */
  exists(file: string): boolean;
}

export interface FilePlan {
  path: string;
  format: ConfigFormat;
  /** The file holds the token itself: it is written with mode 0600. */
  tokenBearing: boolean;
  /** Content a file that does not exist yet starts from ('' for none). */
  skeleton: string;
  ops(token: string): EditOp[];
  /** What this file gets, in one line. */
  purpose: string;
}

export interface LoginPlan {
  request: LoginRequest;
  files: FilePlan[];
  /** Environment variables for integrated terminals (none for the user placement). */
  environment(token: string): Record<string, string>;
  /** What the person still has to do, if anything. */
  notes: string[];
}

export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

export const MAVEN_SETTINGS_SKELETON = '<?xml version="1.0" encoding="UTF-8"?>\n'
  + '<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
  + '  xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.0.0 https://maven.apache.org/xsd/settings-1.0.0.xsd">\n'
  + '</settings>\n';
export const NUGET_SKELETON = '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n</configuration>\n';

export function nerfDart(endpoint: URL): string {
  return `//${endpoint.host}${endpoint.pathname}`;
}

export function withCredentials(endpoint: URL, password: string, suffix: string): string {
  return `${endpoint.protocol}//aws:${password}@${endpoint.host}${endpoint.pathname}${suffix}`;
}

function configHome(ctx: PlanContext): string {
  return ctx.env.XDG_CONFIG_HOME && path.isAbsolute(ctx.env.XDG_CONFIG_HOME) ? ctx.env.XDG_CONFIG_HOME : path.join(ctx.home, '.config');
}

/** pip's user config file (pip docs, "Configuration / Location"). */
export function pipUserConfig(ctx: PlanContext): string {
  if (ctx.platform === 'win32') return path.join(ctx.env.APPDATA ?? path.join(ctx.home, 'AppData', 'Roaming'), 'pip', 'pip.ini');
  if (ctx.platform === 'darwin') {
    const legacy = path.join(ctx.home, 'Library', 'Application Support', 'pip');
    if (ctx.exists(legacy)) return path.join(legacy, 'pip.conf');
  }
  return path.join(configHome(ctx), 'pip', 'pip.conf');
}

/** Poetry's config folder (POETRY_CONFIG_DIR, else the platform's user config dir). */
export function poetryConfigDir(ctx: PlanContext): string {
  if (ctx.env.POETRY_CONFIG_DIR) return ctx.env.POETRY_CONFIG_DIR;
  if (ctx.platform === 'win32') return path.join(ctx.env.APPDATA ?? path.join(ctx.home, 'AppData', 'Roaming'), 'pypoetry');
  if (ctx.platform === 'darwin') return path.join(ctx.home, 'Library', 'Application Support', 'pypoetry');
  return path.join(configHome(ctx), 'pypoetry');
}

export function npmUserConfig(ctx: PlanContext): string {
  return ctx.env.NPM_CONFIG_USERCONFIG ?? ctx.env.npm_config_userconfig ?? path.join(ctx.home, '.npmrc');
}

export function nugetUserConfig(ctx: PlanContext): string {
  return ctx.platform === 'win32'
    ? path.join(ctx.env.APPDATA ?? path.join(ctx.home, 'AppData', 'Roaming'), 'NuGet', 'NuGet.Config')
    : path.join(ctx.home, '.nuget', 'NuGet', 'NuGet.Config');
}

export function projectFile(r: LoginRequest, ...names: string[]): string {
  if (!r.projectDir) throw new PlanError(`${TOOLS[r.tool].label}: open the project folder first (this placement writes a file in it)`);
  return path.join(r.projectDir, ...names);
}

/** `codeartifact-<domain>-<repository>`: Maven server/repository ids and NuGet source names. */
export function sourceId(r: Pick<LoginRequest, 'domain' | 'repository'>): string {
  return `codeartifact-${r.domain}-${r.repository}`;
}

export const POETRY_SOURCE = 'codeartifact';

/** What a planner gets: the checked request, its endpoint (always ending with `/`) and the plan maker. */
export interface PlanInput {
  request: LoginRequest;
  ctx: PlanContext;
  endpoint: URL;
  /** The endpoint as text. */
  url: string;
  /** The terminal variable that carries the token (checked to be a usable name). */
  tokenVariable: string;
  /** A plan: files to edit, terminal variables (the token variable added for non-user placements), notes. */
  plan: (files: FilePlan[], env: (token: string) => Record<string, string>, notes?: string[]) => LoginPlan;
}

/** One package manager's login: which files, which entries, which terminal variables. */
export interface ToolPlanner {
  plan(input: PlanInput): LoginPlan;
}
