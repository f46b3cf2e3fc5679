import * as assert from 'node:assert/strict';
import {
  configurationKeyLabel, executionModePhrase, pipelineTypePhrase, sourceRevisionLabel, wordsOf,
} from '../../../src/pipelines/present/words';

describe('pipelines: API values in plain words', () => {
  it('words execution modes and pipeline types', () => {
    assert.equal(executionModePhrase('SUPERSEDED'), 'a newer run supersedes a waiting one');
    assert.equal(executionModePhrase('QUEUED'), 'runs queue');
    assert.equal(executionModePhrase('PARALLEL'), 'runs in parallel');
    assert.equal(executionModePhrase('SOME_FUTURE_MODE'), 'some future mode');
    assert.equal(pipelineTypePhrase('V2'), 'V2 pipeline');
  });

  it('labels configuration keys as the console does, and splits unknown ones into words', () => {
    assert.equal(configurationKeyLabel('CustomData'), 'Message to reviewers');
    assert.equal(configurationKeyLabel('ExternalEntityLink'), 'Link to review');
    assert.equal(configurationKeyLabel('ProjectName'), 'Project');
    assert.equal(configurationKeyLabel('OAuthTokenOwner'), 'OAuth token owner');
    assert.equal(wordsOf('S3ObjectKeyPrefix'), 'S3 object key prefix');
  });

  it('does not repeat "Source" for a source action named Source', () => {
    assert.equal(sourceRevisionLabel('Source'), 'Source');
    assert.equal(sourceRevisionLabel('GitHubSource'), 'GitHubSource');
    assert.equal(sourceRevisionLabel('App'), 'Source App');
  });
});
