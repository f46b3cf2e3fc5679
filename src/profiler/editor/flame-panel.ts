import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import { fallbackNote, mineFlags, viewChoices, type Resolution } from '../model/analysis';
import { viewLabel, type ViewId } from '../model/counters';
import { comparisonTitle, diffTrees } from '../model/diff';
import { formatAmount } from '../model/format';
import { toWire, type FlameTree } from '../flame/flame-tree';
import { flameHtml, makeNonce } from '../flame/html';
import { parseWebviewMessage, type FlameData, type HostMessage, type RenderStats } from '../flame/protocol';
import { FLAME_VIEW_TYPE } from './ids';
import type { LoadedProfile, ProfilerSession } from './profile-session';

export type PanelContent =
  | { kind: 'profile'; loaded: LoadedProfile }
  | { kind: 'diff'; base: LoadedProfile; target: LoadedProfile };

export interface PanelDeps {
  extensionUri: vscode.Uri;
  session: ProfilerSession;
  log: Logger;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media', 'profiler')],
  };
}

/** One flame graph in a webview panel (an editor tab or a custom editor). */
export class FlamePanel implements vscode.Disposable {
  private content: PanelContent | undefined;
  private view: ViewId;
  private ready = false;
  private readonly queue: HostMessage[] = [];
  private pendingOptions: { search?: string; reveal?: string } = {};
  private stats: RenderStats | undefined;
  private violations = 0;
  private error: string | undefined;
  private readonly rendered = new vscode.EventEmitter<RenderStats>();
  readonly onDidRender = this.rendered.event;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.closed.event;
  private readonly disposables = new DisposableStore();
  private disposed = false;
  readonly abort = new AbortController();

  constructor(readonly panel: vscode.WebviewPanel, private readonly deps: PanelDeps, title: string) {
    this.view = deps.session.view;
    const webview = panel.webview;
    webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'profiler', 'flame.svg');
    webview.html = flameHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce((n) => crypto.getRandomValues(new Uint8Array(n))),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview', 'profiler.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'media', 'profiler', 'flame.css')).toString(),
      title,
    });
    this.disposables.addAll(this.rendered, this.closed, webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidChangeViewState((e) => { if (e.webviewPanel.active) this.activate(); }), panel.onDidDispose(() => this.dispose()));
  }

  get lastStats(): RenderStats | undefined { return this.stats; }
  /** Content-Security-Policy violations the page reported (there should never be any). */
  get cspViolations(): number { return this.violations; }
  /** What the panel says went wrong, until it shows a profile. */
  get lastError(): string | undefined { return this.error; }
  get title(): string { return this.panel.title; }
  get loaded(): LoadedProfile | undefined {
    return this.content?.kind === 'profile' ? this.content.loaded : this.content?.target;
  }

  setLoading(message: string): void {
    this.post({ type: 'loading', message });
  }

  setError(message: string): void {
    this.error = message;
    this.post({ type: 'error', message });
  }

  setContent(content: PanelContent, options: { search?: string; reveal?: string } = {}): void {
    this.content = content;
    this.error = undefined;
    this.pendingOptions = options;
    this.panel.title = content.kind === 'profile' ? `Flame: ${content.loaded.title}` : `Flame Δ: ${content.target.title}`;
    this.activate();
    this.sendLoad();
  }

  reveal(name: string): void {
    this.post({ type: 'reveal', name });
  }

  search(query: string): void {
    this.post({ type: 'search', query });
  }

  /** Follows the counter setting (a view picked inside the panel stays until the setting changes). */
  setView(view: ViewId): void {
    if (view === this.view) return;
    this.view = view;
    this.sendLoad();
  }

  private activate(): void {
    const loaded = this.loaded;
    if (loaded && this.panel.active) this.deps.session.setActive(loaded);
  }

  private post(message: HostMessage): void {
    if (this.disposed) return;
    if (!this.ready) {
      this.queue.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private sendLoad(): void {
    if (!this.content) return;
    const started = Date.now();
    const { data, resolutions, names } = this.buildData(this.content);
    // Queue only the newest load: an older one must not overwrite it once the page is ready.
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.type === 'load') this.queue.splice(i, 1);
    this.post({ type: 'load', data });
    this.pendingOptions = {};
    this.deps.log.debug(`profiler: flame graph data for ${this.panel.title} (${data.tree.names.length} names, ${data.tree.parent.length} frames) in ${Date.now() - started} ms`);
    void Promise.all(resolutions).then((res) => this.sendSources(names, res), (err: unknown) => this.deps.log.warn(`profiler: could not resolve frames to files: ${String(err)}`));
  }

  private sendSources(names: readonly string[], resolutions: Resolution[]): void {
    const labels: Record<number, string> = {};
    names.forEach((n, id) => {
      for (const r of resolutions) {
        const hit = r.byName.get(n);
        if (hit) { labels[id] = `${hit.file.rel}${hit.line ? `:${hit.line}` : ''}`; break; }
      }
    });
    this.post({ type: 'sources', mine: mineFlags(names, resolutions), labels });
  }

  private buildData(content: PanelContent): { data: FlameData; resolutions: Promise<Resolution>[]; names: readonly string[] } {
    const session = this.deps.session;
    const options = { ...(this.pendingOptions.search ? { search: this.pendingOptions.search } : {}), ...(this.pendingOptions.reveal ? { reveal: this.pendingOptions.reveal } : {}) };
    if (content.kind === 'profile') {
      const a = session.analysis(content.loaded, this.view);
      const note = fallbackNote(a);
      const tree: FlameTree = a.tree;
      const unit = viewUnit(content.loaded.profile, a.view);
      return {
        data: {
          title: content.loaded.title, subtitle: subtitle(viewLabel(a.view), content.loaded.detail, tree, unit),
          view: a.view, views: viewChoices(content.loaded.profile), tree: toWire(tree),
          warnings: [...(note ? [note] : []), ...content.loaded.profile.warnings.slice(0, 5)], ...options, ...(unit ? { unit } : {}),
        },
        resolutions: [session.resolution(content.loaded)],
        names: tree.names,
      };
    }
    const target = session.analysis(content.target, this.view);
    const base = session.analysis(content.base, target.view);
    const tree = diffTrees(base.tree, target.tree);
    const note = fallbackNote(target);
    return {
      data: {
        title: comparisonTitle(content.target.title, content.base.title), subtitle: subtitle(viewLabel(target.view), content.target.detail, tree, viewUnit(content.target.profile, target.view)),
        view: target.view, views: viewChoices(content.target.profile), tree: toWire(tree), baseLabel: `${content.base.title} (${content.base.detail})`,
        warnings: note ? [note] : [], ...options,
      },
      resolutions: [session.resolution(content.target), session.resolution(content.base)],
      names: tree.names,
    };
  }

  private onMessage(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        for (const m of this.queue.splice(0)) void this.panel.webview.postMessage(m);
        break;
      case 'changeView':
        this.view = message.view;
        this.sendLoad();
        break;
      case 'openSource': {
        const c = this.content;
        if (!c) break;
        const primary = c.kind === 'profile' ? c.loaded : c.target;
        const node = c.kind === 'profile' ? message.node : -1;
        void this.deps.session.openFrame(primary, message.name, node, c.kind === 'diff' ? [c.base] : []);
        break;
      }
      case 'rendered':
        this.stats = message.stats;
        this.rendered.fire(message.stats);
        break;
      case 'cspViolation':
        this.violations++;
        this.deps.log.warn(`profiler: the flame graph page blocked ${message.blockedURI || 'something'} (${message.directive})`);
        break;
      case 'log':
        this.deps.log.debug(message.message);
        break;
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.abort.abort();
    this.closed.fire();
    this.disposables.dispose();
    this.panel.dispose();
  }
}

