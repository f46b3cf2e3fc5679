// "Show details" for a package version: summary, dependencies, assets and readme, as Markdown.
import {
  DescribePackageVersionCommand, GetPackageVersionReadmeCommand, ListPackageVersionDependenciesCommand,
  paginateListPackageVersionAssets, type CodeartifactClient, type PackageFormat as SdkPackageFormat,
} from '@aws-sdk/client-codeartifact';
import { collectPages } from '../../aws/paging';
import { installSnippets } from '../snippets/snippets';
import { displayName, formatTime, type VersionRef } from './nodes';
import { originTypePhrase } from './words';

export interface VersionDetails {
  ref: VersionRef;
  summary?: string;
  displayName?: string;
  status?: string;
  publishedTime?: number;
  homePage?: string;
  sourceCodeRepository?: string;
  licenses: { name?: string; url?: string }[];
  origin?: string;
  revision?: string;
  dependencies: { namespace?: string; package?: string; dependencyType?: string; versionRequirement?: string }[];
  assets: { name?: string; size?: number; hashes?: Record<string, string> }[];
  readme?: string;
  /** Parts that could not be fetched, with the reason. */
  problems: string[];
}

const MAX_DEPENDENCY_PAGES = 10;

/** Fetches everything "Show details" shows; only DescribePackageVersion is required to succeed. */
export async function fetchVersionDetails(client: CodeartifactClient, ref: VersionRef, explain: (err: unknown, op: string) => string): Promise<VersionDetails> {
  const base = {
    domain: ref.domain, domainOwner: ref.domainOwner, repository: ref.repository, format: ref.format as SdkPackageFormat,
    ...(ref.namespace ? { namespace: ref.namespace } : {}), package: ref.package, packageVersion: ref.version,
  };
  const problems: string[] = [];
  const described = await client.send(new DescribePackageVersionCommand(base));
  const pv = described.packageVersion;
  const dependencies: VersionDetails['dependencies'] = [];
  const assets: VersionDetails['assets'] = [];
  let readme: string | undefined;
  await Promise.all([
    (async () => {
      try {
        // ListPackageVersionDependencies is the one listing the SDK has no paginator for.
        let nextToken: string | undefined;
        for (let page = 0; page < MAX_DEPENDENCY_PAGES; page++) {
          const out = await client.send(new ListPackageVersionDependenciesCommand({ ...base, ...(nextToken ? { nextToken } : {}) }));
          dependencies.push(...(out.dependencies ?? []).map((d) => ({
            ...(d.namespace ? { namespace: d.namespace } : {}), ...(d.package ? { package: d.package } : {}),
            ...(d.dependencyType ? { dependencyType: d.dependencyType } : {}), ...(d.versionRequirement ? { versionRequirement: d.versionRequirement } : {}),
          })));
          nextToken = out.nextToken;
          if (!nextToken) break;
        }
      } catch (err) {
        problems.push(`Dependencies: ${explain(err, 'ListPackageVersionDependencies')}`);
      }
    })(),
    (async () => {
      try {
        const pages = paginateListPackageVersionAssets({ client, stopOnSameToken: true }, base);
        assets.push(...(await collectPages(pages, (out) => out.assets, MAX_DEPENDENCY_PAGES))
          .map((a) => ({ ...(a.name ? { name: a.name } : {}), ...(a.size !== undefined ? { size: a.size } : {}), ...(a.hashes ? { hashes: a.hashes } : {}) })));
      } catch (err) {
        problems.push(`Assets: ${explain(err, 'ListPackageVersionAssets')}`);
      }
    })(),
    (async () => {
      try {
        readme = (await client.send(new GetPackageVersionReadmeCommand(base))).readme;
      } catch (err) {
        problems.push(`Readme: ${explain(err, 'GetPackageVersionReadme')}`);
      }
    })(),
  ]);
  return {
    ref,
    ...(pv?.summary ? { summary: pv.summary } : {}),
    ...(pv?.displayName ? { displayName: pv.displayName } : {}),
    ...(pv?.status ? { status: pv.status } : {}),
    ...(pv?.publishedTime ? { publishedTime: pv.publishedTime.getTime() } : {}),
    ...(pv?.homePage ? { homePage: pv.homePage } : {}),
    ...(pv?.sourceCodeRepository ? { sourceCodeRepository: pv.sourceCodeRepository } : {}),
    licenses: (pv?.licenses ?? []).map((l) => ({ ...(l.name ? { name: l.name } : {}), ...(l.url ? { url: l.url } : {}) })),
    ...(pv?.origin?.originType ? { origin: pv.origin.originType } : {}),
    ...(pv?.revision ? { revision: pv.revision } : {}),
    dependencies, assets,
    ...(readme !== undefined ? { readme } : {}),
    problems,
  };
}

const cell = (s: string | undefined): string => (s ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function size(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The details document; readme Markdown is embedded as is, below everything else. */
export function renderVersionDetails(d: VersionDetails): string {
  const { ref } = d;
  const name = displayName(ref.format, ref.namespace, ref.package);
  const out: string[] = [`# ${name} ${ref.version}`, ''];
  if (d.summary) out.push(d.summary, '');
  const facts: [string, string | undefined][] = [
    ['Repository', `${ref.repository} (domain ${ref.domain}, owner ${ref.domainOwner})`],
    ['Format', ref.format], ['Status', d.status], ['Published', d.publishedTime ? formatTime(d.publishedTime) : undefined],
    ['Origin', d.origin ? originTypePhrase(d.origin) : undefined], ['Revision', d.revision], ['Home page', d.homePage], ['Source', d.sourceCodeRepository],
    ['Licenses', d.licenses.map((l) => (l.url ? `[${l.name ?? l.url}](${l.url})` : l.name)).filter(Boolean).join(', ') || undefined],
  ];
  out.push('| | |', '|---|---|', ...facts.filter(([, v]) => v).map(([k, v]) => `| ${k} | ${cell(v)} |`), '');
  const snippets = installSnippets({ format: ref.format, ...(ref.namespace ? { namespace: ref.namespace } : {}), package: ref.package, version: ref.version,
    domain: ref.domain, domainOwner: ref.domainOwner, repository: ref.repository });
  const first = snippets[0];
  if (first) out.push('## Install', '', `${first.label}:`, '', '```' + first.language, first.text, '```', '');
  out.push(`## Dependencies (${d.dependencies.length})`, '');
  if (d.dependencies.length === 0) out.push('None.', '');
  else {
    out.push('| Package | Requirement | Type |', '|---|---|---|');
    for (const dep of d.dependencies) out.push(`| ${cell(displayName(ref.format, dep.namespace, dep.package ?? '?'))} | ${cell(dep.versionRequirement)} | ${cell(dep.dependencyType)} |`);
    out.push('');
  }
  out.push(`## Assets (${d.assets.length})`, '');
  if (d.assets.length === 0) out.push('None.', '');
  else {
    out.push('| Name | Size | SHA-256 |', '|---|---|---|');
    for (const a of d.assets) out.push(`| ${cell(a.name)} | ${size(a.size)} | ${cell(a.hashes?.['SHA-256'])} |`);
    out.push('');
  }
  if (d.problems.length > 0) out.push('## Not available', '', ...d.problems.map((p) => `- ${p}`), '');
  out.push('## Readme', '', d.readme?.trim() ? d.readme.trim() : '_This version has no readme._', '');
  return out.join('\n');
}
