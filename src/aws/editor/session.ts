import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { toDisposable, type Disposable } from '../../core/disposables';
import type { Logger } from '../../core/log';
import type { AwsAccess, AwsErrorTarget, AwsTarget } from '../access';
import { ClientCache, operationOf, type ClientOptions, type ClientSettings, type ServiceClients, type ServiceId } from '../clients';
import { credentialsFor } from '../credentials';
import { credentialEndpoint, decideEndpoint, type EndpointDecision } from '../endpoint';
import { explainAwsError, PROFILE_CATEGORIES, type ActionableError } from '../errors';
import { defaultProfile, listProfiles, resolveRegion, type ProfileInfo } from '../profiles';
import { readAwsSettings, type AwsSettings } from '../settings';
import { sharedFilePaths } from '../shared-files';
import { askToAllowEndpoint, type AllowEndpoint } from './endpoint-prompt';
import { presentError } from './present-error';

const SECTION = 'conveyor.aws';
/** How often the shared files' status is read: a change shows within about a second. */
const SHARED_FILES_POLL_MS = 1000;

/** Why the selected profile cannot be used right now, as the status bar item shows it. */
export interface ProfileProblem {
  profile: string;
  category: string;
  message: string;
}
/** Origins (scheme://host:port) the person allowed a workspace's conveyor.aws.endpointUrl to use. */
export const ALLOWED_ENDPOINTS_KEY = 'conveyor.aws.allowedEndpointOrigins';

export interface AwsSessionOptions {
  /** Machine-local state that keeps the allowed endpoint origins (the extension's globalState). */
  state: vscode.Memento;
  /** Asks whether a workspace's endpoint may be used; a notification naming the host by default. */
  allowEndpoint?: AllowEndpoint;
}

/** The editor-side AwsAccess: settings + ~/.aws files → current target, cached clients, errors. */
export class AwsSession implements AwsAccess, vscode.Disposable {
  private settings: AwsSettings = readAwsSettings(() => undefined);
  private endpoint: EndpointDecision = { trust: 'aws', credentials: false };
  private profiles: ProfileInfo[] = [];
  private target: AwsTarget | undefined;
  private readonly clients: ClientCache;
  private readonly emitter = new vscode.EventEmitter<AwsTarget | undefined>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Workspace endpoint origins already asked about in this window, so that each is asked once. */
  private readonly asked = new Set<string>();
  private readonly allowEndpoint: AllowEndpoint;
  private loaded = false;
  private markLoaded: () => void = () => undefined;
  /**
   * Resolves when the settings and the ~/.aws files were first read (the first reload() ended); until then
   * there is no current target. Activation does not wait for it: the shell loads features after it.
   */
  readonly ready: Promise<void>;
  private problem: ProfileProblem | undefined;
  private readonly problemEmitter = new vscode.EventEmitter<void>();

