import * as assert from 'node:assert/strict';
import { TurnQueue } from '../../../src/core/turn-queue';

/** A queue whose turns the test runs one at a time: `turns` holds what nextTurn was given. */
function stepped(): { queue: TurnQueue; turns: (() => void)[]; turn: () => Promise<void> } {
  const turns: (() => void)[] = [];
  const queue = new TurnQueue((callback) => { turns.push(callback); });
  return {
    queue, turns,
    // One turn, then its microtasks (what resolving its task started).
    turn: async () => { turns.shift()?.(); await Promise.resolve(); await Promise.resolve(); },
  };
}

describe('TurnQueue: one task per event-loop turn, lowest rank first', () => {
  it('runs nothing in the caller\'s turn, then one task per turn in rank order', async () => {
    const { queue, turns, turn } = stepped();
    const log: string[] = [];
    const ran = [queue.run(4, () => log.push('codebuild')), queue.run(0, () => log.push('pipelines')), queue.run(3, () => log.push('deploy'))];
    assert.deepEqual(log, []);
    assert.equal(turns.length, 1, 'one turn is asked for at a time');
    await turn();
    assert.deepEqual(log, ['pipelines']);
    await turn();
    assert.deepEqual(log, ['pipelines', 'deploy']);
    await turn();
    assert.deepEqual(log, ['pipelines', 'deploy', 'codebuild']);
    assert.equal(turns.length, 0);
    await Promise.all(ran);
  });

  it('what a task\'s caller does with its result runs before the next task', async () => {
    const { queue, turn } = stepped();
    const log: string[] = [];
    const first = queue.run(0, () => { log.push('load pipelines'); return 'pipelines'; }).then((feature) => { log.push(`rows of ${feature}`); });
    const second = queue.run(1, () => { log.push('load artifacts'); return 'artifacts'; }).then((feature) => { log.push(`rows of ${feature}`); });
    await turn();
    await turn();
    await Promise.all([first, second]);
    assert.deepEqual(log, ['load pipelines', 'rows of pipelines', 'load artifacts', 'rows of artifacts']);
  });

  it('equal ranks run in the order they came; a task queued later with a lower rank goes before those waiting', async () => {
    const { queue, turn } = stepped();
    const log: string[] = [];
    void queue.run(5, () => log.push('a'));
    void queue.run(5, () => log.push('b'));
    await turn();
    void queue.run(1, () => log.push('c'));
    await turn();
    await turn();
    assert.deepEqual(log, ['a', 'c', 'b']);
  });

  it('a task that throws rejects its own promise only', async () => {
    const { queue, turn } = stepped();
    const failing = queue.run(0, () => { throw new Error('bundle missing'); });
    const next = queue.run(1, () => 'loaded');
    await turn();
    await assert.rejects(failing, /bundle missing/);
    await turn();
    assert.equal(await next, 'loaded');
  });

  it('disposed: waiting tasks are rejected and never run, new ones are refused', async () => {
    const { queue, turn } = stepped();
    let ran = false;
    const waiting = queue.run(0, () => { ran = true; });
    queue.dispose();
    await assert.rejects(waiting, /disposed/);
    await turn();
    assert.equal(ran, false);
    await assert.rejects(queue.run(0, () => undefined), /disposed/);
  });

  it('with the default scheduler (setImmediate), tasks run on later turns, each followed by its caller\'s microtasks', async () => {
    const queue = new TurnQueue();
    const log: string[] = [];
    const done = Promise.all([
      queue.run(1, () => log.push('second')).then(() => log.push('after second')),
      queue.run(0, () => log.push('first')).then(() => Promise.resolve()).then(() => log.push('after first')),
    ]);
    log.push('caller');
    await done;
    assert.deepEqual(log, ['caller', 'first', 'after first', 'second', 'after second']);
  });
});
