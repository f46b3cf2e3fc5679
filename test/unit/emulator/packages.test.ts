import * as assert from 'node:assert/strict';
import { ListPackageVersionsCommand } from '@aws-sdk/client-codeartifact';
import type { CodeartifactClient } from '@aws-sdk/client-codeartifact';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Emulator } from '../../emulator/index';
import { tar, untar } from '../../emulator/services/packages/archive/tar';
import { unzip } from '../../emulator/services/packages/archive/zip';
import { artifactClient, login, startArtifactEmulator } from '../../emulator/services/codeartifact/testing';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const basic = (token: string) => ({ authorization: `Basic ${Buffer.from(`aws:${token}`).toString('base64')}` });

describe('emulator: CodeArtifact package endpoints (HTTP)', () => {
  let emu: Emulator;
  let client: CodeartifactClient;
  let npm: { token: string; endpoint: string };
  let pypi: { token: string; endpoint: string };
  let maven: { token: string; endpoint: string };
  before(async () => {
    emu = await startArtifactEmulator({ dataset: 'demo' });
    client = artifactClient(emu.url);
    npm = await login(client, 'acme', 'team-npm', 'npm');
    pypi = await login(client, 'acme', 'python', 'pypi');
    maven = await login(client, 'platform', 'releases', 'maven', '222222222222');
  });
  after(() => emu.close());

  describe('authentication', () => {
    it('answers 401 with a challenge for a missing, unknown or foreign-domain token', async () => {
      const missing = await fetch(`${npm.endpoint}@acme%2fui-kit`);
      assert.equal(missing.status, 401);
      assert.match(missing.headers.get('www-authenticate') ?? '', /^Bearer realm=/);
      const unknown = await fetch(`${pypi.endpoint}simple/`, { headers: basic('not-a-token') });
      assert.equal(unknown.status, 401);
      assert.match(unknown.headers.get('www-authenticate') ?? '', /^Basic realm=/);
      const foreign = await fetch(`${maven.endpoint}com/acme/platform/platform-core/maven-metadata.xml`, { headers: basic(npm.token) });
      assert.equal(foreign.status, 401);
      const wrongUser = await fetch(`${pypi.endpoint}simple/`, { headers: { authorization: `Basic ${Buffer.from(`bob:${pypi.token}`).toString('base64')}` } });
      assert.equal(wrongUser.status, 401);
    });

    it('rejects a token once the emulator clock passes its expiry', async () => {
      const short = await login(client, 'acme', 'team-npm', 'npm', undefined, 900);
      assert.equal((await fetch(`${short.endpoint}left-pad`, { headers: bearer(short.token) })).status, 200);
      emu.clock.advance(901_000);
      const expired = await fetch(`${short.endpoint}left-pad`, { headers: bearer(short.token) });
      assert.equal(expired.status, 401);
      assert.match(await expired.text(), /expired/);
      assert.equal((await fetch(`${npm.endpoint}left-pad`, { headers: bearer(npm.token) })).status, 200, 'a 12 h token is still valid');
    });

    it('404s for unknown repositories and formats', async () => {
      assert.equal((await fetch(`${emu.url}/_codeartifact/acme-111111111111/npm/nope/x`, { headers: bearer(npm.token) })).status, 404);
      assert.equal((await fetch(`${emu.url}/_codeartifact/acme-111111111111/cobol/team-npm/x`, { headers: bearer(npm.token) })).status, 404);
    });
  });

  describe('npm', () => {
    it('serves scoped packuments (%2f-encoded) with tarball URLs, integrity and listed versions only', async () => {
      const res = await fetch(`${npm.endpoint}@acme%2fui-kit`, { headers: bearer(npm.token) });
      assert.equal(res.status, 200);
      const doc = (await res.json()) as { name: string; 'dist-tags': Record<string, string>; versions: Record<string, { dist: { tarball: string; integrity: string; shasum: string }; dependencies: Record<string, string> }> };
      assert.equal(doc.name, '@acme/ui-kit');
      assert.deepEqual(Object.keys(doc.versions), ['1.0.0', '1.1.0', '1.2.0']);
      assert.equal(doc['dist-tags'].latest, '1.2.0');
      const v = doc.versions['1.2.0'];
      assert.ok(v);
      assert.equal(v.dist.tarball, `${npm.endpoint}@acme/ui-kit/-/ui-kit-1.2.0.tgz`);
      assert.deepEqual(v.dependencies, { '@acme/logger': '^2.1.0', 'left-pad': '^1.3.0' });
      const tgz = Buffer.from(await (await fetch(v.dist.tarball, { headers: bearer(npm.token) })).arrayBuffer());
      assert.equal(v.dist.integrity, `sha512-${createHash('sha512').update(tgz).digest('base64')}`);
      assert.equal(v.dist.shasum, createHash('sha1').update(tgz).digest('hex'));
      const files = untar(gunzipSync(tgz));
      assert.deepEqual(files.map((f) => f.path), ['package/package.json', 'package/index.js', 'package/README.md']);
      assert.equal((JSON.parse(files[0]?.content.toString() ?? '{}') as { version: string }).version, '1.2.0');
    });

    it('serves the abbreviated packument when asked', async () => {
      const res = await fetch(`${npm.endpoint}order-client`, { headers: { ...bearer(npm.token), accept: 'application/vnd.npm.install-v1+json' } });
      assert.equal(res.headers.get('content-type'), 'application/vnd.npm.install-v1+json');
      const doc = (await res.json()) as Record<string, unknown>;
      assert.deepEqual(Object.keys(doc).sort(), ['dist-tags', 'modified', 'name', 'versions']);
    });

    it('still serves an Unlisted version by exact tarball, but never an Archived one', async () => {
      assert.equal((await fetch(`${npm.endpoint}@acme/ui-kit/-/ui-kit-1.3.0-beta.1.tgz`, { headers: bearer(npm.token) })).status, 200);
      assert.equal((await fetch(`${npm.endpoint}@acme/ui-kit/-/ui-kit-0.9.0.tgz`, { headers: bearer(npm.token) })).status, 404);
    });

    it('resolves through the upstream and its external connection, and retains what was downloaded', async () => {
      const before = await client.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'team-npm', format: 'npm', package: 'left-pad' })).catch((e: Error) => e);
      assert.ok(before instanceof Error && before.name === 'ResourceNotFoundException');
      const doc = (await (await fetch(`${npm.endpoint}left-pad`, { headers: bearer(npm.token) })).json()) as { versions: Record<string, unknown> };
      assert.deepEqual(Object.keys(doc.versions), ['1.1.3', '1.2.0', '1.3.0']);
      assert.equal((await fetch(`${npm.endpoint}left-pad/-/left-pad-1.2.0.tgz`, { headers: bearer(npm.token) })).status, 200);
      for (const repository of ['team-npm', 'npm-store']) {
        const listed = await client.send(new ListPackageVersionsCommand({ domain: 'acme', repository, format: 'npm', package: 'left-pad' }));
        assert.ok(listed.versions?.some((v) => v.version === '1.2.0' && v.origin?.originType === 'EXTERNAL' && v.origin.domainEntryPoint?.externalConnectionName === 'public:npmjs'), repository);
      }
    });

    function publishBody(manifest: { name: string; version: string } & Record<string, unknown>): Record<string, unknown> {
      const tgz = gzipSync(tar([{ path: 'package/package.json', content: Buffer.from(JSON.stringify(manifest)) }, { path: 'package/README.md', content: Buffer.from('# Widgets') }]));
      return {
        _id: manifest.name, name: manifest.name, 'dist-tags': { latest: manifest.version },
        versions: { [manifest.version]: { ...manifest, dist: { integrity: `sha512-${createHash('sha512').update(tgz).digest('base64')}`, shasum: createHash('sha1').update(tgz).digest('hex') } } },
        _attachments: { [`x-${manifest.version}.tgz`]: { content_type: 'application/octet-stream', data: tgz.toString('base64'), length: tgz.length } },
      };
    }
    const put = (path: string, body: unknown) => fetch(`${npm.endpoint}${path}`, { method: 'PUT', headers: { ...bearer(npm.token), 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('publishes with PUT, checks the tarball, refuses overwrites and manages dist-tags', async () => {
      const manifest = { name: '@acme/widgets', version: '0.1.0', description: 'Widgets', license: 'MIT', dependencies: { ms: '^2.1.3' } };
      const body = publishBody(manifest);
      assert.equal((await put('@acme%2fwidgets', body)).status, 200);
      assert.equal((await put('@acme%2fwidgets', body)).status, 409);
      const tampered = { ...body, versions: { '0.2.0': { ...manifest, version: '0.2.0' } } };
      assert.equal((await put('@acme%2fwidgets', tampered)).status, 400, 'tarball package.json must match the version');
      const listed = await client.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'team-npm', format: 'npm', namespace: 'acme', package: 'widgets' }));
      assert.deepEqual(listed.versions?.map((v) => [v.version, v.status, v.origin?.originType]), [['0.1.0', 'Published', 'INTERNAL']]);
      const readme = (await (await fetch(`${npm.endpoint}@acme%2fwidgets`, { headers: bearer(npm.token) })).json()) as { readme?: string };
      assert.equal(readme.readme, '# Widgets');
      const tag = await fetch(`${npm.endpoint}-/package/@acme%2fwidgets/dist-tags/stable`, { method: 'PUT', headers: { ...bearer(npm.token), 'content-type': 'application/json' }, body: '"0.1.0"' });
      assert.equal(tag.status, 200);
      const tags: unknown = await (await fetch(`${npm.endpoint}-/package/@acme%2fwidgets/dist-tags`, { headers: bearer(npm.token) })).json();
      assert.deepEqual(tags, { latest: '0.1.0', stable: '0.1.0' });
    });

    it('refuses to publish a package whose origin controls block publishing (ingested from upstream)', async () => {
      const res = await put('ms', publishBody({ name: 'ms', version: '9.0.0' }));
      assert.equal(res.status, 403);
      assert.match(await res.text(), /origin controls/);
    });
  });

  describe('PyPI', () => {
    it('serves a PEP 503 index with sha256 fragments that match the files', async () => {
      const root = await (await fetch(`${pypi.endpoint}simple/`, { headers: basic(pypi.token) })).text();
      assert.match(root, /<a href="[^"]+\/simple\/acme-orders\/">acme-orders<\/a>/);
      const redirect = await fetch(`${pypi.endpoint}simple/Acme_Orders/`, { headers: basic(pypi.token), redirect: 'manual' });
      assert.equal(redirect.status, 301);
      assert.equal(redirect.headers.get('location'), `${pypi.endpoint}simple/acme-orders/`);
      const page = await (await fetch(`${pypi.endpoint}simple/acme-orders/`, { headers: basic(pypi.token) })).text();
      const links = [...page.matchAll(/<a href="([^"#]+)#sha256=([0-9a-f]{64})"( data-requires-python="([^"]*)")?>([^<]+)<\/a>/g)];
      assert.deepEqual(links.map((l) => l[5]), [
        'acme_orders-1.1.0-py3-none-any.whl', 'acme_orders-1.1.0.tar.gz', 'acme_orders-1.2.0-py3-none-any.whl', 'acme_orders-1.2.0.tar.gz',
      ]);
      assert.equal(links[0]?.[4], '&gt;=3.8');
      const wheelLink = links[2];
      assert.ok(wheelLink?.[1]);
      const wheel = Buffer.from(await (await fetch(wheelLink[1], { headers: basic(pypi.token) })).arrayBuffer());
      assert.equal(createHash('sha256').update(wheel).digest('hex'), wheelLink[2]);
      const files = unzip(wheel);
      const metadata = files.find((f) => f.path === 'acme_orders-1.2.0.dist-info/METADATA')?.content.toString() ?? '';
      assert.match(metadata, /^Requires-Dist: acme-common>=1\.1$/m);
      assert.ok(files.some((f) => f.path.endsWith('/RECORD')));
    });

    it('accepts a twine-style multipart upload and lists the new version', async () => {
      const content = Buffer.from('not really a wheel, but bytes are bytes');
      const form = new FormData();
      form.set(':action', 'file_upload');
      form.set('protocol_version', '1');
      form.set('name', 'Acme_Billing');
      form.set('version', '0.1.0');
      form.set('filetype', 'bdist_wheel');
      form.set('summary', 'Billing helpers');
      form.append('requires_dist', 'acme-common (>=1.1)');
      form.set('sha256_digest', createHash('sha256').update(content).digest('hex'));
      form.set('content', new Blob([content]), 'acme_billing-0.1.0-py3-none-any.whl');
      const res = await fetch(pypi.endpoint, { method: 'POST', headers: basic(pypi.token), body: form });
      assert.equal(res.status, 200);
      const again = await fetch(pypi.endpoint, { method: 'POST', headers: basic(pypi.token), body: form });
      assert.equal(again.status, 409);
      const listed = await client.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'python', format: 'pypi', package: 'acme-billing' }));
      assert.deepEqual(listed.versions?.map((v) => v.version), ['0.1.0']);
      const page = await (await fetch(`${pypi.endpoint}simple/acme-billing/`, { headers: basic(pypi.token) })).text();
      assert.match(page, /acme_billing-0\.1\.0-py3-none-any\.whl/);
    });
  });

  describe('Maven', () => {
    it('generates maven-metadata.xml from listed versions and serves matching checksums', async () => {
      const base = `${maven.endpoint}com/acme/platform/platform-client/`;
      const xml = await (await fetch(`${base}maven-metadata.xml`, { headers: basic(maven.token) })).text();
      assert.match(xml, /<versions>\s*<version>2\.0\.0<\/version>\s*<version>2\.1\.0<\/version>\s*<\/versions>/);
      assert.match(xml, /<release>2\.1\.0<\/release>/);
      const pomRes = await fetch(`${base}2.1.0/platform-client-2.1.0.pom`, { headers: basic(maven.token) });
      const pom = Buffer.from(await pomRes.arrayBuffer());
      assert.match(pom.toString(), /<artifactId>json-lite<\/artifactId>/);
      const sha1 = await (await fetch(`${base}2.1.0/platform-client-2.1.0.pom.sha1`, { headers: basic(maven.token) })).text();
      assert.equal(sha1, createHash('sha1').update(pom).digest('hex'));
      const md5 = await (await fetch(`${base}2.1.0/platform-client-2.1.0.pom.md5`, { headers: basic(maven.token) })).text();
      assert.equal(md5, createHash('md5').update(pom).digest('hex'));
      const head = await fetch(`${base}2.1.0/platform-client-2.1.0.jar`, { method: 'HEAD', headers: basic(maven.token) });
      assert.equal(head.status, 200);
      assert.ok(Number(head.headers.get('content-length')) > 0);
      const jar = unzip(Buffer.from(await (await fetch(`${base}2.1.0/platform-client-2.1.0.jar`, { headers: basic(maven.token) })).arrayBuffer()));
      const cls = jar.find((f) => f.path.endsWith('.class'));
      assert.equal(cls?.content.readUInt32BE(0), 0xcafebabe);
    });

    it('deploys: files make an Unfinished version that the uploaded metadata publishes', async () => {
      const base = `${maven.endpoint}com/acme/platform/platform-audit/1.0.0/`;
      const put = (url: string, body: string) => fetch(url, { method: 'PUT', headers: basic(maven.token), body });
      const pom = '<project><modelVersion>4.0.0</modelVersion><groupId>com.acme.platform</groupId><artifactId>platform-audit</artifactId><version>1.0.0</version><description>Audit trail</description><dependencies><dependency><groupId>com.acme.platform</groupId><artifactId>platform-core</artifactId><version>2.0.0</version></dependency></dependencies></project>';
      assert.equal((await put(`${base}platform-audit-1.0.0.pom`, pom)).status, 201);
      assert.equal((await put(`${base}platform-audit-1.0.0.jar`, 'jar bytes')).status, 201);
      const key = { domain: 'platform', domainOwner: '222222222222', repository: 'releases', format: 'maven' as const, namespace: 'com.acme.platform', package: 'platform-audit' };
      assert.deepEqual((await client.send(new ListPackageVersionsCommand(key))).versions?.map((v) => v.status), ['Unfinished']);
      const meta = '<metadata><groupId>com.acme.platform</groupId><artifactId>platform-audit</artifactId><versioning><versions><version>1.0.0</version></versions></versioning></metadata>';
      assert.equal((await put(`${maven.endpoint}com/acme/platform/platform-audit/maven-metadata.xml`, meta)).status, 201);
      assert.deepEqual((await client.send(new ListPackageVersionsCommand(key))).versions?.map((v) => v.status), ['Published']);
    });

    it('404s for artifacts nobody has', async () => {
      assert.equal((await fetch(`${maven.endpoint}org/nowhere/none/1.0/none-1.0.pom`, { headers: basic(maven.token) })).status, 404);
    });
  });
});
