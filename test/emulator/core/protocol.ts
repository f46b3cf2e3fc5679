// How each protocol family renders a reply or an error on the wire.
import type { ServerResponse } from 'node:http';
import type { AwsServiceError } from './contract';
import { sendQueryError } from './query-xml';

export type Protocol = 'json' | 'rest' | 'query';

export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType: string, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/**
 * awsJson1_1: `{"__type": "...", "message": "..."}` with status 400 (or the model's @httpError / 500).
 * restJson1: `x-amzn-errortype` header, status from @httpError, body `{"message": ..., ...extra}`.
 * awsQuery: `<ErrorResponse>` XML in the service's namespace.
 */
export function sendError(res: ServerResponse, protocol: Protocol, err: AwsServiceError, xmlNamespace?: string): void {
  if (protocol === 'query') {
    sendQueryError(res, err, xmlNamespace);
  } else if (protocol === 'json') {
    sendJson(res, err.status, { __type: err.type, message: err.message, ...err.extra }, AWS_JSON_CONTENT_TYPE, err.headers);
  } else {
    sendJson(res, err.status, { message: err.message, ...err.extra }, 'application/json', {
      ...err.headers,
      'x-amzn-errortype': err.type,
    });
  }
}

/**
 * The type a protocol uses for throttling, and its status (restJson services model it as 429, with
 * `retryAfterSeconds` bound to the Retry-After header).
 */
export function throttlingError(protocol: Protocol): { type: string; status: number; message: string; headers: Record<string, string> } {
  if (protocol === 'query') return { type: 'Throttling', status: 400, message: 'Rate exceeded', headers: {} };
  return protocol === 'json'
    ? { type: 'ThrottlingException', status: 400, message: 'Rate exceeded', headers: {} }
    : { type: 'ThrottlingException', status: 429, message: 'Rate exceeded', headers: { 'retry-after': '1' } };
}
