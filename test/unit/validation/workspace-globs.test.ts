import * as assert from 'node:assert/strict';
import { kindFromFileName } from 'conveyor-lint/detect';
import { globToRegExp } from '../../../packages/conveyor-lint/src/engine/glob';
import { workspaceSpecGlobs } from '../../../src/validation/workspace-globs';

const found = (globs: readonly string[], relativePath: string): boolean => globs.some((g) => globToRegExp(g).test(relativePath));

describe('The workspace files that start validation', () => {
  const globs = workspaceSpecGlobs([]);

  it('finds, in any folder, every file name validation recognises', () => {
    const names = ['buildspec.yml', 'buildspec.yaml', 'buildspec-prod.yml', 'buildspec_test.yaml', 'appspec.yml', 'appspec.yaml', 'appspec.json',
      'appspec-blue.yml', 'appspec_green.json', 'appspec.prod.yaml', 'service.appspec.yml', 'lambda.appspec.json'];
    for (const name of names) {
      assert.ok(kindFromFileName(name), `${name} is not a spec name (the test's premise)`);
      for (const path of [name, `ci/${name}`, `a/b/c/${name}`]) assert.ok(found(globs, path), `${path} is not found`);
    }
  });

  it('finds nothing validation would not recognise by name', () => {
    for (const path of ['build.yml', 'mybuildspec.yml', 'buildspec.yml.bak', 'appspecs.yml', 'appspec.txt', 'template.yaml', 'docs/buildspec.md']) {
      assert.equal(kindFromFileName(path), undefined, `${path} is a spec name (the test's premise)`);
      assert.ok(!found(globs, path), `${path} is found`);
    }
  });

  it('adds the conveyor.validation.files associations: a name in any folder, a path from the folder', () => {
    const withAssociations = workspaceSpecGlobs([{ pattern: 'ci-*.yml', kind: 'buildspec' }, { pattern: '/deploy/spec.json', kind: 'appspec' }]);
    assert.ok(found(withAssociations, 'tools/ci-main.yml'));
    assert.ok(found(withAssociations, 'deploy/spec.json'));
    assert.ok(!found(withAssociations, 'other/deploy/spec.json'));
  });
});
