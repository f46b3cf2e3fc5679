// Dispatches one HTTP request: admin routes, raw routes, awsQuery actions, awsJson1_1 targets and restJson1 routes.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ADMIN_PREFIX, type AdminContext, handleAdmin } from './admin';
import { passGate, type GateContext } from './api-gate';
import { AwsServiceError, type EmuReply, type EmuRequest, EMULATOR_ACCOUNTS, StreamingReply } from './contract';
import { dispatchQuery, isQueryRequest } from './dispatch-query';
import { readBody } from './http-body';
import { AWS_JSON_CONTENT_TYPE, type Protocol, sendError, sendJson } from './protocol';
import type { Router } from './router';
import { decodePathSegments } from './uri-pattern';

export interface DispatchContext extends GateContext {
  router(): Router;
  admin: AdminContext;
  /** Where unexpected handler failures are reported. */
  log(line: string): void;
}

const DEFAULT_REGION = 'us-east-1';

function splitUrl(rawUrl: string): { rawPath: string; query: URLSearchParams; rawQuery: string } {
  const q = rawUrl.indexOf('?');
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
  return { rawPath, rawQuery, query: new URLSearchParams(rawQuery) };
}

export function internalError(ctx: DispatchContext, protocol: Protocol, err: unknown): AwsServiceError {
  ctx.log(`[emulator] handler failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return new AwsServiceError(protocol === 'rest' ? 'InternalServerException' : 'InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);
}

export async function dispatch(ctx: DispatchContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.setHeader('x-amzn-requestid', randomUUID());
  const method = (req.method ?? 'GET').toUpperCase();
  const { rawPath, query } = splitUrl(req.url ?? '/');
  const body = await readBody(req);
  const router = ctx.router();

  if (rawPath.startsWith(ADMIN_PREFIX) && handleAdmin(ctx.admin, method, rawPath, body, res)) return;

  const raw = router.raw(rawPath);
  if (raw) {
    ctx.stats.countRaw(raw.prefix);
    const emuReq: EmuRequest = {
      method, path: safeDecodePath(rawPath), query, headers: req.headers, body,
      accountId: EMULATOR_ACCOUNTS.main.accountId, region: DEFAULT_REGION,
    };
    try {
      await raw.handler(emuReq, res);
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, 'rest', err instanceof AwsServiceError ? err : internalError(ctx, 'rest', err));
    }
    return;
  }

  if (isQueryRequest(method, rawPath, req.headers, query)) {
    await dispatchQuery(ctx, req, res, method, body, query);
    return;
  }
  const amzTarget = req.headers['x-amz-target'];
  if (typeof amzTarget === 'string' && method === 'POST') {
    await dispatchJson(ctx, req, res, amzTarget, body, query);
    return;
  }
  await dispatchRest(ctx, req, res, method, rawPath, query, body);
}

function safeDecodePath(rawPath: string): string {
  const segments = decodePathSegments(rawPath);
  return segments ? `/${segments.join('/')}${rawPath.endsWith('/') && segments.length ? '/' : ''}` : rawPath;
}

async function dispatchJson(ctx: DispatchContext, req: IncomingMessage, res: ServerResponse, amzTarget: string,
  body: Buffer, query: URLSearchParams): Promise<void> {
  const found = ctx.router().json(amzTarget);
  if (!found) {
    sendError(res, 'json', new AwsServiceError('UnknownOperationException', `Unknown target: ${amzTarget}`));
    return;
  }
  const { target, operation } = found;
  const caller = await passGate(ctx, { req, res, body, protocol: 'json', signingName: target.signingName, operation });
  if (!caller) return;
  const op = target.operations[operation];
  if (!op) {
    sendError(res, 'json', new AwsServiceError('UnknownOperationException', `Operation ${operation} is not supported by this emulator.`));
    return;
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    sendError(res, 'json', new AwsServiceError('SerializationException', 'Unexpected character: the request body is not valid JSON'));
    return;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    sendError(res, 'json', new AwsServiceError('SerializationException', 'Start of structure or map expected'));
    return;
  }
  const emuReq: EmuRequest = {
    method: 'POST', path: '/', query, headers: req.headers, body,
    principal: caller.accessKeyId, accountId: caller.accountId, region: caller.region,
  };
  try {
    const output = await op(input as Record<string, unknown>, emuReq);
    if (output instanceof StreamingReply) {
      res.writeHead(200, output.headers);
      output.start(res);
      return;
    }
    sendJson(res, 200, output ?? {}, AWS_JSON_CONTENT_TYPE);
  } catch (err) {
    sendError(res, 'json', err instanceof AwsServiceError ? err : internalError(ctx, 'json', err));
  }
}

async function dispatchRest(ctx: DispatchContext, req: IncomingMessage, res: ServerResponse, method: string, rawPath: string,
  query: URLSearchParams, body: Buffer): Promise<void> {
  const router = ctx.router();
  const segments = decodePathSegments(rawPath);
  const match = segments ? router.rest(method, segments, query) : undefined;
  if (!match || !segments) {
    const known = segments ? router.restPathExists(segments, query) : false;
    sendError(res, 'rest', new AwsServiceError('UnknownOperationException',
      known ? `Method ${method} is not allowed on ${rawPath}` : `No operation matches ${method} ${rawPath}`, known ? 405 : 404));
    return;
  }
  const caller = await passGate(ctx, { req, res, body, protocol: 'rest', signingName: match.signingName, operation: match.route.operation });
  if (!caller) return;
  const emuReq: EmuRequest = {
    method, path: `/${segments.join('/')}`, query, headers: req.headers, body,
    principal: caller.accessKeyId, accountId: caller.accountId, region: caller.region,
  };
  let reply: EmuReply;
  try {
    reply = await match.route.handler(emuReq, match.labels);
  } catch (err) {
    sendError(res, 'rest', err instanceof AwsServiceError ? err : internalError(ctx, 'rest', err));
    return;
  }
  sendRestReply(res, reply);
}

function sendRestReply(res: ServerResponse, reply: EmuReply): void {
  if (reply.stream) {
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    if (reply.status) res.statusCode = reply.status;
    reply.stream(res);
    return;
  }
  const status = reply.status ?? 200;
  const headers = reply.headers ?? {};
  const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
  if (reply.body === undefined || reply.body === null) {
    res.writeHead(status, headers);
    res.end();
  } else if (Buffer.isBuffer(reply.body) || typeof reply.body === 'string' || reply.body instanceof Uint8Array) {
    const buf = typeof reply.body === 'string' ? Buffer.from(reply.body) : Buffer.from(reply.body);
    res.writeHead(status, { ...(hasType ? {} : { 'content-type': 'application/octet-stream' }), ...headers, 'content-length': String(buf.length) });
    res.end(buf);
  } else {
    const text = JSON.stringify(reply.body);
    res.writeHead(status, { ...(hasType ? {} : { 'content-type': 'application/json' }), ...headers, 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
  }
}
