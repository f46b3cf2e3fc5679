// The web build's entry (package.json `browser`: vscode.dev, github.dev, any web worker extension host).
// Buildspec/appspec support works there: the language server runs in a web worker, started on the first
// such document. Profile files open as flame graphs: the profiler without CodeGuru, its own bundle loaded
// on the first profile.
// The AWS features need the desktop extension host (AWS credentials from ~/.aws, the SDK on Node, tools
// on disk): their commands, views and editors say so instead of failing.
import * as vscode from 'vscode';
import { createOutputLogger } from './editor/log';
import { WEB_PROFILER_COMMANDS, WEB_PROFILER_EDITORS } from './profiler/editor/ids';
import type { WebProfiler } from './profiler/editor/web-profiler';
import { loadWebProfiler } from './profiler/editor/web-profiler-loader';
import { startBrowserLanguageClient } from './validation/editor/browser-client';
import { detectDocumentKind } from './validation/editor/detect-document';

interface Manifest {
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    views?: Record<string, { id: string }[]>;
    customEditors?: { viewType: string; displayName: string }[];
  };
}

const SHOW_LOG = 'conveyor.showLog';
const DESKTOP_ONLY = 'needs VS Code desktop: in the browser, Conveyor checks buildspecs and appspecs and opens profile files as flame graphs.';

/** A tree that shows only its message. */
const EMPTY_TREE: vscode.TreeDataProvider<never> = { getTreeItem: (element) => element, getChildren: () => [] };

export function activate(context: vscode.ExtensionContext): void {
  const { log, channel } = createOutputLogger(context);
  const manifest = context.extension.packageJSON as Manifest;
  let loading: Promise<WebProfiler> | undefined;
  const profiler = (): Promise<WebProfiler> => {
    loading ??= loadWebProfiler(context.extensionUri).then((m) => {
      const created = m.createWebProfiler(context.extensionUri, log);
      context.subscriptions.push(created);
      return created;
    });
    return loading;
  };
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_LOG, () => channel.show()));
  for (const command of WEB_PROFILER_COMMANDS) {
    context.subscriptions.push(vscode.commands.registerCommand(command, async (...args: unknown[]) => (await profiler()).commands[command]!(...args)));
  }
  for (const { command, title, category } of manifest.contributes?.commands ?? []) {
    if (command === SHOW_LOG || WEB_PROFILER_COMMANDS.includes(command)) continue;
    const name = category ? `${category}: ${title}` : title;
    context.subscriptions.push(vscode.commands.registerCommand(command, () => void vscode.window.showWarningMessage(`${name} ${DESKTOP_ONLY}`)));
  }
  for (const { id } of Object.values(manifest.contributes?.views ?? {}).flat()) {
    const view = vscode.window.createTreeView(id, { treeDataProvider: EMPTY_TREE });
    view.message = `This view ${DESKTOP_ONLY}`;
    context.subscriptions.push(view);
  }
  for (const viewType of WEB_PROFILER_EDITORS) {
    const provider: vscode.CustomReadonlyEditorProvider = {
      openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
      resolveCustomEditor: async (document, panel, token) => (await profiler()).editors[viewType]!.resolveCustomEditor(document, panel, token),
    };
    context.subscriptions.push(vscode.window.registerCustomEditorProvider(viewType, provider, { webviewOptions: { retainContextWhenHidden: true }, supportsMultipleEditorsPerDocument: false }));
  }
  for (const { viewType, displayName } of manifest.contributes?.customEditors ?? []) {
    if (WEB_PROFILER_EDITORS.includes(viewType)) continue;
    const provider: vscode.CustomReadonlyEditorProvider = {
      openCustomDocument: (uri) => ({ uri, dispose: () => undefined }),
      resolveCustomEditor: (_document, panel) => { panel.webview.html = `<p>The ${displayName} editor ${DESKTOP_ONLY}</p>`; },
    };
    context.subscriptions.push(vscode.window.registerCustomEditorProvider(viewType, provider));
  }
  startOnFirstSpec(context, log);
  log.info('Conveyor (web) activated');
}

/** The language server starts with the first buildspec, appspec or template with an inline buildspec. */
function startOnFirstSpec(context: vscode.ExtensionContext, log: ReturnType<typeof createOutputLogger>['log']): void {
  let started = false;
  const check = (document: vscode.TextDocument): void => {
    if (started || detectDocumentKind(document) === undefined) return;
    started = true;
    for (const w of watchers) w.dispose();
    startBrowserLanguageClient(context.extensionUri, log, context.subscriptions)
      .catch((err: unknown) => log.error(`The buildspec/appspec language server did not start: ${err instanceof Error ? err.message : String(err)}`));
  };
  const watchers = [
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.isUntitled) check(e.document); }),
    vscode.workspace.onDidChangeConfiguration(() => vscode.workspace.textDocuments.forEach(check)),
  ];
  context.subscriptions.push(...watchers);
  vscode.workspace.textDocuments.forEach(check);
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
