import * as assert from 'node:assert/strict';
import { DescribeDomainCommand, ListPackagesCommand, ListPackageVersionsCommand, paginateListPackages } from '@aws-sdk/client-codeartifact';
import type { Emulator } from '../../emulator/index';
import { seedScale } from '../../emulator/services/codeartifact/seed-scale';
import { ArtifactStore } from '../../emulator/services/codeartifact/store';
import { artifactClient, login, startArtifactEmulator } from '../../emulator/services/codeartifact/testing';

describe('emulator: CodeArtifact scale dataset', () => {
  it('seeds exactly the requested number of package versions', () => {
    for (const total of [50_000, 1_234]) {
      const repo = seedScale(new ArtifactStore(), Date.now(), total);
      let versions = 0;
      for (const pkg of repo.packages.values()) versions += pkg.versions.size;
      assert.equal(versions, total);
      assert.equal(repo.packages.size, Math.ceil(total / 10));
    }
  });

  describe('over HTTP', () => {
    let emu: Emulator;
    before(async () => {
      emu = await startArtifactEmulator({ dataset: 'scale', packageVersions: 50_000 });
    });
    after(() => emu.close());

    it('pages through 5,000 packages and keeps the demo domains next to the scale domain', async () => {
      const client = artifactClient(emu.url);
      const formats = new Map<string, number>();
      let pages = 0;
      for await (const page of paginateListPackages({ client, pageSize: 1000 }, { domain: 'scale', repository: 'bulk' })) {
        pages++;
        for (const p of page.packages ?? []) formats.set(p.format ?? '', (formats.get(p.format ?? '') ?? 0) + 1);
      }
      assert.equal(pages, 5);
      assert.deepEqual(Object.fromEntries(formats), { maven: 1250, npm: 2500, pypi: 1250 });
      const domain = await client.send(new DescribeDomainCommand({ domain: 'scale' }));
      assert.equal(domain.domain?.repositoryCount, 1);
      assert.ok((await client.send(new DescribeDomainCommand({ domain: 'acme' }))).domain);
      const filtered = await client.send(new ListPackagesCommand({ domain: 'scale', repository: 'bulk', format: 'maven', namespace: 'com.scale.group7', maxResults: 1000 }));
      assert.ok((filtered.packages?.length ?? 0) > 0 && filtered.packages?.every((p) => p.namespace === 'com.scale.group7'));
    });

    it('lists a generated package\'s versions and serves its files on demand', async () => {
      const client = artifactClient(emu.url);
      const versions = await client.send(new ListPackageVersionsCommand({ domain: 'scale', repository: 'bulk', format: 'npm', package: 'pkg-04000' }));
      assert.equal(versions.versions?.length, 10);
      assert.equal(versions.versions?.[0]?.status, 'Archived');
      const { token, endpoint } = await login(client, 'scale', 'bulk', 'npm');
      const doc = (await (await fetch(`${endpoint}pkg-04000`, { headers: { authorization: `Bearer ${token}` } })).json()) as { 'dist-tags': { latest: string } };
      assert.equal(doc['dist-tags'].latest, '3.1.0');
    });
  });
});
