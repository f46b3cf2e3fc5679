// Runs queued tasks one per event-loop turn, the lowest rank first among those waiting. The activation
// shell loads the features of the views VS Code shows at once through it, in the order a person sees
// the views: each feature's own first work (its view's first request) starts right after its load, in
// that turn's microtasks, before the next feature's load blocks the thread.

interface Waiting {
  rank: number;
  /** Order of arrival: equal ranks run first come, first served. */
  order: number;
  start(): void;
  cancel(reason: Error): void;
}

export class TurnQueue {
  private readonly waiting: Waiting[] = [];
  private scheduled = false;
  private arrivals = 0;
  private disposed = false;

  /** `nextTurn` runs a callback on a later turn of the event loop (setImmediate: microtasks run between two). */
  constructor(private readonly nextTurn: (callback: () => void) => void = (callback) => { setImmediate(callback); }) {}

  /** Runs `task` on a later turn, after the waiting tasks of a lower rank; resolves to what it returned. */
  run<T>(rank: number, task: () => T): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('The queue is disposed.'));
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        rank, order: this.arrivals++,
        start: () => { try { resolve(task()); } catch (err) { reject(err instanceof Error ? err : new Error(String(err))); } },
        cancel: reject,
      });
      this.schedule();
    });
  }

  /** Rejects the tasks still waiting; later ones are refused. */
  dispose(): void {
    this.disposed = true;
    for (const task of this.waiting.splice(0)) task.cancel(new Error('The queue is disposed.'));
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    this.nextTurn(() => {
      this.scheduled = false;
      const next = this.takeFirst();
      this.schedule();
      next?.start();
    });
  }

  private takeFirst(): Waiting | undefined {
    let best = -1;
    this.waiting.forEach((task, i) => {
      const current = this.waiting[best];
      if (!current || task.rank < current.rank || (task.rank === current.rank && task.order < current.order)) best = i;
    });
    return best < 0 ? undefined : this.waiting.splice(best, 1)[0];
  }
}
