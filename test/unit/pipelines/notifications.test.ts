import * as assert from 'node:assert/strict';
import { DEFAULT_NOTIFY_SETTINGS, NotificationTracker } from '../../../src/pipelines/model/notifications';
import { action, execution, runtime, stage, T } from './fixtures';

const key = { target: T, name: 'web' };
const running = (id: string) => execution(id, { status: 'InProgress' });
const approvalState = (token: string) => runtime([stage('Prod', [action('Approve', { status: 'InProgress', token })], { status: 'InProgress' })]);
const kinds = (ns: { kind: string }[]): string[] => ns.map((n) => n.kind);

describe('watched pipeline notifications', () => {
  it('takes the first observation as the baseline', () => {
    const t = new NotificationTracker();
    assert.deepEqual(t.observe(key, [execution('e2', { status: 'Failed' }), execution('e1')], approvalState('tok'), DEFAULT_NOTIFY_SETTINGS), []);
    assert.deepEqual(t.observe(key, [execution('e2', { status: 'Failed' }), execution('e1')], approvalState('tok'), DEFAULT_NOTIFY_SETTINGS), []);
  });

  it('reports a run that finishes after watching began, once', () => {
    const t = new NotificationTracker();
    t.observe(key, [running('e3'), execution('e2')], undefined, DEFAULT_NOTIFY_SETTINGS);
    assert.deepEqual(t.observe(key, [running('e3'), execution('e2')], undefined, DEFAULT_NOTIFY_SETTINGS), []);
    const failed = t.observe(key, [execution('e3', { status: 'Failed' }), execution('e2')], undefined, DEFAULT_NOTIFY_SETTINGS);
    assert.deepEqual(kinds(failed), ['failed']);
    assert.equal(failed[0]?.kind === 'failed' && failed[0].execution.id, 'e3');
    assert.deepEqual(t.observe(key, [execution('e3', { status: 'Failed' })], undefined, DEFAULT_NOTIFY_SETTINGS), []);
  });

  it('reports runs that started and finished between two polls, oldest first', () => {
    const t = new NotificationTracker();
    t.observe(key, [execution('e1')], undefined, DEFAULT_NOTIFY_SETTINGS);
    const out = t.observe(key, [execution('e3'), execution('e2', { status: 'Failed' }), execution('e1')], undefined, DEFAULT_NOTIFY_SETTINGS);
    assert.deepEqual(out.map((n) => (n.kind === 'approval' ? n.kind : `${n.kind}:${n.execution.id}`)), ['failed:e2', 'succeeded:e3']);
  });

  it('reports each new approval token once', () => {
    const t = new NotificationTracker();
    t.observe(key, undefined, runtime([stage('Prod', [action('Approve', { status: 'Succeeded' })])]), DEFAULT_NOTIFY_SETTINGS);
    const first = t.observe(key, undefined, approvalState('tok-1'), DEFAULT_NOTIFY_SETTINGS);
    assert.deepEqual(kinds(first), ['approval']);
    assert.equal(first[0]?.kind === 'approval' && first[0].approval.actionName, 'Approve');
    assert.deepEqual(t.observe(key, undefined, approvalState('tok-1'), DEFAULT_NOTIFY_SETTINGS), []);
    assert.deepEqual(kinds(t.observe(key, undefined, approvalState('tok-2'), DEFAULT_NOTIFY_SETTINGS)), ['approval']);
  });

  it('honours the three toggles', () => {
    const t = new NotificationTracker();
    const off = { failed: false, succeeded: false, approval: false };
    t.observe(key, [running('e1')], runtime([]), off);
    assert.deepEqual(t.observe(key, [execution('e1', { status: 'Failed' })], approvalState('x'), off), []);
    const onlySuccess = { failed: false, succeeded: true, approval: false };
    t.observe(key, [running('e2')], undefined, onlySuccess);
    assert.deepEqual(kinds(t.observe(key, [execution('e2')], undefined, onlySuccess)), ['succeeded']);
  });

  it('forget() starts a new baseline', () => {
    const t = new NotificationTracker();
    t.observe(key, [running('e1')], undefined, DEFAULT_NOTIFY_SETTINGS);
    t.forget(key);
    assert.deepEqual(t.observe(key, [execution('e1', { status: 'Failed' })], undefined, DEFAULT_NOTIFY_SETTINGS), []);
  });
});
