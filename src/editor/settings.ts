// A feature's settings in the editor: read once through the feature's declaration (src/core/settings.ts),
// re-read when VS Code says they changed, with an event that says which keys did.
import * as vscode from 'vscode';
import { DisposableStore, type Disposable } from '../core/disposables';
import { readSettings, type SettingsDeclaration, type SettingsSchema, type SettingsValues } from '../core/settings';

export interface SettingsChange<S extends SettingsSchema> {
  affects(key: keyof S & string): boolean;
}

export class FeatureSettings<S extends SettingsSchema> implements Disposable {
  private current: SettingsValues<S>;
  private readonly emitter = new vscode.EventEmitter<SettingsChange<S>>();
  private readonly disposables = new DisposableStore();

  constructor(private readonly declaration: SettingsDeclaration<S>, private readonly scope?: vscode.Uri) {
    this.current = this.read();
    this.disposables.add(this.emitter);
    this.disposables.add(vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(declaration.section)) return;
      this.current = this.read();
      this.emitter.fire({ affects: (key) => e.affectsConfiguration(`${declaration.section}.${key}`) });
    }));
  }

  get value(): SettingsValues<S> {
    return this.current;
  }

  onDidChange(listener: (change: SettingsChange<S>) => void): Disposable {
    return this.emitter.event(listener);
  }

  /**
   * Writes a value where the person keeps it: the workspace when it is set there, else the user
   * settings (a workspace value would otherwise hide the change).
   */
  async update(key: keyof S & string, value: unknown): Promise<void> {
    const config = vscode.workspace.getConfiguration(this.declaration.section, this.scope);
    const inspected = config.inspect(key);
    const target = inspected?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update(key, value, target);
    this.current = this.read();
  }

  private read(): SettingsValues<S> {
    const config = vscode.workspace.getConfiguration(this.declaration.section, this.scope);
    return readSettings(this.declaration, (key) => config.get<unknown>(key));
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
