// What every API request goes through before its handler: counting, SigV4, faults and added latency.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { AwsServiceError } from './contract';
import type { FaultRegistry } from './faults';
import { AWS_JSON_CONTENT_TYPE, type Protocol, sendError as sendProtocolError, throttlingError } from './protocol';
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
  /** awsQuery: the namespace errors are rendered in. */
  xmlNamespace?: string;
}

const MALFORMED: Record<Protocol, { contentType: string; text: string }> = {
  json: { contentType: AWS_JSON_CONTENT_TYPE, text: '{"malformed": [1, 2, ' },
  rest: { contentType: 'application/json', text: '{"malformed": [1, 2, ' },
  query: { contentType: 'text/xml', text: '<?xml version="1.0"?><Malformed><Unclosed>' },
};

/**
 * Returns the verified caller when the request may proceed to its handler; otherwise it has already
 * answered (error, throttle, malformed body) or dropped the connection, and returns undefined.
 */
export async function passGate(ctx: GateContext, input: GateInput): Promise<VerifiedCaller | undefined> {
  const { req, res, protocol } = input;
  const sendError = (err: AwsServiceError): void => sendProtocolError(res, protocol, err, input.xmlNamespace);
  ctx.stats.countOperation(input.signingName, input.operation);
  let caller: VerifiedCaller;
  try {
    caller = verifySignature({ method: req.method ?? 'GET', rawUrl: req.url ?? '/', rawHeaders: req.rawHeaders, body: input.body }, input.signingName, protocol);
  } catch (err) {
    if (err instanceof AwsServiceError) {
      sendError(err);
      return undefined;
    }
    throw err;
  }
  const decision = ctx.faults.decide(input.signingName, input.operation);
  const delay = decision.delayMs + ctx.latencyMs;
  if (delay > 0) await sleep(delay);
  if (decision.held) await decision.held;
  const fault = decision.terminal;
  if (!fault) return caller;
  switch (fault.kind) {
    case 'drop':
      req.socket.destroy();
      return undefined;
    case 'malformed': {
      const { contentType, text } = MALFORMED[protocol];
      res.writeHead(200, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
      return undefined;
    }
    case 'throttle': {
      const t = throttlingError(protocol);
      sendError(new AwsServiceError(t.type, fault.message ?? t.message, fault.status ?? t.status, fault.extra ?? {}, t.headers));
      return undefined;
    }
    default: {
      const type = fault.errorType ?? (protocol === 'rest' ? 'InternalServerException' : 'InternalFailure');
      const status = fault.status ?? (fault.errorType ? 400 : 500);
      sendError(new AwsServiceError(type, fault.message ?? `Injected fault: ${type}`, status, fault.extra ?? {}));
      return undefined;
    }
  }
}
