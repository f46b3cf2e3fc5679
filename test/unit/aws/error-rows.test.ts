// The one error state of the AWS views: a short title row, the message reachable, next steps by category.
import * as assert from 'node:assert/strict';
import { actionsFor, errorButtons, isErrorDetails, presentMessage, ssoLoginApplies } from '../../../src/aws/error-rows';
import type { MessageNode } from '../../../src/core/tree';

const failed = (category: string, severity: MessageNode['severity'] = 'error'): MessageNode => ({
  kind: 'message', id: '["M","x","error"]', parentId: '["T","x"]', severity, text: 'The whole explained message.', retry: true,
  detail: 'Showing the last list Conveyor loaded.', failure: { title: 'Couldn’t list things', category },
});

describe('AWS view error rows', () => {
  it('offers sign-in for an expired SSO session, another profile for unusable credentials, always retry', () => {
    assert.deepEqual(actionsFor('ssoExpired', 'dev').map((a) => a.kind), ['ssoLogin', 'selectProfile', 'retry']);
    assert.deepEqual(actionsFor('ssoExpired', '-rf').map((a) => a.kind), ['selectProfile', 'retry'], 'no command line for an unsafe name');
    assert.deepEqual(actionsFor('accessDenied', 'dev').map((a) => a.kind), ['selectProfile', 'retry']);
    assert.deepEqual(actionsFor('throttled', 'dev').map((a) => a.kind), ['retry']);
    const login = actionsFor('credentialsExpired', 'dev')[0];
    assert.deepEqual(login, { kind: 'ssoLogin', profile: 'dev', command: 'aws sso login --profile dev' });
  });

  it('every error notification words its buttons the same and ends with Show Log', () => {
    const expired = actionsFor('credentialsExpired', 'dev');
    assert.deepEqual(errorButtons(expired, { hasFolder: true, ssoLogin: true }).labels,
      ['Run aws sso login --profile dev', 'Choose Another Profile', 'Retry', 'Show Log']);
    const noFolder = errorButtons(expired, { hasFolder: false, ssoLogin: true });
    assert.deepEqual(noFolder.labels, ['Choose Another Profile', 'Retry', 'Show Log'], 'no folder: no task to run aws sso login in');
    assert.deepEqual(noFolder.actions.map((a) => a.kind), ['selectProfile', 'retry'], 'labels and actions stay aligned');
    assert.deepEqual(errorButtons(expired, { hasFolder: true, ssoLogin: false }).labels, ['Choose Another Profile', 'Retry', 'Show Log']);
    assert.deepEqual(errorButtons([], { hasFolder: true, ssoLogin: true }).labels, ['Show Log']);
  });

  it('offers aws sso login only where it helps: an SSO session the SDK found gone, or an SSO profile', () => {
    assert.equal(ssoLoginApplies('ssoExpired', 'assume-role'), true, 'a role whose source profile signs in with SSO');
    assert.equal(ssoLoginApplies('credentialsExpired', 'sso'), true);
    assert.equal(ssoLoginApplies('credentialsExpired', 'sso-legacy'), true);
    assert.equal(ssoLoginApplies('credentialsExpired', 'static'), false, 'expired static keys need new keys, not an SSO sign-in');
    assert.equal(ssoLoginApplies('credentialsExpired', 'process'), false);
    assert.equal(ssoLoginApplies('credentialsExpired', undefined), false);
  });

  it('a failed load is a short title, the message in description and tooltip, and Show Details on click', () => {
    const node = failed('ssoExpired');
    const p = presentMessage(node, 'conveyor.things.refresh', 'dev');
    assert.equal(p.label, 'Couldn’t list things');
    assert.equal(p.description, 'The whole explained message.');
    assert.match(p.tooltip ?? '', /The whole explained message\\\./);
    assert.match(p.tooltip ?? '', /Showing the last list Conveyor loaded/);
    assert.equal(p.contextValue, 'message:retry:ssoExpired');
    assert.deepEqual(p.icon, { id: 'error', color: 'errorForeground' });
    assert.equal(p.command?.id, 'conveyor.aws.showErrorDetails');
    const details = p.command?.args?.[0];
    assert.ok(isErrorDetails(details));
    assert.deepEqual(details, {
      title: 'Couldn’t list things', message: 'The whole explained message.', category: 'ssoExpired', profile: 'dev',
      retry: { command: 'conveyor.things.refresh', args: [node] },
    });
    assert.equal(presentMessage(failed('network', 'warning'), 'r').icon?.id, 'warning');
  });

  it('rows without a failure stay messages (empty lists, deleted resources)', () => {
    const empty: MessageNode = { kind: 'message', id: 'm', parentId: 'p', severity: 'info', text: 'No pipelines in us-east-1', retry: false };
    const p = presentMessage(empty, 'r');
    assert.equal(p.label, 'No pipelines in us-east-1');
    assert.equal(p.contextValue, 'message');
    assert.equal(p.command, undefined);
    assert.equal(isErrorDetails({ title: 1 }), false);
  });
});
