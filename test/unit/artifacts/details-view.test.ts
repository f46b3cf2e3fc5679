import * as assert from 'node:assert/strict';
import type { VersionDetails } from '../../../src/artifacts/tree/details';
import { COPY_SNIPPET, versionDetailsHtml, versionDetailsTitle, versionDetailsView } from '../../../src/artifacts/tree/details-view';
import { originTypePhrase } from '../../../src/artifacts/tree/words';
import { assertInert } from '../core/inert-html';

const details: VersionDetails = {
  ref: { domain: 'acme', domainOwner: '111111111111', repository: 'team-npm', format: 'npm', namespace: 'acme', package: 'ui-kit', version: '1.2.0' },
  summary: 'UI components', status: 'Published', publishedTime: Date.UTC(2026, 2, 4, 14, 5), origin: 'INTERNAL', revision: 'rev1',
  homePage: 'https://acme.example/ui-kit', sourceCodeRepository: 'javascript:alert(1)',
  licenses: [{ name: 'MIT', url: 'https://opensource.org/licenses/MIT' }],
  dependencies: [{ namespace: 'acme', package: 'logger', dependencyType: 'regular', versionRequirement: '^2.1.0' }],
  assets: [{ name: 'package.tgz', size: 2048, hashes: { 'SHA-256': 'abc' } }],
  readme: '# ui-kit\n<script>alert(1)</script>', problems: [],
};

describe('package version page', () => {
  it('shows status, origin, published time, licenses and links, dependencies and one snippet per package manager', () => {
    const v = versionDetailsView(details);
    assert.equal(versionDetailsTitle(v), '@acme/ui-kit 1.2.0');
    assert.deepEqual(v.status, { label: 'Published', icon: 'pass', tone: 'succeeded' });
    assert.deepEqual(v.facts.map((f) => [f.label, f.value, f.link === undefined ? undefined : v.links[f.link]]), [
      ['Repository', 'team-npm (domain acme, owner 111111111111)', undefined], ['Format', 'npm', undefined],
      ['Published', '2026-03-04 14:05 UTC', undefined], ['Origin', originTypePhrase('INTERNAL'), undefined],
      ['Revision', 'rev1', undefined], ['License', 'MIT', 'https://opensource.org/licenses/MIT'],
      ['Home page', 'https://acme.example/ui-kit', 'https://acme.example/ui-kit'], ['Source', 'javascript:alert(1)', undefined],
    ]);
    assert.deepEqual(v.snippets.map((s) => s.label), ['npm', 'pnpm', 'Yarn', 'package.json']);
    assert.deepEqual(v.dependencies, [{ name: '@acme/logger', requirement: '^2.1.0', type: 'regular' }]);
    const page = versionDetailsHtml(v);
    assert.equal([...page.matchAll(new RegExp(`data-action="${COPY_SNIPPET}" data-index="(\\d)"`, 'g'))].map((m) => m[1]).join(','), '0,1,2,3');
    assert.match(page, /<pre><code>npm install @acme\/ui-kit@1\.2\.0<\/code><\/pre>/);
    assert.match(page, /<span class="status-label">Published<\/span>/);
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assertInert(page);
  });

  it('escapes hostile package names, versions, dependencies and problems', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const v = versionDetailsView({ ...details, ref: { ...details.ref, namespace: evil, package: evil, version: `${evil}"` }, summary: evil,
      dependencies: [{ package: evil, versionRequirement: evil }], assets: [{ name: evil }], problems: [evil], licenses: [{ name: evil, url: 'http://plain' }] });
    const page = versionDetailsHtml(v);
    assertInert(page);
    assert.ok(!page.includes(evil));
    assert.deepEqual(v.links, ['https://acme.example/ui-kit']);
  });
});
