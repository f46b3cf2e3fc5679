// What logging a tool in means, file by file: which config file, which entries (as editor ops), which
// environment variables for terminals. Pure: paths come from the home folder, platform and environment
// passed in, and the token only ever flows into ops/env at the moment they are applied.
import * as path from 'node:path';
import type { EditOp } from '../config/edit';
import type { ConfigFormat } from '../config/formats';
import { urlIdentity } from '../config/ini';
import { normaliseNpmScope, normaliseSwiftScope, TOOLS, type Placement, type ToolId } from './tools';

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

/** The key that makes two logins "the same login" (a re-login replaces the token only). */
export function loginId(r: Pick<LoginRequest, 'tool' | 'placement' | 'domain' | 'domainOwner' | 'repository' | 'scope' | 'projectDir'>): string {
  return [r.tool, r.placement, r.domain, r.domainOwner, r.repository, r.scope ?? '', r.placement === 'user' ? '' : r.projectDir ?? ''].join('|');
}

/** The token variable for a new login: CODEARTIFACT_AUTH_TOKEN unless another domain already uses it. */
export function chooseTokenVariable(domain: string, domainOwner: string, active: readonly { domain: string; domainOwner: string; tokenVariable: string }[]): string {
  const base = 'CODEARTIFACT_AUTH_TOKEN';
  const clash = (name: string): boolean => active.some((a) => a.tokenVariable === name && (a.domain !== domain || a.domainOwner !== domainOwner));
  if (!clash(base)) return base;
  const specific = `${base}_${domain.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${domainOwner}`;
  return specific;
}

const MAVEN_SETTINGS_SKELETON = '<?xml version="1.0" encoding="UTF-8"?>\n'
  + '<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
  + '  xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.0.0 https://maven.apache.org/xsd/settings-1.0.0.xsd">\n'
  + '</settings>\n';
const NUGET_SKELETON = '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n</configuration>\n';

function nerfDart(endpoint: URL): string {
  return `//${endpoint.host}${endpoint.pathname}`;
}

