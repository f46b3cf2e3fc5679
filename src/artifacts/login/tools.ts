// The package managers Conveyor can log in to CodeArtifact, and where each can take a credential.

export type ToolId = 'npm' | 'pnpm' | 'yarn' | 'pip' | 'poetry' | 'twine' | 'maven' | 'gradle' | 'nuget' | 'dotnet' | 'swift';

/**
 * terminal: environment variables of integrated terminals only, nothing on disk;
 * user: the tool's user-level config file holds the token (what `aws codeartifact login` does);
 * project: a project file references an environment variable (safe to commit), terminals get the token.
 */
export type Placement = 'terminal' | 'user' | 'project';

/** CodeArtifact package format of the repository endpoint a tool talks to. */
export type EndpointFormat = 'npm' | 'pypi' | 'maven' | 'nuget' | 'swift';

export interface ToolInfo {
  id: ToolId;
  label: string;
  format: EndpointFormat;
  /** Namespaces the tool can scope a registry to: npm scopes, Swift registry scopes. */
  scopes?: 'npm' | 'swift';
  /** Placements and, for each one not offered, why. */
  placements: Record<Placement, { available: true; detail: string } | { available: false; reason: string }>;
}

const NPM_TERMINAL_REASON = 'npm and pnpm read a registry token only from an .npmrc key like //host/path/:_authToken, which is not a valid '
  + 'environment variable name in most shells; choose "project config" (the .npmrc references ${CODEARTIFACT_AUTH_TOKEN}) instead';

