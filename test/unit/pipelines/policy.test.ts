import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { jitteredBackoff } from '../../../src/core/polling/backoff';
import { intervalFor } from '../../../src/core/polling/tasks';
import { desiredTasks, NO_INTEREST, pollingAllowed, type Interest } from '../../../src/pipelines/polling/policy';
import { DEFAULT_REFRESH_SETTINGS, normalizeRefreshSettings } from '../../../src/core/polling/settings';
import type { PipelineKey } from '../../../src/pipelines/model/types';

const S = DEFAULT_REFRESH_SETTINGS;
const k = (name: string, target = 'T'): PipelineKey => ({ target, name });
const base: Interest = { ...NO_INTEREST, windowFocused: true, viewVisible: true, targets: ['T'] };

describe('refresh policy', () => {
  it('polls only in a focused window while the view shows or something is pinned/watched', () => {
    assert.equal(pollingAllowed({ ...base }, S), true);
    assert.equal(pollingAllowed({ ...base, windowFocused: false }, S), false);
    assert.equal(pollingAllowed({ ...base, viewVisible: false }, S), false);
    assert.equal(pollingAllowed({ ...base, viewVisible: false, pinned: [k('a')] }, S), true);
    assert.equal(pollingAllowed({ ...base, viewVisible: false, watched: [k('a')] }, S), true);
    assert.equal(pollingAllowed({ ...base, viewVisible: false, watched: [k('a')], windowFocused: false }, S), false);
    assert.equal(pollingAllowed({ ...base }, { ...S, enabled: false }), false);
    assert.deepEqual(desiredTasks({ ...base, windowFocused: false, displayed: [k('a')] }, S, () => true), []);
  });

  it('asks GetPipelineState only for expanded pipelines and running watched ones, never for the merely listed', () => {
    const displayed = Array.from({ length: 50 }, (_, i) => k(`p${i}`));
    const tasks = desiredTasks({ ...base, displayed, expanded: [k('p3')], watched: [k('w-run'), k('w-idle')] }, S,
      (p) => p.name === 'w-run' || p.name === 'p7');
    const states = tasks.filter((t) => t.kind === 'state').map((t) => t.pipeline).sort();
    assert.deepEqual(states, ['p3', 'w-run']);
    const latest = tasks.filter((t) => t.kind === 'latest');
    assert.equal(latest.length, 52);
    assert.equal(latest.find((t) => t.pipeline === 'p7')?.tier, 'active');
    assert.equal(latest.find((t) => t.pipeline === 'p0')?.tier, 'idle');
    assert.equal(latest.find((t) => t.pipeline === 'p3')?.tier, 'watched');
    assert.equal(latest.find((t) => t.pipeline === 'w-idle')?.tier, 'watched');
    assert.deepEqual(tasks.filter((t) => t.kind === 'list').map((t) => t.target), ['T']);
  });

  it('keeps only pinned/watched work while the view is hidden', () => {
    const tasks = desiredTasks({ ...base, viewVisible: false, displayed: [k('a')], expanded: [k('a')], pinned: [k('pin')] }, S, () => false);
    assert.deepEqual(tasks.map((t) => [t.kind, t.pipeline, t.tier]), [['latest', 'pin', 'watched']]);
  });

  it('merges duplicates keeping the fastest tier', () => {
    const tasks = desiredTasks({ ...base, displayed: [k('a')], pinned: [k('a')], expanded: [k('a')] }, S, () => true);
    const latest = tasks.filter((t) => t.kind === 'latest');
    assert.equal(latest.length, 1);
    assert.equal(latest[0]?.tier, 'active');
  });

  it('expanded "Executions" nodes are polled, and tracked (your commit) running pipelines get state', () => {
    const tasks = desiredTasks({ ...base, executionsExpanded: [k('x')], tracked: [k('c')] }, S, (p) => p.name === 'c');
    assert.ok(tasks.some((t) => t.kind === 'executions' && t.pipeline === 'x' && t.tier === 'watched'));
    assert.ok(tasks.some((t) => t.kind === 'state' && t.pipeline === 'c' && t.tier === 'active'));
  });

  it('intervals: active backs off ×1.5 to the cap, watched and idle are fixed', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 20].map((n) => intervalFor('active', n, S)), [5000, 5000, 7500, 11250, 16875, 25313, 30000, 30000]);
    assert.equal(intervalFor('watched', 9, S), 60_000);
    assert.equal(intervalFor('idle', 0, S), 300_000);
  });

  it('normalises settings: seconds to ms, clamped, max ≥ active', () => {
    const s = normalizeRefreshSettings((key) => ({ activeIntervalSeconds: 10, activeMaxIntervalSeconds: 2, maxConcurrency: 99, idleIntervalSeconds: 'x', enabled: false } as Record<string, unknown>)[key]);
    assert.deepEqual(s, { enabled: false, activeIntervalMs: 10_000, activeMaxIntervalMs: 10_000, watchedIntervalMs: 60_000, idleIntervalMs: 300_000, maxConcurrency: 16 });
    assert.deepEqual(normalizeRefreshSettings(() => undefined), S);
  });

  it('jittered backoff stays within [ceiling/2, ceiling] and never exceeds the cap (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }),
      (attempt, baseMs, capMs, r) => {
        const d = jitteredBackoff(attempt, baseMs, capMs, () => r);
        const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1));
        return d >= Math.floor(ceiling / 2) && d <= Math.ceil(ceiling) && d <= capMs;
      }));
  });
});
