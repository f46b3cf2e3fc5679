import * as assert from 'node:assert/strict';
import { viewTree } from '../../../src/profiler/model/call-tree';
import { availableViews, parseViewSetting, resolveView, viewLabel, viewMask } from '../../../src/profiler/model/counters';
import { nodeAt, parseCodeGuruJson } from './helpers';

const jvm = parseCodeGuruJson(JSON.stringify({
  agentMetadata: { sampleWeights: { RUNNABLE: 10, BLOCKED: 10, NATIVE: 10, WAITING: 10, TIMED_WAITING: 10, IDLE: 10 } },
  callgraph: { children: { 'java.lang.Thread.run': { children: {
    'com.example.App.work': { counts: { RUNNABLE: 50, BLOCKED: 5, NATIVE: 3 } },
    'com.example.App.wait': { counts: { WAITING: 20, TIMED_WAITING: 7, IDLE: 100 } },
  } } } },
}));

describe('profiler: counter views', () => {
  it('CPU = RUNNABLE+BLOCKED+NATIVE, latency = all but IDLE, a state = itself', () => {
    assert.equal(viewTree(jvm, 'cpu').total[0], 58);
    assert.equal(viewTree(jvm, 'latency').total[0], 85);
    assert.equal(viewTree(jvm, 'counter:IDLE').total[0], 100);
    assert.equal(viewTree(jvm, 'counter:TIMED_WAITING').total[0], 7);
    assert.equal(viewTree(jvm, 'wall').total[0], 0);
  });

  it('computes seconds from sample weights across several counters', () => {
    const cpu = viewTree(jvm, 'cpu');
    assert.equal(cpu.totalSeconds![0], 5.8);
    const work = nodeAt(cpu, ['java.lang.Thread.run', 'com.example.App.work']);
    assert.equal(cpu.selfSeconds![work], 5.8);
  });

  it('does not double count WALL_TIME in latency when thread states exist', () => {
    assert.deepEqual(viewMask('latency', ['RUNNABLE', 'WALL_TIME', 'IDLE']), [true, false, false]);
    assert.deepEqual(viewMask('latency', ['WALL_TIME', 'SAMPLES']), [true, true]);
  });

  it('parses the setting leniently', () => {
    assert.equal(parseViewSetting('CPU'), 'cpu');
    assert.equal(parseViewSetting('runnable'), 'counter:RUNNABLE');
    assert.equal(parseViewSetting('timed_waiting'), 'counter:TIMED_WAITING');
    assert.equal(parseViewSetting('WALL_TIME'), 'wall');
    assert.equal(parseViewSetting(42), 'cpu');
    assert.equal(parseViewSetting(''), 'cpu');
    assert.equal(parseViewSetting('counter:SAMPLES'), 'counter:SAMPLES');
    assert.equal(viewLabel('counter:BLOCKED'), 'Blocked time');
  });

  it('labels views and counters in words (thread states, pprof sample types)', () => {
    assert.deepEqual(['cpu', 'latency', 'wall', 'counter:TIMED_WAITING', 'counter:IDLE', 'counter:alloc_space', 'counter:inuse_objects', 'counter:cpu',
      'counter:samples', 'counter:SOME_AGENT_COUNTER', 'counter:my.custom'].map((v) => viewLabel(v as Parameters<typeof viewLabel>[0])),
    ['CPU time', 'Latency', 'Wall time', 'Timed waiting time', 'Idle time', 'Allocated bytes', 'In-use objects', 'CPU time',
      'Samples', 'Some agent counter', 'my.custom']);
  });

  it('offers only views with samples and falls back from an empty one', () => {
    const views = availableViews(jvm.tree.counters, jvm.counterTotals);
    assert.ok(views.includes('cpu') && views.includes('latency') && views.includes('counter:IDLE'));
    assert.ok(!views.includes('wall'));
    assert.deepEqual(resolveView('wall', jvm.tree.counters, jvm.counterTotals), { view: 'cpu', fellBack: true });
    assert.deepEqual(resolveView('cpu', ['WALL_TIME'], [3]), { view: 'wall', fellBack: true });
    assert.deepEqual(resolveView('cpu', ['SAMPLES'], [3]), { view: 'latency', fellBack: true });
    assert.deepEqual(resolveView('counter:IDLE', jvm.tree.counters, jvm.counterTotals), { view: 'counter:IDLE', fellBack: false });
  });
});
