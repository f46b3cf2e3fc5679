// The package-version page as data and as escaped HTML: facts (status, origin, published time, licenses and
// links), the install snippet of every package manager with a copy button, dependencies, assets and readme.
import { httpsOnly } from '../../aws/console';
import { actionButton, codicon, statusBadge, type Tone } from '../../core/detail-html';
import { html, type Html } from '../../core/html';
import { installSnippets, type Snippet } from '../snippets/snippets';
import { size, type VersionDetails } from './details';
import { displayName, FORMAT_LABELS, formatTime, statusIcon } from './nodes';
import { originTypePhrase } from './words';

/** The page's actions: open link n, copy snippet n. */
export const OPEN_LINK = 'open';
export const COPY_SNIPPET = 'copy';

export interface VersionDetailsView {
  name: string;
  version: string;
  status: { label: string; icon: string; tone: Tone };
  summary?: string;
  facts: { label: string; value: string; link?: number }[];
  snippets: Snippet[];
  dependencies: { name: string; requirement: string; type: string }[];
  assets: { name: string; size: string; sha256: string }[];
  problems: string[];
  readme?: string;
  /** https links the page opens, by index. */
  links: string[];
}

const STATUS_TONES: Record<string, Tone> = { Published: 'succeeded', Unfinished: 'running', Archived: 'stopped', Unlisted: 'neutral', Disposed: 'failed', Deleted: 'failed' };

export function versionDetailsView(d: VersionDetails): VersionDetailsView {
  const { ref } = d;
  const links: string[] = [];
  const linkTo = (url: string | undefined): { link: number } | Record<string, never> => {
    const safe = httpsOnly(url);
    return safe ? { link: links.push(safe) - 1 } : {};
  };
  const facts: VersionDetailsView['facts'] = [
    { label: 'Repository', value: `${ref.repository} (domain ${ref.domain}, owner ${ref.domainOwner})` },
    { label: 'Format', value: FORMAT_LABELS[ref.format] ?? ref.format },
  ];
  if (d.publishedTime !== undefined) facts.push({ label: 'Published', value: formatTime(d.publishedTime) });
  if (d.origin) facts.push({ label: 'Origin', value: originTypePhrase(d.origin) });
  if (d.revision) facts.push({ label: 'Revision', value: d.revision });
  for (const l of d.licenses) if (l.name || l.url) facts.push({ label: 'License', value: l.name ?? l.url ?? '', ...linkTo(l.url) });
  if (d.homePage) facts.push({ label: 'Home page', value: d.homePage, ...linkTo(d.homePage) });
  if (d.sourceCodeRepository) facts.push({ label: 'Source', value: d.sourceCodeRepository, ...linkTo(d.sourceCodeRepository) });
  return {
    name: displayName(ref.format, ref.namespace, ref.package),
    version: ref.version,
    status: { label: d.status ?? 'Unknown status', icon: statusIcon(d.status), tone: STATUS_TONES[d.status ?? ''] ?? 'neutral' },
    ...(d.summary ? { summary: d.summary } : {}),
    facts,
    snippets: installSnippets({ format: ref.format, ...(ref.namespace ? { namespace: ref.namespace } : {}), package: ref.package, version: ref.version,
      domain: ref.domain, domainOwner: ref.domainOwner, repository: ref.repository }),
    dependencies: d.dependencies.map((dep) => ({ name: displayName(ref.format, dep.namespace, dep.package ?? '?'), requirement: dep.versionRequirement ?? '', type: dep.dependencyType ?? '' })),
    assets: d.assets.map((a) => ({ name: a.name ?? '', size: size(a.size), sha256: a.hashes?.['SHA-256'] ?? '' })),
    problems: d.problems,
    ...(d.readme?.trim() ? { readme: d.readme.trim() } : {}),
    links,
  };
}

function table(head: readonly string[], rows: readonly (readonly string[])[], empty: string): Html {
  if (!rows.length) return html`<p class="muted">${empty}</p>`;
  return html`<table><thead><tr>${head.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody></table>`;
}

export function versionDetailsTitle(v: VersionDetailsView): string {
  return `${v.name} ${v.version}`;
}

export function versionDetailsHtml(v: VersionDetailsView): string {
  return html`<header class="page-header">
<h1>${codicon('package')}<span class="title">${v.name}</span><span class="muted">${v.version}</span>${statusBadge(v.status)}</h1>
${v.summary ? html`<p class="summary">${v.summary}</p>` : ''}
</header>
<dl class="facts">${v.facts.map((f) => html`<dt>${f.label}</dt><dd>${f.link !== undefined ? actionButton(OPEN_LINK, f.link, html`${f.value}`) : f.value}</dd>`)}</dl>
<section aria-label="Install"><h2>Install</h2><div class="snippets">${v.snippets.map((s, i) => html`<div class="snippet">
<div class="snippet-head"><span>${s.label}</span>${actionButton(COPY_SNIPPET, i, html`${codicon('copy')}Copy`, { className: 'button', title: `Copy the ${s.label} snippet` })}</div>
<pre><code>${s.text}</code></pre></div>`)}</div></section>
<section aria-label="Dependencies"><h2>Dependencies (${v.dependencies.length})</h2>${table(['Package', 'Requirement', 'Type'], v.dependencies.map((d) => [d.name, d.requirement, d.type]), 'None.')}</section>
<section aria-label="Assets"><h2>Assets (${v.assets.length})</h2>${table(['Name', 'Size', 'SHA-256'], v.assets.map((a) => [a.name, a.size, a.sha256]), 'None.')}</section>
${v.problems.length ? html`<section class="problems" aria-label="Not available"><h2>Not available</h2><ul>${v.problems.map((p) => html`<li>${p}</li>`)}</ul></section>` : ''}
<section aria-label="Readme"><h2>Readme</h2>${v.readme ? html`<pre class="readme">${v.readme}</pre>` : html`<p class="muted">This version has no readme.</p>`}</section>`.text;
}
