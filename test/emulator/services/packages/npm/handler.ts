import { header, send, sendError, sendJson } from '../http';
import { fetchable, retain, visibleVersions } from '../resolve';
import type { PackageRequest } from '../router';
import { distTags } from './dist-tags';
import { takeName } from './names';
import type { NpmName } from './names';
import { packument } from './packument';
import { publish } from './publish';

const ABBREVIATED = 'application/vnd.npm.install-v1+json';

function tarball(p: PackageRequest, name: NpmName, file: string): void {
  const prefix = `${name.name}-`;
  const version = file.startsWith(prefix) && file.endsWith('.tgz') ? file.slice(prefix.length, -'.tgz'.length) : undefined;
  const candidate = version === undefined ? undefined : visibleVersions(p.ctx.store, p.repo, 'npm', name.namespace, name.name).get(version);
  const asset = candidate?.version.assets.find((a) => a.name === 'package.tgz');
  if (!candidate || !fetchable(candidate) || !asset) return sendError(p.req, p.res, 404, `${name.full}: ${file} not found`);
  if (p.req.method === 'GET') retain(candidate);
  send(p.req, p.res, 200, asset.bytes(), { 'Content-Type': 'application/octet-stream' });
}

/** The npm registry API subset npm, pnpm and yarn use: packuments, tarballs, publish, dist-tags, ping. */
export function handleNpm(p: PackageRequest): void {
  const { req, res, rest } = p;
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  if (rest[0] === '-') {
    if (rest[1] === 'ping') return sendJson(req, res, 200, {});
    if (rest[1] === 'whoami') return sendJson(req, res, 200, { username: 'aws' });
    if (rest[1] === 'package') return distTags(p, rest.slice(2));
    return sendError(req, res, 404, `${rest.join('/')} is not supported by this repository`);
  }
  const { name, after } = takeName(rest);
  if (!name) return sendError(req, res, 400, `invalid package name in ${req.path}`);
  if (after.length === 0 && method === 'GET') {
    const abbreviated = (header(req, 'accept') ?? '').includes(ABBREVIATED);
    const doc = packument(p, name, abbreviated);
    if (!doc) return sendError(req, res, 404, `${name.full} not found in ${p.repo.name} or its upstreams`);
    return sendJson(req, res, 200, doc, abbreviated ? ABBREVIATED : 'application/json');
  }
  if (after.length === 0 && method === 'PUT') return publish(p, name);
  if (after.length === 2 && after[0] === '-' && method === 'GET') return tarball(p, name, after[1] ?? '');
  sendError(req, res, 405, `${req.method} ${req.path} is not supported`);
}
