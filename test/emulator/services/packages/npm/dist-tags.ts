import { packageKey } from '../../codeartifact/model';
import { sendError, sendJson } from '../http';
import { visibleVersions } from '../resolve';
import type { PackageRequest } from '../router';
import { takeName } from './names';

/** `/-/package/<name>/dist-tags[/<tag>]`: npm dist-tag ls/add/rm. */
export function distTags(p: PackageRequest, segments: string[]): void {
  const { req, res, repo } = p;
  const { name, after } = takeName(segments);
  if (!name || after[0] !== 'dist-tags') return sendError(req, res, 404, 'unknown dist-tags route');
  const pkg = repo.packages.get(packageKey('npm', name.namespace, name.name));
  const tag = after[1];
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (!pkg) return sendError(req, res, 404, `${name.full} not found in ${repo.name}`);
    return sendJson(req, res, 200, Object.fromEntries(pkg.distTags));
  }
  if (!pkg || tag === undefined || tag === '') return sendError(req, res, 404, `${name.full} not found in ${repo.name}`);
  if (req.method === 'DELETE') {
    if (tag === 'latest') return sendError(req, res, 400, 'the latest tag cannot be removed');
    pkg.distTags.delete(tag);
    return sendJson(req, res, 200, { ok: true });
  }
  if (req.method === 'PUT' || req.method === 'POST') {
    let version: unknown;
    try {
      version = JSON.parse(req.body.toString('utf8'));
    } catch {
      return sendError(req, res, 400, 'the body must be a JSON string naming a version');
    }
    const known = typeof version === 'string' && visibleVersions(p.ctx.store, repo, 'npm', name.namespace, name.name).has(version);
    if (typeof version !== 'string' || !known) return sendError(req, res, 404, `version ${String(version)} of ${name.full} not found`);
    pkg.distTags.set(tag, version);
    return sendJson(req, res, 200, { ok: true });
  }
  sendError(req, res, 405, `${req.method} is not supported on dist-tags`);
}
