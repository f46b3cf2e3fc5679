import * as vscode from 'vscode';
import type { AwsAccess } from '../../aws/access';
import { THREAD_STATES, viewLabel, type ViewId } from '../model/counters';
import { heatLabel } from '../model/heat';
import { customRange, describeRange, previousRange, type TimeRange } from '../model/time-ranges';
import type { FlamePanels } from './flame-panel';
import type { HeatDecorations } from './heat-decorations';
import type { ProfileOpener } from './open-profile';
import type { ProfilerNode, ProfilerTree } from './profiler-tree';
import type { ProfilerSession } from './profile-session';
import type { RecommendationDiagnostics } from './diagnostics';
import { COUNTER_SETTING, INLINE_SETTING, inlineHeatEnabled } from './settings';

export interface CommandDeps {
  aws: AwsAccess;
  session: ProfilerSession;
  panels: FlamePanels;
  opener: ProfileOpener;
  tree: ProfilerTree;
  heat: HeatDecorations;
  diagnostics: RecommendationDiagnostics;
}

function asDate(v: unknown): Date | undefined {
  const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

/** A range node from the tree, or `{ group, start, end, label? }` from a script or test. */
function rangeArg(arg: unknown): { group: string; range: TimeRange; node?: Extract<ProfilerNode, { kind: 'range' }> } | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  if (a.kind === 'range' && typeof a.group === 'string') {
    const node = arg as Extract<ProfilerNode, { kind: 'range' }>;
    return { group: node.group, range: node.range, node };
  }
  const start = asDate(a.start);
  const end = asDate(a.end);
  if (typeof a.group !== 'string' || !start || !end) return undefined;
  const checked = customRange(start, end);
  if (typeof checked === 'string') return undefined;
  return { group: a.group, range: { ...checked, label: typeof a.label === 'string' ? a.label : 'Custom range' } };
}

async function pickCustomRange(node: Extract<ProfilerNode, { kind: 'customRange' }>): Promise<TimeRange | undefined> {
  const hour = 3_600_000;
  const fmt = (d: Date): string => describeRange({ start: d, end: new Date(d.getTime() + hour) });
  const typeIt = '$(edit) Type a range…';
  const start = await vscode.window.showQuickPick([{ label: typeIt }, ...node.times.map((t) => ({ label: fmt(t), time: t }))],
    { title: `Custom range for ${node.group} (1/2): from`, placeHolder: 'The first hourly profile to include' });
  if (!start) return undefined;
  if (!('time' in start)) {
    const text = await vscode.window.showInputBox({
      title: `Custom range for ${node.group}`, prompt: 'Start and end (UTC, at most one week apart)', placeHolder: '2024-03-23T09:00Z/2024-03-23T17:00Z',
      validateInput: (v) => { const [s, e] = v.split('/'); const r = customRange(new Date(s ?? ''), new Date(e ?? '')); return typeof r === 'string' ? r : undefined; },
    });
    if (!text) return undefined;
    const [s, e] = text.split('/');
    const r = customRange(new Date(s ?? ''), new Date(e ?? ''));
    return typeof r === 'string' ? undefined : r;
  }
  const candidates = node.times.filter((t) => t.getTime() >= start.time.getTime() && t.getTime() + hour - start.time.getTime() <= 7 * 24 * hour);
  const end = await vscode.window.showQuickPick(candidates.map((t) => ({ label: fmt(t), time: t })),
    { title: `Custom range for ${node.group} (2/2): to`, placeHolder: 'The last hourly profile to include' });
  if (!end) return undefined;
  const r = customRange(start.time, new Date(end.time.getTime() + hour));
  return typeof r === 'string' ? undefined : r;
}

