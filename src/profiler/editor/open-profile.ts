import * as vscode from 'vscode';
import type { AwsAccess, AwsTarget } from '../../aws/access';
import { operationOf } from '../../aws/clients';
import type { Logger } from '../../core/log';
import type { EditorUi } from '../../editor/ui';
import { decodeProfileAsync } from '../model/decode';
import { FORMAT_LABELS } from '../model/profile';
import { formatCount } from '../model/format';
import { describeRange, type TimeRange } from '../model/time-ranges';
import type { CodeGuruService } from '../service/codeguru';
import { jfrPrinter } from '../service/jfr-tool';
import { sourceMapMapper } from '../model/source-maps';
import { loadSourceMapFor } from '../service/source-map-files';
import type { FlamePanel, FlamePanels } from './flame-panel';
import { VIEW_ID } from './ids';
import { loadProfileFile, PROFILE_FILE_FILTERS } from './load-file';
import { readFileBytes } from './node-sources';
import type { LoadedProfile, ProfilerSession } from './profile-session';

export interface OpenResult {
  key: string;
  title: string;
  frames: number;
  samples: number[];
  counters: string[];
}

function summary(loaded: LoadedProfile): OpenResult {
  return { key: loaded.key, title: loaded.title, frames: loaded.profile.tree.size, samples: [...loaded.profile.counterTotals], counters: [...loaded.profile.tree.counters] };
}

function asUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.length > 0) return /^[a-z][a-z0-9+.-]+:\/\//i.test(arg) ? vscode.Uri.parse(arg) : vscode.Uri.file(arg);
  return undefined;
}

/** Opens profiles from disk and from CodeGuru into flame graph panels. */
export class ProfileOpener {
  private readonly cache = new Map<string, LoadedProfile>();

  constructor(private readonly deps: {
    session: ProfilerSession; panels: FlamePanels; aws: AwsAccess; ui: EditorUi; log: Logger;
    /** The CodeGuru calls (the SDK loads on the first profile read from AWS, not for files). */
    codeguru(): Pick<CodeGuruService, 'fetchProfile' | 'getRecommendations'>;
  }) {}

  private remember(loaded: LoadedProfile): LoadedProfile {
    this.cache.delete(loaded.key);
    this.cache.set(loaded.key, loaded);
    while (this.cache.size > 8) this.cache.delete(this.cache.keys().next().value!);
    return loaded;
  }

  async loadFile(uri: vscode.Uri): Promise<LoadedProfile> {
    const configured = this.deps.session.settings.value.jfrPath || undefined;
    return this.remember(await loadProfileFile(uri, {
      session: this.deps.session, log: this.deps.log, read: readFileBytes,
      decode: (bytes, fileName) => decodeProfileAsync(bytes, { fileName, jfr: jfrPrinter(configured ? { configuredPath: configured } : {}), mapFrame: sourceMapMapper(loadSourceMapFor) }),
    }));
  }

