// The profiler in the web build (vscode.dev, github.dev, a remote in the browser), its own bundle
// (dist/web/profiler.js) that src/web-extension.ts loads on the first profile: profile files open as
// flame graphs with search, zoom, hover, Ctrl+click to the source and inline heat, all through
// vscode.workspace.fs. No Node: gunzip is the platform's DecompressionStream, and what needs Node stays on
// the desktop — CodeGuru (the AWS session), JFR (the JDK's jfr tool) and source maps next to .cpuprofile
// files (read synchronously from disk).
import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { Logger } from '../../core/log';
import { decodeProfileWithAsync } from '../model/decode-bytes';
import { gunzipStream } from '../model/gunzip-stream';
import { ProfileFormatError } from '../model/profile';
import { ProfileEditorProvider } from './custom-editor';
import { FlamePanels } from './flame-panel';
import { HeatDecorations } from './heat-decorations';
import { FLAME_EDITOR_FOLDED, FLAME_EDITOR_JSON } from './ids';
import { loadProfileFile, PROFILE_FILE_FILTERS } from './load-file';
import { ProfilerSession } from './profile-session';
import { webSources } from './web-sources';
import { WorkspaceFiles } from './workspace-files';

export interface WebProfiler extends vscode.Disposable {
  readonly editors: Record<string, vscode.CustomReadonlyEditorProvider>;
  readonly commands: Record<string, (...args: unknown[]) => unknown>;
}

const noJfr = (): Promise<string> =>
  Promise.reject(new ProfileFormatError('This is a Java Flight Recording: reading it needs the JDK\'s `jfr` tool, which needs VS Code desktop.'));

export function createWebProfiler(extensionUri: vscode.Uri, log: Logger): WebProfiler {
  const d = new DisposableStore();
  const files = d.add(new WorkspaceFiles(log, webSources()));
  const session = d.add(new ProfilerSession(log, files));
  const panels = d.add(new FlamePanels({ extensionUri, session, log }));
  d.add(new HeatDecorations(extensionUri, session, log));
  const opener = {
    loadFile: (uri: vscode.Uri) => loadProfileFile(uri, { session, log, read: (file) => vscode.workspace.fs.readFile(file), decode: (bytes, fileName) => decodeProfileWithAsync(gunzipStream, bytes, { fileName, jfr: noJfr }) }),
  };
  const editor = new ProfileEditorProvider({ panels, opener, session, log });
  d.add(session.settings.onDidChange((e) => { if (e.affects('counter')) for (const p of panels.all()) p.setView(session.view); }));
  return {
    editors: { [FLAME_EDITOR_FOLDED]: editor, [FLAME_EDITOR_JSON]: editor },
    commands: {
      // A file from the workspace (a URI argument, or the file dialog) in the flame graph editor.
      'conveyor.profiler.openProfileFile': async (arg) => {
        const uri = arg instanceof vscode.Uri ? arg : (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Open Profile', filters: PROFILE_FILE_FILTERS }))?.[0];
        if (uri) await vscode.commands.executeCommand('vscode.openWith', uri, FLAME_EDITOR_FOLDED);
      },
    },
    dispose: () => d.dispose(),
  };
}
