// "Show build": a read-only markdown document for one build or batch build — status, initiator, source
// version, duration, phases with their durations (a text Gantt chart and a table), artifacts,
// environment, reports, and where the log is.
import { buildConsoleUrl, logStreamConsoleUrl } from '../../aws/console';
import { formatDuration, formatTimestamp } from '../../core/format';
import { escapeMarkdown, ganttBar, inlineCode, link, tableCell } from '../../core/markdown';
import { idOfArn, isFailure, isRunning, type BatchInfo, type BuildInfo, type PhaseInfo, type ProjectInfo, type ReportInfo } from '../model/types';
import { batchConsoleUrl } from './console';
import { buildStatusLabel, phaseLabel } from './status';
import { batchKind, buildspecOverridden, coverageSummaryText, testSummaryText } from './summaries';

export interface DetailsOptions {
  region: string;
  now: number;
  project?: ProjectInfo;
  reports?: readonly ReportInfo[];
  /** The batch a member build belongs to, and the group it ran as. */
  batch?: { info: BatchInfo; group?: string };
}

function phaseEnd(p: PhaseInfo, running: boolean, now: number): number | undefined {
  return p.end ?? (running && p.start !== undefined ? now : undefined);
}

function phaseSection(phases: readonly PhaseInfo[], running: boolean, now: number): string[] {
  const shown = phases.filter((p) => p.type !== 'COMPLETED' && p.start !== undefined);
  if (!shown.length) return [];
  const from = Math.min(...shown.map((p) => p.start ?? now));
  const to = Math.max(...shown.map((p) => phaseEnd(p, running, now) ?? from));
  const width = Math.max(...shown.map((p) => phaseLabel(p.type).length), 5);
  const took = (p: PhaseInfo): string => {
    const end = phaseEnd(p, running, now);
    // The timestamps are more precise than durationInSeconds (whole seconds, 0 for a short phase).
    return p.start !== undefined && end !== undefined ? formatDuration(end - p.start) : p.durationSeconds !== undefined ? formatDuration(p.durationSeconds * 1000) : '–';
  };
  const out = ['## Phases', '', '```text'];
  for (const p of shown) out.push(`${phaseLabel(p.type).padEnd(width)} |${ganttBar(p.start, phaseEnd(p, running, now), from, to)}| ${took(p)}`);
  out.push('```', '', '| Status | Phase | Started | Duration | Details |', '|---|---|---|---|---|');
  for (const p of shown) {
    const current = running && p.end === undefined;
    const status = current ? 'IN_PROGRESS' : p.status;
    out.push(`| ${buildStatusLabel(status)} | ${tableCell(phaseLabel(p.type))} | ${p.start !== undefined ? formatTimestamp(p.start).slice(11) : '–'} | ${took(p)} | ${tableCell(escapeMarkdown(p.message ?? (current ? 'running' : '')))} |`);
  }
  out.push('');
  return out;
}

function reportLine(r: ReportInfo): string {
  const summary = r.tests ? testSummaryText(r.tests) : r.coverage ? coverageSummaryText(r.coverage) : '';
  return `| ${tableCell(escapeMarkdown(r.name ?? r.arn))} | ${r.type === 'CODE_COVERAGE' ? 'Coverage' : 'Tests'} | ${tableCell(r.status ?? '')} | ${tableCell(summary)} |`;
}

