// Deployments view at scale: deployment group fleet-api-prod has 500 instances; its latest deployment
// failed in BeforeInstall on the 250 it reached. The emulator answers every call after 50 ms.
//  1. Time to show the failed lifecycle events of the latest deployment, from the expanded group: the
//     view's model and rows (ListDeployments + BatchGetDeployments, then the failed targets first: one
//     ListDeploymentTargets page and two BatchGetDeploymentTargets of 25 in parallel, 50 rows rendered
//     with their events) against the naive sequence: list every target, then BatchGetDeploymentTargets
//     for each instance one by one.
//  2. Time to load all 250 failed events (what the appspec diagnostics and the notifications use):
//     the status-filtered listing and batches of 25, 4 in flight, against the same naive sequence.
import { BatchGetDeploymentTargetsCommand, CodeDeployClient, GetDeploymentCommand, ListDeploymentsCommand, ListDeploymentTargetsCommand } from '@aws-sdk/client-codedeploy';
import { createDeployApi } from '../src/deploy/model/api';
import { loadGroups, loadLatestFailures } from '../src/deploy/model/loader';
import { type DeployNode, DeployTreeModel } from '../src/deploy/model/tree';
import { presentDeployNode } from '../src/deploy/present/nodes';
import { createEmulator, type Emulator } from '../test/emulator/index';
import { SCALE_APPLICATION, SCALE_GROUP } from '../test/emulator/services/codedeploy/seed/index';
import { median, type BenchResult } from './types';

const INSTANCES = 500;
const LATENCY_MS = 50;
const ACCOUNT = { profile: 'bench', region: 'us-east-1' };

function failedEventsOf(rows: readonly DeployNode[]): number {
  return rows.filter((n) => n.kind === 'target').reduce((sum, n) => sum + (n.kind === 'target' ? n.info.events.filter((e) => e.status === 'Failed').length : 0), 0);
}

/** Ours (view): from the expanded group to the latest deployment's failed targets and events rendered. */
async function oursFirstFailures(emu: Emulator): Promise<{ ms: number; requests: number }> {
  const client = new CodeDeployClient(emu.clientConfig());
  const model = new DeployTreeModel({ current: () => ACCOUNT, api: () => createDeployApi(client), explain: (f) => String(f.cause) });
  const app = (await model.children()).find((n) => n.kind === 'application' && n.application.name === SCALE_APPLICATION)!;
  const group = (await model.children(app)).find((n) => n.kind === 'group' && n.group.name === SCALE_GROUP)!;
  emu.stats.reset();
  const started = performance.now();
  const [latest] = await model.children(group);
  const targets = await model.children(latest);
  const present = (n: DeployNode): unknown => presentDeployNode(n, { now: Date.now(), isWatched: () => false });
  targets.forEach(present);
  for (const t of targets) if (t.kind === 'target') (await model.children(t)).forEach(present);
  const ms = performance.now() - started;
  const requests = emu.stats.read().total;
  if (failedEventsOf(targets) !== 50) throw new Error(`the first page shows ${failedEventsOf(targets)} failed events`);
  model.dispose();
  client.destroy();
  return { ms, requests };
}

/** Ours (data): every failed event of the group's latest deployment. */
async function oursAllFailures(emu: Emulator): Promise<{ ms: number; requests: number }> {
  const client = new CodeDeployClient(emu.clientConfig());
  const api = createDeployApi(client);
  const [group] = await loadGroups(api, SCALE_APPLICATION);
  emu.stats.reset();
  const started = performance.now();
  const { failures } = await loadLatestFailures(api, group!);
  const ms = performance.now() - started;
  const requests = emu.stats.read().total;
  client.destroy();
  if (failures.length !== INSTANCES / 2) throw new Error(`loaded ${failures.length} failed events`);
  return { ms, requests };
}

/** Naive: the latest deployment, every target id, then BatchGetDeploymentTargets for each instance in turn. */
async function naive(emu: Emulator): Promise<{ ms: number; requests: number }> {
  const client = new CodeDeployClient(emu.clientConfig());
  emu.stats.reset();
  const started = performance.now();
  const list = await client.send(new ListDeploymentsCommand({ applicationName: SCALE_APPLICATION, deploymentGroupName: SCALE_GROUP }));
  const deploymentId = list.deployments![0]!;
  await client.send(new GetDeploymentCommand({ deploymentId }));
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListDeploymentTargetsCommand({ deploymentId, ...(nextToken ? { nextToken } : {}) }));
    ids.push(...(page.targetIds ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  let failed = 0;
  for (const id of ids) {
    const out = await client.send(new BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: [id] }));
    failed += (out.deploymentTargets?.[0]?.instanceTarget?.lifecycleEvents ?? []).filter((e) => e.status === 'Failed').length;
  }
  const ms = performance.now() - started;
  const requests = emu.stats.read().total;
  client.destroy();
  if (failed !== INSTANCES / 2) throw new Error(`naive found ${failed} failed events`);
  return { ms, requests };
}

function result(name: string, workload: string, ours: number, peer: number, unit: string): BenchResult {
  return { name, workload, ours, peer, unit, ratio: peer / ours };
}

export async function run(): Promise<BenchResult[]> {
  const emu = await createEmulator({ seed: { dataset: 'scale', pipelines: 10, packageVersions: 100, deployInstances: INSTANCES }, latencyMs: LATENCY_MS, speed: 0 });
  try {
    const first: { ms: number; requests: number }[] = [];
    const all: { ms: number; requests: number }[] = [];
    for (let i = 0; i < 5; i++) first.push(await oursFirstFailures(emu));
    for (let i = 0; i < 5; i++) all.push(await oursAllFailures(emu));
    const peer = await naive(emu);
    const workload = `${INSTANCES} instances (250 failed), ${LATENCY_MS} ms per call; naive = list all targets + BatchGetDeploymentTargets per instance, one by one`;
    return [
      result('deploy: latest deployment’s failed events shown', `${workload}; ours = the view’s first page (50 failed targets with events)`,
        median(first.map((r) => r.ms)), peer.ms, 'ms'),
      result('deploy: all failed events of the latest deployment', `${workload}; ours = status-filtered listing, batches of 25, 4 in flight`,
        median(all.map((r) => r.ms)), peer.ms, 'ms'),
      result('deploy: requests for the failed events', `${workload}; ours = the view’s first page`, first[0]!.requests, peer.requests, 'requests'),
    ];
  } finally {
    await emu.close();
  }
}
