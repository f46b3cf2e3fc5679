import { createHash } from 'node:crypto';
import { fixedAsset } from '../../codeartifact/assets';
import type { Dependency, PackageVersion } from '../../codeartifact/model';
import { newPackage, packageKey } from '../../codeartifact/model';
import { revisionOf } from '../../codeartifact/seed-build';
import { header, send } from '../http';
import { parseMultipart } from '../multipart';
import type { PackageRequest } from '../router';
import { normalize, parseRequirement } from './names';

function text(req: PackageRequest['req'], res: PackageRequest['res'], status: number, message: string): void {
  send(req, res, status, `${message}\n`, { 'Content-Type': 'text/plain; charset=utf-8' });
}

/** The legacy upload API (`:action=file_upload`) that twine and poetry publish with. */
export function upload(p: PackageRequest): void {
  const { req, res, repo } = p;
  const parts = parseMultipart(req.body, header(req, 'content-type') ?? '');
  if (!parts) return text(req, res, 400, 'Bad Request: expected multipart/form-data');
  const field = (name: string): string | undefined => parts.find((part) => part.name === name && part.filename === undefined)?.value.toString('utf8');
  const all = (name: string): string[] => parts.filter((part) => part.name === name).map((part) => part.value.toString('utf8')).filter((v) => v !== '');
  const content = parts.find((part) => part.name === 'content' && part.filename !== undefined);
  const rawName = field('name');
  const version = field('version');
  if (field(':action') !== 'file_upload' || !rawName || !version || !content?.filename) {
    return text(req, res, 400, 'Bad Request: name, version, :action=file_upload and a content file are required');
  }
  const sha256 = createHash('sha256').update(content.value).digest('hex');
  const claimed = field('sha256_digest');
  if (claimed && claimed !== sha256) return text(req, res, 400, `Bad Request: sha256_digest does not match ${content.filename}`);
  const name = normalize(rawName);
  const key = packageKey('pypi', undefined, name);
  const pkg = repo.packages.get(key) ?? newPackage('pypi', undefined, name, true);
  if (pkg.publish === 'BLOCK') return text(req, res, 403, `Forbidden: publishing ${name} to ${repo.name} is blocked by the package's origin controls`);
  const existing = pkg.versions.get(version);
  if (existing?.assets.some((a) => a.name === content.filename)) return text(req, res, 409, `Conflict: File already exists: ${content.filename}`);
  const asset = fixedAsset(content.filename, Buffer.from(content.value));
  if (existing) {
    existing.assets.push(asset);
  } else {
    const dependencies: Dependency[] = all('requires_dist').flatMap((r) => {
      const parsed = parseRequirement(r);
      return parsed ? [{ ...parsed, dependencyType: 'regular' }] : [];
    });
    const summary = field('summary');
    const homePage = field('home_page');
    const license = field('license');
    const readme = field('description');
    const requiresPython = field('requires_python');
    const record: PackageVersion = {
      version,
      revision: revisionOf('pypi', name, version, sha256),
      status: 'Published',
      publishedTime: p.ctx.now(),
      origin: { originType: 'INTERNAL', repositoryName: repo.name },
      displayName: rawName,
      ...(summary ? { summary } : {}),
      ...(homePage ? { homePage } : {}),
      licenses: license ? [{ name: license }] : [],
      dependencies,
      ...(readme ? { readme } : {}),
      ...(requiresPython ? { requiresPython } : {}),
      assets: [asset],
    };
    pkg.versions.set(version, record);
  }
  repo.packages.set(key, pkg);
  text(req, res, 200, 'OK');
}
