// StartLiveTail over the binary event stream, consumed with the real SDK's async iterator.
import assert from 'node:assert/strict';
import { type LiveTailSessionLogEvent, StartLiveTailCommand, type StartLiveTailResponseStream } from '@aws-sdk/client-cloudwatch-logs';
import { rejectsWith, useEmulator } from './core.helpers';

const GROUP = '/aws/codebuild/live-test';
const ARN = `arn:aws:logs:us-east-1:111111111111:log-group:${GROUP}`;

describe('emulator: CloudWatch Logs StartLiveTail', function () {
  this.timeout(20_000);
  const fixture = useEmulator({ speed: 0, liveTailIntervalMs: 50 });
  before(() => {
    fixture.emulator.state.logs.region('111111111111', 'us-east-1').ensureGroup(GROUP);
  });

  const put = (stream: string, ...messages: string[]) =>
    fixture.emulator.state.logs.region('111111111111', 'us-east-1').put(GROUP, stream, messages.map((message) => ({ timestamp: fixture.emulator.clock.now(), message })));

  /** Reads events until `until` says stop; returns what was read. */
  async function read(stream: AsyncIterable<StartLiveTailResponseStream>, until: (results: LiveTailSessionLogEvent[], updates: number) => boolean) {
    const results: LiveTailSessionLogEvent[] = [];
    let start: StartLiveTailResponseStream['sessionStart'];
    let updates = 0;
    for await (const event of stream) {
      if (event.sessionStart) start = event.sessionStart;
      if (event.sessionUpdate) {
        updates++;
        results.push(...(event.sessionUpdate.sessionResults ?? []));
        assert.equal(event.sessionUpdate.sessionMetadata?.sampled, false);
      }
      if (until(results, updates)) break;
    }
    return { start, results, updates };
  }

  it('sends sessionStart at once, then updates with the events ingested since, honouring the filter pattern', async () => {
    const abort = new AbortController();
    const res = await fixture.clients.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN], logEventFilterPattern: '-DEBUG' }), { abortSignal: abort.signal });
    let sent = false;
    const { start, results, updates } = await read(res.responseStream!, (r, n) => {
      if (n >= 1 && !sent) {
        sent = true;
        put('build-1', '[Container] Entering phase BUILD', 'DEBUG noise', 'npm test');
      }
      return r.length >= 2;
    });
    abort.abort();
    assert.equal(start!.logGroupIdentifiers![0], ARN);
    assert.match(start!.sessionId!, /^[0-9a-f-]{36}$/);
    assert.equal(start!.logEventFilterPattern, '-DEBUG');
    assert.ok(updates >= 2, 'an empty update arrives before the events');
    assert.deepEqual(results.map((r) => r.message), ['[Container] Entering phase BUILD', 'npm test']);
    assert.equal(results[0]!.logStreamName, 'build-1');
    assert.equal(results[0]!.logGroupIdentifier, ARN);
    assert.equal(typeof results[0]!.ingestionTime, 'number');
  });

  it('filters by log stream name prefix', async () => {
    const abort = new AbortController();
    const res = await fixture.clients.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [GROUP], logStreamNamePrefixes: ['keep-'] }), { abortSignal: abort.signal });
    let sent = false;
    const { results } = await read(res.responseStream!, (r, n) => {
      if (n >= 1 && !sent) {
        sent = true;
        put('drop-1', 'dropped');
        put('keep-1', 'kept');
      }
      return r.length >= 1;
    });
    abort.abort();
    assert.deepEqual(results.map((r) => r.message), ['kept']);
  });

  it('ends with SessionTimeoutException after three hours of simulated time', async () => {
    const res = await fixture.clients.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN] }));
    const iterate = async () => {
      for await (const event of res.responseStream!) {
        if (event.sessionStart) fixture.emulator.clock.advance(3 * 3_600_000);
      }
    };
    await rejectsWith(iterate(), 'SessionTimeoutException');
  });

  it('rejects unknown log groups and invalid combinations before streaming', async () => {
    await rejectsWith(fixture.clients.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: ['arn:aws:logs:us-east-1:111111111111:log-group:/nope'] })), 'ResourceNotFoundException');
    await rejectsWith(fixture.clients.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN], logStreamNames: ['a'], logStreamNamePrefixes: ['b'] })), 'InvalidParameterException');
    await rejectsWith(fixture.clients.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [] })), 'InvalidParameterException');
  });

  it('closes the session when the client aborts', async () => {
    const region = fixture.emulator.state.logs.region('111111111111', 'us-east-1');
    const abort = new AbortController();
    const res = await fixture.clients.logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN] }), { abortSignal: abort.signal });
    const iterator = res.responseStream![Symbol.asyncIterator]();
    await iterator.next();
    assert.equal(region.liveSessions, 1);
    abort.abort();
    await iterator.next().catch(() => undefined);
    for (let i = 0; i < 100 && region.liveSessions > 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(region.liveSessions, 0);
  });
});
