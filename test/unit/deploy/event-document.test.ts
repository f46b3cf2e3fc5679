// A lifecycle event's document: the demo's failed AfterInstall rendered with its log tail, events
// without output, and the document address round-tripping whatever the names hold.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadGroups, loadLatestFailures } from '../../../src/deploy/model/loader';
import { eventDocumentLocation, eventDocumentRef, parseEventDocument, renderEventDocument } from '../../../src/deploy/present/event-document';
import { ACCOUNT, deployFixture } from './helpers';

describe('deploy: lifecycle event documents', function () {
  this.timeout(60_000);

  it('renders the demo’s failed AfterInstall: where, what, and the agent’s log tail', async () => {
    const f = await deployFixture();
    try {
      const [prod] = await loadGroups(f.api, 'orders-api');
      const { deployment, failures } = await loadLatestFailures(f.api, prod!);
      const [failure] = failures;
      const text = renderEventDocument(deployment!, failure!.target, failure!.event);
      const lines = text.split('\n');
      assert.equal(lines[0], 'AfterInstall · Failed');
      assert.match(text, new RegExp(`^Deployment  ${deployment!.id} \\(orders-api / orders-api-prod\\)$`, 'm'));
      assert.match(text, new RegExp(`^Target      ${failure!.target.id} \\(Instance\\)$`, 'm'));
      assert.match(text, /^Ended {7}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(took \d+ (ms|sec)\)$/m);
      assert.match(text, /^Error code {2}ScriptFailed$/m);
      assert.match(text, /^Script {6}scripts\/migrate_db\.sh$/m);
      assert.match(text, /^Message {5}Script at specified location: scripts\/migrate_db\.sh run as user orders failed with exit code 1$/m);
      assert.ok(text.includes(failure!.event.diagnostics!.logTail!.trimEnd()), 'the whole tail, unchanged');
    } finally {
      await f.close();
    }
  });

  it('says when an event has no output', () => {
    const d = { id: 'd-1', applicationName: 'a', groupName: 'g' };
    const target = { deploymentId: 'd-1', id: 'fn', kind: 'lambda' as const, status: 'InProgress' as const, events: [] };
    assert.match(renderEventDocument(d, target, { name: 'AllowTraffic', status: 'InProgress' }), /\nNo output yet\.\n$/);
    assert.match(renderEventDocument(d, target, { name: 'AllowTraffic', status: 'Succeeded' }), /\nNo script output\.\n$/);
  });

  it('finds the event again from its document address, whatever the names hold', () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }),
      (deploymentId, targetId, event, profile) => {
        const ref = eventDocumentRef({ profile, region: 'us-east-1' }, deploymentId, targetId, event);
        const { path, query } = eventDocumentLocation(ref);
        assert.deepEqual(parseEventDocument(path, query), ref);
      }));
    const { path } = eventDocumentLocation(eventDocumentRef(ACCOUNT, 'd-ABCDEFGH1', 'i-0abc', 'AfterInstall'));
    assert.equal(decodeURIComponent(path), '/d-ABCDEFGH1/AfterInstall · i-0abc.log', 'the tab names the event and the target');
    assert.equal(parseEventDocument('/d-1/x.log', 'profile=p&region=r&target=i-1'), undefined);
    assert.equal(parseEventDocument('/d-1/AfterInstall · i-1.log', 'profile=p&target=i-1'), undefined);
    assert.equal(parseEventDocument('/%E0%A4%A/AfterInstall · i-1.log', 'profile=p&region=r&target=i-1'), undefined, 'a broken escape');
  });
});
