// The round trip through the language server: an edit (didChange) until its diagnostics are published,
// over stdio with the server in its own process validating in a worker thread, against the floor the
// extension had in process (`validate` on the same text). Fresh text per run; medians.
import { validate } from '../packages/conveyor-lint/src/validate';
import { SOURCE_SERVER, TestClient } from '../test/unit/server/lsp-client';
import { median, type BenchResult } from './types';
import { generateBuildspec } from './validation.bench';

export async function run(): Promise<BenchResult[]> {
  const { client } = await TestClient.start(SOURCE_SERVER, { configuration: () => ({}) });
  const results: BenchResult[] = [];
  try {
    for (const [lines, runs] of [[50, 100], [1000, 40], [10000, 10]] as const) {
      const base = generateBuildspec(lines);
      const uri = `file:///bench/${lines}/buildspec.yml`;
      await client.open(uri, base);
      await client.diagnosticsOf(uri, undefined, 1);
      let version = 1;
      const edit = async (text: string): Promise<number> => {
        version++;
        const t = performance.now();
        await client.change(uri, text, version);
        await client.diagnosticsOf(uri, undefined, version);
        return performance.now() - t;
      };
      for (let i = 0; i < Math.max(5, runs / 4); i++) await edit(`${base}# warm ${i}\n`);
      const server: number[] = [];
      const inProcess: number[] = [];
      for (let i = 0; i < runs; i++) {
        server.push(await edit(`${base}# run ${i}\n`));
        const t = performance.now();
        validate(`${base}# run ${i} again\n`, { kind: 'buildspec', path: 'buildspec.yml' });
        inProcess.push(performance.now() - t);
      }
      await client.close(uri);
      const ours = median(server);
      const peer = median(inProcess);
      results.push({
        name: 'validation: language server round trip',
        workload: `${base.split('\n').length - 1}-line buildspec, didChange until publishDiagnostics over stdio (worker thread); peer = the same validation in process`,
        ours, peer, unit: 'ms', ratio: peer / ours,
      });
    }
  } finally {
    await client.stop();
  }
  return results;
}
