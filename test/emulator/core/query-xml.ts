// The awsQuery protocol's XML (STS, IAM): `<Op>Response><Op>Result>…` replies and `<ErrorResponse>`
// errors, as botocore's and the SDK's query parsers read them.
import type { ServerResponse } from 'node:http';
import type { AwsServiceError } from './contract';

const XML_CONTENT_TYPE = 'text/xml';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Members in order; nested objects become elements, arrays `<member>` lists, Dates ISO 8601. */
function members(value: Record<string, unknown>): string {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([name, v]) => `<${name}>${element(v)}</${name}>`)
    .join('');
}

function element(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => `<member>${element(v)}</member>`).join('');
  if (typeof value === 'object' && value !== null) return members(value as Record<string, unknown>);
  return escapeXml(String(value));
}

function sendXml(res: ServerResponse, status: number, xml: string, headers: Record<string, string> = {}): void {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
  res.writeHead(status, { ...headers, 'content-type': XML_CONTENT_TYPE, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function requestIdOf(res: ServerResponse): string {
  return String(res.getHeader('x-amzn-requestid') ?? '');
}

export function sendQueryResult(res: ServerResponse, operation: string, xmlNamespace: string, result: Record<string, unknown>): void {
  sendXml(res, 200, `<${operation}Response xmlns="${escapeXml(xmlNamespace)}"><${operation}Result>${members(result)}</${operation}Result>`
    + `<ResponseMetadata><RequestId>${requestIdOf(res)}</RequestId></ResponseMetadata></${operation}Response>`);
}

/**
 * The codes query services use for the core's signature errors (the awsJson/restJson names otherwise),
 * with their status: STS answers an expired session token with 403 `ExpiredToken`, a wrong secret with
 * 403 `SignatureDoesNotMatch`, an unknown key with 403 `InvalidClientTokenId`.
 */
const QUERY_AUTH_ERRORS: Record<string, { code: string; status: number }> = {
  InvalidSignatureException: { code: 'SignatureDoesNotMatch', status: 403 },
  UnrecognizedClientException: { code: 'InvalidClientTokenId', status: 403 },
  ExpiredTokenException: { code: 'ExpiredToken', status: 403 },
  MissingAuthenticationTokenException: { code: 'MissingAuthenticationToken', status: 403 },
  IncompleteSignatureException: { code: 'IncompleteSignature', status: 400 },
};

export function sendQueryError(res: ServerResponse, err: AwsServiceError, xmlNamespace?: string): void {
  const mapped = QUERY_AUTH_ERRORS[err.type];
  const code = mapped?.code ?? err.type;
  const status = mapped?.status ?? err.status;
  const ns = xmlNamespace ? ` xmlns="${escapeXml(xmlNamespace)}"` : '';
  sendXml(res, status, `<ErrorResponse${ns}><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${escapeXml(code)}</Code>`
    + `<Message>${escapeXml(err.message)}</Message></Error><RequestId>${requestIdOf(res)}</RequestId></ErrorResponse>`, err.headers);
}
