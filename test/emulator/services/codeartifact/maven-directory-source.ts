import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pomDependencies } from '../packages/maven/pom-dependencies';
import { lazyAsset } from './assets';
import type { Package, PackageFormat } from './model';
import { newPackage } from './model';
import { revisionOf } from './seed-build';
import type { ExternalSource } from './store';

const SKIP = /(^_remote\.repositories$|\.lastUpdated$|\.sha1$|\.md5$|\.sha256$|\.sha512$|^maven-metadata.*\.xml$|^resolver-status\.properties$)/;

function dirs(path: string): string[] {
  try {
    return readdirSync(path, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
}

/**
 * Maven Central simulated by a local repository directory (e.g. a machine's ~/.m2/repository), read-only.
 * Lets real `mvn` runs fetch their plugins through the emulator without any network.
 */
export class MavenDirectorySource implements ExternalSource {
  private readonly cache = new Map<string, Package | null>();

  constructor(private readonly root: string, private readonly connectionName = 'public:maven-central') {}

  find(format: PackageFormat, namespace: string | undefined, name: string): Package | undefined {
    if (format !== 'maven' || namespace === undefined) return undefined;
    const key = `${namespace}:${name}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const pkg = this.load(namespace, name);
    this.cache.set(key, pkg ?? null);
    return pkg;
  }

  private load(groupId: string, artifactId: string): Package | undefined {
    const base = join(this.root, ...groupId.split('.'), artifactId);
    const pkg = newPackage('maven', groupId, artifactId, false);
    for (const version of dirs(base)) {
      const dir = join(base, version);
      const pomPath = join(dir, `${artifactId}-${version}.pom`);
      if (!existsSync(pomPath)) continue;
      const files = readdirSync(dir).filter((f) => !SKIP.test(f) && statSync(join(dir, f)).isFile());
      pkg.versions.set(version, {
        version,
        revision: revisionOf('maven', groupId, artifactId, version),
        status: 'Published',
        publishedTime: statSync(pomPath).mtimeMs,
        origin: { originType: 'EXTERNAL', externalConnectionName: this.connectionName },
        displayName: artifactId,
        licenses: [],
        dependencies: pomDependencies(readFileSync(pomPath, 'utf8')),
        assets: files.map((f) => lazyAsset(f, () => readFileSync(join(dir, f)), statSync(join(dir, f)).size)),
      });
    }
    return pkg.versions.size > 0 ? pkg : undefined;
  }

  /** Group metadata listing plugin prefixes, derived the way Maven derives default goal prefixes. */
  groupMetadata(groupId: string): string | undefined {
    const plugins = dirs(join(this.root, ...groupId.split('.')))
      .map((artifactId) => ({ artifactId, prefix: /^maven-(.+)-plugin$/.exec(artifactId)?.[1] ?? /^(.+)-maven-plugin$/.exec(artifactId)?.[1] }))
      .filter((p): p is { artifactId: string; prefix: string } => p.prefix !== undefined);
    if (plugins.length === 0) return undefined;
    const items = plugins.map((p) => `    <plugin>\n      <name>${p.artifactId}</name>\n      <prefix>${p.prefix}</prefix>\n      <artifactId>${p.artifactId}</artifactId>\n    </plugin>`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<metadata>\n  <plugins>\n${items.join('\n')}\n  </plugins>\n</metadata>\n`;
  }
}
