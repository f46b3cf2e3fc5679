import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import type { ValidationReport } from '../validate';
import { runJob, type ValidationJob, type Validator } from './validator';

interface Request { id: number; job: ValidationJob }
interface Reply { id: number; report: ValidationReport }

interface Pending { resolve: (report: ValidationReport | undefined) => void; timer: ReturnType<typeof setTimeout> }

/**
 * Validates in a worker thread, so the server keeps answering (completion, hover, cancellations, other
 * documents' results) while a large document is checked. A validation that runs longer than the time
 * limit is stopped by ending the worker (a fresh one takes the next job) and reported as not validated.
 */
export class WorkerValidator implements Validator {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** `entry`: a script that calls serveValidationWorker() when not on the main thread. */
  constructor(private readonly entry: string, private readonly timeLimitMs: number) {}

  /** Starts the worker now rather than on the first document: it loads and warms up while the client connects. */
  start(): void {
    this.ensureWorker();
  }

  validate(job: ValidationJob): Promise<ValidationReport | undefined> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.restart();
        resolve(notValidated(`Not validated: the validator took longer than ${Math.round(this.timeLimitMs / 1000)} s on this document.`));
      }, this.timeLimitMs);
      this.pending.set(id, { resolve, timer });
      worker.postMessage({ id, job } satisfies Request);
    });
  }

  dispose(): void {
    this.restart();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // From the TypeScript sources (tests in the repository), the worker needs tsx's loader too.
    const worker = this.entry.endsWith('.ts')
      ? new Worker(`const r = require('node:module').createRequire(${JSON.stringify(this.entry)}); r(r.resolve('tsx/cjs')); r(${JSON.stringify(this.entry)});`, { eval: true })
      : new Worker(this.entry);
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      clearTimeout(p.timer);
      p.resolve(reply.report);
    });
    worker.on('error', (err) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.interruptAll(notValidated(`Not validated: the validator failed (${err.message}). Please report this.`));
    });
    this.worker = worker;
    return worker;
  }

  /** Ends the worker; the validations queued behind the slow one are answered undefined (to be run again). */
  private restart(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.interruptAll();
    void worker?.terminate();
  }

  private interruptAll(report?: ValidationReport): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve(report);
      this.pending.delete(id);
    }
  }
}

function notValidated(message: string): ValidationReport {
  const at = { line: 0, character: 0 };
  return { kind: undefined, notValidated: message,
    diagnostics: [{ range: { start: at, end: at }, severity: 'warning', rule: 'internal/error', message }] };
}

/** The worker side: call from the entry script; does nothing on the main thread. */
export function serveValidationWorker(): boolean {
  if (isMainThread || !parentPort) return false;
  const port = parentPort;
  port.on('message', ({ id, job }: Request) => {
    const root = job.revisionRoot;
    const fileExists = root ? (rel: string): boolean => fs.existsSync(path.join(root, rel)) : undefined;
    port.postMessage({ id, report: runJob(job, fileExists) } satisfies Reply);
  });
  // After this turn of the event loop: a document that is already waiting goes first.
  setImmediate(() => runJob(WARM_UP));
  return true;
}

/**
 * A tiny buildspec, validated once the worker started, before any document arrives: the first validation
 * compiles the schema and the code paths it runs (~98% of a first validation). Only the buildspec: an
 * appspec warm-up too would hold up a buildspec that arrives meanwhile, and most of its code is shared.
 */
const WARM_UP: ValidationJob = {
  text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n', path: 'buildspec.yml',
  associations: [], byContent: false, cloudFormation: false, rules: {},
};
