// Where AWS requests go. `conveyor.aws.endpointUrl` redirects every request (the local emulator,
// LocalStack), and with it the SSO access token and the credentials that STS calls are signed with.
// A repository's .vscode/settings.json must not be able to do that on its own: a value from the
// workspace is used only on this machine's loopback (and never for the SSO/STS sign-in calls), or
// once the person has allowed that exact origin. Pure: the editor adapter supplies the values.

/** `conveyor.aws.endpointUrl` by where it was set. */
export interface EndpointValues {
  /** User (or remote machine) settings: the person's own choice. */
  user?: unknown;
  /** Workspace or workspace-folder settings: the repository's choice (the folder's value wins). */
  workspace?: unknown;
}

/**
 * - `aws`: no endpoint, AWS itself;
 * - `user`: from user settings (or the same value as there);
 * - `approved`: from the workspace, for an origin the person allowed;
 * - `loopback`: from the workspace, on this machine: service calls only, sign-in calls still go to AWS.
 */
export type EndpointTrust = 'aws' | 'user' | 'approved' | 'loopback';

export interface EndpointDecision {
  /** Where service requests go; undefined: AWS. */
  url?: string;
  trust: EndpointTrust;
  /** Whether the SSO and STS calls that resolve credentials may go to `url` as well. */
  credentials: boolean;
  /** A workspace endpoint that is not used until the person allows its origin. */
  pending?: { url: string; origin: string };
  /** A workspace or user value that is not a usable endpoint URL, and why; it is ignored. */
  invalid?: string;
}

type Parsed = { url: string; origin: string } | { problem: string } | undefined;

/** An http(s) URL without user-info, normalised by the URL parser, without trailing slashes; undefined for an empty value. */
function parse(value: unknown): Parsed {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { problem: 'it is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `${url.protocol} is not http or https` };
  if (url.username || url.password) return { problem: 'it must not carry a user name or password' };
  return { url: url.href.replace(/\/+$/, ''), origin: url.origin };
}

/** Whether an endpoint is this machine's loopback interface (emulator, LocalStack). */
export function isLocalEndpoint(url: string | undefined): boolean {
  if (!url) return false;
  try {
    // The URL parser normalises every IPv4 spelling (0x7f.1, 2130706433) to dotted decimal.
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

/** Decides which endpoint is used, given the setting's values and the origins the person allowed. */
export function decideEndpoint(values: EndpointValues, approvedOrigins: ReadonlySet<string>): EndpointDecision {
  const user = parse(values.user);
  const workspace = parse(values.workspace);
  const fromUser: EndpointDecision = user && 'url' in user ? { url: user.url, trust: 'user', credentials: true } : { trust: 'aws', credentials: false };
  const userProblem = user && 'problem' in user ? { invalid: `conveyor.aws.endpointUrl in your user settings: ${user.problem}` } : {};
  // An empty workspace value clears the user's endpoint for this workspace: AWS itself is always safe.
  if (typeof values.workspace === 'string' && !values.workspace.trim()) return { trust: 'aws', credentials: false };
  if (!workspace) return { ...fromUser, ...userProblem };
  if ('problem' in workspace) return { ...fromUser, invalid: `conveyor.aws.endpointUrl in this workspace's settings: ${workspace.problem}` };
  if (user && 'url' in user && user.url === workspace.url) return fromUser;
  if (approvedOrigins.has(workspace.origin)) return { url: workspace.url, trust: 'approved', credentials: true };
  if (isLocalEndpoint(workspace.url)) return { url: workspace.url, trust: 'loopback', credentials: false };
  return { ...fromUser, ...userProblem, pending: { url: workspace.url, origin: workspace.origin } };
}

/** The endpoint that the SSO and STS calls of credential resolution may use; undefined: AWS's own. */
export function credentialEndpoint(decision: EndpointDecision): string | undefined {
  return decision.credentials ? decision.url : undefined;
}
