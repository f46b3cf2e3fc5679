import * as assert from 'node:assert/strict';
import { revisionTypeFor, validateApprovalComment, validateRevision, validateStopReason, validateTransitionReason, validateVariableValue } from '../../../src/pipelines/model/inputs';

describe('action input checks', () => {
  it('transition reasons follow the API pattern and length', () => {
    assert.equal(validateTransitionReason('Release freeze (until Monday) - ask @ops!'), undefined);
    assert.match(validateTransitionReason('') ?? '', /reason/);
    assert.match(validateTransitionReason('no_underscores') ?? '', /"_"/);
    assert.match(validateTransitionReason('x'.repeat(301)) ?? '', /300/);
  });

  it('stop reasons and approval comments have length limits only', () => {
    assert.equal(validateStopReason(''), undefined);
    assert.match(validateStopReason('x'.repeat(201)) ?? '', /200/);
    assert.equal(validateApprovalComment('LGTM'), undefined);
    assert.match(validateApprovalComment('x'.repeat(513)) ?? '', /512/);
  });

  it('source revision overrides: type by provider, value by type', () => {
    assert.equal(revisionTypeFor({ provider: 'CodeStarSourceConnection' }), 'COMMIT_ID');
    assert.equal(revisionTypeFor({ provider: 'ECR' }), 'IMAGE_DIGEST');
    assert.equal(revisionTypeFor({ provider: 'S3' }), 'S3_OBJECT_VERSION_ID');
    assert.equal(revisionTypeFor({ provider: 'Custom' }), undefined);
    assert.equal(validateRevision('COMMIT_ID', 'a'.repeat(40)), undefined);
    assert.match(validateRevision('COMMIT_ID', 'abc1234') ?? '', /40-character/);
    assert.equal(validateRevision('IMAGE_DIGEST', `sha256:${'0'.repeat(64)}`), undefined);
    assert.match(validateRevision('IMAGE_DIGEST', 'latest') ?? '', /sha256/);
    assert.equal(validateRevision('S3_OBJECT_VERSION_ID', 'v1'), undefined);
  });

  it('variable values: non-empty, single line, ≤ 1000', () => {
    assert.equal(validateVariableValue('prod'), undefined);
    assert.ok(validateVariableValue(''));
    assert.ok(validateVariableValue('a\nb'));
    assert.ok(validateVariableValue('x'.repeat(1001)));
  });
});
