// Secrets must never reach a log line, an output channel or an error message. Everything that is
// about to be shown or written goes through redact() first.

const REPLACEMENT = '****';

// Keys whose value is a secret, in config files (.npmrc, .yarnrc.yml, ~/.aws/*), environment variables,
// HTTP headers and JSON. Matched anywhere in a longer name, so `//host/:_authToken`,
// `YARN_NPM_AUTH_TOKEN`, `CODEARTIFACT_AUTH_TOKEN_DOM_111122223333` and `TWINE_PASSWORD` are covered.
const SECRET_KEYS = [
  'aws_secret_access_key', 'aws_session_token', 'secretAccessKey', 'sessionToken',
  '_authToken', '_auth', '_password', 'password',
  'npmAuthToken', 'npmAuthIdent', 'auth_token\\w*', 'codeartifactToken',
  'authorizationToken', 'accessToken', 'refreshToken', 'clientSecret',
  'x-amz-security-token', 'x-amz-sso_bearer_token',
].join('|');

// A value ends at whitespace, a quote, or a separator; a backslash belongs to it unless it escapes the
// closing quote of a JSON-escaped string (`{\"SessionToken\":\"…\"}`).
const VALUE = String.raw`(?:[^"'\s,;&}\\]|\\(?!["']))+`;
const QUOTE = String.raw`\\?["']?`;

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // key=value / key: value / "key": "value" forms, JSON-escaped ones included.
  [new RegExp(`((?:${SECRET_KEYS})${QUOTE}\\s*[:=]\\s*${QUOTE})(${VALUE})`, 'gi'), `$1${REPLACEMENT}`],
  // XML: Maven's <password>…</password>; NuGet's <add key="ClearTextPassword" value="…"/>.
  [/(<password>)([^<]+)(<\/password>)/gi, `$1${REPLACEMENT}$3`],
  [/((?:ClearText)?Password\\?["']\s+value\s*=\s*\\?["'])([^"'\\]+)/gi, `$1${REPLACEMENT}`],
  // Authorization headers (SigV4 signatures, bearer and basic tokens).
  [/(authorization\\?["']?\s*[:=]\s*\\?["']?)([^"'\\\n]+)/gi, `$1${REPLACEMENT}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REPLACEMENT}`],
  // Credentials embedded in URLs: https://aws:TOKEN@host/... A password may hold "/" (a base64 secret
  // pasted unencoded); "host:443/@scope/pkg" and "host:4873/pkg@1.0" are a port and a path, not credentials.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)(?!\d{1,5}\/)([^@\s]*[^@\s/])(@)(?=[^\s/@])/gi, `$1${REPLACEMENT}$3`],
  // JWT-shaped tokens (CodeArtifact authorization tokens, SSO access tokens).
  [/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}(?:\.[A-Za-z0-9_-]*)?/g, REPLACEMENT],
  // Long base64 blobs such as STS session tokens.
  [/\b(?:IQoJ|FwoG|FQoG)[A-Za-z0-9/+=]{40,}/g, REPLACEMENT],
  // Query-string signatures.
  [/(X-Amz-Signature=)[0-9a-f]+/gi, `$1${REPLACEMENT}`],
];

/** The spellings a registered secret may take in a URL or a JSON document. */
function encodings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [secret, encodeURIComponent(secret), json, json.replace(/\//g, '\\/')];
}

/** Replaces every secret the process has been told about, plus anything secret-shaped. */
export class Redactor {
  private readonly known = new Set<string>();
  /** `known`, longest first, so that a secret containing another is replaced whole. */
  private ordered: string[] = [];

  /** Registers a concrete secret (a token just issued, a key just loaded) for exact-match redaction. */
  addSecret(secret: string | undefined): void {
    if (!secret || secret.length < 6 || this.known.has(secret)) return;
    for (const form of encodings(secret)) this.known.add(form);
    this.ordered = [...this.known].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.ordered) out = out.split(secret).join(REPLACEMENT);
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out;
  }
}

/** Process-wide redactor shared by the logger and error presentation. */
export const redactor = new Redactor();

export function redact(text: string): string {
  return redactor.redact(text);
}
