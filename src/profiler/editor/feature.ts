// The CodeGuru Profiler feature bundle: loaded when the Profiler view opens, a profiler command runs
// or a profile file opens in the flame graph editor. Inline heat, CodeLens, hovers and diagnostics
// follow the profile opened last.
import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import { lazy } from '../../core/lazy';
import type { Feature, FeatureHost } from '../../editor/feature';
import type { CodeGuruService } from '../service/codeguru';
import { PROFILED_LANGUAGES, ProfileCodeLenses } from './code-lens';
import { profilerCommands } from './commands';
import { ProfileEditorProvider } from './custom-editor';
import { RecommendationDiagnostics } from './diagnostics';
import { ProfileDropController } from './drop-files';
import { FlamePanels } from './flame-panel';
import { HeatDecorations } from './heat-decorations';
import { nodeSources } from './node-sources';
import { ProfileHover } from './hover';
import { FLAME_EDITOR_FOLDED, FLAME_EDITOR_JSON, VIEW_ID } from './ids';
import { ProfileOpener } from './open-profile';
import { ProfilerSession } from './profile-session';
import { ProfilerTree } from './profiler-tree';
import { WorkspaceFiles } from './workspace-files';

export function activate(host: FeatureHost): Feature {
  const { context, log, aws, ui } = host;
  // The CodeGuru calls load on their first use: opening a profile file must not load the AWS SDK.
  const codeguru = lazy(() => require('../service/codeguru') as CodeGuruService);
  const d = new DisposableStore();
  const files = d.add(new WorkspaceFiles(log, nodeSources));
  const session = d.add(new ProfilerSession(log, files));
  const panels = d.add(new FlamePanels({ extensionUri: context.extensionUri, session, log }));
  const opener = new ProfileOpener({ session, panels, aws, ui, log, codeguru });
  const tree = d.add(new ProfilerTree(aws, codeguru));
  host.treeView(VIEW_ID, tree.provider, new ProfileDropController((uri) => opener.openFile(uri)));
  const heat = d.add(new HeatDecorations(context.extensionUri, session, log));
  const lenses = d.add(new ProfileCodeLenses(session));
  const diagnostics = d.add(new RecommendationDiagnostics(session, log));
  const editor = new ProfileEditorProvider({ panels, opener, session, log });
  d.add(vscode.languages.registerCodeLensProvider(PROFILED_LANGUAGES, lenses));
  d.add(vscode.languages.registerHoverProvider(PROFILED_LANGUAGES, new ProfileHover(session, heat)));
  d.add(session.settings.onDidChange((e) => { if (e.affects('counter')) for (const p of panels.all()) p.setView(session.view); }));
  return {
    commands: profilerCommands({ aws, ui, session, panels, opener, tree, heat, diagnostics }),
    customEditors: { [FLAME_EDITOR_FOLDED]: editor, [FLAME_EDITOR_JSON]: editor },
    dispose: () => d.dispose(),
  };
}
