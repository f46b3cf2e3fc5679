import * as assert from 'node:assert/strict';
import { errorNode, loadMoreNode, messageNode, parseTreeId, placeholderNode, plainTooltip, treeId } from '../../../src/core/tree';

describe('tree kit (shared rows and ids)', () => {
  it('one id scheme: any characters in the parts, round-tripped', () => {
    const id = treeId('P', '["dev","us-east-1"]', 'a:b/c "d"');
    assert.deepEqual(parseTreeId(id), { kind: 'P', parts: ['["dev","us-east-1"]', 'a:b/c "d"'] });
    assert.notEqual(treeId('P', 'a:b', 'c'), treeId('P', 'a', 'b:c'), 'no separator can make two nodes collide');
    for (const bad of ['', 'group:p:r:n', '{}', '[]', '[1]', 'null']) assert.equal(parseTreeId(bad), undefined, bad);
  });

  it('escapes plain text for markdown tooltips', () => {
    assert.equal(plainTooltip('a *b* [c](d) `e`'), 'a \\*b\\* \\[c\\]\\(d\\) \\`e\\`');
    assert.equal(plainTooltip('line 1\nline 2'), 'line 1\n\nline 2');
  });

  it('an error row: short title, the explained message in the description and tooltip, and what a click does', () => {
    const row = errorNode(treeId('error', 'root'), "Couldn't list pipelines", 'The credentials of profile "expired" have expired.', {
      contextValue: 'message:retry', command: { id: 'conveyor.pipelines.refresh', title: 'Retry' },
    });
    assert.equal(row.label, "Couldn't list pipelines");
    assert.equal(row.description, 'The credentials of profile "expired" have expired.');
    assert.deepEqual(row.icon, { id: 'error', color: 'errorForeground' });
    assert.equal(row.contextValue, 'message:retry');
    assert.match(row.tooltip ?? '', /have expired\\\.[\s\S]*_Click: Retry_/);
    assert.equal(row.collapsible, 'none');
  });

  it('message, placeholder and load-more rows share one look', () => {
    assert.deepEqual(messageNode('m', 'No pipelines in us-east-1'), {
      id: 'm', label: 'No pipelines in us-east-1', icon: { id: 'info' }, collapsible: 'none', contextValue: 'message', tooltip: 'No pipelines in us\\-east\\-1',
    });
    assert.deepEqual(placeholderNode('p', 'Loading…', { loading: true }).icon, { id: 'loading~spin' });
    const more = loadMoreNode('x', 'conveyor.pipelines.loadMore', { label: 'Show 50 more…', description: '120 not shown' });
    assert.equal(more.label, 'Show 50 more…');
    assert.equal(more.contextValue, 'loadMore');
    assert.deepEqual(more.command, { id: 'conveyor.pipelines.loadMore', title: 'Show 50 more…' });
  });
});
