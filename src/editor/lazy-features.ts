// The activation shell's feature registry: registers every contribution of every feature at
// activation, and loads a feature (its bundle, its SDK clients) the first time one is used — a command
// run, a view opened, a document of its scheme or kind opened — or at startup when its saved state
// needs it (a pinned pipeline, a CodeArtifact login to refresh), then only that feature.
import * as vscode from 'vscode';
import type { AwsAccess } from '../aws/access';
import { DisposableStore } from '../core/disposables';
import type { Logger } from '../core/log';
import { TurnQueue } from '../core/turn-queue';
import { reportCommandFailure, runCommand, type CommandDeps } from './commands';
import type { Feature, FeatureHost, FeatureModule } from './feature';
import { LazyCustomEditor, LazyDocumentProvider, LazyDropController, LazyTreeProvider } from './lazy-providers';
import type { EditorUi } from './ui';

export interface FeatureDeclaration {
  id: string;
  /** Requires the feature's bundle (synchronous: `require`). */
  load(): FeatureModule;
  commands: readonly string[];
  /** `dropMimeTypes`: what the view accepts dropped on it (the feature's controller handles it). */
  views?: readonly { id: string; showCollapseAll?: boolean; dropMimeTypes?: readonly string[] }[];
  schemes?: readonly string[];
  customEditors?: readonly { viewType: string; options?: Parameters<typeof vscode.window.registerCustomEditorProvider>[2] }[];
  /** A cheap check, run on each opened document until the feature is loaded. */
  wantsDocument?(document: vscode.TextDocument): boolean;
  /**
   * Globs (relative to each workspace folder): a workspace with a matching file, node_modules aside,
   * loads the feature right after startup (searched once activation has returned).
   */
  workspaceContains?(): readonly string[];
  /** Whether saved state needs the feature right after startup. */
  neededAtStartup?(context: vscode.ExtensionContext): boolean;
  /** False for a feature that never uses the AWS session: it loads without waiting for the session to be ready. */
  usesAws?: false;
  /** Commands that make no AWS request (opening a local file): run first, they load the feature without reading credentials ahead. */
  localCommands?: readonly string[];
}

/** How long after activation the workspace is searched for files that start a feature. */
const WORKSPACE_SEARCH_DELAY_MS = 1_000;

export interface LazyFeaturesDeps {
  context: vscode.ExtensionContext;
  log: Logger;
  aws: AwsAccess;
  /** Resolves when `aws` has read the settings and ~/.aws files: no feature loads before. */
  awsReady: PromiseLike<void>;
  ui: EditorUi;
  /**
   * Called as a feature that uses AWS is about to load for a view, a command or a document that makes a
   * request: starts what the first request needs (credentials), so that its I/O runs while the bundle loads.
   */
  beforeAwsLoad?: () => void;
  /** The views' ids in the order a person sees them (package.json); the features of views shown at once load in it. */
  viewOrder?: readonly string[];
}

interface Slot {
  declaration: FeatureDeclaration;
  feature?: Feature;
  failure?: Error;
  views: Map<string, { provider: LazyTreeProvider; view: vscode.TreeView<unknown>; drop?: LazyDropController }>;
}

export class LazyFeatures implements vscode.Disposable {
  private readonly slots = new Map<string, Slot>();
  private readonly disposables = new DisposableStore();
  private readonly commandDeps: CommandDeps;
  /**
   * Views shown at once (the Conveyor side bar opened) load their features one per event-loop turn, top
   * view first: each view's first request starts as soon as its own feature is in, never after the
   * loads of the views below it.
   */
  private readonly viewLoads = new TurnQueue();

  constructor(private readonly deps: LazyFeaturesDeps, declarations: readonly FeatureDeclaration[]) {
    this.commandDeps = { log: deps.log, ui: deps.ui };
    this.disposables.add(this.viewLoads);
    for (const declaration of declarations) this.declare(declaration);
    this.watchDocuments();
  }

  /** Ids of the features loaded so far (host tests, the benchmark). */
  get loaded(): string[] {
    return [...this.slots.values()].filter((s) => s.feature).map((s) => s.declaration.id);
  }

