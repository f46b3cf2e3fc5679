// What every API request goes through before its handler: counting, SigV4, faults and added latency.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { AwsServiceError } from './contract';
import type { FaultRegistry } from './faults';
import { AWS_JSON_CONTENT_TYPE, type Protocol, sendError, throttlingError } from './protocol';
import { verifySignature, type VerifiedCaller } from './sigv4/verify';
import type { Stats } from './stats';

export interface GateContext {
  faults: FaultRegistry;
  stats: Stats;
  latencyMs: number;
}

export interface GateInput {
  req: IncomingMessage;
  res: ServerResponse;
  body: Buffer;
  protocol: Protocol;
  signingName: string;
  operation: string;
}

/**
 * Returns the verified caller when the request may proceed to its handler; otherwise it has already
 * answered (error, throttle, malformed body) or dropped the connection, and returns undefined.
 */
export async function passGate(ctx: GateContext, input: GateInput): Promise<VerifiedCaller | undefined> {
  const { req, res, protocol } = input;
  ctx.stats.countOperation(input.signingName, input.operation);
  let caller: VerifiedCaller;
  try {
    caller = verifySignature({ method: req.method ?? 'GET', rawUrl: req.url ?? '/', rawHeaders: req.rawHeaders, body: input.body }, input.signingName, protocol);
  } catch (err) {
    if (err instanceof AwsServiceError) {
      sendError(res, protocol, err);
      return undefined;
    }
    throw err;
  }
  const decision = ctx.faults.decide(input.signingName, input.operation);
  const delay = decision.delayMs + ctx.latencyMs;
  if (delay > 0) await sleep(delay);
  const fault = decision.terminal;
  if (!fault) return caller;
  switch (fault.kind) {
    case 'drop':
      req.socket.destroy();
      return undefined;
    case 'malformed': {
      const contentType = protocol === 'json' ? AWS_JSON_CONTENT_TYPE : 'application/json';
      const text = '{"malformed": [1, 2, ';
      res.writeHead(200, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
      return undefined;
    }
    case 'throttle': {
      const t = throttlingError(protocol);
      sendError(res, protocol, new AwsServiceError(t.type, fault.message ?? t.message, fault.status ?? t.status, fault.extra ?? {}, t.headers));
      return undefined;
    }
    default: {
      const type = fault.errorType ?? (protocol === 'json' ? 'InternalFailure' : 'InternalServerException');
      const status = fault.status ?? (fault.errorType ? 400 : 500);
      sendError(res, protocol, new AwsServiceError(type, fault.message ?? `Injected fault: ${type}`, status, fault.extra ?? {}));
      return undefined;
    }
  }
}
