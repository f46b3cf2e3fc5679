// The deploy tests' emulator: real SDK client over HTTP, request counts per CodeDeploy operation.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import type { AppSpecCandidate } from '../../../src/deploy/appspec/failure-link';
import type { AwsTarget } from '../../../src/aws/access';
import { createDeployApi, type DeployApi } from '../../../src/deploy/model/api';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index';

export const ACCOUNT: AwsTarget = { profile: 'demo', region: 'us-east-1' };

export interface DeployFixture {
  emu: Emulator;
  client: CodeDeployClient;
  api: DeployApi;
  /** Requests per CodeDeploy operation since the last `emu.stats.reset()`. */
  calls(): Record<string, number>;
  close(): Promise<void>;
}

export async function deployFixture(options: EmulatorOptions = { seed: { dataset: 'demo' }, speed: 0 }): Promise<DeployFixture> {
  const emu = await createEmulator(options);
  const client = new CodeDeployClient(emu.clientConfig());
  return {
    emu, client, api: createDeployApi(client),
    calls: () => emu.stats.read().services.codedeploy ?? {},
    close: async () => {
      client.destroy();
      await emu.close();
    },
  };
}

export const WORKSPACE = join(__dirname, '..', '..', 'fixtures', 'workspace');

/** Every appspec of the sample workspace, as the editor hands them to the linker. */
export function workspaceAppSpecs(dir = WORKSPACE): AppSpecCandidate[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return workspaceAppSpecs(path);
    return /^appspec\.(ya?ml|json)$/.test(entry.name) ? [{ path: relative(WORKSPACE, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }] : [];
  });
}
