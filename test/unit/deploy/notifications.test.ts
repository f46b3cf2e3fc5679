// When a watched deployment group is news: the first observation is the baseline; a deployment that
// fails, succeeds, is stopped or waits is reported once; one replaced between two polls (a rollback)
// is reported after it is loaded by id; the settings silence each kind.
import assert from 'node:assert/strict';
import { DEFAULT_DEPLOY_NOTIFY, DeployNotificationTracker } from '../../../src/deploy/model/notifications';
import { notificationText } from '../../../src/deploy/present/notifications';

const G = 'group';
const all = DEFAULT_DEPLOY_NOTIFY;

describe('deploy: notifications for watched groups', () => {
  it('takes the first observation as the baseline, then reports each end once', () => {
    const t = new DeployNotificationTracker();
    assert.deepEqual(t.observeGroup(G, { id: 'd-1', status: 'Failed' }, all), { notifications: [], unresolved: [] });
    assert.deepEqual(t.observeGroup(G, { id: 'd-1', status: 'Failed' }, all).notifications, []);
    assert.deepEqual(t.observeGroup(G, { id: 'd-2', status: 'InProgress' }, all).notifications, []);
    assert.deepEqual(t.observeGroup(G, { id: 'd-2', status: 'Succeeded' }, all).notifications, [{ kind: 'succeeded', groupKey: G, deploymentId: 'd-2' }]);
    assert.deepEqual(t.observeGroup(G, { id: 'd-2', status: 'Succeeded' }, all).notifications, []);
    assert.deepEqual(t.observeGroup(G, { id: 'd-3', status: 'Stopped' }, all).notifications, [{ kind: 'stopped', groupKey: G, deploymentId: 'd-3' }],
      'a deployment that started and ended between two polls is news too');
  });

  it('reports a wait, then how the waiting deployment ends', () => {
    const t = new DeployNotificationTracker();
    t.observeGroup(G, { id: 'd-1', status: 'InProgress' }, all);
    assert.deepEqual(t.observeGroup(G, { id: 'd-1', status: 'Ready' }, all).notifications.map((n) => n.kind), ['waiting']);
    assert.deepEqual(t.observeGroup(G, { id: 'd-1', status: 'InProgress' }, all).notifications, []);
    assert.deepEqual(t.observeGroup(G, { id: 'd-1', status: 'Succeeded' }, all).notifications.map((n) => n.kind), ['succeeded']);
  });

  it('does not report a wait that was already there when watching began', () => {
    const t = new DeployNotificationTracker();
    t.observeGroup(G, { id: 'd-1', status: 'Ready' }, all);
    assert.deepEqual(t.observeGroup(G, { id: 'd-1', status: 'Ready' }, all).notifications, []);
    assert.deepEqual(t.observeGroup(G, { id: 'd-1', status: 'Failed' }, all).notifications.map((n) => n.kind), ['failed']);
  });

  it('asks for a running deployment that a rollback replaced, and reports how it ended', () => {
    const t = new DeployNotificationTracker();
    t.observeGroup(G, { id: 'd-1', status: 'InProgress' }, all);
    const seen = t.observeGroup(G, { id: 'd-rollback', status: 'InProgress' }, all);
    assert.deepEqual(seen, { notifications: [], unresolved: ['d-1'] });
    assert.deepEqual(t.observeDeployment(G, { id: 'd-1', status: 'Failed' }, all), [{ kind: 'failed', groupKey: G, deploymentId: 'd-1' }]);
    assert.deepEqual(t.observeGroup(G, { id: 'd-rollback', status: 'Succeeded' }, all), {
      notifications: [{ kind: 'succeeded', groupKey: G, deploymentId: 'd-rollback' }], unresolved: [],
    });
  });

  it('stops asking for a deployment that no longer exists', () => {
    const t = new DeployNotificationTracker();
    t.observeGroup(G, { id: 'd-1', status: 'InProgress' }, all);
    assert.deepEqual(t.observeGroup(G, { id: 'd-2', status: 'InProgress' }, all).unresolved, ['d-1']);
    t.forgetDeployment(G, 'd-1');
    assert.deepEqual(t.observeGroup(G, { id: 'd-2', status: 'InProgress' }, all).unresolved, []);
  });

  it('honours the settings, and starts a new baseline after unwatching', () => {
    const t = new DeployNotificationTracker();
    const quiet = { ...all, succeeded: false };
    t.observeGroup(G, undefined, quiet);
    assert.deepEqual(t.observeGroup(G, { id: 'd-1', status: 'Succeeded' }, quiet).notifications, []);
    assert.deepEqual(t.observeGroup(G, { id: 'd-2', status: 'Failed' }, quiet).notifications.map((n) => n.kind), ['failed']);
    t.forget(G);
    assert.deepEqual(t.observeGroup(G, { id: 'd-3', status: 'Failed' }, quiet).notifications, [], 'a new baseline');
    assert.deepEqual(t.observeDeployment('unknown', { id: 'd-9', status: 'Failed' }, all), [], 'groups never observed are not news');
  });
});

describe('deploy: notification texts', () => {
  const d = { id: 'd-ABCDEFGH1', groupName: 'orders-api-prod', revision: { type: 'S3' as const, label: 's3://b/app-2.14.0.zip' } };
  const failure = (target: string) => ({
    deploymentId: d.id, target: { deploymentId: d.id, id: target, kind: 'instance' as const, status: 'Failed' as const, events: [] },
    event: { name: 'AfterInstall', status: 'Failed' as const, diagnostics: { errorCode: 'ScriptFailed' } },
  });

  it('names the failed event and target, and offers the hook', () => {
    assert.deepEqual(notificationText('failed', d, [failure('i-1'), failure('i-2')]), {
      level: 'error', message: 'orders-api-prod: deployment d-ABCDEFGH1 failed in AfterInstall on i-1 (and 1 more) — ScriptFailed.',
      buttons: ['Open Failing Hook', 'Show Deployment'],
    });
    assert.deepEqual(notificationText('failed', { ...d, error: { code: 'TIMEOUT', message: 'The wait ended' } }), {
      level: 'error', message: 'orders-api-prod: deployment d-ABCDEFGH1 failed — TIMEOUT: The wait ended.', buttons: ['Show Deployment'],
    });
  });

  it('says what succeeded, what stopped and what waits', () => {
    assert.equal(notificationText('succeeded', d).message, 'orders-api-prod: deployment d-ABCDEFGH1 succeeded (s3://b/app-2.14.0.zip).');
    assert.deepEqual(notificationText('stopped', { ...d, error: { code: 'MANUAL_STOP', message: '' } }).message, 'orders-api-prod: deployment d-ABCDEFGH1 was stopped (MANUAL_STOP).');
    assert.deepEqual(notificationText('waiting', d).buttons, ['Continue Deployment', 'Show Deployment']);
  });
});
