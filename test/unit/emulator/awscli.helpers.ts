// Running Debian's awscli (botocore: its own signing, serialisation and parsing) against the
// emulator, with a private, empty configuration. `dataPath` points botocore at extra service models
// (AWS_DATA_PATH), for operations newer than awscli 2.9's bundled models.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Emulator, EMULATOR_ACCOUNTS } from '../../emulator/index';

export const AWS = '/usr/bin/aws';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function assertAwsCli(): void {
  assert.ok(existsSync(AWS), `${AWS} is missing: install Debian's awscli (apt-get install awscli)`);
}

export function awsCli(emu: Emulator, args: string[], options: { dataPath?: string; secretAccessKey?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(AWS, [...args, '--endpoint-url', emu.url, '--output', 'json'], {
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/tmp',
        AWS_ACCESS_KEY_ID: EMULATOR_ACCOUNTS.main.accessKeyId,
        AWS_SECRET_ACCESS_KEY: options.secretAccessKey ?? EMULATOR_ACCOUNTS.main.secretAccessKey,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_PAGER: '',
        AWS_EC2_METADATA_DISABLED: 'true',
        ...(options.dataPath ? { AWS_DATA_PATH: options.dataPath } : {}),
      },
    }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs the command and parses its JSON output; fails the test with awscli's stderr otherwise. */
export async function awsJson(emu: Emulator, args: string[], options: { dataPath?: string } = {}): Promise<Record<string, unknown>> {
  const res = await awsCli(emu, args, options);
  assert.equal(res.code, 0, `aws ${args.join(' ')} failed: ${res.stderr}`);
  return res.stdout.trim() ? (JSON.parse(res.stdout) as Record<string, unknown>) : {};
}
