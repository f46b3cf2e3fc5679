// What the next extension host's V8 makes of a code cache: the same V8, a new isolate (a worker
// thread). In the isolate that compiled a script, V8 reuses its in-memory compilation and never reads
// the cached data, so only a fresh one can say whether the cache is accepted.
import Module from 'node:module';
import { Worker } from 'node:worker_threads';

const COMPILE = `
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const script = new vm.Script(workerData.wrapped, { filename: workerData.filename, cachedData: workerData.cachedData });
parentPort.postMessage(script.cachedDataRejected === false ? 'accepted' : 'rejected');
`;

export function compileInFreshIsolate(filename: string, source: string, cachedData: Buffer): Promise<'accepted' | 'rejected'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(COMPILE, { eval: true, workerData: { wrapped: Module.wrap(source), filename, cachedData } });
    worker.once('message', (use: 'accepted' | 'rejected') => { resolve(use); void worker.terminate(); });
    worker.once('error', reject);
  });
}