  constructor(private readonly log: Logger, private readonly options: AwsSessionOptions) {
    this.ready = new Promise((resolve) => { this.markLoaded = resolve; });
    this.allowEndpoint = options.allowEndpoint ?? askToAllowEndpoint;
    // SSO and STS calls carry the SSO access token and signed source credentials: they follow a custom
    // endpoint only when it comes from the person's own settings or an origin they allowed.
    this.clients = new ClientCache((profile) => {
      const endpointUrl = credentialEndpoint(this.endpoint);
      return credentialsFor(profile, { region: this.target?.region ?? 'us-east-1', ...(endpointUrl ? { endpointUrl } : {}) });
    }, (profile) => {
      if (this.problem?.profile === profile) this.setProblem(undefined);
    }, (line) => this.log.debug(line));
    this.subscriptions.push(this.emitter, this.problemEmitter);
    this.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) void this.reload('settings changed');
    }));
    this.watchSharedFiles();
  }

  /** The selected profile's credentials failed (expired SSO session, no credentials…) and no call has succeeded since. */
  get profileProblem(): ProfileProblem | undefined {
    return this.problem;
  }

  onDidChangeProfileProblem(listener: () => void): Disposable {
    return this.problemEmitter.event(listener);
  }

  private setProblem(problem: ProfileProblem | undefined): void {
    if (JSON.stringify(problem) === JSON.stringify(this.problem)) return;
    this.problem = problem;
    this.problemEmitter.fire();
  }

  get current(): AwsTarget | undefined {
    return this.target;
  }

  /** Whether `ready` has resolved. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Where service requests go; undefined: AWS. */
  get endpointUrl(): string | undefined {
    return this.endpoint.url;
  }

  /** Where the endpoint came from and what it may receive; for the status bar. */
  get endpointDecision(): EndpointDecision {
    return this.endpoint;
  }

  get knownProfiles(): readonly ProfileInfo[] {
    return this.profiles;
  }

  profile(name: string | undefined): ProfileInfo | undefined {
    return this.profiles.find((p) => p.name === name);
  }

  onDidChange(listener: (target: AwsTarget | undefined) => void): Disposable {
    const sub = this.emitter.event(listener);
    return toDisposable(() => { sub.dispose(); });
  }

  client<S extends ServiceId>(service: S, target?: AwsTarget): ServiceClients[S] {
    const settings = this.clientSettings(target);
    if (!settings) throw new Error('No AWS profile is configured. Run "Conveyor: Select AWS Profile".');
    return this.clients.get(service, settings);
  }

  /** Starts resolving the current profile's credentials, for a first request about to be made (a feature loading for it). */
  prepareCredentials(): void {
    if (this.target) this.clients.prepare(this.target.profile);
  }

  clientOptions(target?: AwsTarget): ClientOptions | undefined {
    const settings = this.clientSettings(target);
    return settings ? this.clients.options(settings) : undefined;
  }

  private clientSettings(target: AwsTarget | undefined): ClientSettings | undefined {
    const t = target ?? this.target;
    if (!t) return undefined;
    return {
      profile: t.profile,
      region: t.region,
      retryMode: this.settings.retryMode,
      maxAttempts: this.settings.maxAttempts,
      ...(this.endpoint.url ? { endpointUrl: this.endpoint.url } : {}),
    };
  }

  explain(error: unknown, context: AwsErrorTarget): ActionableError {
    const t = context.target ?? this.target;
    // The client's record of the failing call wins over what the caller expected to fail.
    const operation = operationOf(error) ?? context.operation ?? 'request';
    const explained = explainAwsError(error, {
      service: context.service,
      operation,
      ...(t ? { profile: t.profile, region: t.region } : {}),
      ...(this.endpoint.url ? { endpointUrl: this.endpoint.url } : {}),
    });
    this.log.warn(`${context.service}.${operation} failed: ${explained.code ?? explained.category}: ${explained.message}`);
    if (t && t.profile === this.target?.profile && PROFILE_CATEGORIES.has(explained.category)) {
      this.setProblem({ profile: t.profile, category: explained.category, message: explained.message });
    }
    return explained;
  }

  async showError(error: unknown, context: AwsErrorTarget): Promise<'retry' | undefined> {
    return presentError(this.explain(error, context), (profile) => this.profile(profile)?.kind);
  }

  /** Re-reads settings and the shared files; fires onDidChange when the effective target changed. */
  async reload(reason: string): Promise<void> {
    try {
      await this.read(reason);
    } finally {
      // Whatever happened, waiting for the first read must end: the target then says what is known.
      this.loaded = true;
      this.markLoaded();
    }
  }

  private async read(reason: string): Promise<void> {
    const previous = JSON.stringify([this.target, this.settings, this.endpoint]);
    const config = vscode.workspace.getConfiguration(SECTION);
    this.settings = readAwsSettings((key) => config.get(key));
    this.readEndpoint(config);
    try {
      // Required on the first read, after activation: it brings @smithy/core's config and client modules.
      const { loadSharedConfigFiles } = await import('@smithy/shared-ini-file-loader');
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
    if (this.problem?.profile !== this.target?.profile || reason === 'shared files changed') this.setProblem(undefined);
    const now = JSON.stringify([this.target, this.settings, this.endpoint]);
    this.log.debug(`AWS context reloaded (${reason}): ${this.target ? `${this.target.profile} @ ${this.target.region}` : 'no profile'}`
      + `${this.endpoint.url ? `, endpoint ${this.endpoint.url} (${this.endpoint.trust})` : ''}; ${this.profiles.length} profiles`);
    if (now !== previous || reason === 'shared files changed') this.emitter.fire(this.target);
  }

  /** conveyor.aws.endpointUrl, by where it was set: a workspace may not redirect credentials on its own. */
  private readEndpoint(config: vscode.WorkspaceConfiguration): void {
    const inspected = config.inspect<unknown>('endpointUrl');
    const allowed = new Set(this.options.state.get<string[]>(ALLOWED_ENDPOINTS_KEY, []));
    this.endpoint = decideEndpoint({ user: inspected?.globalValue, workspace: inspected?.workspaceFolderValue ?? inspected?.workspaceValue }, allowed);
    if (this.endpoint.invalid) this.log.warn(`Ignored ${this.endpoint.invalid}.`);
    const pending = this.endpoint.pending;
    if (pending && !this.asked.has(pending.origin)) {
      this.asked.add(pending.origin);
      this.log.warn(`This workspace sets conveyor.aws.endpointUrl to ${pending.url}; it is not used until you allow ${pending.origin}.`);
      void this.allowEndpoint(pending).then(async (yes) => {
        if (!yes) return;
        const origins = new Set(this.options.state.get<string[]>(ALLOWED_ENDPOINTS_KEY, []));
        await this.options.state.update(ALLOWED_ENDPOINTS_KEY, [...origins.add(pending.origin)]);
        await this.reload(`endpoint ${pending.origin} allowed`);
      }).catch((err: unknown) => this.log.error(`Could not apply the decision on ${pending.origin}: ${String(err)}`));
    }
  }

  /** The endpoint origins the person allowed a workspace to redirect AWS requests to, on this machine. */
  get allowedEndpointOrigins(): string[] {
    return [...this.options.state.get<string[]>(ALLOWED_ENDPOINTS_KEY, [])];
  }

  /** Takes back an "Allow <host>": requests go where the user settings say, and the workspace asks again. */
  async revokeEndpointOrigins(origins: readonly string[]): Promise<void> {
    const revoked = new Set(origins);
    await this.options.state.update(ALLOWED_ENDPOINTS_KEY, this.allowedEndpointOrigins.filter((o) => !revoked.has(o)));
    for (const origin of revoked) this.asked.delete(origin);
    await this.reload(`endpoint ${origins.join(', ')} revoked`);
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

  /**
   * Polls the two files' status (Node's fs.watchFile: a stat each second), not vscode.workspace's file
   * watcher, which did not report ~/.aws being removed and created again under a running window (host test
   * aws-shared-files.test.ts). Polling also sees a file or folder that does not exist yet, e.g. the first
   * `aws configure`, and any AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE path.
   */
  private watchSharedFiles(): void {
    let timer: NodeJS.Timeout | undefined;
    const onChange = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.reload('shared files changed'), 300);
    };
    const { config, credentials } = sharedFilePaths(process.env, os.homedir());
    for (const file of new Set([config, credentials])) {
      fs.watchFile(file, { interval: SHARED_FILES_POLL_MS, persistent: false }, onChange);
      this.subscriptions.push({ dispose: () => fs.unwatchFile(file, onChange) });
    }
    this.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }

  dispose(): void {
    this.clients.clear();
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}
