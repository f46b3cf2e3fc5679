import * as vscode from 'vscode';
import type { Logger } from '../../core/log';
import type { FlamePanels } from './flame-panel';
import type { LoadedProfile, ProfilerSession } from './profile-session';

/**
 * "Open With… → Flame Graph" for profile files: default for *.folded / *.collapsed, offered as an
 * option for *.json / *.json.gz (not every JSON file is a profile).
 */
export class ProfileEditorProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly deps: { panels: FlamePanels; opener: { loadFile(uri: vscode.Uri): Promise<LoadedProfile> }; session: ProfilerSession; log: Logger }) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, webviewPanel: vscode.WebviewPanel): Promise<void> {
    const name = document.uri.path.split('/').pop() ?? 'Profile';
    const panel = this.deps.panels.adopt(`editor:${document.uri.toString()}`, webviewPanel, name);
    panel.setLoading(`Reading ${name}…`);
    try {
      const loaded = await this.deps.opener.loadFile(document.uri);
      panel.setContent({ kind: 'profile', loaded });
      this.deps.session.setActive(loaded);
    } catch (err) {
      const message = `Could not open ${name} as a profile: ${err instanceof Error ? err.message : String(err)}`;
      this.deps.log.warn(`profiler: ${message}`);
      panel.setError(message);
    }
  }
}
