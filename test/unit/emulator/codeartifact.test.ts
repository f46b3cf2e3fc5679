import * as assert from 'node:assert/strict';
import {
  CodeartifactClient, DescribeDomainCommand, DescribePackageVersionCommand, DescribeRepositoryCommand, GetAuthorizationTokenCommand,
  GetPackageVersionReadmeCommand, GetRepositoryEndpointCommand, ListDomainsCommand, ListPackagesCommand, ListPackageVersionAssetsCommand,
  ListPackageVersionDependenciesCommand, ListPackageVersionsCommand, ListRepositoriesCommand, ListRepositoriesInDomainCommand,
  paginateListPackageVersions,
} from '@aws-sdk/client-codeartifact';
import type { Emulator } from '../../emulator/index';
import { artifactClient, startArtifactEmulator } from '../../emulator/services/codeartifact/testing';

async function rejects(promise: Promise<unknown>, name: string, status: number): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } } & Record<string, unknown>;
    assert.equal(e.name, name, e.message);
    assert.equal(e.$metadata?.httpStatusCode, status);
    return e;
  }
  assert.fail(`expected ${name}`);
}

describe('emulator: CodeArtifact API (demo account, real SDK over HTTP)', () => {
  let emu: Emulator;
  let main: CodeartifactClient;
  let prod: CodeartifactClient;
  before(async () => {
    emu = await startArtifactEmulator({ dataset: 'demo' });
    main = artifactClient(emu.url, 'main');
    prod = artifactClient(emu.url, 'prod');
  });
  after(() => emu.close());

  it('lists only the domains the caller owns, with epoch-second timestamps', async () => {
    const mine = await main.send(new ListDomainsCommand({}));
    assert.deepEqual(mine.domains?.map((d) => [d.name, d.owner, d.status]), [['acme', '111111111111', 'Active']]);
    assert.ok(mine.domains?.[0]?.createdTime instanceof Date);
    assert.match(mine.domains?.[0]?.arn ?? '', /^arn:aws:codeartifact:us-east-1:111111111111:domain\/acme$/);
    const theirs = await prod.send(new ListDomainsCommand({}));
    assert.deepEqual(theirs.domains?.map((d) => d.name), ['platform']);
  });

  it('describes a shared domain owned by another account, and denies one that is not shared', async () => {
    const shared = await main.send(new DescribeDomainCommand({ domain: 'platform', domainOwner: '222222222222' }));
    assert.equal(shared.domain?.repositoryCount, 1);
    assert.ok((shared.domain?.assetSizeBytes ?? 0) > 0);
    const denied = await rejects(prod.send(new DescribeDomainCommand({ domain: 'acme', domainOwner: '111111111111' })), 'AccessDeniedException', 403);
    assert.match(denied.message, /not authorized to perform: codeartifact:DescribeDomain/);
    const missing = await rejects(main.send(new DescribeDomainCommand({ domain: 'nope' })), 'ResourceNotFoundException', 404);
    assert.equal(missing.resourceType, 'domain');
    assert.equal(missing.resourceId, 'nope');
  });

  it('lists repositories the caller administers, and all repositories of a domain', async () => {
    const own = await main.send(new ListRepositoriesCommand({}));
    assert.deepEqual(own.repositories?.map((r) => r.name), ['npm-store', 'python', 'team-npm']);
    const prefixed = await main.send(new ListRepositoriesCommand({ repositoryPrefix: 'te' }));
    assert.deepEqual(prefixed.repositories?.map((r) => r.name), ['team-npm']);
    const inDomain = await main.send(new ListRepositoriesInDomainCommand({ domain: 'platform', domainOwner: '222222222222' }));
    assert.deepEqual(inDomain.repositories?.map((r) => [r.name, r.administratorAccount, r.domainOwner]), [['releases', '222222222222', '222222222222']]);
    const byAdmin = await main.send(new ListRepositoriesInDomainCommand({ domain: 'acme', administratorAccount: '222222222222' }));
    assert.deepEqual(byAdmin.repositories, []);
  });

  it('pages repositories with nextToken and validates maxResults', async () => {
    const first = await main.send(new ListRepositoriesInDomainCommand({ domain: 'acme', maxResults: 2 }));
    assert.equal(first.repositories?.length, 2);
    assert.ok(first.nextToken);
    const second = await main.send(new ListRepositoriesInDomainCommand({ domain: 'acme', maxResults: 2, nextToken: first.nextToken }));
    assert.deepEqual(second.repositories?.map((r) => r.name), ['team-npm']);
    assert.equal(second.nextToken, undefined);
    const bad = await rejects(main.send(new ListRepositoriesInDomainCommand({ domain: 'acme', maxResults: 1001 })), 'ValidationException', 400);
    assert.equal(bad.reason, 'FIELD_VALIDATION_FAILED');
    await rejects(main.send(new ListRepositoriesInDomainCommand({ domain: 'acme', nextToken: 'garbage!' })), 'ValidationException', 400);
  });

  it('describes a repository with its upstreams and external connections', async () => {
    const team = await main.send(new DescribeRepositoryCommand({ domain: 'acme', repository: 'team-npm' }));
    assert.deepEqual(team.repository?.upstreams, [{ repositoryName: 'npm-store' }]);
    const store = await main.send(new DescribeRepositoryCommand({ domain: 'acme', repository: 'npm-store' }));
    assert.deepEqual(store.repository?.externalConnections, [{ externalConnectionName: 'public:npmjs', packageFormat: 'npm', status: 'Available' }]);
    const missing = await rejects(main.send(new DescribeRepositoryCommand({ domain: 'acme', repository: 'nope' })), 'ResourceNotFoundException', 404);
    assert.equal(missing.resourceType, 'repository');
    await rejects(main.send(new DescribeRepositoryCommand({ domain: 'Bad_Domain', repository: 'x' })), 'ValidationException', 400);
  });

  it('lists packages with filters and origin controls', async () => {
    const npm = await main.send(new ListPackagesCommand({ domain: 'acme', repository: 'team-npm', format: 'npm' }));
    assert.deepEqual(npm.packages?.map((p) => [p.namespace ?? '', p.package]), [['', 'ms'], ['', 'order-client'], ['acme', 'logger'], ['acme', 'ui-kit']]);
    const scoped = await main.send(new ListPackagesCommand({ domain: 'acme', repository: 'team-npm', namespace: 'acme' }));
    assert.deepEqual(scoped.packages?.map((p) => p.package), ['logger', 'ui-kit']);
    const ingested = await main.send(new ListPackagesCommand({ domain: 'acme', repository: 'team-npm', upstream: 'ALLOW' }));
    assert.deepEqual(ingested.packages?.map((p) => [p.package, p.originConfiguration?.restrictions?.publish]), [['ms', 'BLOCK']]);
    const prefix = await main.send(new ListPackagesCommand({ domain: 'acme', repository: 'python', packagePrefix: 'acme-' }));
    assert.deepEqual(prefix.packages?.map((p) => p.package), ['acme-common', 'acme-orders']);
  });

  it('lists versions with statuses, origins, filters, sorting and the default display version', async () => {
    const all = await main.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'team-npm', format: 'npm', namespace: 'acme', package: 'ui-kit' }));
    assert.equal(all.defaultDisplayVersion, '1.2.0');
    assert.deepEqual(all.versions?.map((v) => [v.version, v.status]), [['0.9.0', 'Archived'], ['1.0.0', 'Published'], ['1.1.0', 'Published'], ['1.2.0', 'Published'], ['1.3.0-beta.1', 'Unlisted']]);
    assert.deepEqual(all.versions?.[0]?.origin, { domainEntryPoint: { repositoryName: 'team-npm' }, originType: 'INTERNAL' });
    const published = await main.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'team-npm', format: 'npm', namespace: 'acme', package: 'ui-kit', status: 'Published', sortBy: 'PUBLISHED_TIME' }));
    assert.deepEqual(published.versions?.map((v) => v.version), ['1.2.0', '1.1.0', '1.0.0']);
    const external = await main.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'npm-store', format: 'npm', package: 'left-pad', originType: 'EXTERNAL' }));
    assert.deepEqual(external.versions?.map((v) => [v.version, v.origin?.domainEntryPoint?.externalConnectionName]), [['1.3.0', 'public:npmjs']]);
    const pages: string[] = [];
    for await (const page of paginateListPackageVersions({ client: main, pageSize: 2 }, { domain: 'acme', repository: 'team-npm', format: 'npm', namespace: 'acme', package: 'ui-kit' })) {
      pages.push((page.versions ?? []).map((v) => v.version).join(','));
    }
    assert.deepEqual(pages, ['0.9.0,1.0.0', '1.1.0,1.2.0', '1.3.0-beta.1']);
    const missing = await rejects(main.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'team-npm', format: 'npm', package: 'nope' })), 'ResourceNotFoundException', 404);
    assert.equal(missing.resourceType, 'package');
    await rejects(main.send(new ListPackageVersionsCommand({ domain: 'acme', repository: 'team-npm', format: 'npm', package: 'x', status: 'Bogus' as 'Published' })), 'ValidationException', 400);
  });

  it('describes a version, its dependencies, assets and readme', async () => {
    const key = { domain: 'acme', repository: 'team-npm', format: 'npm' as const, namespace: 'acme', package: 'ui-kit', packageVersion: '1.2.0' };
    const described = await main.send(new DescribePackageVersionCommand(key));
    assert.equal(described.packageVersion?.displayName, '@acme/ui-kit');
    assert.equal(described.packageVersion?.status, 'Published');
    assert.deepEqual(described.packageVersion?.licenses, [{ name: 'MIT' }]);
    assert.ok(described.packageVersion?.publishedTime instanceof Date);
    const deps = await main.send(new ListPackageVersionDependenciesCommand(key));
    assert.deepEqual(deps.dependencies?.map((d) => [d.namespace ?? '', d.package, d.dependencyType, d.versionRequirement]), [
      ['acme', 'logger', 'regular', '^2.1.0'], ['', 'left-pad', 'regular', '^1.3.0'], ['', 'typescript', 'dev', '^5.4.0'],
    ]);
    assert.equal(deps.versionRevision, described.packageVersion?.revision);
    const assets = await main.send(new ListPackageVersionAssetsCommand(key));
    assert.equal(assets.assets?.length, 1);
    const asset = assets.assets?.[0];
    assert.equal(asset?.name, 'package.tgz');
    assert.match(asset?.hashes?.['SHA-256'] ?? '', /^[0-9a-f]{64}$/);
    const readme = await main.send(new GetPackageVersionReadmeCommand(key));
    assert.match(readme.readme ?? '', /^# @acme\/ui-kit/);
    const missing = await rejects(main.send(new DescribePackageVersionCommand({ ...key, packageVersion: '9.9.9' })), 'ResourceNotFoundException', 404);
    assert.equal(missing.resourceType, 'package-version');
    const maven = await main.send(new ListPackageVersionAssetsCommand({ domain: 'platform', domainOwner: '222222222222', repository: 'releases', format: 'maven', namespace: 'com.acme.platform', package: 'platform-core', packageVersion: '2.0.0' }));
    assert.deepEqual(maven.assets?.map((a) => a.name), ['platform-core-2.0.0.jar', 'platform-core-2.0.0.pom']);
  });

  it('hands out repository endpoints with a trailing slash', async () => {
    const ep = await main.send(new GetRepositoryEndpointCommand({ domain: 'platform', domainOwner: '222222222222', repository: 'releases', format: 'maven' }));
    assert.equal(ep.repositoryEndpoint, `${emu.url}/_codeartifact/platform-222222222222/maven/releases/`);
    await rejects(main.send(new GetRepositoryEndpointCommand({ domain: 'acme', repository: 'team-npm', format: 'cobol' as 'npm' })), 'ValidationException', 400);
  });

  it('issues opaque JWE-shaped tokens: 12 h by default, durationSeconds 0 or 900-43200', async () => {
    const start = emu.clock.now();
    const token = await main.send(new GetAuthorizationTokenCommand({ domain: 'acme' }));
    assert.equal(token.authorizationToken?.split('.').length, 5);
    const header: unknown = JSON.parse(Buffer.from(token.authorizationToken?.split('.')[0] ?? '', 'base64url').toString());
    assert.equal((header as { ver: number }).ver, 1);
    const hours = ((token.expiration?.getTime() ?? 0) - start) / 3_600_000;
    assert.ok(hours > 11.99 && hours <= 12.01, `expires in ${hours} h`);
    const short = await main.send(new GetAuthorizationTokenCommand({ domain: 'acme', durationSeconds: 900 }));
    assert.ok((short.expiration?.getTime() ?? 0) - start <= 901_000);
    await main.send(new GetAuthorizationTokenCommand({ domain: 'acme', durationSeconds: 0 }));
    for (const durationSeconds of [1, 899, 43201]) {
      await rejects(main.send(new GetAuthorizationTokenCommand({ domain: 'acme', durationSeconds })), 'ValidationException', 400);
    }
    assert.notEqual(token.authorizationToken, short.authorizationToken);
    await rejects(prod.send(new GetAuthorizationTokenCommand({ domain: 'acme', domainOwner: '111111111111' })), 'AccessDeniedException', 403);
  });

  it('answers an injected throttle as ThrottlingException 429', async () => {
    emu.faults.add({ operation: 'ListPackages', service: 'codeartifact', kind: 'throttle', times: 1 });
    const throttled = await rejects(main.send(new ListPackagesCommand({ domain: 'acme', repository: 'python' })), 'ThrottlingException', 429);
    assert.equal(throttled.retryAfterSeconds, 1, 'Retry-After is bound to retryAfterSeconds');
    const after = await main.send(new ListPackagesCommand({ domain: 'acme', repository: 'python' }));
    assert.ok((after.packages?.length ?? 0) > 0);
  });
});
