// Everything known about the pipelines of every configured account/region. Each apply* method
// stores new data and returns the ids of the tree nodes whose rendering changed (often none).
import { diffLatest, diffRuntime, diffStructure } from './diff';
import { deepEqual } from '../../core/equal';
import type { LoadError } from '../../core/explorer';
import { nodeIds, targetKey } from './keys';
import type {
  ExecutionSummary,
  PipelineKey,
  PipelineRuntime,
  PipelineStructure,
  PipelineSummary,
  TargetRef,
} from './types';

export type { LoadError } from '../../core/explorer';

export interface ExecutionsPage {
  items: ExecutionSummary[];
  nextToken?: string;
}

export interface PipelineEntry {
  summary: PipelineSummary;
  /** The newest few executions, newest first: the row's status, and "your commit" matching. */
  recent?: ExecutionSummary[];
  structure?: PipelineStructure;
  runtime?: PipelineRuntime;
  executions?: ExecutionsPage;
  /** Loading this pipeline's status or stages failed. */
  error?: LoadError;
  executionsError?: LoadError;
  /** GetPipelineState/… said the pipeline no longer exists; the next list refresh removes it. */
  deleted?: boolean;
}

export interface TargetEntry {
  key: string;
  ref: TargetRef;
  /** Undefined until the first ListPipelines answered. */
  pipelines?: Map<string, PipelineEntry>;
  /** Pipeline names, sorted case-insensitively. */
  names: string[];
  error?: LoadError;
}

const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

export class PipelineStore {
  private readonly entries = new Map<string, TargetEntry>();
  private order: string[] = [];

  /** Sets the account/region roots; data of roots that stay is kept. Returns true when the roots changed. */
  setTargets(refs: readonly TargetRef[]): boolean {
    const keys = refs.map((r) => targetKey(r));
    const before = this.order.map((k) => this.entries.get(k)?.ref);
    const changed = !deepEqual(before, refs);
    for (const k of [...this.entries.keys()]) if (!keys.includes(k)) this.entries.delete(k);
    refs.forEach((ref, i) => {
      const key = keys[i] ?? targetKey(ref);
      const existing = this.entries.get(key);
      if (existing) existing.ref = ref;
      else this.entries.set(key, { key, ref, names: [] });
    });
    this.order = keys.filter((k, i) => keys.indexOf(k) === i);
    return changed;
  }

