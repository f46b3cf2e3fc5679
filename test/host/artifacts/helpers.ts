// Shared by the Artifacts host suites: the emulator's admin API, a scripted UI, in-memory stand-ins
// for the extension context's state, and a feature wired to the extension's real AWS session.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { silentLogger } from '../../../src/core/log';
import { ArtifactsFeature } from '../../../src/artifacts/editor/artifacts-feature';
import { activateConveyor, testAwsSession } from '../foundation/helpers';
import { ScriptedUiBase } from '../scripted-ui';
import { eventually } from '../waits';

export function emulatorUrl(): string | undefined {
  return process.env.CONVEYOR_EMULATOR_URL;
}

/** Points the workspace at the emulator (endpointUrl is machine-overridable, so the workspace value applies remotely). */
export async function useEmulator(): Promise<void> {
  const url = emulatorUrl();
  if (!url) return;
  const api = await activateConveyor();
  if (api.aws.endpointUrl !== url) {
    await vscode.workspace.getConfiguration().update('conveyor.aws.endpointUrl', url, vscode.ConfigurationTarget.Workspace);
    await eventually('the AWS session to use the emulator', () => api.aws.endpointUrl === url);
  }
}

export async function admin(method: 'GET' | 'POST' | 'DELETE', route: string, body?: unknown): Promise<unknown> {
  const url = emulatorUrl();
  if (!url) throw new Error('no emulator');
  const res = await fetch(`${url}/_emulator/${route}`, {
    method, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`admin ${method} ${route}: ${res.status} ${text}`);
  return text ? JSON.parse(text) as unknown : undefined;
}

export { eventually } from '../waits';

/** Answers prompts in order (by label or value) and records everything the commands showed. */
export class ScriptedUi extends ScriptedUiBase {}

export { ACCEPT_ACTIVE } from '../scripted-ui';

export class MemoryMemento implements vscode.Memento {
  readonly data = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.data.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return (this.data.has(key) ? this.data.get(key) : defaultValue) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.parse(JSON.stringify(value)) as unknown);
  }
  setKeysForSync(): void {
    // nothing syncs in tests
  }
}

export class MemorySecrets implements vscode.SecretStorage {
  readonly data = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.emitter.event;
  async get(key: string): Promise<string | undefined> {
    return this.data.get(key);
  }
  /** Like VS Code's, every window sharing it hears of every change. */
  async store(key: string, value: string): Promise<void> {
    this.data.set(key, value);
    this.emitter.fire({ key });
  }
  async delete(key: string): Promise<void> {
    this.data.delete(key);
    this.emitter.fire({ key });
  }
  async keys(): Promise<string[]> {
    return [...this.data.keys()];
  }
}

/** The environment variables the feature hands to terminals, observable by the test (also per workspace folder). */
export class MemoryEnvironment {
  readonly vars = new Map<string, string>();
  /** Collections scoped to a workspace folder, by its path. */
  readonly scoped = new Map<string, MemoryEnvironment>();
  persistent = true;
  description: string | vscode.MarkdownString | undefined;
  replace(variable: string, value: string): void {
    this.vars.set(variable, value);
  }
  append(variable: string, value: string): void {
    this.vars.set(variable, (this.vars.get(variable) ?? '') + value);
  }
  prepend(variable: string, value: string): void {
    this.vars.set(variable, value + (this.vars.get(variable) ?? ''));
  }
  get(variable: string): vscode.EnvironmentVariableMutator | undefined {
    const value = this.vars.get(variable);
    return value === undefined ? undefined : { value, type: vscode.EnvironmentVariableMutatorType.Replace, options: {} };
  }
  forEach(cb: (variable: string, mutator: vscode.EnvironmentVariableMutator, collection: vscode.EnvironmentVariableCollection) => unknown): void {
    for (const [k] of this.vars) cb(k, this.get(k) as vscode.EnvironmentVariableMutator, this);
  }
  delete(variable: string): void {
    this.vars.delete(variable);
  }
  /** As VS Code's: clearing the window's collection clears the scoped ones too. */
  clear(): void {
    this.vars.clear();
    this.description = undefined;
    for (const s of this.scoped.values()) s.clear();
  }
  getScoped(scope: vscode.EnvironmentVariableScope): vscode.EnvironmentVariableCollection {
    const folder = scope.workspaceFolder?.uri.fsPath;
    if (folder === undefined) return this;
    const collection = this.scoped.get(folder) ?? new MemoryEnvironment();
    this.scoped.set(folder, collection);
    return collection;
  }
  /** What a terminal started in `folder` (or outside every folder) gets. */
  terminal(folder?: string): Map<string, string> {
    return new Map([...this.vars, ...(folder !== undefined ? this.scoped.get(folder)?.vars ?? [] : [])]);
  }
  *[Symbol.iterator](): IterableIterator<[string, vscode.EnvironmentVariableMutator]> {
    for (const [k] of this.vars) yield [k, this.get(k) as vscode.EnvironmentVariableMutator];
  }
}

export interface Rig {
  feature: ArtifactsFeature;
  ui: ScriptedUi;
  home: string;
  /** A project folder inside the window's workspace folder (so its terminals are the folder's). */
  project: string;
  /** The window's workspace folder. */
  folder: string;
  state: MemoryMemento;
  secrets: MemorySecrets;
  env: MemoryEnvironment;
  storage: string;
  dispose(): void;
}

/**
 * A feature with its own temporary home, project, state and UI, on the extension's AWS session.
 * `window`: another "window" of the same user: same home, project, global storage and secret store.
 */
export async function rig(options: { poetryVersion?: string; window?: Rig } = {}): Promise<Rig> {
  await useEmulator();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-artifacts-host-'));
  const home = options.window?.home ?? path.join(root, 'home');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? root;
  const project = options.window?.project ?? fs.mkdtempSync(path.join(folder, '.conveyor-test-project-'));
  const storage = options.window?.storage ?? path.join(root, 'storage');
  fs.mkdirSync(home, { recursive: true });
  const ui = new ScriptedUi();
  const state = new MemoryMemento();
  const secrets = options.window?.secrets ?? new MemorySecrets();
  const env = new MemoryEnvironment();
  // The test bundle's own session: the feature's paginators need clients of the test bundle's SDK.
  const aws = await testAwsSession();
  const feature = new ArtifactsFeature({
    globalState: state, secrets,
    environmentVariableCollection: env, globalStoragePath: storage,
  }, {
    log: silentLogger, aws, ui, home, env: {}, extensionUri: vscode.extensions.getExtension('conveyor-dev.conveyor')!.extensionUri, poetryVersion: async () => options.poetryVersion ?? 'Poetry (version 1.8.3)',
    sharedDomains: () => [{ name: 'platform', owner: '222222222222' }],
  });
  return {
    feature, ui, home, project, folder, state, secrets, env, storage,
    dispose: () => {
      feature.dispose();
      aws.dispose();
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(project, { recursive: true, force: true });
    },
  };
}

/** Every file under a folder with its content, for "nothing changed" checks. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    out[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
  }
  return out;
}
