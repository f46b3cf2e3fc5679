import { send, sendError } from '../http';
import { fetchable, retain, visibleVersions } from '../resolve';
import type { PackageRequest } from '../router';
import { normalize } from './names';
import { simpleProject, simpleRoot } from './simple';
import { upload } from './upload';

function redirect(p: PackageRequest, location: string): void {
  send(p.req, p.res, 301, '', { Location: location });
}

/** PEP 503 simple index, file downloads and the legacy upload API (twine). */
export function handlePypi(p: PackageRequest): void {
  const { req, res, rest } = p;
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  if (method === 'POST' && (rest.length === 0 || rest.every((s) => s === '') || (rest[0] === 'legacy' && (rest[1] ?? '') === ''))) return upload(p);
  if (method !== 'GET' || rest[0] !== 'simple') return sendError(req, res, 404, `${req.method} ${req.path} is not part of the PyPI API`);
  const [, project, version, file] = rest;
  if (project === undefined) return redirect(p, `${p.endpoint}simple/`);
  if (project === '') return simpleRoot(p);
  const normalized = normalize(project);
  if (version === undefined || (version === '' && normalized !== project)) return redirect(p, `${p.endpoint}simple/${normalized}/`);
  if (version === '') return simpleProject(p, normalized);
  const candidate = visibleVersions(p.ctx.store, p.repo, 'pypi', undefined, normalized).get(version);
  const asset = candidate?.version.assets.find((a) => a.name === file);
  if (!candidate || !fetchable(candidate) || !asset) return sendError(req, res, 404, `${file ?? ''} not found for ${normalized} ${version}`);
  if (req.method === 'GET') retain(candidate);
  send(req, res, 200, asset.bytes(), { 'Content-Type': 'application/octet-stream' });
}