  /** "Conveyor: Open Profile File…": a path/URI argument (tests, scripts) or a file dialog. */
  async openFile(arg?: unknown): Promise<OpenResult | undefined> {
    let uri = asUri(arg);
    if (!uri) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Open Profile', filters: PROFILE_FILE_FILTERS, title: 'Open a profile: pprof, .cpuprofile, speedscope, JFR, perf script, collapsed stacks or CodeGuru JSON' });
      uri = picked?.[0];
      if (!uri) return undefined;
    }
    const key = `file:${uri.toString()}`;
    const { panel } = this.deps.panels.open(key, uri.path.split('/').pop() ?? 'Profile');
    panel.setLoading(`Reading ${uri.path.split('/').pop()}…`);
    try {
      const loaded = await this.loadFile(uri);
      panel.setContent({ kind: 'profile', loaded });
      this.deps.session.setActive(loaded);
      return summary(loaded);
    } catch (err) {
      const message = `Could not open ${uri.path.split('/').pop()}: ${err instanceof Error ? err.message : String(err)}`;
      panel.setError(message);
      this.deps.ui.notify('error', message);
      return undefined;
    }
  }

  async compareFiles(baseArg?: unknown, targetArg?: unknown): Promise<OpenResult | undefined> {
    const pick = async (title: string): Promise<vscode.Uri | undefined> =>
      (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Select', filters: PROFILE_FILE_FILTERS, title }))?.[0];
    const base = asUri(baseArg) ?? await pick('Compare profiles: the earlier (base) profile');
    if (!base) return undefined;
    const target = asUri(targetArg) ?? await pick('Compare profiles: the later profile to look at');
    if (!target) return undefined;
    const { panel } = this.deps.panels.open(`diff:${base.toString()}|${target.toString()}`, 'Comparing profiles');
    panel.setLoading('Reading both profiles…');
    try {
      const [b, t] = await Promise.all([this.loadFile(base), this.loadFile(target)]);
      if (b.profile.format !== t.profile.format) {
        throw new Error(`a comparison needs two profiles of the same format: ${b.title} is ${FORMAT_LABELS[b.profile.format]}, ${t.title} is ${FORMAT_LABELS[t.profile.format]}.`);
      }
      panel.setContent({ kind: 'diff', base: b, target: t });
      this.deps.session.setActive(t);
      return summary(t);
    } catch (err) {
      const message = `Could not compare the profiles: ${err instanceof Error ? err.message : String(err)}`;
      panel.setError(message);
      this.deps.ui.notify('error', message);
      return undefined;
    }
  }

  async loadRange(group: string, range: TimeRange, target: AwsTarget | undefined, signal?: AbortSignal): Promise<LoadedProfile> {
    const key = `aws:${target?.profile ?? ''}:${target?.region ?? ''}:${group}:${range.start.toISOString()}:${range.end.toISOString()}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const client = this.deps.aws.client('codeguruprofiler', target);
    const started = Date.now();
    const profile = await this.deps.codeguru().fetchProfile(client, group, range, signal);
    this.deps.log.info(`profiler: GetProfile ${group} ${describeRange(range)}: ${formatCount(profile.tree.size)} frames in ${Date.now() - started} ms`);
    const loaded = this.remember({ key, title: `${group} · ${range.label}`, detail: describeRange(range), source: { kind: 'aws', group, range, target }, profile, recommendations: [] });
    void this.deps.codeguru().getRecommendations(client, group, range, signal).then((r) => {
      loaded.recommendations = r.recommendations;
      this.deps.session.touch(loaded);
    }, (err: unknown) => this.deps.log.warn(`profiler: no recommendations for ${group}: ${this.explain(err, target).message}`));
    return loaded;
  }

  private explain(err: unknown, target: AwsTarget | undefined): { message: string } {
    const operation = operationOf(err);
    if (operation) return this.deps.aws.explain(err, { service: 'codeguruprofiler', operation, ...(target ? { target } : {}) });
    return { message: err instanceof Error ? err.message : String(err) };
  }

  /**
   * Runs `work` in a panel; a failure shows in the panel and as a notification with its fixes. The
   * command does not wait for the notification: "Retry" there runs the work again.
   */
  private async withPanel(key: string, title: string, work: (panel: FlamePanel) => Promise<OpenResult>, target: AwsTarget | undefined): Promise<OpenResult | undefined> {
    const { panel } = this.deps.panels.open(key, title);
    try {
      // The Profiler view shows its progress bar while the panel says what it is loading.
      return await this.deps.ui.withProgress(`Loading ${title}`, () => work(panel), { view: VIEW_ID });
    } catch (err) {
      if (panel.abort.signal.aborted) return undefined;
      const explained = this.explain(err, target);
      this.deps.log.warn(`profiler: ${title}: ${explained.message}`);
      panel.setError(explained.message);
      this.deps.ui.reportAwsError(err, { service: 'codeguruprofiler', operation: operationOf(err) ?? 'GetProfile', ...(target ? { target } : {}) }, () => {
        if (!panel.abort.signal.aborted) void this.withPanel(key, title, work, target);
      });
      return undefined;
    }
  }

  async openRange(group: string, range: TimeRange, target: AwsTarget | undefined, options: { search?: string } = {}): Promise<OpenResult | undefined> {
    const key = `range:${group}:${range.start.toISOString()}:${range.end.toISOString()}`;
    return this.withPanel(key, `${group} · ${range.label}`, async (panel) => {
      panel.setLoading(`Downloading the ${range.label.toLowerCase()} profile of ${group} (${describeRange(range)})…`);
      const loaded = await this.loadRange(group, range, target, panel.abort.signal);
      panel.setContent({ kind: 'profile', loaded }, options);
      this.deps.session.setActive(loaded);
      return summary(loaded);
    }, target);
  }

  async compareRanges(group: string, base: TimeRange, latest: TimeRange, target: AwsTarget | undefined): Promise<OpenResult | undefined> {
    const key = `rangediff:${group}:${base.start.toISOString()}:${latest.start.toISOString()}:${latest.end.toISOString()}`;
    return this.withPanel(key, `${group} · ${latest.label} vs before`, async (panel) => {
      panel.setLoading(`Downloading two profiles of ${group}…`);
      const [b, t] = await Promise.all([this.loadRange(group, base, target, panel.abort.signal), this.loadRange(group, latest, target, panel.abort.signal)]);
      panel.setContent({ kind: 'diff', base: b, target: t });
      this.deps.session.setActive(t);
      return summary(t);
    }, target);
  }
}