  /**
   * Makes sure a target has an entry even when it is not one of the roots (a script or notification
   * names a pipeline in another account/region); such entries are not shown and go with setTargets.
   */
  ensureTarget(ref: TargetRef): TargetEntry {
    const key = targetKey(ref);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { key, ref, names: [] };
      this.entries.set(key, entry);
    }
    return entry;
  }

  targets(): TargetEntry[] {
    return this.order.map((k) => this.entries.get(k)).filter((e): e is TargetEntry => e !== undefined);
  }

  target(key: string): TargetEntry | undefined {
    return this.entries.get(key);
  }

  pipeline(key: PipelineKey): PipelineEntry | undefined {
    return this.entries.get(key.target)?.pipelines?.get(key.name);
  }

  /** Every known pipeline across targets (for "your commit" and pickers). */
  allPipelines(): { key: PipelineKey; entry: PipelineEntry }[] {
    const out: { key: PipelineKey; entry: PipelineEntry }[] = [];
    for (const t of this.targets()) {
      for (const name of t.names) {
        const entry = t.pipelines?.get(name);
        if (entry) out.push({ key: { target: t.key, name }, entry });
      }
    }
    return out;
  }

  applyList(target: string, summaries: readonly PipelineSummary[]): string[] {
    const t = this.entries.get(target);
    if (!t) return [];
    const changed: string[] = [];
    const hadList = t.pipelines !== undefined;
    const hadError = t.error !== undefined;
    delete t.error;
    const next = new Map<string, PipelineEntry>();
    for (const summary of summaries) {
      const old = t.pipelines?.get(summary.name);
      if (!old) {
        next.set(summary.name, { summary });
        continue;
      }
      const summaryChanged = !deepEqual(old.summary, summary);
      if (summaryChanged) {
        // A new version means the declaration changed: the cached structure is stale.
        if (old.summary.version !== summary.version) delete old.structure;
        old.summary = summary;
        changed.push(nodeIds.pipeline({ target, name: summary.name }));
      }
      // Still listed with the same summary: the list is older than the GetPipelineState that said it
      // was gone. A re-created pipeline has new timestamps, and any successful read clears the mark.
      if (old.deleted && summaryChanged) delete old.deleted;
      next.set(summary.name, old);
    }
    const names = [...next.keys()].sort(byName);
    const listChanged = !hadList || hadError || !deepEqual(names, t.names);
    t.pipelines = next;
    t.names = names;
    return listChanged ? [nodeIds.target(target)] : changed;
  }

  applyListError(target: string, error: LoadError): string[] {
    const t = this.entries.get(target);
    if (!t || deepEqual(t.error, error)) return [];
    t.error = error;
    return [nodeIds.target(target)];
  }

  applyRecent(key: PipelineKey, items: readonly ExecutionSummary[]): string[] {
    const e = this.pipeline(key);
    if (!e) return [];
    const changed = diffLatest(key, e.recent, items);
    if (e.error || e.deleted) {
      delete e.error;
      delete e.deleted;
      if (!changed.length) changed.push(nodeIds.pipeline(key));
    }
    e.recent = [...items];
    return changed;
  }

  applyStructure(key: PipelineKey, structure: PipelineStructure): string[] {
    const e = this.pipeline(key);
    if (!e) return [];
    const changed = diffStructure(key, e.structure, structure);
    e.structure = structure;
    return changed;
  }

  applyRuntime(key: PipelineKey, runtime: PipelineRuntime): string[] {
    const e = this.pipeline(key);
    if (!e) return [];
    const changed = diffRuntime(key, e.runtime, runtime);
    if (e.error || e.deleted) {
      delete e.error;
      delete e.deleted;
      if (!changed.includes(nodeIds.pipeline(key))) changed.push(nodeIds.pipeline(key));
    }
    e.runtime = runtime;
    return changed;
  }

  applyExecutions(key: PipelineKey, page: ExecutionsPage, append: boolean): string[] {
    const e = this.pipeline(key);
    if (!e) return [];
    const hadError = e.executionsError !== undefined;
    delete e.executionsError;
    let next: ExecutionsPage;
    if (append && e.executions) {
      const seen = new Set(e.executions.items.map((x) => x.id));
      next = { items: [...e.executions.items, ...page.items.filter((x) => !seen.has(x.id))], ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
    } else if (e.executions && e.executions.items.length > page.items.length) {
      // A refresh of the first page must not throw away pages loaded with "Load more".
      const fresh = new Set(page.items.map((x) => x.id));
      const rest = e.executions.items.filter((x) => !fresh.has(x.id));
      next = { items: [...page.items, ...rest], ...(e.executions.nextToken ? { nextToken: e.executions.nextToken } : {}) };
    } else {
      next = page;
    }
    const changed = hadError || !deepEqual(e.executions, next);
    e.executions = next;
    return changed ? [nodeIds.executions(key)] : [];
  }

  applyPipelineError(key: PipelineKey, error: LoadError): string[] {
    const e = this.pipeline(key);
    if (!e || deepEqual(e.error, error)) return [];
    e.error = error;
    return [nodeIds.pipeline(key)];
  }

  applyExecutionsError(key: PipelineKey, error: LoadError): string[] {
    const e = this.pipeline(key);
    if (!e || deepEqual(e.executionsError, error)) return [];
    e.executionsError = error;
    return [nodeIds.executions(key)];
  }

  markDeleted(key: PipelineKey): string[] {
    const e = this.pipeline(key);
    if (!e || e.deleted) return [];
    e.deleted = true;
    return [nodeIds.pipeline(key)];
  }
}
