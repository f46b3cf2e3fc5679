// The core's dispatch: awsJson targets, restJson URI patterns with labels, raw routes, and how each
// protocol renders errors — exercised with a small test service module.
import assert from 'node:assert/strict';
import { AwsServiceError, type ServiceRegistry, StreamingReply } from '../../emulator/core/contract';
import { startCore, type EmulatorCore } from '../../emulator/core/server';
import { compileUriPattern, matchUriPattern } from '../../emulator/core/uri-pattern';
import { signedCall } from './core.helpers';

function testModule(registry: ServiceRegistry): void {
  registry.json('Things_20240101', 'things', {
    Echo: (input, req) => ({ input, accountId: req.accountId, region: req.region, principal: req.principal }),
    Conflict: () => {
      throw new AwsServiceError('ConflictException', 'busy', 409);
    },
    Crash: () => {
      throw new Error('boom');
    },
    Stream: () => new StreamingReply({ 'content-type': 'text/plain' }, (res) => res.end('streamed')),
  });
  registry.rest('things', [
    { method: 'GET', pattern: '/things/{thingName}', operation: 'GetThing', handler: (req, labels) => ({ body: { name: labels.thingName, q: req.query.get('q') } }) },
    { method: 'GET', pattern: '/things/{thingName}/items', operation: 'ListItems', handler: (_req, labels) => ({ body: { items: [labels.thingName] } }) },
    { method: 'GET', pattern: '/things/special/items', operation: 'Special', handler: () => ({ body: { special: true } }) },
    { method: 'GET', pattern: '/files/{key+}/meta', operation: 'FileMeta', handler: (_req, labels) => ({ body: { key: labels.key } }) },
    {
      method: 'POST', pattern: '/things/{thingName}', operation: 'PutThing', handler: () => {
        throw new AwsServiceError('ResourceNotFoundException', 'no such thing', 404, { resourceId: 't1', resourceType: 'thing' }, { 'retry-after': '3' });
      },
    },
  ]);
  registry.raw({ prefix: '/_raw/', handler: (req, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end(`raw ${req.method} ${req.path}`); } });
}

