// CloudWatch Logs reads through the real SDK: listings, GetLogEvents token semantics, FilterLogEvents
// patterns and interleaving, and the modeled errors.
import assert from 'node:assert/strict';
import {
  DescribeLogGroupsCommand, DescribeLogStreamsCommand, FilterLogEventsCommand, GetLogEventsCommand, paginateDescribeLogGroups,
  paginateGetLogEvents,
} from '@aws-sdk/client-cloudwatch-logs';
import { rejectsWith, useEmulator } from './core.helpers';

const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);

describe('emulator: CloudWatch Logs API (real SDK over HTTP)', function () {
  this.timeout(30_000);
  const fixture = useEmulator({ speed: 0 });
  before(() => {
    const logs = fixture.emulator.state.logs.region('111111111111', 'us-east-1');
    for (let g = 0; g < 7; g++) logs.ensureGroup(`/aws/lambda/fn-${g}`, { retentionInDays: 7 });
    logs.ensureGroup('/app/web');
    // Two streams whose events interleave in time.
    logs.put('/app/web', 'web-a', Array.from({ length: 10 }, (_, i) => ({ timestamp: T0 + i * 2_000, message: `a${i} GET /cart ${i % 3 === 0 ? 'ERROR timeout' : 'OK'}` })));
    logs.put('/app/web', 'web-b', Array.from({ length: 10 }, (_, i) => ({ timestamp: T0 + i * 2_000 + 1_000, message: `b${i} POST /pay ${i % 4 === 0 ? 'WARN slow' : 'OK'}` })));
    logs.ensureStream('/app/web', 'web-empty');
  });

  it('describes log groups by prefix, pages them, and returns only three fields for a name pattern', async () => {
    const byPrefix = await fixture.clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/', limit: 5 }));
    assert.deepEqual(byPrefix.logGroups!.map((g) => g.logGroupName), ['/aws/lambda/fn-0', '/aws/lambda/fn-1', '/aws/lambda/fn-2', '/aws/lambda/fn-3', '/aws/lambda/fn-4']);
    assert.ok(byPrefix.nextToken);
    const g = byPrefix.logGroups![0]!;
    assert.equal(g.arn, 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/fn-0:*');
    assert.equal(g.logGroupArn, 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/lambda/fn-0');
    assert.equal(g.retentionInDays, 7);
    assert.equal(g.logGroupClass, 'STANDARD');
    const all: string[] = [];
    for await (const page of paginateDescribeLogGroups({ client: fixture.clients.logs, pageSize: 3 }, {})) all.push(...page.logGroups!.map((x) => x.logGroupName!));
    assert.equal(all.length, 8);
    const pattern = await fixture.clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: 'web' }));
    assert.deepEqual(pattern.logGroups, [{ logGroupName: '/app/web', creationTime: pattern.logGroups![0]!.creationTime, arn: 'arn:aws:logs:us-east-1:111111111111:log-group:/app/web:*' }]);
    await rejectsWith(fixture.clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/a', logGroupNamePattern: 'b' })), 'InvalidParameterException');
    const tooMany = await rejectsWith(fixture.clients.logs.send(new DescribeLogGroupsCommand({ limit: 51 })), 'InvalidParameterException');
    assert.match(tooMany.message, /at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50/);
  });

  it('describes log streams by name or last event time, by group name or ARN', async () => {
    const byName = await fixture.clients.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/app/web' }));
    assert.deepEqual(byName.logStreams!.map((s) => s.logStreamName), ['web-a', 'web-b', 'web-empty']);
    const a = byName.logStreams![0]!;
    assert.equal(a.firstEventTimestamp, T0);
    assert.equal(a.lastEventTimestamp, T0 + 18_000);
    assert.equal(a.arn, 'arn:aws:logs:us-east-1:111111111111:log-group:/app/web:log-stream:web-a');
    assert.equal(byName.logStreams![2]!.lastEventTimestamp, undefined);
    const recent = await fixture.clients.logs.send(new DescribeLogStreamsCommand({
      logGroupIdentifier: 'arn:aws:logs:us-east-1:111111111111:log-group:/app/web', orderBy: 'LastEventTime', descending: true, limit: 1,
    }));
    assert.deepEqual(recent.logStreams!.map((s) => s.logStreamName), ['web-b']);
    const next = await fixture.clients.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/app/web', orderBy: 'LastEventTime', descending: true, limit: 1, nextToken: recent.nextToken }));
    assert.deepEqual(next.logStreams!.map((s) => s.logStreamName), ['web-a']);
    const desc = await fixture.clients.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/app/web', logStreamNamePrefix: 'web-', descending: true, limit: 2 }));
    assert.deepEqual(desc.logStreams!.map((s) => s.logStreamName), ['web-empty', 'web-b']);
    await rejectsWith(fixture.clients.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/app/web', orderBy: 'LastEventTime', logStreamNamePrefix: 'web' })), 'InvalidParameterException');
    await rejectsWith(fixture.clients.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/nope' })), 'ResourceNotFoundException');
    await rejectsWith(fixture.clients.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/app/web', logGroupIdentifier: '/app/web' })), 'InvalidParameterException');
  });

  it('GetLogEvents: newest page first by default, forward pages from the head, the same token at the end', async () => {
    const tail = await fixture.clients.logs.send(new GetLogEventsCommand({ logGroupName: '/app/web', logStreamName: 'web-a', limit: 3 }));
    assert.deepEqual(tail.events!.map((e) => e.message!.split(' ')[0]), ['a7', 'a8', 'a9']);
    assert.match(tail.nextForwardToken!, /^f\/\d{56}\/s$/);
    assert.match(tail.nextBackwardToken!, /^b\/\d{56}\/s$/);
    const end = await fixture.clients.logs.send(new GetLogEventsCommand({ logGroupName: '/app/web', logStreamName: 'web-a', nextToken: tail.nextForwardToken, startFromHead: true }));
    assert.deepEqual(end.events, []);
    assert.equal(end.nextForwardToken, tail.nextForwardToken);
    const back = await fixture.clients.logs.send(new GetLogEventsCommand({ logGroupName: '/app/web', logStreamName: 'web-a', nextToken: tail.nextBackwardToken, limit: 3 }));
    assert.deepEqual(back.events!.map((e) => e.message!.split(' ')[0]), ['a4', 'a5', 'a6']);

    const seen: string[] = [];
    let token: string | undefined;
    for (;;) {
      const page = await fixture.clients.logs.send(new GetLogEventsCommand({ logGroupName: '/app/web', logStreamName: 'web-a', startFromHead: true, limit: 4, ...(token ? { nextToken: token } : {}) }));
      seen.push(...page.events!.map((e) => e.message!.split(' ')[0]!));
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
    assert.deepEqual(seen, Array.from({ length: 10 }, (_, i) => `a${i}`));

    const viaPaginator: string[] = [];
    for await (const page of paginateGetLogEvents({ client: fixture.clients.logs, stopOnSameToken: true }, { logGroupName: '/app/web', logStreamName: 'web-b', startFromHead: true, limit: 3 })) {
      viaPaginator.push(...page.events!.map((e) => e.message!.split(' ')[0]!));
    }
    assert.equal(viaPaginator.length, 10);

    const range = await fixture.clients.logs.send(new GetLogEventsCommand({ logGroupName: '/app/web', logStreamName: 'web-a', startTime: T0 + 4_000, endTime: T0 + 10_000, startFromHead: true }));
    assert.deepEqual(range.events!.map((e) => e.message!.split(' ')[0]), ['a2', 'a3', 'a4']);
    assert.equal(typeof range.events![0]!.ingestionTime, 'number');
  });

  it('GetLogEvents errors: unknown stream or group, bad token', async () => {
    await rejectsWith(fixture.clients.logs.send(new GetLogEventsCommand({ logGroupName: '/app/web', logStreamName: 'nope' })), 'ResourceNotFoundException');
    await rejectsWith(fixture.clients.logs.send(new GetLogEventsCommand({ logGroupName: '/nope', logStreamName: 'web-a' })), 'ResourceNotFoundException');
    await rejectsWith(fixture.clients.logs.send(new GetLogEventsCommand({ logGroupName: '/app/web', logStreamName: 'web-a', nextToken: 'garbage' })), 'InvalidParameterException');
  });

  it('FilterLogEvents interleaves streams by time and applies term, phrase, optional, excluded and regex patterns', async () => {
    const all = await fixture.clients.logs.send(new FilterLogEventsCommand({ logGroupName: '/app/web' }));
    assert.equal(all.events!.length, 20);
    assert.deepEqual(all.events!.slice(0, 4).map((e) => `${e.logStreamName}:${e.message!.split(' ')[0]}`), ['web-a:a0', 'web-b:b0', 'web-a:a1', 'web-b:b1']);
    assert.match(all.events![0]!.eventId!, /^\d{56}$/);
    assert.deepEqual(all.searchedLogStreams, []);
    const count = async (filterPattern: string) => (await fixture.clients.logs.send(new FilterLogEventsCommand({ logGroupName: '/app/web', filterPattern }))).events!.length;
    assert.equal(await count('ERROR'), 4);
    assert.equal(await count('"ERROR timeout"'), 4);
    assert.equal(await count('?ERROR ?WARN'), 7);
    assert.equal(await count('OK -POST'), 6);
    assert.equal(await count('%a[0-2] GET%'), 3);
    assert.equal(await count('error'), 0, 'patterns are case-sensitive');
    const one = await fixture.clients.logs.send(new FilterLogEventsCommand({ logGroupName: '/app/web', logStreamNames: ['web-b'], filterPattern: 'WARN' }));
    assert.ok(one.events!.every((e) => e.logStreamName === 'web-b'));
    const window = await fixture.clients.logs.send(new FilterLogEventsCommand({ logGroupName: '/app/web', startTime: T0 + 1_000, endTime: T0 + 3_000 }));
    assert.deepEqual(window.events!.map((e) => e.message!.split(' ')[0]), ['b0', 'a1', 'b1']);
    await rejectsWith(fixture.clients.logs.send(new FilterLogEventsCommand({ logGroupName: '/app/web', filterPattern: '{ $.level = "error" }' })), 'InvalidParameterException');
    await rejectsWith(fixture.clients.logs.send(new FilterLogEventsCommand({ logGroupName: '/app/web', logStreamNames: ['web-a'], logStreamNamePrefix: 'web' })), 'InvalidParameterException');
  });

  it('FilterLogEvents pages with nextToken until none is returned', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await fixture.clients.logs.send(new FilterLogEventsCommand({ logGroupName: '/app/web', limit: 6, ...(nextToken ? { nextToken } : {}) }));
      seen.push(...page.events!.map((e) => e.eventId!));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    assert.equal(pages, 4);
    assert.equal(new Set(seen).size, 20);
    await rejectsWith(fixture.clients.logs.send(new FilterLogEventsCommand({ logGroupName: '/app/web', nextToken: 'garbage' })), 'InvalidParameterException');
  });
});
