// The web build loads its profiler bundle on the first profile: from the extension's files through
// workspace.fs (code-server, a remote) or over http(s) (vscode.dev serves the extension's files by URL).
// Both ways here, the second from a local server that serves the built bundle as vscode.dev would.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadWebProfiler } from '../../../src/profiler/editor/web-profiler-loader';
import { EXTENSION_ID } from '../foundation/helpers';

describe('Web profiler bundle loading', function () {
  this.timeout(60_000);
  const extension = (): vscode.Extension<unknown> => vscode.extensions.getExtension(EXTENSION_ID)!;
  let server: http.Server;
  let origin = '';
  const requests: string[] = [];

  before(async () => {
    const bundle = fs.readFileSync(path.join(extension().extensionPath, 'dist', 'web', 'profiler.js'));
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/extension/dist/web/profiler.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      else res.writeHead(404, { 'content-type': 'text/html' }).end('<html>Not Found</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads the bundle from the extension\'s own files', async () => {
    const profiler = await loadWebProfiler(extension().extensionUri);
    assert.equal(typeof profiler.createWebProfiler, 'function');
  });

  it('fetches the bundle by URL, as on vscode.dev', async () => {
    const profiler = await loadWebProfiler(vscode.Uri.parse(`${origin}/extension`));
    assert.equal(typeof profiler.createWebProfiler, 'function');
    assert.deepEqual(requests, ['/extension/dist/web/profiler.js']);
  });

  it('says which URL failed instead of running an error page as code', async () => {
    await assert.rejects(loadWebProfiler(vscode.Uri.parse(`${origin}/moved`)),
      new RegExp(`^Error: Couldn't load the flame graph code from ${origin.replace(/\./g, '\\.')}/moved/dist/web/profiler\\.js: HTTP 404 Not Found$`));
  });
});