export function renderBuildDetails(b: BuildInfo, opts: DetailsOptions): string {
  const running = isRunning(b.status);
  const out: string[] = [`# ${escapeMarkdown(b.projectName)} ${b.number !== undefined ? `#${b.number}` : inlineCode(b.id)}`, ''];
  const facts: string[] = [];
  const failed = b.phases.find((p) => isFailure(p.status));
  facts.push(`**Status:** ${buildStatusLabel(b.status)}${running && b.currentPhase ? ` — ${phaseLabel(b.currentPhase)}` : ''}`
    + (failed ? ` — ${escapeMarkdown(phaseLabel(failed.type))} failed${failed.message ? `: ${escapeMarkdown(failed.message)}` : ''}` : ''));
  if (b.start !== undefined) {
    facts.push(`**Started:** ${formatTimestamp(b.start)} · **${running ? 'Running for' : 'Took'}:** ${formatDuration((running ? opts.now : b.end ?? opts.now) - b.start)}`);
  }
  if (b.initiator) facts.push(`**Initiator:** ${escapeMarkdown(b.initiator)}`);
  if (b.sourceVersion || b.resolvedSourceVersion) {
    facts.push(`**Source version:** ${inlineCode(b.sourceVersion ?? '–')}${b.resolvedSourceVersion && b.resolvedSourceVersion !== b.sourceVersion ? ` → ${inlineCode(b.resolvedSourceVersion)}` : ''}`);
  }
  const overridden = buildspecOverridden(b, opts.project);
  if (b.buildspec) facts.push(`**Buildspec:** ${overridden ? 'an override (not the project\'s), below' : b.buildspec.includes('\n') ? 'inline, below' : inlineCode(b.buildspec)}`);
  const env = [b.image, b.computeType].filter(Boolean).map((s) => inlineCode(s ?? '')).join(' · ');
  if (env) facts.push(`**Environment:** ${env}`);
  if (b.environmentVariables.length) {
    facts.push(`**Environment variables:** ${b.environmentVariables.map((v) => (v.value !== undefined ? `${escapeMarkdown(v.name)}=${inlineCode(v.value)}` : `${escapeMarkdown(v.name)} (${escapeMarkdown((v.type ?? '').toLowerCase().replace(/_/g, ' '))})`)).join(', ')}`);
  }
  if (opts.batch) {
    facts.push(`**Batch:** ${link(`#${opts.batch.info.number ?? idOfArn(opts.batch.info.id)}`, batchConsoleUrl(opts.region, opts.batch.info.id))}${opts.batch.group ? ` · group ${inlineCode(opts.batch.group)}` : ''}`);
  }
  if (b.logGroup && b.logStream) facts.push(`**Log:** ${link(`${b.logGroup} / ${b.logStream}`, logStreamConsoleUrl(opts.region, b.logGroup, b.logStream))}`);
  facts.push(`**Build id:** ${inlineCode(b.id)}`);
  facts.push(link('Open in the AWS console', buildConsoleUrl(opts.region, b.id)));
  out.push(facts.join('  \n'), '');
  out.push(...phaseSection(b.phases, running, opts.now));
  if (b.artifacts.length) {
    out.push('## Artifacts', '', '| Artifact | Location | SHA-256 |', '|---|---|---|');
    for (const a of b.artifacts) out.push(`| ${tableCell(escapeMarkdown(a.identifier ?? 'primary'))} | ${tableCell(inlineCode(a.location ?? ''))} | ${a.sha256 ? inlineCode(a.sha256) : '–'} |`);
    out.push('');
  }
  if (b.reportArns.length) {
    out.push('## Reports', '', '| Report | Type | Status | Summary |', '|---|---|---|---|');
    for (const arn of b.reportArns) {
      const r = opts.reports?.find((x) => x.arn === arn);
      out.push(r ? reportLine(r) : `| ${tableCell(inlineCode(arn))} | | | |`);
    }
    out.push('', '_Run **CodeBuild: Show Test Results** on a report to see its cases in the Testing view._', '');
  }
  if (b.buildspec?.includes('\n')) {
    const fence = '`'.repeat(Math.max(3, ...[...b.buildspec.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    out.push('## Buildspec', '', `${fence}yaml`, b.buildspec.replace(/\n$/, ''), fence, '');
  }
  return out.join('\n');
}

export function renderBatchDetails(b: BatchInfo, buildOf: (arn: string) => BuildInfo | undefined, opts: { region: string; now: number }): string {
  const running = isRunning(b.status);
  const kind = batchKind(b);
  const out: string[] = [`# ${escapeMarkdown(b.projectName)} batch ${b.number !== undefined ? `#${b.number}` : inlineCode(b.id)}`, ''];
  const facts = [`**Status:** ${buildStatusLabel(b.status)}${running && b.currentPhase ? ` — ${phaseLabel(b.currentPhase)}` : ''} · build ${kind}`];
  if (b.start !== undefined) facts.push(`**Started:** ${formatTimestamp(b.start)} · **${running ? 'Running for' : 'Took'}:** ${formatDuration((running ? opts.now : b.end ?? opts.now) - b.start)}`);
  if (b.initiator) facts.push(`**Initiator:** ${escapeMarkdown(b.initiator)}`);
  if (b.sourceVersion || b.resolvedSourceVersion) facts.push(`**Source version:** ${inlineCode(b.sourceVersion ?? '–')}${b.resolvedSourceVersion ? ` → ${inlineCode(b.resolvedSourceVersion)}` : ''}`);
  facts.push(`**Batch id:** ${inlineCode(b.id)}`, link('Open in the AWS console', batchConsoleUrl(opts.region, b.id)));
  out.push(facts.join('  \n'), '');
  out.push(...phaseSection(b.phases, running, opts.now));
  out.push(`## Builds (${kind})`, '', '| Status | Build | Depends on | Duration | Attempts | Details |', '|---|---|---|---|---|---|');
  for (const g of b.groups) {
    const build = g.current ? buildOf(g.current.arn) : undefined;
    const status = build?.status ?? g.current?.status;
    const took = build?.start !== undefined ? formatDuration((isRunning(build.status) ? opts.now : build.end ?? opts.now) - build.start) : '–';
    const failed = build?.phases.find((p) => isFailure(p.status));
    const details = [g.ignoreFailure ? 'failure ignored' : '', failed ? escapeMarkdown(`${phaseLabel(failed.type)} failed${failed.message ? `: ${failed.message}` : ''}`) : '',
      g.current ? link('build', buildConsoleUrl(opts.region, idOfArn(g.current.arn))) : ''].filter(Boolean).join(' · ');
    out.push(`| ${buildStatusLabel(status)} | ${tableCell(escapeMarkdown(g.identifier))} | ${tableCell(g.dependsOn.join(', ') || '–')} | ${took} | ${g.prior.length + (g.current ? 1 : 0)} | ${tableCell(details)} |`);
  }
  out.push('');
  return out.join('\n');
}
