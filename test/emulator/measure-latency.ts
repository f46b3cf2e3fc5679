// Measures request latency at scale: npx tsx test/emulator/measure-latency.ts [pipelines=5000] [calls=400]
// Seeds the scale dataset, then times ListPipelines and GetPipelineState round trips (1) through the
// real SDK (signing, HTTP on 127.0.0.1, SigV4 verification, handler, SDK deserialisation) and (2) as
// raw signed HTTP requests (the server's share), and prints median / p95 in ms.
import { request } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CodePipelineClient, GetPipelineStateCommand, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { EMULATOR_ACCOUNTS } from './core/contract';
import { createEmulator } from './index';

const signer = new SignatureV4({ service: 'codepipeline', region: 'us-east-1', credentials: EMULATOR_ACCOUNTS.main, sha256: Sha256 });

/** One signed awsJson call with node:http; resolves when the whole body has arrived. */
async function rawCall(baseUrl: string, operation: string, input: unknown): Promise<void> {
  const url = new URL(baseUrl);
  const body = JSON.stringify(input);
  const signed = await signer.sign(new HttpRequest({
    method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', body,
    headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `CodePipeline_20150709.${operation}` },
  }));
  await new Promise<void>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers: { ...signed.headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

async function time(calls: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

async function main(): Promise<void> {
  const pipelines = Number(process.argv[2] ?? 5_000);
  const calls = Number(process.argv[3] ?? 400);
  const seeded = performance.now();
  const emu = await createEmulator({ seed: { dataset: 'scale', pipelines, packageVersions: 1_000 }, speed: 0 });
  const seedMs = performance.now() - seeded;
  const client = new CodePipelineClient(emu.clientConfig());
  try {
    const names = emu.state.codepipeline.region('111111111111', 'us-east-1').sortedNames;
    const pick = (i: number): string => names[(i * 7919) % names.length]!;
    let token: string | undefined;
    const listPage = async (): Promise<void> => {
      const res = await client.send(new ListPipelinesCommand(token ? { nextToken: token } : {}));
      token = res.nextToken;
    };
    await time(50, listPage);
    await time(50, (i) => client.send(new GetPipelineStateCommand({ name: pick(i) })));
    const list = await time(calls, listPage);
    const state = await time(calls, (i) => client.send(new GetPipelineStateCommand({ name: pick(i + 50) })));
    const rawList = await time(calls, () => rawCall(emu.url, 'ListPipelines', {}));
    const rawState = await time(calls, (i) => rawCall(emu.url, 'GetPipelineState', { name: pick(i + 99) }));
    const row = (op: string, v: number[]): string => `${op.padEnd(34)} median ${percentile(v, 0.5).toFixed(2)} ms   p95 ${percentile(v, 0.95).toFixed(2)} ms`;
    process.stdout.write([
      `${names.length} pipelines seeded in ${(seedMs / 1000).toFixed(1)} s; ${calls} sequential calls each, SigV4 verified`,
      row('ListPipelines (SDK, 100/page)', list),
      row('GetPipelineState (SDK)', state),
      row('ListPipelines (raw HTTP, 100/page)', rawList),
      row('GetPipelineState (raw HTTP)', rawState),
      '',
    ].join('\n'));
  } finally {
    client.destroy();
    await emu.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
