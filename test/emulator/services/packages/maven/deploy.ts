import { createHash } from 'node:crypto';
import { fixedAsset } from '../../codeartifact/assets';
import type { Package } from '../../codeartifact/model';
import { newPackage, packageKey } from '../../codeartifact/model';
import { revisionOf } from '../../codeartifact/seed-build';
import { send, sendError } from '../http';
import type { PackageRequest } from '../router';
import type { MavenPath } from './coordinates';
import { metadataVersions } from './metadata';
import { pomDependencies } from './pom-dependencies';

function tag(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(xml.replace(/<(parent|dependencies|build)>[\s\S]*?<\/\1>/g, ''))?.[1];
}

/**
 * `mvn deploy`: files land in an Unfinished version; uploading the artifact's maven-metadata.xml that
 * lists it publishes it, as in CodeArtifact.
 */
export function deploy(p: PackageRequest, path: MavenPath): void {
  const { req, res, repo } = p;
  const created = () => send(req, res, 201, '');
  if (path.kind === 'checksum' || path.kind === 'group-metadata') return created();
  if (path.kind === 'metadata') {
    const pkg = repo.packages.get(packageKey('maven', path.groupId, path.artifactId));
    if (!pkg) return created();
    for (const version of metadataVersions(req.body.toString('utf8'))) {
      const v = pkg.versions.get(version);
      if (v?.status === 'Unfinished') {
        v.status = 'Published';
        v.publishedTime = p.ctx.now();
      }
    }
    return created();
  }
  const key = packageKey('maven', path.groupId, path.artifactId);
  const pkg: Package = repo.packages.get(key) ?? newPackage('maven', path.groupId, path.artifactId, true);
  if (pkg.publish === 'BLOCK') return sendError(req, res, 403, `Publishing ${path.groupId}:${path.artifactId} to ${repo.name} is blocked by the package's origin controls`);
  let version = pkg.versions.get(path.version);
  if (version && version.status !== 'Unfinished' && version.assets.some((a) => a.name === path.file)) {
    return sendError(req, res, 409, `${path.file} already exists in ${path.groupId}:${path.artifactId}:${path.version}`);
  }
  if (!version) {
    version = {
      version: path.version,
      revision: revisionOf('maven', path.groupId, path.artifactId, path.version, String(p.ctx.now())),
      status: 'Unfinished',
      publishedTime: p.ctx.now(),
      origin: { originType: 'INTERNAL', repositoryName: repo.name },
      displayName: path.artifactId,
      licenses: [],
      dependencies: [],
      assets: [],
    };
    pkg.versions.set(path.version, version);
  }
  const bytes = Buffer.from(req.body);
  version.assets = [...version.assets.filter((a) => a.name !== path.file), fixedAsset(path.file, bytes)];
  version.revision = revisionOf(version.revision, createHash('sha256').update(bytes).digest('hex'));
  if (path.file.endsWith('.pom')) {
    const xml = bytes.toString('utf8');
    version.dependencies = pomDependencies(xml);
    const description = tag(xml, 'description') ?? tag(xml, 'name');
    if (description !== undefined) version.summary = description;
    const url = tag(xml, 'url');
    if (url !== undefined) version.homePage = url;
    version.licenses = [...xml.matchAll(/<license>[\s\S]*?<name>\s*([^<]*?)\s*<\/name>/g)].map((m) => ({ name: m[1] ?? '' }));
  }
  repo.packages.set(key, pkg);
  created();
}
