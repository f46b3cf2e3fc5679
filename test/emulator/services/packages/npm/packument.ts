import { createHash } from 'node:crypto';
import type { PackageVersion } from '../../codeartifact/model';
import type { PackageRequest } from '../router';
import type { Candidate } from '../resolve';
import { listed, visibleVersions } from '../resolve';
import { compareVersions } from '../../codeartifact/versions';
import type { NpmName } from './names';

const iso = (ms: number): string => new Date(ms).toISOString();

export function tarballUrl(p: PackageRequest, name: NpmName, version: string): string {
  return `${p.endpoint}${name.full}/-/${name.name}-${version}.tgz`;
}

function dependencyMaps(v: PackageVersion): Record<string, Record<string, string>> {
  const maps: Record<string, Record<string, string>> = {};
  const field: Record<string, string> = { regular: 'dependencies', dev: 'devDependencies', peer: 'peerDependencies', optional: 'optionalDependencies' };
  for (const d of v.dependencies) {
    const key = field[d.dependencyType] ?? 'dependencies';
    (maps[key] ??= {})[d.namespace !== undefined ? `@${d.namespace}/${d.package}` : d.package] = d.versionRequirement;
  }
  return maps;
}

function versionDocument(p: PackageRequest, name: NpmName, v: PackageVersion): Record<string, unknown> {
  const bytes = v.assets.find((a) => a.name === 'package.tgz')?.bytes() ?? Buffer.alloc(0);
  const base = v.npmManifest ?? {
    name: name.full,
    version: v.version,
    ...(v.summary !== undefined ? { description: v.summary } : {}),
    main: 'index.js',
    ...(v.licenses[0] ? { license: v.licenses[0].name } : {}),
    ...(v.homePage !== undefined ? { homepage: v.homePage } : {}),
    ...dependencyMaps(v),
  };
  return {
    ...base,
    _id: `${name.full}@${v.version}`,
    dist: {
      shasum: createHash('sha1').update(bytes).digest('hex'),
      integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
      tarball: tarballUrl(p, name, v.version),
    },
  };
}

/** The packument of a package as this repository (and its upstreams) make it visible. */
export function packument(p: PackageRequest, name: NpmName, abbreviated: boolean): Record<string, unknown> | undefined {
  const all = visibleVersions(p.ctx.store, p.repo, 'npm', name.namespace, name.name);
  const shown: Candidate[] = [...all.values()].filter(listed).sort((a, b) => compareVersions(a.version.version, b.version.version));
  if (shown.length === 0) return undefined;
  const tags: Record<string, string> = {};
  for (const c of [...shown].reverse()) {
    for (const [tag, version] of c.holder.distTags) if (tags[tag] === undefined && shown.some((s) => s.version.version === version)) tags[tag] = version;
  }
  const stable = shown.filter((c) => !/[a-z]/i.test(c.version.version));
  tags.latest ??= (stable.at(-1) ?? shown.at(-1))?.version.version ?? '';
  const versions = Object.fromEntries(shown.map((c) => [c.version.version, versionDocument(p, name, c.version)]));
  const modified = iso(Math.max(...shown.map((c) => c.version.publishedTime)));
  if (abbreviated) return { name: name.full, 'dist-tags': tags, versions, modified };
  const latest = all.get(tags.latest)?.version;
  return {
    _id: name.full,
    name: name.full,
    ...(latest?.summary !== undefined ? { description: latest.summary } : {}),
    'dist-tags': tags,
    versions,
    time: { created: iso(Math.min(...shown.map((c) => c.version.publishedTime))), modified, ...Object.fromEntries(shown.map((c) => [c.version.version, iso(c.version.publishedTime)])) },
    ...(latest?.readme !== undefined ? { readme: latest.readme } : {}),
  };
}