describe('emulator core: routing and error rendering', () => {
  let core: EmulatorCore;
  const logged: string[] = [];
  before(async () => {
    core = await startCore({ compose: testModule, log: (line) => logged.push(line) });
  });
  after(() => core.close());

  const json = (op: string, body: unknown = {}) => signedCall(core.url, {
    service: 'things', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `Things_20240101.${op}` }, body: JSON.stringify(body),
  });

  it('dispatches awsJson on X-Amz-Target and tells the handler who signed, for which account and region', async () => {
    const res = await signedCall(core.url, {
      service: 'things', region: 'eu-west-1',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Things_20240101.Echo' }, body: '{"a":1}',
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/x-amz-json-1.1');
    assert.deepEqual(JSON.parse(res.body), { input: { a: 1 }, accountId: '111111111111', region: 'eu-west-1', principal: 'AKIAEMULATORMAIN0001' });
  });

  it('renders awsJson errors as __type + message with the status the error carries', async () => {
    const res = await json('Conflict');
    assert.equal(res.status, 409);
    assert.deepEqual(JSON.parse(res.body), { __type: 'ConflictException', message: 'busy' });
    const crash = await json('Crash');
    assert.equal(crash.status, 500);
    assert.equal((JSON.parse(crash.body) as { __type: string }).__type, 'InternalFailure');
    assert.match(logged.join('\n'), /handler failed: Error: boom/);
  });

  it('answers an unknown operation or target with UnknownOperationException, bad JSON with SerializationException', async () => {
    assert.match((await json('Nope')).body, /UnknownOperationException/);
    const bad = await signedCall(core.url, {
      service: 'things', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Things_20240101.Echo' }, body: '{not json',
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /SerializationException/);
    const arr = await signedCall(core.url, {
      service: 'things', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Things_20240101.Echo' }, body: '[1]',
    });
    assert.match(arr.body, /SerializationException/);
  });

  it('hands a streaming reply the raw response', async () => {
    const res = await json('Stream');
    assert.equal(res.status, 200);
    assert.equal(res.body, 'streamed');
  });

  it('matches restJson routes by method and URI pattern, decoding labels, literal segments first', async () => {
    const name = 'a b/ü+*';
    const res = await signedCall(core.url, { service: 'things', method: 'GET', path: `/things/${encodeURIComponent(name)}`, query: { q: "it's (1) * 2 ~ ü" } });
    assert.equal(res.status, 200, res.body);
    assert.deepEqual(JSON.parse(res.body), { name, q: "it's (1) * 2 ~ ü" });
    const special = await signedCall(core.url, { service: 'things', method: 'GET', path: '/things/special/items' });
    assert.deepEqual(JSON.parse(special.body), { special: true });
    const items = await signedCall(core.url, { service: 'things', method: 'GET', path: '/things/other/items' });
    assert.deepEqual(JSON.parse(items.body), { items: ['other'] });
    const greedy = await signedCall(core.url, { service: 'things', method: 'GET', path: '/files/a/b/c.txt/meta' });
    assert.deepEqual(JSON.parse(greedy.body), { key: 'a/b/c.txt' });
  });

  it('renders restJson errors with x-amzn-errortype, the @httpError status, extra members and headers', async () => {
    const res = await signedCall(core.url, { service: 'things', method: 'POST', path: '/things/t1', body: '{}' });
    assert.equal(res.status, 404);
    assert.equal(res.headers['x-amzn-errortype'], 'ResourceNotFoundException');
    assert.equal(res.headers['retry-after'], '3');
    assert.deepEqual(JSON.parse(res.body), { message: 'no such thing', resourceId: 't1', resourceType: 'thing' });
  });

  it('renders restJson signature failures with x-amzn-errortype and 403', async () => {
    const res = await signedCall(core.url, { service: 'things', method: 'GET', path: '/things/x', credentials: { accessKeyId: 'AKIAEMULATORMAIN0001', secretAccessKey: 'bad' } });
    assert.equal(res.status, 403);
    assert.equal(res.headers['x-amzn-errortype'], 'InvalidSignatureException');
    const missing = await signedCall(core.url, { service: 'things', method: 'GET', path: '/things/x', unsigned: true });
    assert.equal(missing.status, 403);
    assert.equal(missing.headers['x-amzn-errortype'], 'MissingAuthenticationTokenException');
  });

  it('answers 404 for no route and 405 for a known path under another method', async () => {
    const none = await signedCall(core.url, { service: 'things', method: 'GET', path: '/nothing/here' });
    assert.equal(none.status, 404);
    const wrong = await signedCall(core.url, { service: 'things', method: 'DELETE', path: '/things/x' });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers['x-amzn-errortype'], 'UnknownOperationException');
  });

  it('serves raw routes by prefix without SigV4', async () => {
    const res = await fetch(`${core.url}/_raw/some%20thing`);
    assert.equal(await res.text(), 'raw GET /_raw/some thing');
  });

  it('lists the registered operations', () => {
    assert.deepEqual(core.operations(), [
      'things:Conflict', 'things:Crash', 'things:Echo', 'things:FileMeta', 'things:GetThing', 'things:ListItems', 'things:PutThing', 'things:Special', 'things:Stream',
    ]);
  });
});

describe('emulator core: Smithy URI patterns', () => {
  it('requires query literals in the pattern', () => {
    const p = compileUriPattern('/v1/package?format=npm&flag');
    assert.ok(matchUriPattern(p, ['v1', 'package'], new URLSearchParams('format=npm&flag=')));
    assert.equal(matchUriPattern(p, ['v1', 'package'], new URLSearchParams('format=pypi&flag=')), undefined);
    assert.equal(matchUriPattern(p, ['v1', 'package'], new URLSearchParams('format=npm')), undefined);
  });

  it('does not let a label match an empty segment or span segments', () => {
    const p = compileUriPattern('/a/{b}/c');
    assert.equal(matchUriPattern(p, ['a', 'c'], new URLSearchParams()), undefined);
    assert.equal(matchUriPattern(p, ['a', 'x', 'y', 'c'], new URLSearchParams()), undefined);
    assert.deepEqual(matchUriPattern(p, ['a', 'x', 'c'], new URLSearchParams()), { b: 'x' });
  });
});
