// awsQuery requests (STS): `Action=…&Version=…` form-encoded in a POST body (the SDK, botocore) or in
// a GET query string; the Version names the service, since every service shares the emulator's host.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { passGate } from './api-gate';
import { AwsServiceError, type EmuRequest } from './contract';
import { type DispatchContext, internalError } from './dispatch';
import { sendError } from './protocol';
import { sendQueryResult } from './query-xml';

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export function isQueryRequest(method: string, rawPath: string, headers: IncomingHttpHeaders, query: URLSearchParams): boolean {
  if (rawPath !== '/' || headers['x-amz-target'] !== undefined) return false;
  if (method === 'GET') return query.has('Action');
  return method === 'POST' && (headers['content-type'] ?? '').toLowerCase().startsWith(FORM_CONTENT_TYPE);
}

export async function dispatchQuery(ctx: DispatchContext, req: IncomingMessage, res: ServerResponse, method: string,
  body: Buffer, query: URLSearchParams): Promise<void> {
  const params = method === 'POST' ? new URLSearchParams(body.toString('utf8')) : query;
  const action = params.get('Action');
  const version = params.get('Version');
  if (!action) {
    sendError(res, 'query', new AwsServiceError('MissingAction', 'Missing Action'));
    return;
  }
  const service = version ? ctx.router().query(version) : undefined;
  if (!service) {
    sendError(res, 'query', new AwsServiceError('InvalidAction', `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`));
    return;
  }
  const { xmlNamespace } = service;
  const caller = await passGate(ctx, { req, res, body, protocol: 'query', signingName: service.signingName, operation: action, xmlNamespace });
  if (!caller) return;
  const op = service.operations[action];
  if (!op) {
    sendError(res, 'query', new AwsServiceError('InvalidAction', `Could not find operation ${action} for version ${service.version}`), xmlNamespace);
    return;
  }
  const emuReq: EmuRequest = {
    method, path: '/', query, headers: req.headers, body,
    principal: caller.accessKeyId, accountId: caller.accountId, region: caller.region,
  };
  try {
    sendQueryResult(res, action, xmlNamespace, await op(params, emuReq));
  } catch (err) {
    sendError(res, 'query', err instanceof AwsServiceError ? err : internalError(ctx, 'query', err), xmlNamespace);
  }
}
