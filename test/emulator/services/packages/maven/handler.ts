import { createHash } from 'node:crypto';
import type { Repository } from '../../codeartifact/model';
import { send, sendError } from '../http';
import type { Candidate } from '../resolve';
import { fetchable, listed, retain, visibleVersions } from '../resolve';
import type { PackageRequest } from '../router';
import type { MavenPath } from './coordinates';
import { asGroupMetadata, parseMavenPath } from './coordinates';
import { deploy } from './deploy';
import { artifactMetadata } from './metadata';

const XML = { 'Content-Type': 'application/xml' };

function contentType(file: string): string {
  if (file.endsWith('.pom') || file.endsWith('.xml')) return 'application/xml';
  if (file.endsWith('.jar')) return 'application/java-archive';
  return 'application/octet-stream';
}

/** Group-level metadata (plugin prefixes) from the external connections this repository reaches. */
function groupMetadata(p: PackageRequest, groupId: string): string | undefined {
  const seen = new Set<Repository>();
  const visit = (repo: Repository): string | undefined => {
    if (seen.has(repo)) return undefined;
    seen.add(repo);
    for (const c of repo.externalConnections) {
      const found = p.ctx.store.externals.get(c.externalConnectionName)?.groupMetadata?.(groupId);
      if (found !== undefined) return found;
    }
    for (const name of repo.upstreams) {
      const upstream = repo.domain.repositories.get(name);
      const found = upstream ? visit(upstream) : undefined;
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(p.repo);
}

interface Served {
  bytes: Buffer;
  type: string;
  /** The version to retain if this was a download. */
  candidate?: Candidate;
}

function resolve(p: PackageRequest, path: MavenPath): Served | undefined {
  switch (path.kind) {
    case 'file': {
      const candidate = visibleVersions(p.ctx.store, p.repo, 'maven', path.groupId, path.artifactId).get(path.version);
      const asset = candidate?.version.assets.find((a) => a.name === path.file);
      return candidate && fetchable(candidate) && asset ? { bytes: asset.bytes(), type: contentType(path.file), candidate } : undefined;
    }
    case 'metadata': {
      const visible = [...visibleVersions(p.ctx.store, p.repo, 'maven', path.groupId, path.artifactId).values()].filter(listed);
      if (visible.length === 0) return resolve(p, asGroupMetadata(path));
      const lastUpdated = Math.max(...visible.map((c) => c.version.publishedTime));
      return { bytes: Buffer.from(artifactMetadata(path.groupId, path.artifactId, visible.map((c) => c.version.version), lastUpdated)), type: XML['Content-Type'] };
    }
    case 'group-metadata': {
      const xml = groupMetadata(p, path.groupId);
      return xml === undefined ? undefined : { bytes: Buffer.from(xml), type: XML['Content-Type'] };
    }
    case 'checksum': {
      const base = parseMavenPath(path.base);
      const served = base && base.kind !== 'checksum' ? resolve(p, base) : undefined;
      return served ? { bytes: Buffer.from(createHash(path.algorithm).update(served.bytes).digest('hex')), type: 'text/plain' } : undefined;
    }
  }
}

/** A Maven 2 layout repository: artifacts, generated maven-metadata.xml, checksums, and deploy. */
export function handleMaven(p: PackageRequest): void {
  const { req, res } = p;
  const path = parseMavenPath(p.rest);
  if (!path) return sendError(req, res, 404, `${req.path} is not a Maven repository path`);
  if (req.method === 'PUT') return deploy(p, path);
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(req, res, 405, `${req.method} is not supported`);
  const served = resolve(p, path);
  if (!served) return sendError(req, res, 404, `Not found: ${p.rest.join('/')}`);
  if (served.candidate && req.method === 'GET') retain(served.candidate);
  send(req, res, 200, served.bytes, { 'Content-Type': served.type });
}
