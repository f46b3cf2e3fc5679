import * as vscode from 'vscode';
import type { AwsAccess } from '../../aws/access';
import type { Logger } from '../../core/log';
import { PROFILED_LANGUAGES, ProfileCodeLenses } from './code-lens';
import { registerCommands } from './commands';
import { ProfileEditorProvider } from './custom-editor';
import { RecommendationDiagnostics } from './diagnostics';
import { ProfileDropController } from './drop-files';
import { FlamePanels } from './flame-panel';
import { HeatDecorations } from './heat-decorations';
import { ProfileHover } from './hover';
import { ProfileOpener } from './open-profile';
import { ProfilerSession } from './profile-session';
import { ProfilerTree } from './profiler-tree';
import { COUNTER_SETTING, FLAME_EDITOR_FOLDED, FLAME_EDITOR_JSON, VIEW_ID } from './settings';
import { WorkspaceFiles } from './workspace-files';

/** Profiles (CodeGuru, pprof, .cpuprofile, speedscope, JFR, perf, collapsed stacks): the Profiler view, flame graph panels and editors, inline heat, CodeLens, hovers, diagnostics. */
export function registerProfiler(context: vscode.ExtensionContext, deps: { log: Logger; aws: AwsAccess }): void {
  const { log, aws } = deps;
  const files = new WorkspaceFiles(log);
  const session = new ProfilerSession(log, files);
  const panels = new FlamePanels({ extensionUri: context.extensionUri, session, log });
  const opener = new ProfileOpener({ session, panels, aws, log });
  const tree = new ProfilerTree(aws, log);
  const heat = new HeatDecorations(context.extensionUri, session, log);
  const lenses = new ProfileCodeLenses(session);
  const diagnostics = new RecommendationDiagnostics(session, log);
  const editorProvider = new ProfileEditorProvider({ panels, opener, session, log });
  const editorOptions = { webviewOptions: { retainContextWhenHidden: true }, supportsMultipleEditorsPerDocument: false };

  context.subscriptions.push(files, session, panels, tree, heat, lenses, diagnostics,
    vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true,
      dragAndDropController: new ProfileDropController((uri) => opener.openFile(uri)) }),
    vscode.languages.registerCodeLensProvider(PROFILED_LANGUAGES, lenses),
    vscode.languages.registerHoverProvider(PROFILED_LANGUAGES, new ProfileHover(session, heat)),
    vscode.window.registerCustomEditorProvider(FLAME_EDITOR_FOLDED, editorProvider, editorOptions),
    vscode.window.registerCustomEditorProvider(FLAME_EDITOR_JSON, editorProvider, editorOptions),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(COUNTER_SETTING)) for (const p of panels.all()) p.setView(session.view);
    }),
    ...registerCommands({ aws, session, panels, opener, tree, heat, diagnostics }));
}
