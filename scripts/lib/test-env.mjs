// A throwaway environment for tests and the demo: a private HOME with AWS config/credentials that
// point at the local emulator, a copy of the sample workspace (a git repository), and user settings.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

// Mirrors EMULATOR_ACCOUNTS in test/emulator/core/contract.ts (kept in one place there; read here).
export function emulatorAccounts() {
  const src = fs.readFileSync(path.join(ROOT, 'test/emulator/core/contract.ts'), 'utf8');
  const grab = (name) => {
    const block = new RegExp(`${name}: \\{([^}]*)\\}`).exec(src)?.[1] ?? '';
    const field = (f) => new RegExp(`${f}: '([^']*)'`).exec(block)?.[1];
    return { accountId: field('accountId'), accessKeyId: field('accessKeyId'), secretAccessKey: field('secretAccessKey'), sessionToken: field('sessionToken') };
  };
  return { main: grab('main'), prod: grab('prod'), expired: grab('expired') };
}

// Variables through which a process inherits the *real* user's AWS and package-manager configuration.
// `npm test` itself exports npm_config_userconfig=~/.npmrc, which CodeArtifact login honours as npm
// does; an extension host started by a test or the demo must see only its private HOME instead.
const USER_CONFIG_VARIABLES = /^(AWS_|npm_|NPM_CONFIG_|YARN_|PNPM_|PIP_|POETRY_|TWINE_|NUGET_|CODEARTIFACT_|GRADLE_USER_HOME$|XDG_CONFIG_HOME$|APPDATA$)/;

/** `env` without the variables that would point a child process at the real user's configuration. */
export function withoutUserConfigVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([key, value]) => value !== undefined && !USER_CONFIG_VARIABLES.test(key)));
}

/** Removes those variables from this process, so that every child it starts inherits the isolation. */
export function isolateFromUserConfig() {
  for (const key of Object.keys(process.env)) if (USER_CONFIG_VARIABLES.test(key)) delete process.env[key];
}

/** Writes ~/.aws/config and ~/.aws/credentials with one profile of every kind the extension supports. */
export function writeAwsFiles(home) {
  const acc = emulatorAccounts();
  const aws = path.join(home, '.aws');
  fs.mkdirSync(aws, { recursive: true });
  const processScript = path.join(aws, 'credential-process.js');
  const marker = path.join(aws, 'credential-process.ran');
  fs.writeFileSync(processScript, [
    '#!/usr/bin/env node',
    `require('fs').appendFileSync(${JSON.stringify(marker)}, new Date().toISOString() + '\\n');`,
    `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(acc.main.accessKeyId)}, SecretAccessKey: ${JSON.stringify(acc.main.secretAccessKey)} }));`,
  ].join('\n'), { mode: 0o755 });
  fs.writeFileSync(path.join(aws, 'config'), [
    '[default]', 'region = us-east-1', '',
    '[profile conveyor-demo]', 'region = us-east-1', '',
    '[profile conveyor-prod]', 'region = eu-west-1', '',
    '[profile sso-dev]', 'sso_session = corp', 'sso_account_id = 111111111111', 'sso_role_name = Developer', 'region = us-west-2', '',
    '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1', 'sso_registration_scopes = sso:account:access', '',
    '[profile ci-process]', `credential_process = ${process.execPath} ${processScript}`, 'region = us-east-2', '',
    '[profile deployer]', 'role_arn = arn:aws:iam::222222222222:role/Deployer', 'source_profile = ci-process', 'region = eu-central-1', '',
    '[profile expired]', 'region = us-east-1', '',
  ].join('\n'));
  fs.writeFileSync(path.join(aws, 'credentials'), [
    '[default]', `aws_access_key_id = ${acc.main.accessKeyId}`, `aws_secret_access_key = ${acc.main.secretAccessKey}`, '',
    '[conveyor-demo]', `aws_access_key_id = ${acc.main.accessKeyId}`, `aws_secret_access_key = ${acc.main.secretAccessKey}`, '',
    '[conveyor-prod]', `aws_access_key_id = ${acc.prod.accessKeyId}`, `aws_secret_access_key = ${acc.prod.secretAccessKey}`, '',
    '[expired]', `aws_access_key_id = ${acc.expired.accessKeyId}`, `aws_secret_access_key = ${acc.expired.secretAccessKey}`,
    `aws_session_token = ${acc.expired.sessionToken}`, '',
  ].join('\n'), { mode: 0o600 });
  return { config: path.join(aws, 'config'), credentials: path.join(aws, 'credentials'), processMarker: marker };
}

