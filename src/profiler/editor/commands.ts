// The Profiler commands: open time ranges, recommendations and reports of the view as flame graphs,
// profile files from disk, the counter and inline heat settings, and reveal a function in the graph.
import * as vscode from 'vscode';
import type { AwsAccess } from '../../aws/access';
import { asDate, asObject, asString } from '../../core/args';
import type { CommandTable } from '../../editor/commands';
import type { EditorUi } from '../../editor/ui';
import { THREAD_STATES, viewLabel, type ViewId } from '../model/counters';
import { heatLabel } from '../model/heat';
import { customRange, previousRange, type TimeRange } from '../model/time-ranges';
import { customRangeFlow } from '../tree/custom-range';
import type { ProfilerNode } from '../tree/model';
import type { RecommendationDiagnostics } from './diagnostics';
import type { FlamePanels } from './flame-panel';
import type { HeatDecorations } from './heat-decorations';
import type { ProfileOpener } from './open-profile';
import type { ProfilerSession } from './profile-session';
import type { ProfilerTree } from './profiler-tree';

export interface CommandDeps {
  aws: AwsAccess;
  ui: EditorUi;
  session: ProfilerSession;
  panels: FlamePanels;
  opener: ProfileOpener;
  tree: ProfilerTree;
  heat: HeatDecorations;
  diagnostics: RecommendationDiagnostics;
}

type NodeOf<K extends ProfilerNode['kind']> = Extract<ProfilerNode, { kind: K }>;

/** A tree node of one of `kinds` (the view passes its nodes back to their commands). */
function nodeOf<K extends ProfilerNode['kind']>(arg: unknown, ...kinds: K[]): NodeOf<K> | undefined {
  const o = asObject(arg);
  return o && (kinds as string[]).includes(String(o.kind)) ? (arg as NodeOf<K>) : undefined;
}

/** A range node from the tree, or `{ group, start, end, label? }` from a script or test. */
function rangeArg(arg: unknown): { group: string; range: TimeRange; node?: NodeOf<'range'> } | undefined {
  const node = nodeOf(arg, 'range');
  if (node) return { group: node.group, range: node.range, node };
  const o = asObject(arg);
  const group = asString(o?.group);
  const start = asDate(o?.start);
  const end = asDate(o?.end);
  if (!group || !start || !end) return undefined;
  const checked = customRange(start, end);
  if (typeof checked === 'string') return undefined;
  return { group, range: { ...checked, label: asString(o?.label) ?? 'Custom range' } };
}

const COUNTER_CHOICES: { id: ViewId; detail: string }[] = [
  { id: 'cpu', detail: 'RUNNABLE + BLOCKED + NATIVE: time on the CPU' },
  { id: 'latency', detail: 'Every thread state except IDLE: where requests wait' },
  { id: 'wall', detail: 'WALL_TIME: Python agents' },
  ...THREAD_STATES.map((s) => ({ id: `counter:${s}` as ViewId, detail: `Only ${s} samples` })),
];