function subtitle(view: string, detail: string, tree: FlameTree, unit?: string): string {
  const amount = formatAmount(tree.total[0] ?? 0, unit, tree.totalSeconds ? tree.totalSeconds[0] ?? 0 : undefined);
  return [view, detail, amount].filter((s) => s.length > 0).join(' · ');
}

/** The unit of a single-counter view (pprof sample types, .cpuprofile time), if the profile names one. */
function viewUnit(profile: LoadedProfile['profile'], view: string): string | undefined {
  return view.startsWith('counter:') ? profile.units.get(view.slice('counter:'.length)) : undefined;
}

/** Open flame graph panels by key, so opening the same profile again reveals its tab. */
export class FlamePanels implements vscode.Disposable {
  private readonly panels = new Map<string, FlamePanel>();
  private lastActive: FlamePanel | undefined;

  constructor(private readonly deps: PanelDeps) {}

  open(key: string, title: string): { panel: FlamePanel; created: boolean } {
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal();
      return { panel: existing, created: false };
    }
    // Named as it will be once loaded (setContent), so the tab does not change its name.
    const webviewPanel = vscode.window.createWebviewPanel(FLAME_VIEW_TYPE, `Flame: ${title}`, vscode.ViewColumn.Active,
      { ...webviewOptions(this.deps.extensionUri), retainContextWhenHidden: true, enableFindWidget: false });
    return { panel: this.adopt(key, webviewPanel, title), created: true };
  }

  /** Wraps an existing panel (custom editors get theirs from VS Code). */
  adopt(key: string, webviewPanel: vscode.WebviewPanel, title: string): FlamePanel {
    const panel = new FlamePanel(webviewPanel, this.deps, title);
    this.panels.set(key, panel);
    this.lastActive = panel;
    webviewPanel.onDidChangeViewState((e) => { if (e.webviewPanel.active) this.lastActive = panel; });
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
      if (this.lastActive === panel) this.lastActive = undefined;
    });
    return panel;
  }

  get(key: string): FlamePanel | undefined { return this.panels.get(key); }
  all(): FlamePanel[] { return [...this.panels.values()]; }
  get active(): FlamePanel | undefined { return this.lastActive; }

  /** The panel showing `loaded`, if any. */
  showing(loaded: LoadedProfile): FlamePanel | undefined {
    return this.all().find((p) => p.loaded === loaded);
  }

  dispose(): void {
    for (const p of this.all()) p.dispose();
    this.panels.clear();
  }
}
