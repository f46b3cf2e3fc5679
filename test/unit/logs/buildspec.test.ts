import * as assert from 'node:assert/strict';
import { commandOverlap, locateInBuildspecs, orderBuildspecPaths, listBuildspecCommands, locateCommand, pathAffinity } from '../../../src/logs/buildspec';
import { BUILDSPEC } from './sample-log';

describe('buildspec command lookup', () => {
  it('lists commands with their positions', () => {
    const all = listBuildspecCommands(BUILDSPEC);
    assert.deepEqual(all.map((c) => [c.phase, c.block, c.index, c.line, c.character]), [
      ['install', 'commands', 0, 7, 8],
      ['pre_build', 'commands', 0, 10, 8],
      ['build', 'commands', 0, 13, 8],
      ['build', 'commands', 1, 14, 8],
      ['post_build', 'commands', 0, 17, 8],
      ['post_build', 'finally', 1, 19, 8],
    ]);
  });

  it('prefers the command in the failing phase and position', () => {
    const hit = locateCommand(BUILDSPEC, 'npm test', 'BUILD', 1);
    assert.deepEqual([hit?.phase, hit?.line, hit?.character, hit?.endCharacter], ['build', 14, 8, 16]);
    assert.equal(locateCommand(BUILDSPEC, 'npm test', 'PRE_BUILD')?.line, 10);
  });

  it('matches quoted YAML, multi-line block commands by their first line, and whitespace differences', () => {
    assert.equal(locateCommand(BUILDSPEC, 'echo Build completed on `date`', 'POST_BUILD')?.line, 17);
    assert.equal(locateCommand(BUILDSPEC, 'echo cleaning up\nrm -rf node_modules\n', 'POST_BUILD')?.block, 'finally');
    assert.equal(locateCommand(BUILDSPEC, 'npm   run  lint')?.line, 13);
  });

  it('finds nothing for unknown commands or YAML without phases', () => {
    assert.equal(locateCommand(BUILDSPEC, 'make deploy'), undefined);
    assert.deepEqual(listBuildspecCommands('version: 0.2\n'), []);
    assert.deepEqual(listBuildspecCommands(': : not yaml ['), []);
  });

  it('ranks buildspecs by how many of the commands the build ran they declare', () => {
    const ran = ['npm ci', 'npm run lint', 'npm test', 'echo Build completed on `date`'];
    assert.equal(commandOverlap(BUILDSPEC, ran), 4);
    assert.equal(commandOverlap('version: 0.2\nphases:\n  build:\n    commands:\n      - npm test\n', ran), 1);
    assert.equal(commandOverlap('not: a buildspec', ran), 0);
  });

  it('prefers the buildspec whose folders are named like the CodeBuild project', () => {
    assert.equal(pathAffinity('/ws/pipelines/payments-api/buildspec.yml', 'payments-api-unit-tests'), 2);
    assert.equal(pathAffinity('/ws/pipelines/storefront-web/buildspec.yml', 'payments-api-unit-tests'), 0);
    assert.equal(pathAffinity('buildspec.yml', 'payments-api'), 0, 'the file name itself does not count');
  });

  it('reads the configured buildspec first, then buildspec.yml, shallow paths first', () => {
    const files = ['ci/deep/buildspec-test.yml', 'svc/buildspec.yml', 'buildspec.yml', 'ci/buildspec-release.yml'].map((path) => ({ path: `/ws/${path}` }));
    assert.deepEqual(orderBuildspecPaths(files).map((f) => f.path),
      ['/ws/buildspec.yml', '/ws/svc/buildspec.yml', '/ws/ci/buildspec-release.yml', '/ws/ci/deep/buildspec-test.yml']);
    assert.deepEqual(orderBuildspecPaths(files, 'ci\\buildspec-release.yml').map((f) => f.path)[0], '/ws/ci/buildspec-release.yml');
    assert.deepEqual(orderBuildspecPaths(files, 'version: 0.2\nphases: {}').map((f) => f.path)[0], '/ws/buildspec.yml', 'an inline buildspec is not a path');
  });

  it('finds the failing command in the buildspec the build most likely used', () => {
    const other = 'version: 0.2\nphases:\n  build:\n    commands:\n      - npm test\n';
    const ran = ['npm ci', 'npm run lint', 'npm test'];
    const files = [
      { relativePath: 'pipelines/storefront-web/buildspec.yml', text: other },
      { relativePath: 'pipelines/payments-api/buildspec.yml', text: other },
      { relativePath: 'buildspec.yml', text: BUILDSPEC },
      { relativePath: 'unrelated.yml', text: 'not: a buildspec' },
    ];
    const found = locateInBuildspecs(files, { command: 'npm test', phase: 'BUILD' }, ran, 'payments-api-unit-tests');
    assert.equal(found?.file.relativePath, 'buildspec.yml', 'the most commands that ran win');
    assert.equal(found?.location.text, 'npm test');
    const tie = locateInBuildspecs(files.slice(0, 2), { command: 'npm test' }, ran, 'payments-api-unit-tests');
    assert.equal(tie?.file.relativePath, 'pipelines/payments-api/buildspec.yml', 'then the folder named like the project');
    assert.equal(locateInBuildspecs(files.slice(0, 2), { command: 'npm test' }, ran, 'other')?.file.relativePath,
      'pipelines/storefront-web/buildspec.yml', 'then the reading order');
    assert.equal(locateInBuildspecs(files, { command: 'make deploy' }, ran, 'x'), undefined);
  });
});
