import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { fixedAsset } from '../../codeartifact/assets';
import type { Dependency, PackageVersion } from '../../codeartifact/model';
import { newPackage, packageKey } from '../../codeartifact/model';
import { revisionOf } from '../../codeartifact/seed-build';
import { untar } from '../archive/tar';
import { sendError, sendJson } from '../http';
import type { PackageRequest } from '../router';
import type { NpmName } from './names';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const DEPENDENCY_FIELDS: [string, string][] = [['dependencies', 'regular'], ['devDependencies', 'dev'], ['peerDependencies', 'peer'], ['optionalDependencies', 'optional']];

function manifestDependencies(manifest: Json): Dependency[] {
  const found: Dependency[] = [];
  for (const [field, dependencyType] of DEPENDENCY_FIELDS) {
    const map = manifest[field];
    if (!isObject(map)) continue;
    for (const [full, range] of Object.entries(map)) {
      const scoped = /^@([^/]+)\/(.+)$/.exec(full);
      found.push({ ...(scoped ? { namespace: scoped[1] } : {}), package: scoped?.[2] ?? full, dependencyType, versionRequirement: String(range) });
    }
  }
  return found;
}

/** Checks the tarball really is `npm pack` output for this name and version; returns its README. */
function inspectTarball(bytes: Buffer, name: string, version: string): { readme?: string } | string {
  let files;
  try {
    files = untar(gunzipSync(bytes));
  } catch {
    return 'the attachment is not a gzip tar archive';
  }
  const pkgJson = files.find((f) => /^[^/]+\/package\.json$/.test(f.path));
  if (!pkgJson) return 'the tarball has no package.json';
  let manifest: unknown;
  try {
    manifest = JSON.parse(pkgJson.content.toString('utf8'));
  } catch {
    return 'package.json in the tarball is not valid JSON';
  }
  if (!isObject(manifest) || manifest.name !== name || manifest.version !== version) return 'package.json in the tarball does not match the published name and version';
  const readme = files.find((f) => /^[^/]+\/readme(\.md)?$/i.test(f.path));
  return readme ? { readme: readme.content.toString('utf8') } : {};
}

/** `npm publish`: PUT of the package document with the tarball as a base64 attachment. */
export function publish(p: PackageRequest, name: NpmName): void {
  const { req, res, repo } = p;
  let doc: unknown;
  try {
    doc = JSON.parse(req.body.toString('utf8'));
  } catch {
    return sendError(req, res, 400, 'the publish document is not valid JSON');
  }
  if (!isObject(doc) || doc.name !== name.full || !isObject(doc.versions) || !isObject(doc._attachments)) {
    return sendError(req, res, 400, 'the publish document must name the package and carry versions and _attachments');
  }
  const versionEntries = Object.entries(doc.versions);
  const attachments = Object.values(doc._attachments);
  const [entry] = versionEntries;
  const [attachment] = attachments;
  if (versionEntries.length !== 1 || attachments.length !== 1 || !entry || !isObject(entry[1]) || !isObject(attachment) || typeof attachment.data !== 'string') {
    return sendError(req, res, 400, 'publish exactly one version with one tarball attachment');
  }
  const [version, manifest] = entry as [string, Json];
  const bytes = Buffer.from(attachment.data, 'base64');
  const dist = isObject(manifest.dist) ? manifest.dist : {};
  if (typeof dist.integrity === 'string' && dist.integrity.startsWith('sha512-') && dist.integrity !== `sha512-${createHash('sha512').update(bytes).digest('base64')}`) {
    return sendError(req, res, 400, 'the tarball does not match dist.integrity');
  }
  if (typeof dist.shasum === 'string' && dist.shasum !== createHash('sha1').update(bytes).digest('hex')) {
    return sendError(req, res, 400, 'the tarball does not match dist.shasum');
  }
  const inspected = inspectTarball(bytes, name.full, version);
  if (typeof inspected === 'string') return sendError(req, res, 400, inspected);

  const key = packageKey('npm', name.namespace, name.name);
  const pkg = repo.packages.get(key) ?? newPackage('npm', name.namespace, name.name, true);
  if (pkg.publish === 'BLOCK') {
    return sendError(req, res, 403, `Publishing ${name.full} to ${repo.name} is blocked by the package's origin controls`);
  }
  if (pkg.versions.has(version)) return sendError(req, res, 409, `${name.full}@${version} already exists in ${repo.name}; versions cannot be overwritten`);
  const { dist: _dist, ...stored } = manifest;
  const repository = isObject(manifest.repository) ? manifest.repository.url : manifest.repository;
  const record: PackageVersion = {
    version,
    revision: revisionOf('npm', name.full, version, createHash('sha256').update(bytes).digest('hex')),
    status: 'Published',
    publishedTime: p.ctx.now(),
    origin: { originType: 'INTERNAL', repositoryName: repo.name },
    displayName: name.full,
    ...(typeof manifest.description === 'string' ? { summary: manifest.description } : {}),
    ...(typeof manifest.homepage === 'string' ? { homePage: manifest.homepage } : {}),
    ...(typeof repository === 'string' ? { sourceCodeRepository: repository } : {}),
    licenses: typeof manifest.license === 'string' ? [{ name: manifest.license }] : [],
    dependencies: manifestDependencies(manifest),
    ...(typeof doc.readme === 'string' && doc.readme !== '' ? { readme: doc.readme } : inspected.readme !== undefined ? { readme: inspected.readme } : {}),
    assets: [fixedAsset('package.tgz', bytes)],
    npmManifest: stored,
  };
  pkg.versions.set(version, record);
  repo.packages.set(key, pkg);
  const tags = isObject(doc['dist-tags']) ? doc['dist-tags'] : { latest: version };
  for (const [tag, v] of Object.entries(tags)) if (typeof v === 'string') pkg.distTags.set(tag, v);
  sendJson(req, res, 200, { ok: true, id: name.full, rev: record.revision });
}
