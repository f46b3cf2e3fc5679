import { createHash } from 'node:crypto';
import { compareVersions } from '../../codeartifact/versions';
import { send } from '../http';
import { listed, visibleVersions } from '../resolve';
import type { PackageRequest } from '../router';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(title: string, links: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head><meta name="pypi:repository-version" content="1.0"><title>' + escape(title) + '</title></head>',
    '<body>',
    `<h1>${escape(title)}</h1>`,
    ...links.map((l) => `${l}<br/>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };

/** PEP 503 root: every PyPI project stored in this repository. */
export function simpleRoot(p: PackageRequest): void {
  const names = p.ctx.store.sortedPackages(p.repo).filter((pkg) => pkg.format === 'pypi').map((pkg) => pkg.name);
  send(p.req, p.res, 200, page('Simple index', names.map((n) => `<a href="${escape(`${p.endpoint}simple/${n}/`)}">${escape(n)}</a>`)), HTML);
}

/** PEP 503 project page: one link per file, with its sha256 fragment and Requires-Python. */
export function simpleProject(p: PackageRequest, name: string): void {
  const candidates = [...visibleVersions(p.ctx.store, p.repo, 'pypi', undefined, name).values()]
    .filter(listed)
    .sort((a, b) => compareVersions(a.version.version, b.version.version));
  if (candidates.length === 0) {
    send(p.req, p.res, 404, `Not Found: ${name} is not in ${p.repo.name} or its upstreams\n`, { 'Content-Type': 'text/plain' });
    return;
  }
  const links = candidates.flatMap((c) => c.version.assets.map((asset) => {
    const sha256 = createHash('sha256').update(asset.bytes()).digest('hex');
    const href = `${p.endpoint}simple/${name}/${c.version.version}/${asset.name}#sha256=${sha256}`;
    const requires = c.version.requiresPython ? ` data-requires-python="${escape(c.version.requiresPython)}"` : '';
    return `<a href="${escape(href)}"${requires}>${escape(asset.name)}</a>`;
  }));
  send(p.req, p.res, 200, page(`Links for ${name}`, links), HTML);
}
