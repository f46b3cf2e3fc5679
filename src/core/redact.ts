// Secrets must never reach a log line, an output channel or an error message. Everything that is
// about to be shown or written goes through redact() first.

const REPLACEMENT = '****';

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // key=value / key: value forms, for the well-known secret-bearing keys.
  [/((?:aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken|SecretAccessKey|SessionToken|_authToken|_password|password|authorizationToken|accessToken|refreshToken|clientSecret|x-amz-security-token|X-Amz-Security-Token)["']?\s*[:=]\s*["']?)([^"'\s,;&}]+)/gi, `$1${REPLACEMENT}`],
  // Authorization headers (SigV4 signatures, bearer and basic tokens).
  [/(authorization["']?\s*[:=]\s*["']?)([^"'\n]+)/gi, `$1${REPLACEMENT}`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REPLACEMENT}`],
  // Credentials embedded in URLs: https://aws:TOKEN@host/...
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)([^@\s/]+)(@)/gi, `$1${REPLACEMENT}$3`],
  // JWT-shaped tokens (CodeArtifact authorization tokens, SSO access tokens).
  [/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}(?:\.[A-Za-z0-9_-]*)?/g, REPLACEMENT],
  // Long base64 blobs such as STS session tokens.
  [/\b(?:IQoJ|FwoG|FQoG)[A-Za-z0-9/+=]{40,}/g, REPLACEMENT],
  // Query-string signatures.
  [/(X-Amz-Signature=)[0-9a-f]+/gi, `$1${REPLACEMENT}`],
];

/** Replaces every secret the process has been told about, plus anything secret-shaped. */
export class Redactor {
  private readonly known = new Set<string>();

  /** Registers a concrete secret (a token just issued, a key just loaded) for exact-match redaction. */
  addSecret(secret: string | undefined): void {
    if (secret && secret.length >= 6) this.known.add(secret);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.known) out = out.split(secret).join(REPLACEMENT);
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out;
  }
}

/** Process-wide redactor shared by the logger and error presentation. */
export const redactor = new Redactor();

export function redact(text: string): string {
  return redactor.redact(text);
}
