import * as assert from 'node:assert/strict';
import { renderVersionDetails } from '../../../src/artifacts/tree/details';
import { originRestrictionsPhrase, originTypePhrase, repositoryFacts } from '../../../src/artifacts/tree/words';

describe('artifacts: API values in plain words', () => {
  it('words origin controls and origin types', () => {
    assert.equal(originRestrictionsPhrase('ALLOW', 'BLOCK'), 'Publishing allowed · upstream blocked');
    assert.equal(originRestrictionsPhrase('BLOCK', 'ALLOW_SPECIFIC_REPOSITORIES'), 'Publishing blocked · upstream allowed from some repositories');
    assert.equal(originRestrictionsPhrase(undefined, 'ALLOW'), 'Publishing unknown · upstream allowed');
    assert.equal(originTypePhrase('INTERNAL'), 'Published to this repository');
    assert.equal(originTypePhrase('EXTERNAL'), 'From an upstream repository or external connection');
  });

  it('says where a repository\'s packages come from, in the names people use', () => {
    assert.equal(repositoryFacts({ upstreams: ['npm-store'], external: [] }), 'upstream npm-store');
    assert.equal(repositoryFacts({ upstreams: ['a', 'b'], external: [{ name: 'public:npmjs' }] }), 'upstreams a, b · external: npm registry');
    assert.equal(repositoryFacts({ upstreams: [], external: [{ name: 'public:maven-central' }, { name: 'public:some-new-one' }] }), 'external: Maven Central, some-new-one');
    assert.equal(repositoryFacts({ upstreams: [], external: [] }), '');
  });

  it('shows the origin in words in the version details', () => {
    const md = renderVersionDetails({
      ref: { domain: 'acme', domainOwner: '111111111111', repository: 'team-npm', format: 'npm', namespace: 'acme', package: 'logger', version: '2.1.0' },
      origin: 'INTERNAL', licenses: [], dependencies: [], assets: [], problems: [],
    });
    assert.match(md, /\| Origin \| Published to this repository \|/);
    assert.doesNotMatch(md, /INTERNAL/);
  });
});