export const TOOLS: Readonly<Record<ToolId, ToolInfo>> = {
  npm: { id: 'npm', label: 'npm', format: 'npm', scopes: 'npm', placements: {
    terminal: { available: false, reason: NPM_TERMINAL_REASON },
    user: { available: true, detail: '~/.npmrc: registry and _authToken (as the AWS CLI writes them)' },
    project: { available: true, detail: '.npmrc in the project: registry and _authToken=${VAR}; terminals get the token' },
  } },
  pnpm: { id: 'pnpm', label: 'pnpm', format: 'npm', scopes: 'npm', placements: {
    terminal: { available: false, reason: NPM_TERMINAL_REASON },
    user: { available: true, detail: '~/.npmrc (pnpm reads npm\'s config): registry and _authToken' },
    project: { available: true, detail: 'registry in the project\'s .npmrc, _authToken=${VAR} in ~/.npmrc (pnpm ignores variables in project credentials); terminals get the token' },
  } },
  yarn: { id: 'yarn', label: 'Yarn (Berry, 2+)', format: 'npm', scopes: 'npm', placements: {
    terminal: { available: true, detail: 'YARN_NPM_REGISTRY_SERVER / YARN_NPM_AUTH_TOKEN in terminals (no scope: Yarn has no env form for npmScopes)' },
    user: { available: true, detail: '~/.yarnrc.yml: npmRegistryServer or npmScopes, with npmAuthToken' },
    project: { available: true, detail: '.yarnrc.yml in the project with npmAuthToken "${VAR}"; terminals get the token' },
  } },
  pip: { id: 'pip', label: 'pip', format: 'pypi', placements: {
    terminal: { available: true, detail: 'PIP_INDEX_URL or PIP_EXTRA_INDEX_URL (with the token) in terminals' },
    user: { available: true, detail: 'pip.conf [global] index-url or extra-index-url with the token (as the AWS CLI does)' },
    project: { available: true, detail: 'requirements.txt --index-url https://aws:${VAR}@…; terminals get the token' },
  } },
  poetry: { id: 'poetry', label: 'Poetry', format: 'pypi', placements: {
    terminal: { available: true, detail: 'POETRY_HTTP_BASIC_CODEARTIFACT_USERNAME/PASSWORD and POETRY_REPOSITORIES_CODEARTIFACT_URL in terminals' },
    user: { available: true, detail: 'source "codeartifact" in pyproject.toml; username and token in Poetry\'s auth.toml' },
    project: { available: true, detail: 'source "codeartifact" in pyproject.toml; terminals get POETRY_HTTP_BASIC_CODEARTIFACT_*' },
  } },
  twine: { id: 'twine', label: 'twine', format: 'pypi', placements: {
    terminal: { available: true, detail: 'TWINE_REPOSITORY_URL / TWINE_USERNAME / TWINE_PASSWORD in terminals' },
    user: { available: true, detail: '~/.pypirc [codeartifact] with the token (as the AWS CLI does)' },
    project: { available: false, reason: 'twine has no project-level configuration file; use "terminal only"' },
  } },
  maven: { id: 'maven', label: 'Maven', format: 'maven', placements: {
    terminal: { available: false, reason: 'Maven reads credentials only from settings.xml; choose "project config" (settings.xml references ${env.CODEARTIFACT_AUTH_TOKEN})' },
    user: { available: true, detail: '~/.m2/settings.xml: server with the token, repository in an active profile (or a mirror)' },
    project: { available: true, detail: 'repository in pom.xml; server in ~/.m2/settings.xml with ${env.VAR}; terminals get the token' },
  } },
  gradle: { id: 'gradle', label: 'Gradle', format: 'maven', placements: {
    terminal: { available: true, detail: 'ORG_GRADLE_PROJECT_codeartifactUrl / …Token project properties in terminals' },
    user: { available: true, detail: '~/.gradle/gradle.properties: codeartifactUrl and codeartifactToken' },
    project: { available: true, detail: 'gradle.properties in the project: codeartifactUrl; terminals get ORG_GRADLE_PROJECT_codeartifactToken' },
  } },
  nuget: { id: 'nuget', label: 'NuGet', format: 'nuget', placements: {
    terminal: { available: false, reason: 'NuGet needs the package source itself defined in a NuGet.Config; choose "project config" (ClearTextPassword %VAR%)' },
    user: { available: true, detail: 'user NuGet.Config: package source and credentials with the token' },
    project: { available: true, detail: 'NuGet.Config in the project with ClearTextPassword %VAR%; terminals get the token' },
  } },
  dotnet: { id: 'dotnet', label: 'dotnet', format: 'nuget', placements: {
    terminal: { available: false, reason: 'dotnet needs the package source itself defined in a NuGet.Config; choose "project config" (ClearTextPassword %VAR%)' },
    user: { available: true, detail: 'user NuGet.Config: package source and credentials with the token' },
    project: { available: true, detail: 'NuGet.Config in the project with ClearTextPassword %VAR%; terminals get the token' },
  } },
  swift: { id: 'swift', label: 'Swift Package Manager', format: 'swift', scopes: 'swift', placements: {
    terminal: { available: false, reason: 'SwiftPM reads registry credentials only from ~/.netrc or the keychain' },
    user: { available: true, detail: '~/.swiftpm registries.json and ~/.netrc with the token (as the AWS CLI does on Linux)' },
    project: { available: true, detail: '.swiftpm/configuration/registries.json in the project; the token in ~/.netrc' },
  } },
};

export const TOOL_IDS = Object.keys(TOOLS) as ToolId[];

export function isToolId(value: unknown): value is ToolId {
  return typeof value === 'string' && (TOOL_IDS as string[]).includes(value);
}

export function isPlacement(value: unknown): value is Placement {
  return value === 'terminal' || value === 'user' || value === 'project';
}

/** npm scope as the AWS CLI validates it (`get_scope`), returned without the leading `@`. */
export function normaliseNpmScope(scope: string): string {
  const withAt = scope.startsWith('@') ? scope : `@${scope}`;
  if (!/^@[a-z0-9-~][a-z0-9-._~]*$/.test(withAt)) throw new Error(`"${scope}" is not a valid npm scope`);
  return withAt.slice(1);
}

/** Swift registry scope as the AWS CLI validates it. */
export function normaliseSwiftScope(scope: string): string {
  if (!/^[a-zA-Z0-9](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9])){0,38}$/.test(scope)) throw new Error(`"${scope}" is not a valid Swift registry scope`);
  return scope;
}
