// What the shared config/credentials files say about each profile, in a form a picker can show.
// Pure: takes the parsed files (from @smithy/shared-ini-file-loader) and the environment.

export type ProfileKind = 'static' | 'sso' | 'sso-legacy' | 'process' | 'assume-role' | 'web-identity' | 'environment' | 'unknown';

/** The pseudo-profile for credentials taken from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. */
export const ENV_PROFILE = '$environment';

export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  region?: string;
  /** For assume-role profiles: the profiles walked to reach credentials, e.g. ['deploy', 'base']. */
  sourceChain?: string[];
  roleArn?: string;
  ssoSession?: string;
  ssoStartUrl?: string;
  ssoAccountId?: string;
  ssoRoleName?: string;
  /** Why this profile cannot produce credentials, when we can tell without calling AWS. */
  problem?: string;
}

type Section = Record<string, string | undefined>;
type Ini = Record<string, Section>;

export interface SharedFiles {
  configFile: Ini;
  credentialsFile: Ini;
}

const SSO_SESSION_PREFIX = 'sso-session.';

function merged(files: SharedFiles, name: string): Section | undefined {
  const config = files.configFile[name];
  const creds = files.credentialsFile[name];
  if (!config && !creds) return undefined;
  // The credentials file wins for keys present in both, as in the AWS CLI.
  return { ...config, ...creds };
}

function directKind(section: Section): ProfileKind | undefined {
  if (section.aws_access_key_id && section.aws_secret_access_key) return 'static';
  if (section.sso_session) return 'sso';
  if (section.sso_start_url) return 'sso-legacy';
  if (section.credential_process) return 'process';
  if (section.web_identity_token_file && section.role_arn) return 'web-identity';
  return undefined;
}

function resolveChain(files: SharedFiles, start: string): { chain: string[]; problem?: string } {
  const chain = [start];
  let current = start;
  for (;;) {
    const section = merged(files, current);
    if (!section) return { chain, problem: `source profile "${current}" does not exist` };
    if (!section.role_arn) {
      return directKind(section) ? { chain } : { chain, problem: `profile "${current}" has no credentials` };
    }
    if (section.credential_source) return { chain };
    const source = section.source_profile;
    if (!source) return { chain, problem: `profile "${current}" has role_arn but neither source_profile nor credential_source` };
    // A profile may name itself as source when it also holds static keys (AWS CLI behaviour).
    if (source === current && directKind(section) === 'static') return { chain };
    if (chain.includes(source)) return { chain: [...chain, source], problem: `source_profile cycle: ${[...chain, source].join(' → ')}` };
    chain.push(source);
    current = source;
  }
}

function describe(files: SharedFiles, name: string, section: Section): ProfileInfo {
  const info: ProfileInfo = { name, kind: 'unknown' };
  if (section.region) info.region = section.region;
  if (section.role_arn && !section.web_identity_token_file) {
    info.kind = 'assume-role';
    info.roleArn = section.role_arn;
    const { chain, problem } = resolveChain(files, name);
    info.sourceChain = chain;
    if (problem) info.problem = problem;
    return info;
  }
  const kind = directKind(section);
  if (kind) info.kind = kind;
  else info.problem = 'no credentials, SSO, credential_process or role configured';
  if (kind === 'sso' && section.sso_session) {
    info.ssoSession = section.sso_session;
    const session = files.configFile[`${SSO_SESSION_PREFIX}${section.sso_session}`];
    if (!session) info.problem = `sso-session "${section.sso_session}" is not defined`;
    else if (session.sso_start_url) info.ssoStartUrl = session.sso_start_url;
  }
  if (kind === 'sso-legacy' && section.sso_start_url) info.ssoStartUrl = section.sso_start_url;
  if (section.sso_account_id) info.ssoAccountId = section.sso_account_id;
  if (section.sso_role_name) info.ssoRoleName = section.sso_role_name;
  return info;
}

export type Env = Record<string, string | undefined>;

/** Every usable profile, sorted with `default` first; plus the environment pseudo-profile when set. */
export function listProfiles(files: SharedFiles, env: Env): ProfileInfo[] {
  const names = new Set<string>();
  for (const ini of [files.configFile, files.credentialsFile]) {
    for (const key of Object.keys(ini)) if (!key.startsWith(SSO_SESSION_PREFIX) && !key.includes('.')) names.add(key);
  }
  const profiles = [...names].map((name) => describe(files, name, merged(files, name) ?? {}));
  profiles.sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    profiles.unshift({ name: ENV_PROFILE, kind: 'environment', ...(region ? { region } : {}) });
  }
  return profiles;
}

/** The profile to use when the person has not chosen one: setting, then AWS_PROFILE, then default. */
export function defaultProfile(profiles: ProfileInfo[], configured: string | undefined, env: Env): string | undefined {
  const has = (name: string | undefined): name is string => !!name && profiles.some((p) => p.name === name);
  if (has(configured)) return configured;
  if (has(env.AWS_PROFILE)) return env.AWS_PROFILE;
  if (has('default')) return 'default';
  if (has(ENV_PROFILE)) return ENV_PROFILE;
  return profiles[0]?.name;
}

export const FALLBACK_REGION = 'us-east-1';

/** Region precedence: explicit setting, the profile's region, AWS_REGION/AWS_DEFAULT_REGION, us-east-1. */
export function resolveRegion(configured: string | undefined, profile: ProfileInfo | undefined, env: Env): string {
  return configured || profile?.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || FALLBACK_REGION;
}

export function profileLabel(name: string): string {
  return name === ENV_PROFILE ? 'Environment variables' : name;
}

export function describeKind(p: ProfileInfo): string {
  switch (p.kind) {
    case 'static': return 'access keys';
    case 'sso': return `IAM Identity Center (sso-session ${p.ssoSession ?? ''})`.trim();
    case 'sso-legacy': return 'IAM Identity Center (legacy)';
    case 'process': return 'credential_process';
    case 'assume-role': return `assume role via ${(p.sourceChain ?? []).slice(1).join(' → ') || 'credential_source'}`;
    case 'web-identity': return 'web identity token';
    case 'environment': return 'AWS_ACCESS_KEY_ID from the environment';
    default: return 'unknown';
  }
}
