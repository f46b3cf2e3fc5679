// One-line summaries shared by the tree, the details document and the Testing view: a report's
// counts, a batch's kind and what differs between the builds of a matrix, a build's buildspec.
import type { BatchInfo, BuildInfo, CoverageSummary, ProjectInfo, TestSummary } from '../model/types';

/** "25 passed, 2 failed, 1 error, 2 skipped" (zero counts left out). */
export function testSummaryText(t: TestSummary): string {
  const c = t.counts;
  const parts = [
    [c.SUCCEEDED, 'passed'], [c.FAILED, 'failed'], [c.ERROR, c.ERROR === 1 ? 'error' : 'errors'], [c.SKIPPED, 'skipped'], [c.UNKNOWN, 'unknown'],
  ].filter((p): p is [number, string] => typeof p[0] === 'number' && p[0] > 0).map(([n, w]) => `${n} ${w}`);
  return parts.length ? parts.join(', ') : `${t.total} tests`;
}

function percent(n: number | undefined): string {
  return n === undefined ? '–' : `${n.toFixed(1).replace(/\.0$/, '')}%`;
}

/** "81.4% lines · 81.8% branches". */
export function coverageSummaryText(c: CoverageSummary): string {
  return [`${percent(c.linePercent)} lines`, ...(c.branchPercent !== undefined ? [`${percent(c.branchPercent)} branches`] : [])].join(' · ');
}

export type BatchKind = 'graph' | 'matrix' | 'list';

/**
 * BatchGetBuildBatches does not say which kind a batch is; its groups do: a graph declares
 * dependencies, a matrix names its builds build1…buildN (CodeBuild's own naming for matrix
 * combinations), anything else is a list. The DOWNLOAD_SOURCE group belongs to every kind.
 */
export function batchKind(batch: BatchInfo): BatchKind {
  const groups = batch.groups.filter((g) => g.identifier !== 'DOWNLOAD_SOURCE');
  if (groups.some((g) => g.dependsOn.length > 0)) return 'graph';
  if (groups.length > 1 && groups.every((g) => /^build\d+$/.test(g.identifier))) return 'matrix';
  return 'list';
}

/**
 * For a matrix: what tells its builds apart — the environment variables and image that differ between
 * them, e.g. "NODE_VERSION=20 · aws/codebuild/standard:7.0", by group identifier.
 */
export function matrixLabels(batch: BatchInfo, buildOf: (arn: string) => BuildInfo | undefined): Map<string, string> {
  const members = batch.groups.filter((g) => g.identifier !== 'DOWNLOAD_SOURCE')
    .map((g) => ({ id: g.identifier, build: g.current ? buildOf(g.current.arn) : undefined }))
    .filter((m): m is { id: string; build: BuildInfo } => m.build !== undefined);
  const out = new Map<string, string>();
  if (members.length < 2) return out;
  const valueOf = (b: BuildInfo, name: string): string | undefined => b.environmentVariables.find((v) => v.name === name)?.value;
  const names = [...new Set(members.flatMap((m) => m.build.environmentVariables.map((v) => v.name)))].sort();
  const varying = names.filter((n) => new Set(members.map((m) => valueOf(m.build, n))).size > 1);
  const images = new Set(members.map((m) => m.build.image)).size > 1;
  for (const m of members) {
    const parts = varying.map((n) => `${n}=${valueOf(m.build, n) ?? '–'}`);
    if (images && m.build.image) parts.push(m.build.image);
    if (parts.length) out.set(m.id, parts.join(' · '));
  }
  return out;
}

/** An inline buildspec (text, not a path) on a build whose project names a file, or none. */
export function buildspecOverridden(build: BuildInfo, project: ProjectInfo | undefined): boolean {
  const ran = build.buildspec ?? '';
  if (!/\n/.test(ran)) return false;
  const declared = project?.source.buildspec ?? '';
  return ran.trim() !== declared.trim();
}

/** A short source version: 7 characters of a commit id, a branch or tag as it is. */
export function shortVersion(v: string | undefined): string {
  if (!v) return '';
  if (/^[0-9a-f]{40}$/i.test(v)) return v.slice(0, 7);
  return v.replace(/^refs\/heads\//, '').replace(/^refs\/tags\//, 'tag ');
}
