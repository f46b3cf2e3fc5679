// The Profiler view's model and presentation without an editor, against the emulator's demo account:
// groups → time ranges ending where the data ends → custom range, recommendations, findings; a failed
// listing becomes one error row naming the failing operation.
import * as assert from 'node:assert/strict';
import { ClientCache } from '../../../src/aws/clients';
import * as codeguru from '../../../src/profiler/service/codeguru';
import { ProfilerTreeModel, type ProfilerFailure, type ProfilerNode } from '../../../src/profiler/tree/model';
import { presentProfilerNode } from '../../../src/profiler/tree/present';
import { useEmulator } from '../emulator/core.helpers';

describe('Profiler tree model (emulator)', function () {
  this.timeout(30_000);
  const fixture = useEmulator({ seed: { dataset: 'demo' }, speed: 0 });
  afterEach(() => fixture.emulator.faults.clear());
  const target = { profile: 'demo', region: 'us-east-1' };

  function model(failures: ProfilerFailure[] = []): ProfilerTreeModel {
    const config = fixture.emulator.clientConfig();
    const clients = new ClientCache(() => async () => config.credentials);
    return new ProfilerTreeModel({
      current: () => target,
      codeguru: () => codeguru,
      client: (t) => clients.get('codeguruprofiler', { ...t, endpointUrl: fixture.emulator.url, retryMode: 'standard', maxAttempts: 1 }),
      explain: (f) => { failures.push(f); return `explained ${f.operation}`; },
      now: () => new Date(fixture.emulator.clock.now()),
    });
  }
  const labels = (nodes: ProfilerNode[], now: Date): string[] => nodes.map((n) => presentProfilerNode(n, now).label);

  it('lists groups, then ranges with profile counts, a custom range, recommendations and findings', async () => {
    const m = model();
    const now = new Date(fixture.emulator.clock.now());
    const groups = await m.children();
    assert.deepEqual(labels(groups, now), ['agent-encoder-example', 'billing-lambda', 'checkout-worker', 'edge-proxy', 'orders-api', 'orders-service']);
    const lambda = presentProfilerNode(groups[1]!, now);
    assert.match(lambda.description ?? '', /^(last report .+|no reports yet) · Lambda$/);
    assert.equal(lambda.contextValue, 'conveyor.profiler.group');
    const orders = groups.find((g) => g.kind === 'group' && g.name === 'orders-api')!;
    // The default platform is not repeated on every row (it is in the tooltip).
    const ordersRow = presentProfilerNode(orders, now);
    assert.match(ordersRow.description ?? '', /^(last report .+|no reports yet)$/);
    assert.match(ordersRow.tooltip ?? '', /EC2 \/ ECS \/ other/);
    const children = await m.children(orders);
    assert.deepEqual(labels(children, now), ['Last hour', 'Last day', 'Last week', 'Custom range…', 'Recommendations', 'Findings reports']);
    const day = presentProfilerNode(children[1]!, now);
    assert.match(day.description ?? '', / · \d+ hourly profiles?$/);
    assert.deepEqual(day.command, { id: 'conveyor.profiler.openRange', title: 'Open Flame Graph' });
    const recommendations = await m.children(children[4]);
    assert.ok(recommendations.length > 0);
    assert.ok(recommendations.every((r) => r.kind === 'recommendation' || r.kind === 'anomaly' || r.kind === 'message'));
  });

  it('gives every row a stable, unique id in the one scheme', async () => {
    const m = model();
    const now = new Date(fixture.emulator.clock.now());
    const groups = await m.children();
    const children = await m.children(groups.find((g) => g.kind === 'group' && g.name === 'orders-api'));
    const ids = [...groups, ...children].map((n) => presentProfilerNode(n, now).id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(ids, [...await m.children(), ...await m.children(groups.find((g) => g.kind === 'group' && g.name === 'orders-api'))]
      .map((n) => presentProfilerNode(n, now).id), 'the same rows get the same ids on the next listing');
  });

  it('turns a failed listing into one error row with the operation that failed', async () => {
    const failures: ProfilerFailure[] = [];
    fixture.emulator.faults.add({ operation: 'ListProfilingGroups', kind: 'error', status: 403, errorType: 'AccessDeniedException', message: 'denied', times: 1 });
    const rows = await model(failures).children();
    assert.equal(rows.length, 1);
    const row = presentProfilerNode(rows[0]!, new Date());
    assert.deepEqual([row.label, row.description, row.contextValue], ['Couldn’t list profiling groups', 'explained ListProfilingGroups', 'conveyor.profiler.error']);
    assert.equal(row.command?.id, 'conveyor.profiler.showError');
    assert.deepEqual(failures.map((f) => [f.operation, f.target]), [['ListProfilingGroups', target]]);
  });

  it('says so when nothing is configured or nothing is there', async () => {
    const m = new ProfilerTreeModel({ current: () => undefined, codeguru: () => codeguru, client: () => { throw new Error('no client'); }, explain: () => '', now: () => new Date() });
    assert.deepEqual(await m.children(), []);
  });
});