export function profilerCommands(d: CommandDeps): CommandTable {
  const chooseRange = (): void => d.ui.notify('warning', 'Choose a time range of a profiling group in the Profiler view.');
  return {
    'conveyor.profiler.refresh': () => d.tree.refresh(),
    'conveyor.profiler.openProfileFile': (arg) => d.opener.openFile(arg),
    'conveyor.profiler.compareProfileFiles': (base, target) => d.opener.compareFiles(base, target),
    'conveyor.profiler.openRange': (arg) => {
      const r = rangeArg(arg);
      return r ? d.opener.openRange(r.group, r.range, r.node?.target ?? d.aws.current) : chooseRange();
    },
    'conveyor.profiler.compareWithPrevious': (arg) => {
      const r = rangeArg(arg);
      return r ? d.opener.compareRanges(r.group, previousRange(r.range), r.range, r.node?.target ?? d.aws.current) : chooseRange();
    },
    'conveyor.profiler.openCustomRange': async (arg) => {
      const node = nodeOf(arg, 'customRange');
      if (!node) return chooseRange();
      const range = await d.ui.runFlow(customRangeFlow(node.group, node.times));
      return range ? d.opener.openRange(node.group, range, node.target) : undefined;
    },
    'conveyor.profiler.openRecommendation': (arg) => {
      const node = nodeOf(arg, 'recommendation', 'anomaly');
      if (!node) return undefined;
      const frame = node.kind === 'recommendation'
        ? node.recommendation.topMatches?.[0]?.frameAddress ?? node.recommendation.pattern?.targetFrames?.[0]?.slice(-1)[0]
        : node.anomaly.metric?.frameName;
      return d.opener.openRange(node.group, node.window, node.target, frame ? { search: frame } : {});
    },
    'conveyor.profiler.openReport': (arg) => {
      const node = nodeOf(arg, 'report');
      const { profileStartTime: start, profileEndTime: end } = node?.report ?? {};
      if (!node || !start || !end) return undefined;
      return d.opener.openRange(node.group, { kind: 'report', label: `Findings report ${end.toISOString().slice(0, 10)}`, start, end }, node.target);
    },
    'conveyor.profiler.showError': (arg) => {
      const node = nodeOf(arg, 'error');
      if (!node) return;
      const { cause, operation, target } = node.failure;
      d.ui.reportAwsError(cause, { service: 'codeguruprofiler', operation, target }, () => d.tree.refresh());
    },
    'conveyor.profiler.toggleHeat': async () => {
      const next = !d.session.inlineHeat;
      await d.session.settings.update('inlineHeat', next);
      vscode.window.setStatusBarMessage(`Profiler heat ${next ? 'on' : 'off'}`, 2500);
      return next;
    },
    'conveyor.profiler.selectCounter': async () => {
      const current = d.session.view;
      const picked = await d.ui.pick(COUNTER_CHOICES.map((v) => ({
        label: viewLabel(v.id), detail: v.detail, value: v.id, ...(v.id === current ? { description: 'current' } : {}),
      })), { title: 'Profiler counter for flame graphs and inline heat', active: current });
      if (!picked) return undefined;
      const value = picked.startsWith('counter:') ? picked.slice('counter:'.length) : picked;
      await d.session.settings.update('counter', value);
      return value;
    },
    'conveyor.profiler.revealInFlameGraph': (name) => {
      const loaded = d.session.active;
      if (!loaded) {
        d.ui.notify('info', 'Open a profile first (Conveyor: Open Profile File… or the Profiler view).');
        return undefined;
      }
      const existing = d.panels.showing(loaded);
      if (existing) {
        existing.panel.reveal();
        if (typeof name === 'string') existing.reveal(name);
        return undefined;
      }
      const { panel } = d.panels.open(loaded.key, loaded.title);
      panel.setContent({ kind: 'profile', loaded }, typeof name === 'string' ? { reveal: name } : {});
      return undefined;
    },
    // Not in the palette: lets host tests and automation see what the profiler shows.
    'conveyor.profiler.debugState': async (arg) => {
      await d.diagnostics.settled();
      const heat: Record<string, { startLine: number; endLine: number; fraction: number; label: string }[]> = {};
      for (const editor of vscode.window.visibleTextEditors) {
        const marks = await d.heat.ensure(editor.document);
        const view = d.heat.viewFor(editor.document.uri) ?? '';
        if (marks) heat[editor.document.uri.toString()] = marks.map((m) => ({ startLine: m.startLine, endLine: m.endLine, fraction: m.fraction, label: heatLabel(m, view) }));
      }
      return {
        active: d.session.active?.title, view: d.session.view, inlineHeat: d.session.inlineHeat,
        panels: d.panels.all().map((p) => ({ title: p.title, stats: p.lastStats, cspViolations: p.cspViolations, error: p.lastError })), heat,
        ...(asObject(arg)?.tree === true ? { tree: await d.tree.snapshot(2) } : {}),
      };
    },
  };
}
