// The language server over stdio, as any editor runs it: diagnostics, the editor features, settings
// through workspace/configuration, stale text, cancellation, and never blocking on one document.
import * as assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, InitializeResult } from 'vscode-languageserver-protocol';
import { CancellationTokenSource, SOURCE_SERVER, TestClient } from './lsp-client';

const BROKEN = 'version: 0.2\nphases:\n  biuld:\n    commands:\n      - make\n';
const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));

describe('language server (stdio)', function () {
  this.timeout(120_000);
  let client: TestClient;
  let init: InitializeResult;
  let rules: Record<string, string> = {};

  before(async () => {
    ({ client, init } = await TestClient.start(SOURCE_SERVER, { configuration: () => ({ rules }) }));
  });
  after(async () => {
    await client.stop();
  });

  it('announces its features', () => {
    const caps = init.capabilities;
    assert.ok(caps.completionProvider && caps.hoverProvider && caps.codeActionProvider && caps.documentSymbolProvider && caps.foldingRangeProvider);
  });

  it('publishes the engine\'s diagnostics with rule, link and fixes, and the quick fixes as code actions', async () => {
    const uri = 'file:///ws/buildspec.yml';
    await client.open(uri, BROKEN);
    const ds = await client.diagnosticsOf(uri, (d) => d.length > 0);
    assert.deepEqual(codes(ds), ['schema/unknown-key']);
    assert.equal(ds[0]?.source, 'conveyor');
    assert.equal(ds[0]?.range.start.line, 2);
    assert.match(ds[0]?.codeDescription?.href ?? '', /^https:\/\/docs\.aws\.amazon\.com\//);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: ds[0]?.range, context: { diagnostics: ds } });
    assert.deepEqual(actions.map((a) => a.title), ["Change to 'build'", 'Disable schema/unknown-key for this line']);
    assert.deepEqual(actions[0]?.edit?.changes?.[uri], [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 7 } }, newText: 'build' }]);
    await client.change(uri, BROKEN.replace('biuld', 'build'), 2);
    assert.deepEqual(await client.diagnosticsOf(uri, undefined, 2), []);
    await client.close(uri);
  });

  it('completes, hovers, outlines and folds a buildspec', async () => {
    const uri = 'file:///ws/buildspec.yaml';
    const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n  \n';
    await client.open(uri, text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 2 } });
    assert.ok(items.some((i) => i.label === 'install') && !items.some((i) => i.label === 'build'), JSON.stringify(items.map((i) => i.label)));
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.match(JSON.stringify(h?.contents), /phase/i);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.some((s) => s.name === 'phases'), JSON.stringify(symbols.map((s) => s.name)));
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === 1), JSON.stringify(folds));
    await client.close(uri);
  });

  it('reads conveyor.validation through workspace/configuration, and again when it changes', async () => {
    const uri = 'file:///ws/settings/buildspec.yml';
    await client.open(uri, BROKEN);
    assert.deepEqual(codes(await client.diagnosticsOf(uri, (d) => d.length > 0)), ['schema/unknown-key']);
    rules = { 'schema/unknown-key': 'off' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnosticsOf(uri, (d) => d.length === 0);
    rules = { 'schema/unknown-key': 'warning' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const ds = await client.diagnosticsOf(uri, (d) => d.length > 0);
    assert.equal(ds[0]?.severity, 2);
    rules = {};
    await client.close(uri);
  });

  it('never answers with the text of a closed document whose URI is reused', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, 'version: 0.2\nphases:\n  \n', 'yaml', 1);
    const first = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 2 } });
    assert.ok(first.some((i) => i.label === 'pre_build'));
    await client.close(uri);
    await client.open(uri, 'version: 0.0\nos: linux\n\n', 'yaml', 1);
    const second = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 0 } });
    assert.ok(second.some((i) => i.label === 'hooks') && !second.some((i) => i.label === 'pre_build'), JSON.stringify(second.map((i) => i.label)));
    await client.close(uri);
  });

  it('cancels a request the client gave up on', async () => {
    const uri = 'file:///ws/cancel/buildspec.yml';
    await client.open(uri, BROKEN);
    const source = new CancellationTokenSource();
    const pending = client.request('textDocument/documentSymbol', { textDocument: { uri } }, source);
    source.cancel();
    await assert.rejects(pending, (err: { code?: number }) => err.code === -32800);
    await client.close(uri);
  });

  it('answers a document\'s outline and folding after its diagnostics, so they do not compete with the validation', async () => {
    const big = 'file:///ws/outline-after/buildspec.yml';
    const keys = Array.from({ length: 16_000 }, (_, i) => `unknown_key_${i}: ${i}`).join('\n');
    await client.open(big, `version: 0.2\nphases:\n  build:\n    commands: [make]\n${keys}\n`);
    await client.until(() => JSON.stringify(client.configurationRequests).includes(big), 'the settings of the large document');
    const published = (): boolean => client.diagnostics.has(big);
    const [symbolsAfter, foldsAfter] = await Promise.all([
      client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: big } }).then(published),
      client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: big } }).then(published),
    ]);
    assert.deepEqual({ symbolsAfter, foldsAfter }, { symbolsAfter: true, foldsAfter: true });
    await client.close(big);
  });

  it('keeps answering while a large document is validated', async () => {
    const big = 'file:///ws/big/buildspec.yml';
    const keys = Array.from({ length: 16_000 }, (_, i) => `unknown_key_${i}: ${i}`).join('\n');
    const small = 'file:///ws/small/buildspec.yml';
    await client.open(small, 'version: 0.2\nphases:\n  build:\n    commands: [make]\n');
    await client.diagnosticsOf(small);
    await client.open(big, `version: 0.2\nphases:\n  build:\n    commands: [make]\n${keys}\n`);
    // Validation starts as soon as the server has the document's settings: ask only then.
    await client.until(() => JSON.stringify(client.configurationRequests).includes(big), 'the settings of the large document');
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 1, character: 2 } });
    assert.ok(h, 'hover answered');
    assert.equal(client.diagnostics.has(big), false, 'answered before the large document\'s diagnostics');
    assert.equal((await client.diagnosticsOf(big, (d) => d.length > 0)).length, 16_000);
    await client.close(big);
    await client.close(small);
  });
});