/** Copies the sample workspace and makes it a git repository (origin: the demo's orders API) with one commit. */
export function prepareWorkspace(dest) {
  fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), dest, { recursive: true });
  const git = (...args) => execFileSync('git', args, { cwd: dest, stdio: 'ignore',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Conveyor Demo', GIT_AUTHOR_EMAIL: 'demo@example.com',
      GIT_COMMITTER_NAME: 'Conveyor Demo', GIT_COMMITTER_EMAIL: 'demo@example.com' } });
  git('init', '-q', '-b', 'main');
  // The sample application is the demo's orders API: its CodeBuild project builds buildspec.yml from this remote.
  git('remote', 'add', 'origin', 'https://github.com/acme-retail/orders-api.git');
  git('add', '-A');
  git('commit', '-q', '-m', 'Sample application');
  return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dest, encoding: 'utf8' }).trim();
}

/** Starts the emulator in its own process; resolves with its URL once it listens. */
export async function startEmulator({ seed = 'demo', latencyMs, extraArgs = [], logFile, headCommit } = {}) {
  const main = path.join(ROOT, 'test/emulator/main.ts');
  if (!fs.existsSync(main)) return undefined;
  const args = ['--conditions=conveyor-source', '--import', 'tsx', main, '--seed', seed, '--port', '0', ...extraArgs];
  if (latencyMs) args.push('--latency', String(latencyMs));
  if (headCommit) args.push('--head-commit', headCommit);
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', out], detached: true });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('emulator did not start within 60 s')), 60_000);
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`emulator exited with ${code}`)); });
    readline.createInterface({ input: proc.stdout }).once('line', (line) => {
      clearTimeout(timer);
      try { resolve(JSON.parse(line).url); } catch { reject(new Error(`emulator printed: ${line}`)); }
    });
  });
  const stop = async () => {
    const pid = proc.pid; // undefined: it never started
    if (proc.exitCode !== null || pid === undefined) return;
    try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ }
    await new Promise((r) => { if (proc.exitCode !== null) r(); else proc.once('exit', r); });
  };
  return { url, stop };
}

/**
 * A complete environment: private HOME + AWS files + workspace + optional emulator. `awsFiles: false`: a
 * first-time user's machine, no ~/.aws at all and no AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE.
 */
export async function createTestEnvironment({ emulator = true, seed = 'demo', logDir, awsFiles: withAwsFiles = true } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-env-'));
  const home = path.join(root, 'home');
  fs.mkdirSync(home, { recursive: true });
  const awsFiles = withAwsFiles ? writeAwsFiles(home) : undefined;
  const workspace = path.join(root, 'workspace');
  const headCommit = prepareWorkspace(workspace);
  const emu = emulator ? await startEmulator({ seed, headCommit, ...(logDir ? { logFile: path.join(logDir, 'emulator.log') } : {}) }) : undefined;
  const env = {
    HOME: home,
    ...(awsFiles ? {
      AWS_CONFIG_FILE: awsFiles.config,
      AWS_SHARED_CREDENTIALS_FILE: awsFiles.credentials,
      CONVEYOR_CREDENTIAL_PROCESS_MARKER: awsFiles.processMarker,
    } : {}),
    CONVEYOR_FIXTURES: path.join(ROOT, 'test/fixtures'),
    CONVEYOR_WORKSPACE_HEAD: headCommit,
    ...(emu ? { CONVEYOR_EMULATOR_URL: emu.url } : {}),
  };
  const settings = {
    'conveyor.aws.profile': 'conveyor-demo',
    ...(emu ? { 'conveyor.aws.endpointUrl': emu.url } : {}),
  };
  const cleanup = async () => {
    await emu?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
  return { root, home, workspace, env, settings, emulatorUrl: emu?.url, headCommit, cleanup };
}
