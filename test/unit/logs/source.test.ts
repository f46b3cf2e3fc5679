import * as assert from 'node:assert/strict';
import { buildInfoFromSdk, defaultLocation, groupArnOf, parseBuildId, parseLogStreamArn } from '../../../src/logs/source';
import { decodeLogQuery, encodeLogQuery, logDocumentPath } from '../../../src/logs/uri';

describe('build log location', () => {
  it('splits build ids and ARNs', () => {
    assert.deepEqual(parseBuildId('web-build:0b6f4f1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'), { project: 'web-build', uuid: '0b6f4f1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' });
    assert.deepEqual(parseBuildId('arn:aws:codebuild:us-east-1:111111111111:build/web-build:abc'), { project: 'web-build', uuid: 'abc' });
    assert.equal(parseBuildId('nocolon'), undefined);
    assert.equal(parseBuildId(':x'), undefined);
  });

  it('falls back to CodeBuild\'s default naming', () => {
    assert.deepEqual(defaultLocation('web-build:abc'), { group: '/aws/codebuild/web-build', stream: 'abc', confirmed: false });
  });

  it('reads log stream ARNs and derives the group ARN Live Tail needs', () => {
    const arn = 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/codebuild/web-build:log-stream:abc';
    assert.deepEqual(parseLogStreamArn(arn), { region: 'us-east-1', account: '111111111111', group: '/aws/codebuild/web-build', stream: 'abc',
      groupArn: 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/codebuild/web-build' });
    assert.equal(groupArnOf(arn), 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/codebuild/web-build');
    assert.equal(groupArnOf('arn:aws:logs:us-east-1:1:log-group:/g:*'), 'arn:aws:logs:us-east-1:1:log-group:/g');
    assert.equal(groupArnOf('not-an-arn'), undefined);
  });

  it('summarises a build from BatchGetBuilds', () => {
    const info = buildInfoFromSdk({ id: 'p:u', buildStatus: 'IN_PROGRESS', currentPhase: 'BUILD', source: { type: 'CODEPIPELINE', buildspec: 'ci/buildspec.yml' }, startTime: new Date(5) }, 'p:u');
    assert.deepEqual(info, { id: 'p:u', projectName: 'p', complete: false, status: 'IN_PROGRESS', currentPhase: 'BUILD', buildspec: 'ci/buildspec.yml', startTime: 5 });
    assert.equal(buildInfoFromSdk({ buildStatus: 'SUCCEEDED', buildComplete: true }, 'p:u').complete, true);
  });

  it('log document URIs round-trip and read well as tab titles', () => {
    const params = { profile: 'demo', region: 'us-east-1', group: '/aws/codebuild/web-build', stream: '0b6f4f1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', buildId: 'web-build:0b6f4f1e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' };
    assert.deepEqual(decodeLogQuery(encodeLogQuery(params)), params);
    assert.equal(logDocumentPath(params), '/Build logs/web-build/web-build #0b6f4f1e.log', 'the tab reads "web-build #0b6f4f1e.log"');
    assert.equal(logDocumentPath({ profile: '', region: 'r', group: '/custom/group', stream: 'app/main' }), '/Build logs/group/main.log');
    assert.equal(logDocumentPath({ profile: '', region: 'r', group: '/a/b', stream: 'x/y:z' }), '/Build logs/b/y_z.log', 'never a deeper path: the language pattern is /Build logs/*/*.log');
    assert.equal(decodeLogQuery('{"profile":"x"}'), undefined);
    assert.equal(decodeLogQuery('nope'), undefined);
  });
});
