// The HTTP server against real clients' connection pools (issue 12: `pnpm install` against the emulator
// failed with `read ECONNRESET` on a busy machine). Clients keep an idle connection and reuse it:
// pnpm's agentkeepalive for 4 s, Node's http.Agent and undici until 1 s before the server's announced
// `Keep-Alive: timeout`, urllib3 (pip, twine, Poetry, the AWS CLI) until the server closes it. A server
// that closes an idle connection at the very time it announces leaves a busy client, whose timer
// starts late, writing its next request into a closed socket.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { setTimeout as idle } from 'node:timers/promises';
import { useEmulator } from './core.helpers';

interface Exchange {
  status: number;
  headers: Map<string, string>;
}

/** One raw HTTP/1.1 connection, so that "the same connection" is certain (an agent may silently open another). */
class Connection {
  private buffered = Buffer.alloc(0);
  private waiter: (() => void) | undefined;
  closedAfterMs: number | undefined;
  private lastResponseAt = 0;

  private constructor(private readonly socket: Socket, private readonly host: string) {
    socket.on('data', (chunk: Buffer) => { this.buffered = Buffer.concat([this.buffered, chunk]); this.waiter?.(); });
    const closed = (): void => { this.closedAfterMs ??= Date.now() - this.lastResponseAt; this.waiter?.(); };
    socket.on('end', closed);
    socket.on('close', closed);
    socket.on('error', closed);
  }

  static open(url: string): Promise<Connection> {
    const { hostname, port, host } = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => resolve(new Connection(socket, host)));
      socket.once('error', reject);
    });
  }

  async get(path: string): Promise<Exchange> {
    this.socket.write(`GET ${path} HTTP/1.1\r\nHost: ${this.host}\r\nConnection: keep-alive\r\n\r\n`);
    for (;;) {
      const response = this.parse();
      if (response) {
        this.lastResponseAt = Date.now();
        return response;
      }
      if (this.closedAfterMs !== undefined) throw new Error(`the server closed the connection instead of answering GET ${path}`);
      await new Promise<void>((resolve) => { this.waiter = resolve; });
    }
  }

  private parse(): Exchange | undefined {
    const end = this.buffered.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine = '', ...lines] = this.buffered.subarray(0, end).toString('latin1').split('\r\n');
    const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    const length = Number(headers.get('content-length') ?? 'NaN');
    assert.ok(Number.isInteger(length), `the emulator answers with a content-length: ${statusLine}`);
    if (this.buffered.length < end + 4 + length) return undefined;
    this.buffered = this.buffered.subarray(end + 4 + length);
    return { status: Number(statusLine.split(' ')[1]), headers };
  }

  destroy(): void {
    this.socket.destroy();
  }
}

describe('emulator core: keep-alive connections', function () {
  this.timeout(60_000);
  const fixture = useEmulator({ speed: 0 });

  it('keeps an idle connection open well past the keep-alive timeout it announces', async () => {
    const connection = await Connection.open(fixture.emulator.url);
    try {
      const first = await connection.get('/_emulator/info');
      assert.equal(first.status, 200);
      const hint = /timeout=(\d+)/.exec(first.headers.get('keep-alive') ?? '')?.[1];
      assert.ok(hint, `the reply announces how long an idle connection stays open: ${JSON.stringify([...first.headers])}`);
      // A client that honours the hint but whose timer started 2 s late (its event loop was busy when
      // the reply arrived), or one that ignores the hint. The idle time itself is what is tested here.
      const lateBy = 2_000;
      await idle(Number(hint) * 1000 + lateBy);
      assert.equal(connection.closedAfterMs, undefined,
        `the server closed the idle connection after ${((connection.closedAfterMs ?? 0) / 1000).toFixed(1)} s, `
        + `though it announced ${hint} s: a client ${lateBy / 1000} s late would write its next request into a closed socket (ECONNRESET)`);
      const second = await connection.get('/_emulator/info');
      assert.equal(second.status, 200);
    } finally {
      connection.destroy();
    }
  });
});
