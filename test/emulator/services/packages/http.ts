import type { ServerResponse } from 'node:http';
import type { EmuRequest } from '../../core/contract';

/** Writes a complete reply; HEAD requests get the same headers without the body. */
export function send(req: EmuRequest, res: ServerResponse, status: number, body: Buffer | string, headers: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'Content-Length': String(bytes.length), ...headers });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

export function sendJson(req: EmuRequest, res: ServerResponse, status: number, value: unknown, contentType = 'application/json'): void {
  send(req, res, status, JSON.stringify(value), { 'Content-Type': contentType });
}

/** npm's error body shape; other tools just show the text. */
export function sendError(req: EmuRequest, res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  send(req, res, status, JSON.stringify({ error: message }), { 'Content-Type': 'application/json', ...headers });
}

export function header(req: EmuRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
