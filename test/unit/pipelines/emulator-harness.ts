// An explorer wired to real SDK clients talking HTTP to an in-process emulator, driven by a ManualClock.
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { explainAwsError, toExplained, type ExplainedError } from '../../../src/aws/errors';
import { silentLogger } from '../../../src/core/log';
import { createPipelineApi } from '../../../src/pipelines/model/api';
import type { PipelineOrder } from '../../../src/pipelines/model/attention';
import { PipelineExplorer } from '../../../src/pipelines/model/explorer';
import { targetKey } from '../../../src/pipelines/model/keys';
import { ManualClock } from '../../../src/core/polling/clock';
import { DEFAULT_REFRESH_SETTINGS, type RefreshSettings } from '../../../src/core/polling/settings';
import type { AccountName, Emulator } from '../../emulator/index';

export function explain(error: unknown, operation: string): ExplainedError {
  return toExplained(explainAwsError(error, { service: 'codepipeline', operation }));
}

export interface Harness {
  explorer: PipelineExplorer;
  clock: ManualClock;
  target: string;
  changes: string[][];
  settings: RefreshSettings;
  /** Advances simulated time, letting every poll (real HTTP) finish before time moves on. */
  advance(ms: number): Promise<void>;
  dispose(): void;
}

/** `order` defaults to alphabetical, so tests of per-row change events see no list reorders. */
export function explorerOn(emu: Emulator, opts: { account?: AccountName; region?: string; profile?: string; settings?: Partial<RefreshSettings>; pageSize?: number; order?: PipelineOrder } = {}): Harness {
  const account = opts.account ?? 'main';
  const region = opts.region ?? 'us-east-1';
  const client = new CodePipelineClient(emu.clientConfig(account, region));
  const clock = new ManualClock(Date.UTC(2026, 10, 21, 12, 0, 0));
  const settings = { ...DEFAULT_REFRESH_SETTINGS, ...opts.settings };
  const explorer = new PipelineExplorer({
    apiFor: () => createPipelineApi(client),
    clock,
    random: () => 0.5,
    settings: () => settings,
    explain: (error, _target, operation) => explain(error, operation),
    log: silentLogger,
    ...(opts.pageSize ? { pageSize: opts.pageSize } : {}),
  });
  const target = targetKey({ profile: opts.profile ?? account, region });
  explorer.setOrder(opts.order ?? 'name');
  explorer.setTargets([{ profile: opts.profile ?? account, region }]);
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
    explorer, clock, target, changes, settings,
    advance: (ms) => clock.advance(ms, settle),
    dispose: () => {
      explorer.dispose();
      client.destroy();
    },
  };
}
