import * as vscode from 'vscode';
import type { AwsTarget } from '../../aws/access';
import type { Logger } from '../../core/log';
import { analyse, nameHints, resolveProfile, type Analysis, type NameHints, type Resolution } from '../model/analysis';
import type { ViewId } from '../model/counters';
import { findFunctionLine } from '../model/function-lines';
import type { Profile } from '../model/profile';
import type { RecommendationLike } from '../model/recommendations';
import { SourceResolver, type ResolvedFrame } from '../model/resolve';
import type { TimeRange } from '../model/time-ranges';
import { DisposableStore } from '../../core/disposables';
import { FeatureSettings } from '../../editor/settings';
import { PROFILER_SETTINGS } from '../settings';
import type { SourceAccess, WorkspaceFiles } from './workspace-files';

export type ProfileSource =
  | { kind: 'file'; uri: vscode.Uri }
  | { kind: 'aws'; group: string; range: TimeRange; target: AwsTarget | undefined };

/** A profile that has been opened (from a file or CodeGuru), shared by its panel and the inline annotations. */
export interface LoadedProfile {
  readonly key: string;
  readonly title: string;
  readonly detail: string;
  readonly source: ProfileSource;
  readonly profile: Profile;
  recommendations: RecommendationLike[];
}

/**
 * The profile that drives inline annotations (the most recently opened or focused one), the counter
 * view from the settings, and cached analyses and frame→file resolutions.
 */
export class ProfilerSession implements vscode.Disposable {
  private current: LoadedProfile | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly analyses = new WeakMap<LoadedProfile, Map<ViewId, Analysis>>();
  private resolutions = new WeakMap<LoadedProfile, Promise<Resolution>>();
  private readonly hintCache = new WeakMap<LoadedProfile, NameHints>();
  private resolver: Promise<SourceResolver> | undefined;
  private readonly disposables = new DisposableStore();
  /** `conveyor.profiler.*`: the counter to show, inline heat on or off, the JDK's jfr tool. */
  readonly settings = this.disposables.add(new FeatureSettings(PROFILER_SETTINGS));

  constructor(private readonly log: Logger, private readonly files: WorkspaceFiles) {
    this.disposables.add(this.changed);
    this.disposables.add(files.onDidChange(() => {
      // Files were added or removed: every profile resolves again on next use.
      this.resolver = undefined;
      this.resolutions = new WeakMap();
      this.changed.fire();
    }));
    this.disposables.add(this.settings.onDidChange((e) => { if (e.affects('counter')) this.changed.fire(); }));
  }

  get active(): LoadedProfile | undefined { return this.current; }

  /**
   * Re-lists the workspace's sources for a profile being opened (see WorkspaceFiles.rescan): new
   * resolutions use the new list at once; open editors are refreshed only if it changed.
   */
  rescanSources(): void {
    this.files.rescan();
    this.resolver = undefined;
    this.resolutions = new WeakMap();
  }

  get view(): ViewId { return this.settings.value.counter; }

  get inlineHeat(): boolean { return this.settings.value.inlineHeat; }

  setActive(loaded: LoadedProfile | undefined): void {
    if (loaded === this.current) return;
    this.current = loaded;
    this.changed.fire();
  }

  /** Re-announces the active profile (e.g. after its recommendations arrived). */
  touch(loaded: LoadedProfile): void {
    if (loaded === this.current) this.changed.fire();
  }

  analysis(loaded: LoadedProfile, view: ViewId = this.view): Analysis {
    let byView = this.analyses.get(loaded);
    if (!byView) { byView = new Map(); this.analyses.set(loaded, byView); }
    let a = byView.get(view);
    if (!a) {
      a = analyse(loaded.profile, view);
      byView.set(view, a);
    }
    return a;
  }

  hints(loaded: LoadedProfile): NameHints {
    let h = this.hintCache.get(loaded);
    if (!h) { h = nameHints(loaded.profile.tree); this.hintCache.set(loaded, h); }
    return h;
  }

  resolution(loaded: LoadedProfile): Promise<Resolution> {
    let r = this.resolutions.get(loaded);
    if (!r) {
      r = this.sourceResolver().then((resolver) => {
        const started = Date.now();
        const res = resolveProfile(loaded.profile.tree, resolver);
        this.log.debug(`profiler: ${res.byName.size} of ${loaded.profile.tree.names.length - 1} frame names resolve to workspace files (${Date.now() - started} ms)`);
        return res;
      });
      this.resolutions.set(loaded, r);
    }
    return r;
  }

  private sourceResolver(): Promise<SourceResolver> {
    this.resolver ??= this.files.list().then((files) => new SourceResolver(files, (path) => this.files.access.readText(path)));
    return this.resolver;
  }

  /** How sources are reached (the disk on the desktop, vscode.workspace.fs in the web). */
  get sources(): SourceAccess { return this.files.access; }

  /** Name ids of `loaded` whose frames live in the file at `uri`. */
  async namesInFile(loaded: LoadedProfile, uri: vscode.Uri): Promise<number[]> {
    const res = await this.resolution(loaded);
    const access = this.files.access;
    const key = access.keyOf(access.pathOf(uri));
    const out: number[] = [];
    loaded.profile.tree.names.forEach((name, id) => {
      const r = res.byName.get(name);
      if (r && access.keyOf(r.file.path) === key) out.push(id);
    });
    return out;
  }

  /** Opens the source of a frame: the executing line when the profile has it, else the definition. */
  async openFrame(loaded: LoadedProfile | undefined, name: string, node: number, extra: readonly LoadedProfile[] = []): Promise<boolean> {
    let resolved: ResolvedFrame | undefined;
    for (const p of [loaded, ...extra]) {
      if (!p) continue;
      resolved = (await this.resolution(p)).byName.get(name);
      if (resolved) break;
    }
    if (!resolved) {
      void vscode.window.showInformationMessage(`"${name.slice(0, 200)}" is not in this workspace's source files.`);
      return false;
    }
    const uri = this.files.access.uriOf(resolved.file.path);
    const doc = await vscode.workspace.openTextDocument(uri);
    const tree = loaded?.profile.tree;
    const nodeLine = tree && node > 0 && node < tree.size && tree.names[tree.nameId[node]!] === name ? tree.lineMin[node]! : 0;
    let line = nodeLine > 0 ? nodeLine - 1 : (resolved.line ?? 0) - 1;
    if (line < 0) line = findFunctionLine(doc.getText(), resolved.frame) ?? 0;
    line = Math.max(0, Math.min(doc.lineCount - 1, line));
    const range = doc.lineAt(line).range;
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(range.start, range.start), preview: true, viewColumn: vscode.ViewColumn.One });
    return true;
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
