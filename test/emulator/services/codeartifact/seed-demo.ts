import { ChainedSource, SeededSource } from './external';
import { MavenDirectorySource } from './maven-directory-source';
import type { Domain, ExternalConnection, Repository, VersionOrigin } from './model';
import { retainVersion } from './retention';
import { addPackage, buildPackage } from './seed-build';
import type { PackageSpec } from './seed-build';
import { platformReleases, publicMaven, publicNpm, publicPypi, teamNpm, teamPython } from './seed-demo-packages';
import type { ArtifactStore } from './store';

const DAY = 24 * 60 * 60 * 1000;
export const MAIN_ACCOUNT = '111111111111';
export const PROD_ACCOUNT = '222222222222';

export function newDomain(name: string, owner: string, createdTime: number, sharedWith: string[] = []): Domain {
  return {
    name, owner, createdTime, sharedWith: new Set(sharedWith), repositories: new Map(),
    encryptionKey: `arn:aws:kms:us-east-1:${owner}:key/${name.padEnd(8, '0').slice(0, 8).replace(/[^0-9a-f]/g, 'a')}-4d3c-4b2a-9e1f-${owner}`,
  };
}

export function newRepository(domain: Domain, name: string, createdTime: number, options: { description?: string; upstreams?: string[]; externalConnections?: ExternalConnection[]; administratorAccount?: string } = {}): Repository {
  const repo: Repository = {
    name, domain, createdTime,
    administratorAccount: options.administratorAccount ?? domain.owner,
    ...(options.description !== undefined ? { description: options.description } : {}),
    upstreams: options.upstreams ?? [],
    externalConnections: options.externalConnections ?? [],
    packages: new Map(),
  };
  domain.repositories.set(name, repo);
  return repo;
}

const internal = (repositoryName: string): VersionOrigin => ({ originType: 'INTERNAL', repositoryName });
const external = (externalConnectionName: string): VersionOrigin => ({ originType: 'EXTERNAL', externalConnectionName });

function seededSource(specs: PackageSpec[], connection: string, now: number): SeededSource {
  const source = new SeededSource();
  for (const spec of specs) source.add(buildPackage(spec, external(connection), now));
  return source;
}

/** Copies chosen versions of a public package into a repository, as if someone had fetched them before. */
function retain(repo: Repository, source: SeededSource, spec: PackageSpec, versions: string[]): void {
  const original = source.find(spec.format, spec.namespace, spec.name);
  for (const v of versions) {
    const version = original?.versions.get(v);
    if (original && version) retainVersion(repo, original, version);
  }
}

export interface DemoSeedOptions {
  mavenCentralDirectory?: string | undefined;
}

/**
 * The demo account: domain `acme` (111111111111) with npm-store ← team-npm and python, and domain
 * `platform` (222222222222, shared with 111111111111) with releases. See README.md for the full list.
 */
export function seedDemo(store: ArtifactStore, now: number, options: DemoSeedOptions = {}): void {
  const npmjs = seededSource(publicNpm, 'public:npmjs', now);
  const pypi = seededSource(publicPypi, 'public:pypi', now);
  const centralSeeded = seededSource(publicMaven, 'public:maven-central', now);
  store.externals.set('public:npmjs', npmjs);
  store.externals.set('public:pypi', pypi);
  store.externals.set('public:maven-central', options.mavenCentralDirectory
    ? new ChainedSource([centralSeeded, new MavenDirectorySource(options.mavenCentralDirectory)])
    : centralSeeded);

  const acme = newDomain('acme', MAIN_ACCOUNT, now - 420 * DAY);
  store.addDomain(acme);
  const npmStore = newRepository(acme, 'npm-store', now - 400 * DAY, {
    description: 'Packages from the public npm registry, cached for the whole domain',
    externalConnections: [{ externalConnectionName: 'public:npmjs', packageFormat: 'npm' }],
  });
  const teamNpmRepo = newRepository(acme, 'team-npm', now - 380 * DAY, {
    description: 'npm packages published by Acme teams; public packages come through npm-store',
    upstreams: ['npm-store'],
  });
  const python = newRepository(acme, 'python', now - 300 * DAY, {
    description: 'Acme Python libraries, with PyPI as a fallback',
    externalConnections: [{ externalConnectionName: 'public:pypi', packageFormat: 'pypi' }],
  });
  for (const spec of teamNpm) addPackage(teamNpmRepo, buildPackage(spec, internal('team-npm'), now));
  for (const spec of teamPython) addPackage(python, buildPackage(spec, internal('python'), now));
  const [leftPad, ms] = publicNpm;
  const [six] = publicPypi;
  if (leftPad && ms && six) {
    retain(npmStore, npmjs, leftPad, ['1.3.0']);
    retain(npmStore, npmjs, ms, ['2.1.3']);
    retain(teamNpmRepo, npmjs, ms, ['2.1.3']);
    retain(python, pypi, six, ['1.16.0']);
  }

  const platform = newDomain('platform', PROD_ACCOUNT, now - 500 * DAY, [MAIN_ACCOUNT]);
  store.addDomain(platform);
  const releases = newRepository(platform, 'releases', now - 480 * DAY, {
    description: 'Released platform libraries (Maven and npm), shared with every Acme account',
    externalConnections: [{ externalConnectionName: 'public:maven-central', packageFormat: 'maven' }],
  });
  for (const spec of platformReleases) addPackage(releases, buildPackage(spec, internal('releases'), now));
}
