// Verifies the AWS SigV4 `Authorization` header of an API request the way AWS front ends do.
import { timingSafeEqual } from 'node:crypto';
import { AwsServiceError } from '../contract';
import { findCredential } from '../credentials';
import type { Protocol } from '../protocol';
import { canonicalHeaders, canonicalQuery, canonicalUri, headerValues, hmacHex, sha256Hex, signingKey } from './canonical';

export interface SignedRequest {
  method: string;
  /** The request target exactly as received: raw path plus `?query`. */
  rawUrl: string;
  rawHeaders: string[];
  body: Buffer;
}

export interface VerifiedCaller {
  accessKeyId: string;
  accountId: string;
  region: string;
}

const MAX_SKEW_MS = 15 * 60 * 1000;
const ALGORITHM = 'AWS4-HMAC-SHA256';

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

function fail(protocol: Protocol, type: string, message: string, restStatus = 403, jsonStatus = 400): AwsServiceError {
  return new AwsServiceError(type, message, protocol === 'rest' ? restStatus : jsonStatus);
}

function parseAuthorization(header: string, protocol: Protocol): ParsedAuthorization {
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw fail(protocol, 'IncompleteSignatureException', `Unsupported AWS 'algorithm': '${algorithm}'`);
  }
  const params = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((p) => !params.get(p));
  if (missing.length) {
    throw fail(protocol, 'IncompleteSignatureException',
      missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' ') + ` Authorization=${header.split(',')[0] ?? ''}`);
  }
  const scope = params.get('Credential')!.split('/');
  if (scope.length !== 5) {
    throw fail(protocol, 'IncompleteSignatureException',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${params.get('Credential')}'`);
  }
  const [accessKeyId, date, region, service, terminator] = scope as [string, string, string, string, string];
  return {
    accessKeyId, date, region, service, terminator,
    signedHeaders: params.get('SignedHeaders')!.split(';'),
    signature: params.get('Signature')!,
  };
}

function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function formatAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Checks the request's signature for the route's signing name, against REAL time (clock skew of 15 min).
 * Throws AwsServiceError with AWS's error types and messages.
 */
export function verifySignature(req: SignedRequest, service: string, protocol: Protocol, realNow = Date.now()): VerifiedCaller {
  const headers = headerValues(req.rawHeaders);
  const authorization = headers.get('authorization')?.[0];
  if (!authorization) {
    throw fail(protocol, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const auth = parseAuthorization(authorization, protocol);
  if (!auth.signedHeaders.includes('host')) {
    throw fail(protocol, 'InvalidSignatureException', "'Host' must be a 'SignedHeader' in the AWS Authorization.", 403, 403);
  }
  const amzDate = headers.get('x-amz-date')?.[0];
  const dateHeader = headers.get('date')?.[0];
  const requestTime = amzDate ? parseAmzDate(amzDate) : dateHeader ? Date.parse(dateHeader) : undefined;
  if (requestTime === undefined || Number.isNaN(requestTime)) {
    throw fail(protocol, 'IncompleteSignatureException',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  const isoDate = amzDate ?? formatAmzDate(requestTime);
  if (isoDate.slice(0, 8) !== auth.date) {
    throw fail(protocol, 'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${isoDate.slice(0, 8)}', from '${isoDate}'.`, 403, 403);
  }
  if (auth.terminator !== 'aws4_request') {
    throw fail(protocol, 'InvalidSignatureException',
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.terminator}'.`, 403, 403);
  }
  if (auth.service !== service) {
    throw fail(protocol, 'InvalidSignatureException', `Credential should be scoped to correct service: '${service}'. `, 403, 403);
  }
  if (requestTime < realNow - MAX_SKEW_MS) {
    throw fail(protocol, 'InvalidSignatureException',
      `Signature expired: ${isoDate} is now earlier than ${formatAmzDate(realNow - MAX_SKEW_MS)} (${formatAmzDate(realNow)} - 15 min.)`, 403, 403);
  }
  if (requestTime > realNow + MAX_SKEW_MS) {
    throw fail(protocol, 'InvalidSignatureException',
      `Signature not yet current: ${isoDate} is still later than ${formatAmzDate(realNow + MAX_SKEW_MS)} (${formatAmzDate(realNow)} + 15 min.)`, 403, 403);
  }

  const cred = findCredential(auth.accessKeyId);
  const sessionToken = headers.get('x-amz-security-token')?.[0];
  if (!cred || (sessionToken !== undefined && sessionToken !== cred.sessionToken)) {
    throw fail(protocol, 'UnrecognizedClientException', 'The security token included in the request is invalid.', 403, 403);
  }
  if (cred.expired) {
    throw fail(protocol, 'ExpiredTokenException', 'The security token included in the request is expired');
  }
  if (cred.sessionToken !== undefined && sessionToken === undefined) {
    throw fail(protocol, 'UnrecognizedClientException', 'The security token included in the request is invalid.', 403, 403);
  }

  const q = req.rawUrl.indexOf('?');
  const rawPath = q < 0 ? req.rawUrl : req.rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : req.rawUrl.slice(q + 1);
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalUri(rawPath),
    canonicalQuery(rawQuery),
    canonicalHeaders(auth.signedHeaders, headers),
    auth.signedHeaders.join(';'),
    sha256Hex(req.body),
  ].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = [ALGORITHM, isoDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const expected = hmacHex(signingKey(cred.secretAccessKey, auth.date, auth.region, auth.service), stringToSign);
  const given = Buffer.from(auth.signature, 'utf8');
  const want = Buffer.from(expected, 'utf8');
  if (given.length !== want.length || !timingSafeEqual(given, want)) {
    throw fail(protocol, 'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n' +
        `The Canonical String for this request should have been\n'${canonicalRequest}'\n\nThe String-to-Sign should have been\n'${stringToSign}'\n`,
      403, 403);
  }
  return { accessKeyId: cred.accessKeyId, accountId: cred.accountId, region: auth.region };
}
