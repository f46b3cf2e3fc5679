// The files the session watches are the files the SDK reads.
import * as assert from 'node:assert/strict';
import { sharedFilePaths } from '../../../src/aws/shared-files';

describe('AWS shared file paths', () => {
  it('defaults to <home>/.aws/config and <home>/.aws/credentials, home as the SDK takes it', () => {
    assert.deepEqual(sharedFilePaths({ HOME: '/home/ana' }, '/os-home'), { config: '/home/ana/.aws/config', credentials: '/home/ana/.aws/credentials' });
    assert.equal(sharedFilePaths({ USERPROFILE: '/users/ana' }, '/os-home').config, '/users/ana/.aws/config');
    assert.equal(sharedFilePaths({ HOMEDRIVE: '/d', HOMEPATH: '/ana' }, '/os-home').config, '/d/ana/.aws/config');
    assert.equal(sharedFilePaths({}, '/os-home').credentials, '/os-home/.aws/credentials');
  });

  it('follows AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, "~/" from the home folder', () => {
    const env = { HOME: '/home/ana', AWS_CONFIG_FILE: '~/work/aws-config', AWS_SHARED_CREDENTIALS_FILE: '/secrets/aws-credentials' };
    assert.deepEqual(sharedFilePaths(env, '/os-home'), { config: '/home/ana/work/aws-config', credentials: '/secrets/aws-credentials' });
    assert.equal(sharedFilePaths({ HOME: '/home/ana', AWS_CONFIG_FILE: '' }, '/os-home').config, '/home/ana/.aws/config', 'empty means unset, as in the SDK');
  });
});