function withCredentials(endpoint: URL, password: string, suffix: string): string {
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

function nugetUserConfig(ctx: PlanContext): string {
  return ctx.platform === 'win32'
    ? path.join(ctx.env.APPDATA ?? path.join(ctx.home, 'AppData', 'Roaming'), 'NuGet', 'NuGet.Config')
    : path.join(ctx.home, '.nuget', 'NuGet', 'NuGet.Config');
}

function projectFile(r: LoginRequest, ...names: string[]): string {
  if (!r.projectDir) throw new PlanError(`${TOOLS[r.tool].label}: open the project folder first (this placement writes a file in it)`);
  return path.join(r.projectDir, ...names);
}

/** `codeartifact-<domain>-<repository>`: Maven server/repository ids and NuGet source names. */
export function sourceId(r: Pick<LoginRequest, 'domain' | 'repository'>): string {
  return `codeartifact-${r.domain}-${r.repository}`;
}

export const POETRY_SOURCE = 'codeartifact';

export function planLogin(request: LoginRequest, ctx: PlanContext): LoginPlan {
  const info = TOOLS[request.tool];
  const placement = info.placements[request.placement];
  if (!placement.available) throw new PlanError(`${info.label} cannot be logged in with "${request.placement}": ${placement.reason}`);
  let endpoint: URL;
  try {
    endpoint = new URL(request.endpoint);
  } catch {
    throw new PlanError(`"${request.endpoint}" is not a repository endpoint URL`);
  }
  if (!endpoint.pathname.endsWith('/')) endpoint = new URL(`${request.endpoint}/`);
  if (request.scope !== undefined && !info.scopes) throw new PlanError(`Argument scope is not supported for ${info.label}`);
  const r = request;
  const V = r.tokenVariable;
  if (!/^[A-Z_][A-Z0-9_]*$/.test(V)) throw new PlanError(`${V} is not a usable environment variable name`);
  const E = endpoint.toString();
  const tokenEnv = (token: string): Record<string, string> => (r.placement === 'user' ? {} : { [V]: token });
  const plan = (files: FilePlan[], env: (token: string) => Record<string, string>, notes: string[] = []): LoginPlan =>
    ({ request: r, files, environment: (t) => ({ ...tokenEnv(t), ...env(t) }), notes });

  switch (r.tool) {
    case 'npm':
    case 'pnpm': {
      const scope = r.scope !== undefined ? normaliseNpmScope(r.scope) : undefined;
      const registryKey = scope ? `@${scope}:registry` : 'registry';
      const tokenKey = `${nerfDart(endpoint)}:_authToken`;
      const user = r.placement === 'user';
      if (r.tool === 'pnpm' && !user) {
        // pnpm ≥ 11.5.3 ignores ${VAR} in credentials from a project .npmrc (a cloned repository must
        // not route tokens); the reference goes in the user's ~/.npmrc, the registry in the project.
        return plan([
          { path: projectFile(r, '.npmrc'), format: 'npmrc', tokenBearing: false, skeleton: '', purpose: registryKey,
            ops: () => [{ address: [registryKey], value: E }] },
          { path: npmUserConfig(ctx), format: 'npmrc', tokenBearing: false, skeleton: '', purpose: `${tokenKey} (\${${V}})`,
            ops: () => [{ address: [tokenKey], value: `\${${V}}`, credential: true }] },
        ], () => ({}));
      }
      return plan([{
        path: user ? npmUserConfig(ctx) : projectFile(r, '.npmrc'), format: 'npmrc', tokenBearing: user, skeleton: '',
        purpose: `${registryKey} and ${tokenKey}${user ? '' : ` (\${${V}})`}`,
        ops: (token) => [
          { address: [registryKey], value: E },
          user ? { address: [tokenKey], value: token, secret: true } : { address: [tokenKey], value: `\${${V}}`, credential: true },
        ],
      }], () => ({}));
    }
    case 'yarn': {
      const scope = r.scope !== undefined ? normaliseNpmScope(r.scope) : undefined;
      if (r.placement === 'terminal') {
        if (scope) throw new PlanError('Yarn reads npmScopes only from .yarnrc.yml; log in without a scope, or choose "project config"');
        return plan([], (token) => ({ YARN_NPM_REGISTRY_SERVER: E.replace(/\/$/, ''), YARN_NPM_AUTH_TOKEN: token, YARN_NPM_ALWAYS_AUTH: 'true' }));
      }
      const user = r.placement === 'user';
      // `${VAR-}`: Yarn refuses to run at all when a plain `${VAR}` is unset, which would break every
      // yarn command for teammates without the variable; with the fallback only registry calls fail (401).
      const token = (t: string): string => JSON.stringify(user ? t : `\${${V}-}`);
      const registry = nerfDart(endpoint).replace(/\/$/, '');
      return plan([{
        path: user ? path.join(ctx.home, '.yarnrc.yml') : projectFile(r, '.yarnrc.yml'), format: 'yaml', tokenBearing: user, skeleton: '',
        purpose: scope ? `npmScopes.${scope} with npmAuthToken` : `npmRegistryServer and npmRegistries["${registry}"].npmAuthToken`,
        ops: (t) => (scope
          ? [
            { address: ['npmScopes', scope, 'npmRegistryServer'], value: JSON.stringify(E) },
            { address: ['npmScopes', scope, 'npmAuthToken'], value: token(t), secret: user, credential: true },
            { address: ['npmScopes', scope, 'npmAlwaysAuth'], value: 'true' },
          ]
          : [
            { address: ['npmRegistryServer'], value: JSON.stringify(E) },
            { address: ['npmRegistries', registry, 'npmAuthToken'], value: token(t), secret: user, credential: true },
            { address: ['npmRegistries', registry, 'npmAlwaysAuth'], value: 'true' },
          ]),
      }], () => ({}));
    }
    case 'pip': {
      const option = r.pipOption ?? 'index-url';
      const identity = urlIdentity(`${E}simple/`);
      const envName = option === 'index-url' ? 'PIP_INDEX_URL' : 'PIP_EXTRA_INDEX_URL';
      if (r.placement === 'terminal') return plan([], (t) => ({ [envName]: withCredentials(endpoint, t, 'simple/') }));
      if (r.placement === 'user') {
        return plan([{
          path: pipUserConfig(ctx), format: 'pipconf', tokenBearing: true, skeleton: '', purpose: `[global] ${option} with the token`,
          ops: (t) => [option === 'index-url'
            ? { address: ['global', 'index-url'], value: withCredentials(endpoint, t, 'simple/'), secret: true }
            : { address: ['global', 'extra-index-url', '+', identity], value: withCredentials(endpoint, t, 'simple/'), secret: true }],
        }], () => ({}));
      }
      const url = withCredentials(endpoint, `\${${V}}`, 'simple/');
      return plan([{
        path: projectFile(r, 'requirements.txt'), format: 'requirements', tokenBearing: false, skeleton: '', purpose: `--${option} with \${${V}}`,
        ops: () => [option === 'index-url' ? { address: ['index-url'], value: url, credential: true } : { address: ['extra-index-url', identity], value: url, credential: true }],
      }], () => ({}));
    }
    case 'poetry': {
      const name = POETRY_SOURCE.toUpperCase();
      const creds = (t: string): Record<string, string> => ({ [`POETRY_HTTP_BASIC_${name}_USERNAME`]: 'aws', [`POETRY_HTTP_BASIC_${name}_PASSWORD`]: t });
      const publish = { [`POETRY_REPOSITORIES_${name}_URL`]: E };
      if (r.placement === 'terminal') {
        return plan([], (t) => ({ ...creds(t), ...publish }), [`Installs use the source named "${POETRY_SOURCE}" in pyproject.toml; publish with poetry publish -r ${POETRY_SOURCE}.`]);
      }
      const priority = r.poetryPriority ?? 'primary';
      const sel = ['[[tool.poetry.source]]', `name=${POETRY_SOURCE}`];
      const source: FilePlan = {
        path: projectFile(r, 'pyproject.toml'), format: 'toml', tokenBearing: false, skeleton: '',
        purpose: `[[tool.poetry.source]] "${POETRY_SOURCE}" (${priority})`,
        ops: () => [
          { address: [...sel, 'url'], value: JSON.stringify(`${E}simple/`) },
          r.poetryStyle === 'legacy'
            ? { address: [...sel, priority === 'primary' ? 'default' : 'secondary'], value: 'true' }
            : { address: [...sel, 'priority'], value: JSON.stringify(priority) },
        ],
      };
      if (r.placement === 'project') return plan([source], (t) => creds(t));
      return plan([source, {
        path: path.join(poetryConfigDir(ctx), 'auth.toml'), format: 'toml', tokenBearing: true, skeleton: '',
        purpose: `[http-basic.${POETRY_SOURCE}] username and token`,
        ops: (t) => [
          { address: [`[http-basic.${POETRY_SOURCE}]`, 'username'], value: '"aws"' },
          { address: [`[http-basic.${POETRY_SOURCE}]`, 'password'], value: JSON.stringify(t), secret: true },
        ],
      }], () => ({}));
    }
    case 'twine': {
      if (r.placement === 'terminal') return plan([], (t) => ({ TWINE_REPOSITORY_URL: E, TWINE_USERNAME: 'aws', TWINE_PASSWORD: t }));
      return plan([{
        path: path.join(ctx.home, '.pypirc'), format: 'pypirc', tokenBearing: true, skeleton: '',
        purpose: '[codeartifact] repository, username and token; codeartifact in index-servers',
        ops: (t) => [
          { address: ['distutils', 'index-servers', '+', 'codeartifact'], value: 'codeartifact' },
          { address: ['codeartifact', 'repository'], value: E },
          { address: ['codeartifact', 'username'], value: 'aws' },
          { address: ['codeartifact', 'password'], value: t, secret: true },
        ],
      }], () => ({}));
    }
    case 'maven': {
      const id = sourceId(r);
      const user = r.placement === 'user';
      const mirror = (r.mavenMode ?? 'repository') === 'mirror';
      const settings = path.join(ctx.home, '.m2', 'settings.xml');
      const server = ['settings', 'servers', `server[id=${id}]`];
      const serverFile: FilePlan = {
        path: settings, format: 'xml', tokenBearing: user, skeleton: MAVEN_SETTINGS_SKELETON,
        purpose: `server ${id}${user ? '' : ` (\${env.${V}})`}${mirror ? ' and a mirror of *' : user ? ' and an active profile with the repository' : ''}`,
        ops: (t) => [
          { address: [...server, 'username'], value: 'aws' },
          user ? { address: [...server, 'password'], value: t, secret: true } : { address: [...server, 'password'], value: `\${env.${V}}`, credential: true },
          ...(mirror
            ? [
              { address: ['settings', 'mirrors', `mirror[id=${id}]`, 'url'], value: E },
              { address: ['settings', 'mirrors', `mirror[id=${id}]`, 'mirrorOf'], value: '*' },
            ]
            : user
              ? [
                { address: ['settings', 'profiles', `profile[id=${id}]`, 'repositories', `repository[id=${id}]`, 'url'], value: E },
                // Plugins resolve from pluginRepositories only; CodeArtifact proxies them too.
                { address: ['settings', 'profiles', `profile[id=${id}]`, 'pluginRepositories', `pluginRepository[id=${id}]`, 'url'], value: E },
                { address: ['settings', 'activeProfiles', `activeProfile[.=${id}]`], value: id },
              ]
              : []),
        ],
      };
      if (user || mirror) return plan([serverFile], () => ({}));
      return plan([serverFile, {
        path: projectFile(r, 'pom.xml'), format: 'xml', tokenBearing: false, skeleton: '',
        purpose: `repository and plugin repository ${id}`,
        ops: () => [
          { address: ['project', 'repositories', `repository[id=${id}]`, 'url'], value: E },
          { address: ['project', 'pluginRepositories', `pluginRepository[id=${id}]`, 'url'], value: E },
        ],
      }], () => ({}));
    }
    case 'gradle': {
      const notes = ['In build.gradle(.kts): maven { url = uri(providers.gradleProperty("codeartifactUrl").get()); credentials { username = "aws"; password = providers.gradleProperty("codeartifactToken").get() } }'];
      if (r.placement === 'terminal') {
        return plan([], (t) => ({ ORG_GRADLE_PROJECT_codeartifactUrl: E, ORG_GRADLE_PROJECT_codeartifactToken: t }), notes);
      }
      if (r.placement === 'project') {
        return plan([{
          path: projectFile(r, 'gradle.properties'), format: 'properties', tokenBearing: false, skeleton: '', purpose: 'codeartifactUrl',
          ops: () => [{ address: ['codeartifactUrl'], value: E }],
        }], (t) => ({ ORG_GRADLE_PROJECT_codeartifactToken: t }), notes);
      }
      const gradleHome = ctx.env.GRADLE_USER_HOME ?? path.join(ctx.home, '.gradle');
      return plan([{
        path: path.join(gradleHome, 'gradle.properties'), format: 'properties', tokenBearing: true, skeleton: '', purpose: 'codeartifactUrl and codeartifactToken',
        ops: (t) => [{ address: ['codeartifactUrl'], value: E }, { address: ['codeartifactToken'], value: t, secret: true }],
      }], () => ({}), notes);
    }
    case 'nuget':
    case 'dotnet': {
      const name = sourceId(r);
      const user = r.placement === 'user';
      const file = user ? nugetUserConfig(ctx) : projectNugetConfig(r, ctx);
      return plan([{
        path: file, format: 'xml', tokenBearing: user, skeleton: NUGET_SKELETON,
        purpose: `package source ${name} and its credentials${user ? '' : ` (%${V}%)`}`,
        ops: (t) => [
          { address: ['configuration', 'packageSources', `add[@key=${name}]`, '@value'], value: `${E}v3/index.json` },
          { address: ['configuration', 'packageSourceCredentials', name, 'add[@key=Username]', '@value'], value: 'aws' },
          user
            ? { address: ['configuration', 'packageSourceCredentials', name, 'add[@key=ClearTextPassword]', '@value'], value: t, secret: true }
            : { address: ['configuration', 'packageSourceCredentials', name, 'add[@key=ClearTextPassword]', '@value'], value: `%${V}%`, credential: true },
        ],
      }], () => ({}));
    }
    case 'swift': {
      const scope = r.scope !== undefined ? normaliseSwiftScope(r.scope) : '[default]';
      const registries = r.placement === 'user'
        ? path.join(ctx.home, '.swiftpm', 'configuration', 'registries.json')
        : projectFile(r, '.swiftpm', 'configuration', 'registries.json');
      return plan([
        {
          path: registries, format: 'json', tokenBearing: false, skeleton: '{}\n', purpose: `registry ${scope} and token authentication for ${endpoint.host}`,
          ops: () => [
            { address: ['authentication', endpoint.host, 'loginAPIPath'], value: JSON.stringify(`${endpoint.pathname}login`) },
            { address: ['authentication', endpoint.host, 'type'], value: JSON.stringify('token') },
            { address: ['registries', scope, 'supportsAvailability'], value: 'false' },
            { address: ['registries', scope, 'url'], value: JSON.stringify(E) },
            { address: ['version'], value: '1' },
          ],
        },
        {
          path: path.join(ctx.home, '.netrc'), format: 'netrc', tokenBearing: true, skeleton: '', purpose: `machine ${endpoint.host} with the token`,
          ops: (t) => [{ address: [endpoint.host, 'login'], value: 'token' }, { address: [endpoint.host, 'password'], value: t, secret: true }],
        },
      ], () => ({}));
    }
  }
}

/** The project's NuGet config, reusing the spelling already on disk (NuGet accepts several). */
function projectNugetConfig(r: LoginRequest, ctx: PlanContext): string {
  for (const name of ['NuGet.Config', 'nuget.config', 'NuGet.config']) {
    const candidate = projectFile(r, name);
    if (ctx.exists(candidate)) return candidate;
  }
  return projectFile(r, 'NuGet.Config');
}
