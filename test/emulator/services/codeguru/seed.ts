import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { javaServiceProfile } from './java-profile';
import type { ProfilingGroup } from './model';
import { memo } from './model';
import { JAVA_ANOMALIES, JAVA_PATTERNS, PYTHON_PATTERNS } from './patterns';
import type { AgentProfile, ProfileNode } from './profile-tree';
import { isProfileNode } from './profile-tree';
import { pythonWorkspaceProfile } from './python-workspace-profile';

const DAY = 24 * 60 * 60 * 1000;
const MAIN = '111111111111';
const PROD = '222222222222';

/** One of the sample profiles copied from shared/profiles into data/. */
export function sampleProfile(file: string): AgentProfile {
  const parsed: unknown = JSON.parse(readFileSync(join(__dirname, 'data', file), 'utf8'));
  if (!isProfileNode(parsed)) throw new Error(`${file} is not a profile`);
  const record = parsed as Record<string, unknown>;
  const callgraph = record.callgraph;
  if (!isProfileNode(callgraph)) throw new Error(`${file} has no callgraph`);
  const metadata = record.agentMetadata;
  return {
    start: typeof record.start === 'number' ? record.start : 0,
    end: typeof record.end === 'number' ? record.end : 0,
    ...(isProfileNode(metadata) ? { agentMetadata: metadata as Record<string, unknown> } : {}),
    callgraph: callgraph,
  };
}

/** profile-bee's on-CPU and off-CPU samples of the same process, merged into one profile. */
function mergedProfileBee(): AgentProfile {
  const on = sampleProfile('profile-bee-oncpu.json');
  const off = sampleProfile('profile-bee-offcpu.json');
  const merge = (a: ProfileNode, b: ProfileNode): ProfileNode => {
    const counts = { ...a.counts };
    for (const [k, v] of Object.entries(b.counts ?? {})) counts[k] = (counts[k] ?? 0) + v;
    const names = new Set([...Object.keys(a.children ?? {}), ...Object.keys(b.children ?? {})]);
    const children: Record<string, ProfileNode> = {};
    for (const n of names) children[n] = merge(a.children?.[n] ?? {}, b.children?.[n] ?? {});
    return { ...(Object.keys(counts).length ? { counts } : {}), ...(names.size ? { children } : {}) };
  };
  const weights = { ...(on.agentMetadata?.sampleWeights as Record<string, number> | undefined), ...(off.agentMetadata?.sampleWeights as Record<string, number> | undefined) };
  return { ...on, agentMetadata: { ...on.agentMetadata, sampleWeights: weights }, callgraph: merge(on.callgraph, off.callgraph) };
}

function group(name: string, accountId: string, now: number, ageDays: number, rest: Partial<ProfilingGroup>): ProfilingGroup {
  return {
    name, accountId, computePlatform: 'Default', createdAt: now - ageDays * DAY, updatedAt: now - Math.min(ageDays, 3) * DAY,
    profilingEnabled: true, tags: {}, gzip: false, dataFrom: now - 7 * DAY, recommendations: [], anomalies: [], ...rest,
  };
}

/** The demo profiling groups (see README.md); profiles are built on first request. */
export function seedProfilingGroups(now: number): ProfilingGroup[] {
  const liveRun = memo(() => sampleProfile('python-agent-live-run.json'));
  return [
    group('orders-service', MAIN, now, 120, {
      tags: { team: 'orders', language: 'java' },
      profile: memo(() => javaServiceProfile(50_000, now - 5 * 60_000, now)),
      recommendations: JAVA_PATTERNS, anomalies: JAVA_ANOMALIES,
    }),
    group('orders-api', MAIN, now, 60, {
      tags: { team: 'orders', language: 'python' }, gzip: true,
      profile: memo(() => pythonWorkspaceProfile(liveRun().agentMetadata ?? {}, now - 60 * 60_000, now)),
      recommendations: PYTHON_PATTERNS,
    }),
    group('checkout-worker', MAIN, now, 30, { tags: { team: 'checkout', language: 'python' }, profile: liveRun }),
    group('agent-encoder-example', MAIN, now, 10, { gzip: true, profile: memo(() => sampleProfile('python-agent-encoder-example.json')) }),
    group('edge-proxy', MAIN, now, 45, { tags: { team: 'platform' }, profile: memo(mergedProfileBee) }),
    group('billing-lambda', MAIN, now, 1, { computePlatform: 'AWSLambda', tags: { team: 'billing' }, dataFrom: now }),
    group('payments-prod', PROD, now, 300, {
      tags: { team: 'payments', stage: 'prod' },
      profile: memo(() => javaServiceProfile(5_000, now - 5 * 60_000, now, 77)),
      recommendations: JAVA_PATTERNS,
    }),
  ];
}
