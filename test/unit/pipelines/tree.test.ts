import * as assert from 'node:assert/strict';
import { nodeIds } from '../../../src/pipelines/model/keys';
import { PipelineStore } from '../../../src/pipelines/model/store';
import { matchesFilter } from '../../../src/core/name-filter';
import { TreeModel, type TreeNode } from '../../../src/pipelines/model/tree';
import { standardRuntime, structure, T } from './fixtures';

function store(names: string[], targets = [{ profile: 'demo', region: 'us-east-1' }]): PipelineStore {
  const s = new PipelineStore();
  s.setTargets(targets);
  s.applyList(T, names.map((name) => ({ name })));
  return s;
}

const labels = (nodes: TreeNode[]): string[] => nodes.map((n) => (n.kind === 'pipeline' ? n.key.name : n.kind === 'message' ? `!${n.text}` : n.kind));

describe('pipelines tree model', () => {
  it('shows a page of pipelines with a "show more" node, then the next page', () => {
    const names = Array.from({ length: 120 }, (_, i) => `pipe-${String(i).padStart(3, '0')}`);
    const tree = new TreeModel(store(names), 50);
    const first = tree.roots();
    assert.equal(first.length, 51);
    const more = first[50];
    assert.equal(more?.kind, 'morePipelines');
    assert.equal(more?.kind === 'morePipelines' ? more.remaining : 0, 70);
    tree.showMore(T);
    assert.equal(tree.roots().length, 101);
    tree.showMore(T);
    assert.equal(tree.roots().length, 120);
    assert.equal(tree.displayedPipelines().length, 120);
  });

  it('filters by substring or glob, case-insensitively, and says when nothing matches', () => {
    assert.equal(matchesFilter('Payments-API-prod', 'api'), true);
    assert.equal(matchesFilter('payments-api-prod', 'pay*prod'), true);
    assert.equal(matchesFilter('payments-api-prod', 'api*'), false);
    assert.equal(matchesFilter('a.b', 'a?b'), true);
    assert.equal(matchesFilter('axb', 'a.b'), false, 'dots are literal');
    const tree = new TreeModel(store(['web-prod', 'api-prod', 'api-dev']));
    assert.equal(tree.setFilter(' api '), true);
    assert.deepEqual(labels(tree.roots()), ['api-dev', 'api-prod']);
    tree.setFilter('nothing');
    assert.deepEqual(labels(tree.roots()), ['!No pipeline matches “nothing”']);
  });

  it('uses account/region roots only when several targets are configured', () => {
    const s = store(['a']);
    const single = new TreeModel(s);
    assert.deepEqual(labels(single.roots()), ['a']);
    s.setTargets([{ profile: 'demo', region: 'us-east-1' }, { profile: 'prod', region: 'eu-west-1' }]);
    const multi = new TreeModel(s);
    const roots = multi.roots();
    assert.deepEqual(roots.map((r) => r.kind), ['target', 'target']);
    assert.deepEqual(labels(multi.children(roots[0])), ['a']);
    multi.setExpanded(roots[0]!, false);
    assert.deepEqual(multi.displayedPipelines(), [], 'a collapsed root shows no pipeline');
  });

  it('lists stages in declaration order with actions by run order, then the Executions node', () => {
    const s = store(['web']);
    const key = { target: T, name: 'web' };
    s.applyStructure(key, structure());
    s.applyRuntime(key, standardRuntime());
    const tree = new TreeModel(s);
    const pipeline = tree.roots()[0]!;
    const children = tree.children(pipeline);
    assert.deepEqual(children.map((c) => (c.kind === 'stage' ? c.stage : c.kind)), ['Source', 'Build', 'Prod', 'executions']);
    const prod = children[2]!;
    assert.deepEqual(tree.children(prod).map((c) => (c.kind === 'action' ? c.action : c.kind)), ['Approve', 'Deploy']);
  });

  it('returns the same node object for the same id across calls', () => {
    const tree = new TreeModel(store(['a', 'b']));
    const first = tree.roots();
    const second = tree.roots();
    assert.equal(first[0], second[0]);
    assert.equal(tree.get(nodeIds.pipeline({ target: T, name: 'a' })), first[0]);
  });

  it('shows errors as message nodes: above stale data, or alone', () => {
    const s = store(['web']);
    const key = { target: T, name: 'web' };
    const tree = new TreeModel(s);
    s.applyPipelineError(key, { message: 'Access denied', category: 'accessDenied' });
    const pipeline = tree.roots()[0]!;
    assert.deepEqual(labels(tree.children(pipeline)), ['!Access denied', 'executions']);
    s.applyListError(T, { message: 'Throttled', category: 'throttled' });
    const roots = tree.roots();
    assert.equal(roots[0]?.kind === 'message' && roots[0].severity, 'error');
    assert.deepEqual(labels(roots), ['!Throttled', 'web'], 'the last list stays visible under the error');
    s.markDeleted(key);
    assert.deepEqual(labels(tree.children(pipeline)), ['!Pipeline “web” no longer exists.']);
  });

  it('forgets expansion of pipelines that disappeared', () => {
    const s = store(['a', 'b']);
    const tree = new TreeModel(s);
    const [a, b] = tree.roots();
    tree.setExpanded(a!, true);
    tree.setExpanded(b!, true);
    s.applyList(T, [{ name: 'b' }]);
    tree.prune();
    assert.deepEqual(tree.expandedPipelineKeys().map((k) => k.name), ['b']);
  });
});