export function registerCommands(d: CommandDeps): vscode.Disposable[] {
  const reg = vscode.commands.registerCommand;
  return [
    reg('conveyor.profiler.refresh', () => d.tree.refresh()),
    reg('conveyor.profiler.openProfileFile', (arg?: unknown) => d.opener.openFile(arg)),
    reg('conveyor.profiler.compareProfileFiles', (base?: unknown, target?: unknown) => d.opener.compareFiles(base, target)),
    reg('conveyor.profiler.openRange', (arg: unknown) => {
      const r = rangeArg(arg);
      if (!r) return vscode.window.showWarningMessage('Choose a time range of a profiling group in the Profiler view.');
      return d.opener.openRange(r.group, r.range, r.node?.target ?? d.aws.current);
    }),
    reg('conveyor.profiler.compareWithPrevious', (arg: unknown) => {
      const r = rangeArg(arg);
      if (!r) return vscode.window.showWarningMessage('Choose a time range of a profiling group in the Profiler view.');
      return d.opener.compareRanges(r.group, previousRange(r.range), r.range, r.node?.target ?? d.aws.current);
    }),
    reg('conveyor.profiler.openCustomRange', async (node: Extract<ProfilerNode, { kind: 'customRange' }>) => {
      const range = await pickCustomRange(node);
      return range ? d.opener.openRange(node.group, range, node.target) : undefined;
    }),
    reg('conveyor.profiler.openRecommendation', (node: Extract<ProfilerNode, { kind: 'recommendation' | 'anomaly' }>) => {
      const frame = node.kind === 'recommendation'
        ? node.recommendation.topMatches?.[0]?.frameAddress ?? node.recommendation.pattern?.targetFrames?.[0]?.slice(-1)[0]
        : node.anomaly.metric?.frameName;
      return d.opener.openRange(node.group, { ...node.window, label: node.window.label }, node.target, frame ? { search: frame } : {});
    }),
    reg('conveyor.profiler.openReport', (node: Extract<ProfilerNode, { kind: 'report' }>) => {
      const { profileStartTime: start, profileEndTime: end } = node.report;
      if (!start || !end) return undefined;
      return d.opener.openRange(node.group, { kind: 'report', label: `Findings report ${end.toISOString().slice(0, 10)}`, start, end }, node.target);
    }),
    reg('conveyor.profiler.showError', async (node: Extract<ProfilerNode, { kind: 'message' }>) => {
      if (!node?.error) return;
      const { cause, operation, target } = node.error;
      if (await d.aws.showError(cause, { service: 'codeguruprofiler', operation, ...(target ? { target } : {}) }) === 'retry') d.tree.refresh();
    }),
    reg('conveyor.profiler.toggleHeat', async () => {
      const config = vscode.workspace.getConfiguration();
      const inspect = config.inspect<boolean>(INLINE_SETTING);
      const target = inspect?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      const next = !inlineHeatEnabled();
      await config.update(INLINE_SETTING, next, target);
      vscode.window.setStatusBarMessage(`Profiler heat ${next ? 'on' : 'off'}`, 2500);
      return next;
    }),
    reg('conveyor.profiler.selectCounter', async () => {
      const views: { id: ViewId; detail: string }[] = [
        { id: 'cpu', detail: 'RUNNABLE + BLOCKED + NATIVE: time on the CPU' },
        { id: 'latency', detail: 'Every thread state except IDLE: where requests wait' },
        { id: 'wall', detail: 'WALL_TIME: Python agents' },
        ...THREAD_STATES.map((s) => ({ id: `counter:${s}` as ViewId, detail: `Only ${s} samples` })),
      ];
      const current = d.session.view;
      const picked = await vscode.window.showQuickPick(views.map((v) => ({ label: viewLabel(v.id), detail: v.detail, id: v.id, picked: v.id === current,
        description: v.id === current ? 'current' : undefined })), { title: 'Profiler counter for flame graphs and inline heat' });
      if (!picked) return undefined;
      const value = picked.id.startsWith('counter:') ? picked.id.slice('counter:'.length) : picked.id;
      await vscode.workspace.getConfiguration().update(COUNTER_SETTING, value, vscode.ConfigurationTarget.Global);
      return value;
    }),
    reg('conveyor.profiler.revealInFlameGraph', (name?: unknown) => {
      const loaded = d.session.active;
      if (!loaded) return vscode.window.showInformationMessage('Open a profile first (Conveyor: Open Profile File… or the Profiler view).');
      const existing = d.panels.showing(loaded);
      if (existing) {
        existing.panel.reveal();
        if (typeof name === 'string') existing.reveal(name);
        return undefined;
      }
      const { panel } = d.panels.open(loaded.key, loaded.title);
      panel.setContent({ kind: 'profile', loaded }, typeof name === 'string' ? { reveal: name } : {});
      return undefined;
    }),
    // Not in the palette: lets host tests and automation see what the profiler shows.
    reg('conveyor.profiler.debugState', async (options?: { tree?: boolean }) => {
      await d.diagnostics.settled();
      const heat: Record<string, { startLine: number; endLine: number; fraction: number; label: string }[]> = {};
      for (const editor of vscode.window.visibleTextEditors) {
        const marks = await d.heat.ensure(editor.document);
        const view = d.heat.viewFor(editor.document.uri) ?? '';
        if (marks) heat[editor.document.uri.toString()] = marks.map((m) => ({ startLine: m.startLine, endLine: m.endLine, fraction: m.fraction, label: heatLabel(m, view) }));
      }
      return {
        active: d.session.active?.title, view: d.session.view, inlineHeat: inlineHeatEnabled(),
        panels: d.panels.all().map((p) => ({ title: p.title, stats: p.lastStats, cspViolations: p.cspViolations })), heat,
        ...(options?.tree ? { tree: await d.tree.snapshot(2) } : {}),
      };
    }),
  ];
}
