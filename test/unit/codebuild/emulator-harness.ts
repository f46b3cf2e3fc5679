// A CodeBuild explorer wired to a real SDK client talking HTTP to an in-process emulator, driven by a
// ManualClock.
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { explainAwsError, toExplained, type ExplainedError } from '../../../src/aws/errors';
import { targetKey } from '../../../src/aws/targets';
import { createCodeBuildApi } from '../../../src/codebuild/model/api';
import { CodeBuildExplorer } from '../../../src/codebuild/model/explorer';
import { silentLogger } from '../../../src/core/log';
import { ManualClock } from '../../../src/core/polling/clock';
import { DEFAULT_REFRESH_SETTINGS, type RefreshSettings } from '../../../src/core/polling/settings';
import type { AccountName, Emulator } from '../../emulator/index';

export function explain(error: unknown, operation: string): ExplainedError {
  return toExplained(explainAwsError(error, { service: 'codebuild', operation }));
}

export interface Harness {
  explorer: CodeBuildExplorer;
  clock: ManualClock;
  client: CodeBuildClient;
  target: string;
  changes: string[][];
  settings: RefreshSettings;
  /** Advances simulated time, letting every poll (real HTTP) finish before time moves on. */
  advance(ms: number): Promise<void>;
  /** Waits until nothing is in flight. */
  settle(): Promise<void>;
  dispose(): void;
}

export function explorerOn(emu: Emulator, opts: { account?: AccountName; region?: string; settings?: Partial<RefreshSettings>; pageSize?: number; start?: number } = {}): Harness {
  const account = opts.account ?? 'main';
  const region = opts.region ?? 'us-east-1';
  const client = new CodeBuildClient(emu.clientConfig(account, region));
  const clock = new ManualClock(opts.start ?? emu.clock.now());
  const settings = { ...DEFAULT_REFRESH_SETTINGS, ...opts.settings };
  const explorer = new CodeBuildExplorer({
    apiFor: () => createCodeBuildApi(client),
    clock,
    random: () => 0.5,
    settings: () => settings,
    explain: (error, _target, operation) => explain(error, operation),
    log: silentLogger,
    ...(opts.pageSize ? { pageSize: opts.pageSize } : {}),
  });
  const target = targetKey({ profile: account, region });
  explorer.setTargets([{ profile: account, region }]);
  const changes: string[][] = [];
  explorer.onDidChange((ids) => changes.push(ids));
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 50; i++) {
      await new Promise<void>((r) => setImmediate(r));
      if (explorer.scheduler.inFlight === 0) {
        await new Promise<void>((r) => setImmediate(r));
        if (explorer.scheduler.inFlight === 0) return;
      }
      await explorer.scheduler.whenIdle();
    }
  };
  return {
    explorer, clock, client, target, changes, settings, settle,
    advance: (ms) => clock.advance(ms, settle),
    dispose: () => {
      explorer.dispose();
      client.destroy();
    },
  };
}
