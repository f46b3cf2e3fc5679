import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCommitId, readHeadCommit } from '../../../src/pipelines/git/head';
import { commitStatusText, commitTooltip, findCommit, sameRevision } from '../../../src/pipelines/git/match';
import { action, execution, runtime, stage, T } from './fixtures';

const HEAD = '3f2c1a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39';
const rev = (id: string) => [{ actionName: 'Source', revisionId: id }];

describe('your commit', () => {
  it('matches full and abbreviated ids, never short or non-hex prefixes', () => {
    assert.equal(sameRevision(HEAD, HEAD.toUpperCase()), true);
    assert.equal(sameRevision(HEAD, HEAD.slice(0, 7)), true);
    assert.equal(sameRevision(HEAD.slice(0, 10), HEAD), true);
    assert.equal(sameRevision(HEAD, HEAD.slice(0, 6)), false);
    assert.equal(sameRevision(HEAD, undefined), false);
    assert.equal(sameRevision(HEAD, 'f'.repeat(40)), false);
    assert.equal(sameRevision('v1.2.3-x', 'v1.2.3-xyz'), false);
  });

  it('finds the newest execution of each pipeline that built HEAD and where it is', () => {
    const web = { target: T, name: 'web' };
    const api = { target: T, name: 'api' };
    const matches = findCommit(HEAD, [
      { key: web, recent: [execution('w3', { sourceRevisions: rev('0'.repeat(40)) }), execution('w2', { status: 'InProgress', sourceRevisions: rev(HEAD) }), execution('w1', { sourceRevisions: rev(HEAD) })],
        runtime: runtime([stage('Source', [action('S')], { latestExecutionId: 'w3' }), stage('Build', [action('B')], { latestExecutionId: 'w2' }), stage('Prod', [action('D', { status: 'InProgress' })], { latestExecutionId: 'w2', status: 'InProgress' })]) },
      { key: api, recent: [execution('a1', { sourceRevisions: rev(HEAD), lastUpdateTime: 5 })] },
      { key: { target: T, name: 'other' }, recent: [execution('o1')] },
    ]);
    assert.deepEqual(matches.map((m) => [m.key.name, m.execution.id, m.stage?.name]), [['web', 'w2', 'Prod'], ['api', 'a1', undefined]]);
    assert.equal(commitStatusText(HEAD, matches), '$(sync~spin) 3f2c1a9 → web / Prod: in progress (+1)');
    // The same shape when no stage is known: the pipeline, never a bare stage one time and a pipeline the next.
    assert.equal(commitStatusText(HEAD, matches.slice(1)), '$(pass) 3f2c1a9 → api: succeeded');
    const tip = commitTooltip(HEAD, matches, () => 'demo', false);
    assert.match(tip, /web → Prod: in progress/);
    assert.match(tip, /api: succeeded/);
  });

  it('reports finished runs by the last stage reached, failed ones first', () => {
    const web = { target: T, name: 'web' };
    const matches = findCommit(HEAD, [
      { key: web, recent: [execution('w1', { status: 'Failed', sourceRevisions: rev(HEAD) })],
        runtime: runtime([stage('Build', [action('B', { status: 'Failed' })], { latestExecutionId: 'w1', status: 'Failed' })]) },
      { key: { target: T, name: 'api' }, recent: [execution('a1', { sourceRevisions: rev(HEAD) })] },
    ]);
    assert.equal(commitStatusText(HEAD, matches), '$(error) 3f2c1a9 → web / Build: failed (+1)');
    assert.equal(commitStatusText(HEAD, []), undefined);
  });

  it('reads HEAD with git rev-parse, and nothing outside a repository', async () => {
    assert.equal(parseCommitId(`${HEAD}\n`), HEAD);
    assert.equal(parseCommitId('fatal: not a git repository'), undefined);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-git-'));
    try {
      assert.equal(await readHeadCommit(dir), undefined);
      const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' };
      execFileSync('git', ['init', '-q'], { cwd: dir, env });
      assert.equal(await readHeadCommit(dir), undefined, 'unborn HEAD');
      fs.writeFileSync(path.join(dir, 'f'), 'x');
      execFileSync('git', ['add', 'f'], { cwd: dir, env });
      execFileSync('git', ['commit', '-q', '-m', 'c'], { cwd: dir, env });
      const expected = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
      assert.equal(await readHeadCommit(dir), expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
