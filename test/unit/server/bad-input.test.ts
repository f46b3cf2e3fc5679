// The server survives what the linter survives: every hostile document gets its diagnostics, every
// editor request on it is answered, and the server keeps serving the next document.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { SOURCE_SERVER, TestClient } from './lsp-client';

function hostileDocuments(): [string, string][] {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const line = '      - echo "a fairly long build command that takes some room on the line" && make target\n';
  let block = 'version: 0.2\nphases:\n';
  for (let i = 1; i < 3000; i++) block += `${' '.repeat(i)}k${i}:\n`;
  const noise = fc.sample(fc.string({ unit: 'grapheme', maxLength: 400 }), { numRuns: 40, seed: 16 });
  return [
    ['alias bomb', `version: 0.2\nx-bomb:\n${levels.map((l) => `  ${l}`).join('\n')}\nphases:\n  build:\n    commands: *l\n`],
    ['17 MB', `version: 0.2\nphases:\n  build:\n    commands:\n${line.repeat(Math.ceil((17 * 1024 * 1024) / line.length))}`],
    ['binary', '\u0000\u0001\u0002PNG\r\n\u001a\n\u0000\u0000'],
    ['deep flow nesting', `version: 0.2\nphases: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
    ['deep block nesting', block],
    ['unterminated everything', 'version: 0.2\nphases:\n  build:\n    commands: ["a, {b: [c\n  "\n\t- \'x'],
    ...noise.map((text, i): [string, string] => [`noise ${i}`, text]),
  ];
}

describe('language server on hostile documents', function () {
  this.timeout(300_000);
  let client: TestClient;
  before(async () => {
    ({ client } = await TestClient.start(SOURCE_SERVER, { configuration: () => ({}) }));
  });
  after(async () => {
    await client.stop();
  });

  it('publishes diagnostics for each, answers every request on it, and stays up', async () => {
    const docs = hostileDocuments();
    for (const [name, text] of docs) {
      const uri = `file:///ws/hostile/${encodeURIComponent(name)}/buildspec.yml`;
      await client.open(uri, text);
      const ds: Diagnostic[] = await client.diagnosticsOf(uri);
      assert.ok(ds.every((d) => d.code !== 'internal/error'), `${name}: ${JSON.stringify(ds)}`);
      const lines = text.split('\n').length;
      const position = { line: Math.floor(lines / 2), character: 1 };
      for (const [method, params] of [
        ['textDocument/completion', { textDocument: { uri }, position }],
        ['textDocument/hover', { textDocument: { uri }, position }],
        ['textDocument/documentSymbol', { textDocument: { uri } }],
        ['textDocument/foldingRange', { textDocument: { uri } }],
        ['textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: ds } }],
      ] as const) {
        await client.request(method, params).catch((err: unknown) => assert.fail(`${name}: ${method} failed: ${String(err)}`));
      }
      await client.close(uri);
    }
    assert.ok(client.alive);
    const uri = 'file:///ws/after/buildspec.yml';
    await client.open(uri, 'version: 0.2\nphases:\n  biuld:\n    commands: [make]\n');
    assert.deepEqual((await client.diagnosticsOf(uri, (d) => d.length > 0)).map((d) => d.code), ['schema/unknown-key']);
  });
});
