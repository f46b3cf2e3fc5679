import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { toDisposable, type Disposable } from '../../core/disposables';
import type { Logger } from '../../core/log';
import type { AwsAccess, AwsTarget } from '../access';
import { ClientCache, type ServiceClients, type ServiceId } from '../clients';
import { credentialsFor } from '../credentials';
import { explainAwsError, type ActionableError } from '../errors';
import { defaultProfile, listProfiles, resolveRegion, type ProfileInfo } from '../profiles';
import { readAwsSettings, type AwsSettings } from '../settings';
import { presentError } from './present-error';

const SECTION = 'conveyor.aws';

/** The editor-side AwsAccess: settings + ~/.aws files → current target, cached clients, errors. */
export class AwsSession implements AwsAccess, vscode.Disposable {
  private settings: AwsSettings = readAwsSettings(() => undefined);
  private profiles: ProfileInfo[] = [];
  private target: AwsTarget | undefined;
  private readonly clients: ClientCache;
  private readonly emitter = new vscode.EventEmitter<AwsTarget | undefined>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly log: Logger) {
    this.clients = new ClientCache((profile) => credentialsFor(profile, {
      region: this.target?.region ?? 'us-east-1',
      ...(this.settings.endpointUrl ? { endpointUrl: this.settings.endpointUrl } : {}),
    }));
    this.subscriptions.push(this.emitter);
    this.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) void this.reload('settings changed');
    }));
    this.watchSharedFiles();
  }

  get current(): AwsTarget | undefined {
    return this.target;
  }

  get endpointUrl(): string | undefined {
    return this.settings.endpointUrl;
  }

  get knownProfiles(): readonly ProfileInfo[] {
    return this.profiles;
  }

  profile(name: string | undefined): ProfileInfo | undefined {
    return this.profiles.find((p) => p.name === name);
  }

  onDidChange(listener: (target: AwsTarget | undefined) => void): Disposable {
    const sub = this.emitter.event(listener);
    return toDisposable(() => sub.dispose());
  }

  client<S extends ServiceId>(service: S, target?: AwsTarget): ServiceClients[S] {
    const t = target ?? this.target;
    if (!t) throw new Error('No AWS profile is configured. Run "Conveyor: Select AWS Profile".');
    return this.clients.get(service, {
      profile: t.profile,
      region: t.region,
      retryMode: this.settings.retryMode,
      maxAttempts: this.settings.maxAttempts,
      ...(this.settings.endpointUrl ? { endpointUrl: this.settings.endpointUrl } : {}),
    });
  }

  explain(error: unknown, context: { service: ServiceId; operation: string; target?: AwsTarget }): ActionableError {
    const t = context.target ?? this.target;
    const explained = explainAwsError(error, {
      service: context.service,
      operation: context.operation,
      ...(t ? { profile: t.profile, region: t.region } : {}),
      ...(this.settings.endpointUrl ? { endpointUrl: this.settings.endpointUrl } : {}),
    });
    this.log.warn(`${context.service}.${context.operation} failed: ${explained.code ?? explained.category}: ${explained.message}`);
    return explained;
  }

  async showError(error: unknown, context: { service: ServiceId; operation: string; target?: AwsTarget }): Promise<'retry' | undefined> {
    return presentError(this.explain(error, context));
  }

  /** Re-reads settings and the shared files; fires onDidChange when the effective target changed. */
  async reload(reason: string): Promise<void> {
    const previous = JSON.stringify([this.target, this.settings]);
    this.settings = readAwsSettings((key) => vscode.workspace.getConfiguration(SECTION).get(key));
    try {
      const files = await loadSharedConfigFiles({ ignoreCache: true });
      this.profiles = listProfiles(files, process.env);
    } catch (err) {
      this.log.error(`Could not read the AWS config files: ${String(err)}`);
      this.profiles = [];
    }
    const name = defaultProfile(this.profiles, this.settings.profile, process.env)
      // A profile named in settings but missing from the files still counts: the error then says so.
      ?? this.settings.profile;
    this.target = name
      ? { profile: name, region: resolveRegion(this.settings.region, this.profile(name), process.env) }
      : undefined;
    // Credentials or endpoints may have changed: never reuse a client built from stale config.
    this.clients.clear();
    const now = JSON.stringify([this.target, this.settings]);
    this.log.debug(`AWS context reloaded (${reason}): ${this.target ? `${this.target.profile} @ ${this.target.region}` : 'no profile'}`
      + `${this.settings.endpointUrl ? `, endpoint ${this.settings.endpointUrl}` : ''}; ${this.profiles.length} profiles`);
    if (now !== previous || reason === 'shared files changed') this.emitter.fire(this.target);
  }

  /** Writes the chosen profile/region to settings (workspace if set there, else user). */
  async choose(key: 'profile' | 'region', value: string | undefined): Promise<void> {
    const config = vscode.workspace.getConfiguration(SECTION);
    const inspected = config.inspect(key);
    const target = inspected?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
    await config.update(key, value, target);
    await this.reload(`${key} selected`);
  }

  private watchSharedFiles(): void {
    const files = [
      process.env.AWS_CONFIG_FILE ?? path.join(os.homedir(), '.aws', 'config'),
      process.env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(os.homedir(), '.aws', 'credentials'),
    ];
    let timer: NodeJS.Timeout | undefined;
    const onChange = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.reload('shared files changed'), 300);
    };
    for (const file of files) {
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
      this.subscriptions.push(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
    }
    this.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }

  dispose(): void {
    this.clients.clear();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}