  /**
   * Once activation returned: loads the features whose saved state needs them, those that want a
   * document already open (a buildspec restored in an editor) and those whose files the workspace
   * contains — each as soon as what it waits for is ready (the AWS session, unless it does not use
   * it). Resolves when those checks and loads are done.
   */
  startNeeded(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const started: Promise<void>[] = [];
        for (const slot of this.slots.values()) {
          if (slot.declaration.neededAtStartup?.(this.deps.context)) started.push(this.ready(slot).then(() => this.tryLoad(slot)));
        }
        for (const document of vscode.workspace.textDocuments) this.checkDocument(document);
        const searching = [...this.slots.values()].filter((slot) => slot.declaration.workspaceContains !== undefined);
        if (searching.length) {
          started.push(this.afterStartup().then(async (live) => { if (live) await Promise.all(searching.map((slot) => this.loadIfWorkspaceContains(slot))); }));
        }
        void Promise.all(started).then(() => resolve());
      }, 0);
      this.disposables.add({ dispose: () => { clearTimeout(timer); resolve(); } });
    });
  }

  /**
   * Resolves a moment after activation (false if disposed meanwhile): a workspace search and the
   * feature it may start stay out of the window's startup, when other extensions are activating —
   * a document opened before then still loads its feature at once.
   */
  private afterStartup(): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(true), WORKSPACE_SEARCH_DELAY_MS);
      this.disposables.add({ dispose: () => { clearTimeout(timer); resolve(false); } });
    });
  }

  /** The feature, loaded if it was not; rejects when it cannot start. */
  async get(id: string): Promise<Feature> {
    const slot = this.slots.get(id);
    if (!slot) throw new Error(`Conveyor has no feature named ${id}.`);
    return this.loadWhenReady(slot);
  }

  private declare(declaration: FeatureDeclaration): void {
    const unknown = declaration.localCommands?.filter((id) => !declaration.commands.includes(id)) ?? [];
    if (unknown.length) throw new Error(`The ${declaration.id} feature declares local commands it does not have: ${unknown.join(', ')}`);
    const slot: Slot = { declaration, views: new Map() };
    this.slots.set(declaration.id, slot);
    for (const id of declaration.commands) {
      this.disposables.add(vscode.commands.registerCommand(id, (...args: unknown[]) => this.runCommand(slot, id, args)));
    }
    for (const v of declaration.views ?? []) {
      const provider = new LazyTreeProvider(declaration.id, async () => { await this.loadForView(slot, v.id); });
      const drop = v.dropMimeTypes ? new LazyDropController(v.dropMimeTypes, async () => { await this.loadWhenReady(slot); }) : undefined;
      const view = vscode.window.createTreeView<unknown>(v.id, {
        treeDataProvider: provider, showCollapseAll: v.showCollapseAll ?? false, ...(drop ? { dragAndDropController: drop } : {}),
      });
      slot.views.set(v.id, { provider, view, ...(drop ? { drop } : {}) });
      this.disposables.add(view);
      this.disposables.add(provider);
    }
    for (const scheme of declaration.schemes ?? []) {
      const provider = new LazyDocumentProvider(async () => (await this.loadForRequest(slot)).documents?.[scheme]);
      this.disposables.add(provider);
      this.disposables.add(vscode.workspace.registerTextDocumentContentProvider(scheme, provider));
    }
    for (const editor of declaration.customEditors ?? []) {
      const provider = new LazyCustomEditor(async () => (await this.loadWhenReady(slot)).customEditors?.[editor.viewType]);
      this.disposables.add(vscode.window.registerCustomEditorProvider(editor.viewType, provider, editor.options));
    }
  }

  private async runCommand(slot: Slot, id: string, args: readonly unknown[]): Promise<unknown> {
    let entry;
    try {
      const local = slot.declaration.localCommands?.includes(id) ?? false;
      entry = (await (local ? this.loadWhenReady(slot) : this.loadForRequest(slot))).commands[id];
      if (!entry) throw new Error(`${id} is declared but the ${slot.declaration.id} feature has no handler for it.`);
    } catch (err) {
      reportCommandFailure(id, err, this.commandDeps);
      return undefined;
    }
    return runCommand(id, entry, args, this.commandDeps);
  }

  private tryLoad(slot: Slot): void {
    try {
      this.load(slot);
    } catch {
      // load() logged it; the feature's contributions say so when used
    }
  }

  /** What a feature waits for before it loads: the AWS session's first read, unless it does not use it. */
  private async ready(slot: Slot): Promise<void> {
    if (slot.declaration.usesAws !== false) await this.deps.awsReady;
  }

  private async loadWhenReady(slot: Slot): Promise<Feature> {
    if (!slot.feature) await this.ready(slot);
    return this.load(slot);
  }

  /** Loads the feature for a use that makes an AWS request at once: credentials (I/O: files, maybe AWS) resolve while the bundle loads. */
  private async loadForRequest(slot: Slot): Promise<Feature> {
    if (slot.feature) return slot.feature;
    await this.ready(slot);
    this.prepareAws(slot);
    return this.load(slot);
  }

  private prepareAws(slot: Slot): void {
    if (!slot.feature && slot.declaration.usesAws !== false) this.deps.beforeAwsLoad?.();
  }

  /** Loads the feature of a view VS Code asked for rows, in its turn among the views asking at once. */
  private async loadForView(slot: Slot, viewId: string): Promise<Feature> {
    if (slot.feature) return slot.feature;
    await this.ready(slot);
    this.prepareAws(slot);
    const order = this.deps.viewOrder ?? [];
    const rank = order.includes(viewId) ? order.indexOf(viewId) : order.length;
    return this.viewLoads.run(rank, () => this.load(slot));
  }

  private load(slot: Slot): Feature {
    if (slot.feature) return slot.feature;
    if (slot.failure) throw slot.failure;
    const { id } = slot.declaration;
    const started = Date.now();
    try {
      slot.feature = slot.declaration.load().activate(this.host(slot));
      this.disposables.add(slot.feature);
      this.deps.log.info(`The ${id} feature started in ${Date.now() - started} ms`);
      return slot.feature;
    } catch (err) {
      slot.failure = new Error(`The ${id} feature failed to start: ${err instanceof Error ? err.message : String(err)}`);
      this.deps.log.error(`${slot.failure.message}\n${err instanceof Error ? err.stack ?? '' : ''}`);
      throw slot.failure;
    }
  }

  private host(slot: Slot): FeatureHost {
    const { context, log, aws, ui } = this.deps;
    return {
      context, log, aws, ui,
      treeView: <N>(viewId: string, provider: vscode.TreeDataProvider<N>, drop?: vscode.TreeDragAndDropController<N>): vscode.TreeView<N> => {
        const entry = slot.views.get(viewId);
        if (!entry) throw new Error(`The ${slot.declaration.id} feature does not declare the view ${viewId}.`);
        entry.provider.attach(provider);
        if (drop) {
          if (!entry.drop) throw new Error(`The view ${viewId} is declared without drop types.`);
          entry.drop.attach(drop);
        }
        // The view only ever shows elements `provider` returned: it is a view of N.
        return entry.view as vscode.TreeView<N>;
      },
    };
  }

  private async loadIfWorkspaceContains(slot: Slot): Promise<void> {
    const patterns = slot.declaration.workspaceContains?.() ?? [];
    if (patterns.length === 0 || !vscode.workspace.workspaceFolders?.length) return;
    try {
      if (!(await workspaceContains(patterns))) return;
    } catch (err) {
      this.deps.log.debug(`Could not search the workspace for the ${slot.declaration.id} feature's files: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (slot.feature || slot.failure) return;
    this.deps.log.info(`The workspace has files of the ${slot.declaration.id} feature: starting it`);
    await this.ready(slot);
    this.tryLoad(slot);
  }

  private checkDocument(document: vscode.TextDocument): void {
    for (const slot of this.slots.values()) {
      if (!slot.feature && !slot.failure && slot.declaration.wantsDocument?.(document)) void this.ready(slot).then(() => this.tryLoad(slot));
    }
  }

  private watchDocuments(): void {
    if (![...this.slots.values()].some((s) => s.declaration.wantsDocument !== undefined)) return;
    this.disposables.add(vscode.workspace.onDidOpenTextDocument((d) => this.checkDocument(d)));
    // Saved files are checked when opened; a new untitled one may become a buildspec as it is typed,
    // and a setting (e.g. file associations) may make an open document one.
    this.disposables.add(vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.isUntitled && e.contentChanges.length > 0) this.checkDocument(e.document); }));
    this.disposables.add(vscode.workspace.onDidChangeConfiguration(() => { for (const d of vscode.workspace.textDocuments) this.checkDocument(d); }));
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

/** Whether any workspace folder has a file matching one of `patterns` (one search for the patterns that can share a `{…}` group). */
async function workspaceContains(patterns: readonly string[]): Promise<boolean> {
  const plain = patterns.filter((p) => !/[{}]/.test(p));
  const globs = [...(plain.length > 1 ? [`{${plain.join(',')}}`] : plain), ...patterns.filter((p) => /[{}]/.test(p))];
  for (const glob of globs) {
    if ((await vscode.workspace.findFiles(glob, '**/node_modules/**', 1)).length > 0) return true;
  }
  return false;
}
