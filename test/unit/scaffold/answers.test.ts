import * as assert from 'node:assert/strict';
import {
  checkAccount, checkBranch, checkBucketName, checkCodeCommitRepository, checkConnectionArn, checkObjectKey, checkProjectName,
  checkRegion, checkRepositoryPath, checkStageName, checkSynthCommands, needsCrossAccountKeys, normalizeAnswers,
  parseConnectionArn, validateAnswers,
} from '../../../src/scaffold/answers';
import { answerSets } from './support/answer-sets';

describe('scaffold answers', () => {
  it('accepts 12-digit accounts only', () => {
    assert.equal(checkAccount('123456789012'), undefined);
    for (const bad of ['12345678901', '1234567890123', '12345678901a', ' 123456789012', '']) assert.ok(checkAccount(bad), bad);
  });

  it('accepts region codes', () => {
    for (const ok of ['us-east-1', 'eu-central-2', 'ap-southeast-4', 'us-gov-west-1']) assert.equal(checkRegion(ok), undefined, ok);
    for (const bad of ['us-east', 'US-EAST-1', 'useast1', 'us-east-1a']) assert.ok(checkRegion(bad), bad);
  });

  it('validates connection ARNs in both service namespaces and reads their parts', () => {
    const uuid = '0f1e2d3c-4b5a-4697-8877-665544332211';
    assert.equal(checkConnectionArn(`arn:aws:codeconnections:eu-west-1:123456789012:connection/${uuid}`), undefined);
    assert.equal(checkConnectionArn(`arn:aws:codestar-connections:us-east-1:123456789012:connection/${uuid}`), undefined);
    assert.equal(checkConnectionArn(`arn:aws-cn:codeconnections:cn-north-1:123456789012:connection/${uuid}`), undefined);
    for (const bad of [
      `arn:aws:codecommit:us-east-1:123456789012:connection/${uuid}`,
      `arn:aws:codeconnections:us-east-1:12345678901:connection/${uuid}`,
      `arn:aws:codeconnections:us-east-1:123456789012:host/${uuid}`,
      'arn:aws:codeconnections:us-east-1:123456789012:connection/not-a-uuid',
      `arn:aws:codeconnections:us-east-1:123456789012:connection/${uuid.toUpperCase()}`,
    ]) assert.ok(checkConnectionArn(bad), bad);
    assert.deepEqual(parseConnectionArn(`arn:aws:codeconnections:eu-west-1:123456789012:connection/${uuid}`),
      { region: 'eu-west-1', account: '123456789012', id: uuid });
  });

  it('checks repository paths per provider', () => {
    assert.equal(checkRepositoryPath('acme/app', 'GitHub'), undefined);
    assert.ok(checkRepositoryPath('acme/team/app', 'GitHub'));
    assert.equal(checkRepositoryPath('acme/team/app', 'GitLab'), undefined);
    assert.ok(checkRepositoryPath('app', 'Bitbucket'));
    assert.ok(checkRepositoryPath('acme/..', 'GitHub'));
  });

  it('checks branch names like git does for common mistakes', () => {
    for (const ok of ['main', 'release/1.2', 'feature/x_y-z']) assert.equal(checkBranch(ok), undefined, ok);
    for (const bad of ['', 'has space', 'a..b', '-lead', 'trail/', 'x.lock', 'a~b', 'end.', '@']) assert.ok(checkBranch(bad), bad);
  });

  it('checks bucket names, object keys, repositories and project names', () => {
    assert.equal(checkBucketName('my-bucket.sources'), undefined);
    for (const bad of ['ab', 'Upper', 'a..b', '192.168.1.1', '-start', 'end-']) assert.ok(checkBucketName(bad), bad);
    assert.equal(checkObjectKey('app/source.zip'), undefined);
    for (const bad of ['', '/abs.zip', 'source.tar.gz']) assert.ok(checkObjectKey(bad), bad);
    assert.equal(checkCodeCommitRepository('my_repo.v2'), undefined);
    assert.ok(checkCodeCommitRepository('repo.git'));
    assert.ok(checkCodeCommitRepository('has space'));
    assert.equal(checkProjectName('orders-pipeline'), undefined);
    for (const bad of ['Orders', '1st', 'a--b', 'trailing-', '']) assert.ok(checkProjectName(bad), bad);
  });

  it('rejects reserved, duplicate and malformed stage names', () => {
    assert.equal(checkStageName('Prod-EU'), undefined);
    assert.match(checkStageName('Assets') ?? '', /creates itself/);
    assert.match(checkStageName('unittests') ?? '', /creates itself/);
    assert.match(checkStageName('beta', ['Beta']) ?? '', /already exists/);
    assert.ok(checkStageName('9lives'));
    assert.ok(checkStageName('with space'));
  });

  it('requires a cdk synth among the synth commands', () => {
    assert.equal(checkSynthCommands(['npm ci', 'npx cdk synth']), undefined);
    assert.ok(checkSynthCommands(['npm ci']));
    assert.ok(checkSynthCommands([]));
    assert.ok(checkSynthCommands(['npm ci', ' ']));
  });

  it('forces cross-account keys on when a stage deploys to another account', () => {
    const { crossAccountApprovals, singleAccount } = answerSets();
    assert.ok(crossAccountApprovals && singleAccount);
    assert.equal(needsCrossAccountKeys(crossAccountApprovals), true);
    assert.equal(crossAccountApprovals.options.crossAccountKeys, false);
    assert.equal(normalizeAnswers(crossAccountApprovals).options.crossAccountKeys, true);
    assert.equal(needsCrossAccountKeys(singleAccount), false);
    assert.equal(normalizeAnswers(singleAccount).options.crossAccountKeys, false);
    assert.match(validateAnswers(crossAccountApprovals).join('\n'), /crossAccountKeys/);
  });

  it('finds every problem of an answer set at once', () => {
    const { multiRegionWave } = answerSets();
    assert.ok(multiRegionWave);
    for (const [name, answers] of Object.entries(answerSets())) {
      assert.deepEqual(validateAnswers(normalizeAnswers(answers)), [], name);
    }
    const broken = {
      ...multiRegionWave,
      targetFolder: 'relative/path',
      pipeline: { account: '1', region: 'nowhere' },
      deployments: [
        ...multiRegionWave.deployments,
        { kind: 'stage' as const, stage: { name: 'Staging', account: '111111111111', region: 'us-east-1' }, approval: false },
      ],
    };
    const problems = validateAnswers(broken);
    assert.ok(problems.some((p) => p.startsWith('targetFolder')));
    assert.ok(problems.some((p) => p.startsWith('pipeline.account')));
    assert.ok(problems.some((p) => p.startsWith('pipeline.region')));
    assert.ok(problems.some((p) => /stage Staging: .*already exists/.test(p)));
    assert.deepEqual(validateAnswers({ ...multiRegionWave, deployments: [] }), ['deployments: Add at least one stage.']);
  });
});
