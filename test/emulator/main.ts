// CLI: npx tsx test/emulator/main.ts --seed demo --port 0 [--latency 50] [--speed 1] [--head-commit <sha>]
// Prints one JSON line {"url": ..., "accounts": ...} once listening; runs until SIGTERM/SIGINT.
import { parseArgs } from 'node:util';
import { EMULATOR_ACCOUNTS, type SeedOptions } from './core/contract';
import { createEmulator } from './index';

const USAGE = `usage: tsx test/emulator/main.ts [--seed empty|demo|scale] [--port N] [--latency MS] [--speed X]
       [--head-commit SHA] [--pipelines N] [--projects N] [--package-versions N] [--deploy-instances N] [--maven-central DIR] [--live-tail-interval MS]`;

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got ${value}\n${USAGE}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: 'demo' },
      port: { type: 'string', default: '0' },
      latency: { type: 'string' },
      speed: { type: 'string' },
      'head-commit': { type: 'string' },
      pipelines: { type: 'string' },
      projects: { type: 'string' },
      'package-versions': { type: 'string' },
      'deploy-instances': { type: 'string' },
      'maven-central': { type: 'string' },
      'live-tail-interval': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dataset = values.seed;
  if (dataset !== 'empty' && dataset !== 'demo' && dataset !== 'scale') throw new Error(`--seed must be empty, demo or scale\n${USAGE}`);
  const headCommit = values['head-commit'];
  if (headCommit !== undefined && !/^[0-9a-f]{7,64}$/i.test(headCommit)) throw new Error('--head-commit must be a commit id (hex)');
  const pipelines = number(values.pipelines, 'pipelines');
  const projects = number(values.projects, 'projects');
  const packageVersions = number(values['package-versions'], 'package-versions');
  const deployInstances = number(values['deploy-instances'], 'deploy-instances');
  const seed: SeedOptions = {
    dataset,
    ...(headCommit ? { demoHeadCommit: headCommit } : {}),
    ...(pipelines !== undefined ? { pipelines } : {}),
    ...(projects !== undefined ? { projects } : {}),
    ...(packageVersions !== undefined ? { packageVersions } : {}),
    ...(deployInstances !== undefined ? { deployInstances } : {}),
    ...(values['maven-central'] ? { mavenCentralDirectory: values['maven-central'] } : {}),
  };
  const latencyMs = number(values.latency, 'latency');
  const speed = number(values.speed, 'speed');
  const liveTailIntervalMs = number(values['live-tail-interval'], 'live-tail-interval');
  const emulator = await createEmulator({
    seed,
    port: number(values.port, 'port') ?? 0,
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(speed !== undefined ? { speed } : {}),
    ...(liveTailIntervalMs !== undefined ? { liveTailIntervalMs } : {}),
  });
  process.stdout.write(`${JSON.stringify({ url: emulator.url, accounts: EMULATOR_ACCOUNTS, seed: dataset })}\n`);
  process.stderr.write(`[emulator] ${dataset} dataset at ${emulator.url} (admin API: ${emulator.url}/_emulator/info)\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[emulator] ${signal}: stopping\n`);
    emulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
