import * as vscode from 'vscode';
import { viewLabel } from '../model/counters';
import { shortFunctionName } from '../model/frame-name';
import { calleeTree, nodesNamed } from '../model/functions';
import { formatDuration } from '../../core/format';
import { formatPercent } from '../model/format';
import { escapeMarkdown } from '../flame/escape';
import { calleeFlameSvg, svgDataUri } from '../flame/svg';
import { documentInsights } from './file-insights';
import type { HeatDecorations } from './heat-decorations';
import type { ProfilerSession } from './profile-session';

const REVEAL = 'conveyor.profiler.revealInFlameGraph';

function revealLink(name: string): string {
  return `[Show in flame graph](command:${REVEAL}?${encodeURIComponent(JSON.stringify([name]))} "Zoom the flame graph to this frame")`;
}

/**
 * Hover on a profiled function's definition or a hot line: its numbers and a small flame graph of its
 * callees (an SVG data URI generated from the model; every name escaped).
 */
export class ProfileHover implements vscode.HoverProvider {
  constructor(private readonly session: ProfilerSession, private readonly heat: HeatDecorations) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.session.inlineHeat) return undefined;
    const insights = await documentInsights(this.session, doc);
    if (!insights) return undefined;
    const { analysis, loaded } = insights;
    const tree = analysis.tree;
    const root = analysis.stats.rootTotal;
    if (!(root > 0)) return undefined;
    const view = viewLabel(analysis.view);
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [REVEAL] };
    const fn = insights.functions.find((f) => f.line === position.line && analysis.stats.total[f.nameId]! > 0);
    if (fn) {
      const total = analysis.stats.total[fn.nameId]!;
      const secs = analysis.stats.totalSeconds ? ` · ${formatDuration(analysis.stats.totalSeconds[fn.nameId]! * 1000, { precise: true })}` : '';
      md.appendMarkdown(`**${escapeMarkdown(shortFunctionName(fn.frame, fn.name))}** — ${formatPercent(total / root)} total · ${formatPercent(analysis.stats.self[fn.nameId]! / root)} self · ${view}${secs}\n\n`);
      md.appendMarkdown(`${escapeMarkdown(fn.name)}\n\n`);
      const callees = calleeTree(tree, nodesNamed(tree, fn.nameId));
      md.appendMarkdown(`![Callees of ${escapeMarkdown(shortFunctionName(fn.frame, fn.name))}](${svgDataUri(calleeFlameSvg(callees, { rootFraction: total / root }))})\n\n`);
      md.appendMarkdown(revealLink(fn.name));
      return new vscode.Hover(md, doc.lineAt(fn.line).range);
    }
    const marks = await this.heat.ensure(doc);
    const mark = marks?.find((m) => position.line >= m.startLine && position.line <= m.endLine);
    if (!mark || mark.nodes.length === 0) return undefined;
    const names = mark.nameIds.map((id) => loaded.profile.tree.names[id]!);
    const lines = mark.startLine === mark.endLine ? `Line ${mark.startLine + 1}` : `Lines ${mark.startLine + 1}–${mark.endLine + 1}`;
    const secs = mark.totalSeconds !== undefined ? ` (${formatDuration(mark.totalSeconds * 1000, { precise: true })})` : '';
    md.appendMarkdown(`**${lines}** — ${formatPercent(mark.fraction)} of ${view} samples pass here${secs}, ${formatPercent(mark.self / root)} end here\n\n`);
    md.appendMarkdown(`in ${names.map(escapeMarkdown).join(', ')}\n\n`);
    const callees = calleeTree(tree, mark.nodes);
    md.appendMarkdown(`![Callees of this line](${svgDataUri(calleeFlameSvg(callees, { rootFraction: mark.fraction }))})\n\n`);
    if (names[0]) md.appendMarkdown(revealLink(names[0]));
    return new vscode.Hover(md, new vscode.Range(mark.startLine, 0, mark.endLine, doc.lineAt(Math.min(mark.endLine, doc.lineCount - 1)).range.end.character));
  }
}
