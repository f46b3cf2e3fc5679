// Buildspec Problems through the language client in a real extension host, side by side with the
// in-process providers of 04f5a9f (the last commit before the language client, built from git at that
// commit): for each supported VS Code, one fresh host per build runs bench/host/validation-probe.ts,
// which times edits of a generated buildspec until VS Code's diagnostics reflect them. The in-process
// build debounced typing by 200 ms; the language server validates each change as it arrives (one
// validation per document at a time), so this is the latency a person sees, debounce included.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchCopy, buildProduction, bundleProbe, eagerBuild, probe } from './activation.bench';
import type { ValidationProbeResult } from './host/validation-probe';
import { PROBE_SPECS, type ProbeSpec } from './host/validation-probe-specs';
import { median, type BenchResult } from './types';
import { generateBuildspec } from './validation.bench';

/** The last commit with the in-process validation providers. */
export const IN_PROCESS_COMMIT = '04f5a9f';
const ROOT = path.resolve(__dirname, '..');

const harness = async () => ({
  ...(await import('../scripts/lib/host-setup.mjs')),
  ...(await import('../scripts/lib/test-env.mjs')),
});

function checked(r: ValidationProbeResult, label: string): ValidationProbeResult {
  if (r.error) throw new Error(`${label}: ${r.error}`);
  return r;
}

export async function run(): Promise<BenchResult[]> {
  const { ensureAll, isolateFromUserConfig } = await harness();
  isolateFromUserConfig();
  const hosts = ensureAll(['oldest', 'newest']);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conveyor-validation-client-bench-'));
  try {
    buildProduction(ROOT);
    const ours = benchCopy(ROOT, path.join(work, 'conveyor'));
    const inProcess = eagerBuild(work, IN_PROCESS_COMMIT);
    const probePath = await bundleProbe(work, 'bench/host/validation-probe.ts');
    // Each ends with one problem (an unknown key) that the probe's edits move down.
    const specs: ProbeSpec[] = ([[50, 40], [1000, 20], [10000, 8]] as const)
      .map(([lines, runs]) => ({ lines, runs, text: `${generateBuildspec(lines)}artifact:\n  files: ['**/*']\n` }));
    fs.writeFileSync(path.join(path.dirname(probePath), PROBE_SPECS), JSON.stringify(specs));
    const results: BenchResult[] = [];
    for (const host of Object.values(hosts)) {
      const client = checked(await probe<ValidationProbeResult>(host, ours, probePath), 'language client');
      const before = checked(await probe<ValidationProbeResult>(host, inProcess, probePath), IN_PROCESS_COMMIT);
      for (const size of client.sizes) {
        const peer = before.sizes.find((s) => s.lines === size.lines);
        if (!peer) continue;
        const ourMs = median(size.editMs);
        const peerMs = median(peer.editMs);
        const workload = `VS Code ${host.vscode}, ${size.lines}-line buildspec, an edit until the Problems follow it, median of ${size.runs}`;
        results.push({ name: `buildspec Problems after an edit, through the language client (vs in process at ${IN_PROCESS_COMMIT}, 200 ms debounce)`,
          workload, ours: ourMs, peer: peerMs, unit: 'ms', ratio: peerMs / ourMs });
        results.push({ name: `buildspec Problems when opened, through the language client (vs in process at ${IN_PROCESS_COMMIT})`,
          workload: `VS Code ${host.vscode}, ${size.lines}-line buildspec (the first size includes starting the server)`, ours: size.openMs, peer: peer.openMs, unit: 'ms', ratio: peer.openMs / size.openMs });
        console.log(`[validation-client] VS Code ${host.vscode} ${size.lines} lines: edit ${ourMs.toFixed(1)} ms vs ${peerMs.toFixed(1)} ms; open ${size.openMs.toFixed(0)} ms vs ${peer.openMs.toFixed(0)} ms`);
      }
    }
    return results;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
