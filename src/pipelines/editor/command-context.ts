// What every pipeline command shares: finding the account and pipeline from a node, an argument object
// or pickers; fresh state when a command needs it; and running an AWS call with progress, its failure
// explained, and the rows it changed refreshed.
import type { Logger } from '../../core/log';
import type { EditorUi } from '../../editor/ui';
import type { PipelineApi } from '../model/api';
import { asArgs, isNode, type PipelineArgs } from '../model/command-args';
import type { PipelineExplorer } from '../model/explorer';
import { nodeIds, parseTargetKey, targetKey } from '../model/keys';
import type { ExecutionSummary, PipelineKey, TargetRef } from '../model/types';
import type { FollowState } from './follow';

export interface CommandDeps {
  explorer: PipelineExplorer;
  apiFor(target: string): PipelineApi;
  ui: EditorUi;
  follow: FollowState;
  log: Logger;
  /** Opens the execution timeline document. */
  showTimeline(key: PipelineKey, executionId: string): Promise<void>;
  /** The filter changed: update the view's message and context key. */
  onFilterChanged(): void;
  /** Runs a command of another feature (the logs document). */
  executeCommand(command: string, ...args: unknown[]): Thenable<unknown>;
}

export type Refresh = readonly ('recent' | 'runtime' | 'executions')[];

export class CommandContext {
  constructor(readonly d: CommandDeps) {}

  get explorer(): PipelineExplorer {
    return this.d.explorer;
  }

  get ui(): EditorUi {
    return this.d.ui;
  }

  ref(key: PipelineKey | string): TargetRef | undefined {
    const target = typeof key === 'string' ? key : key.target;
    return this.explorer.store.target(target)?.ref ?? parseTargetKey(target);
  }

  region(key: PipelineKey | string): string {
    return this.ref(key)?.region ?? 'us-east-1';
  }

  apiFor(key: PipelineKey): PipelineApi {
    return this.d.apiFor(key.target);
  }

  report(error: unknown, operation: string, key: PipelineKey | string | undefined, retry?: () => void): void {
    const ref = key ? this.ref(key) : undefined;
    this.ui.reportAwsError(error, { service: 'codepipeline', operation, ...(ref ? { target: { profile: ref.profile, region: ref.region } } : {}) }, retry);
  }

  /** The account and region: from the argument, the only one shown, or a picker. */
  async target(args: PipelineArgs, title: string): Promise<string | undefined> {
    if (args.profile !== undefined && args.region) return targetKey({ profile: args.profile, region: args.region });
    const targets = this.explorer.store.targets();
    if (targets.length === 0) {
      this.ui.notify('warning', 'No AWS profile is configured for Conveyor.', ['Select AWS Profile'],
        () => void this.d.executeCommand('conveyor.aws.selectProfile'));
      return undefined;
    }
    if (targets.length === 1) return targets[0]?.key;
    return this.ui.pick(targets.map((t) => ({ label: t.ref.label ?? t.ref.profile, description: t.ref.region, value: t.key })), { title, placeholder: 'Account and region' });
  }

  /** The pipeline a command is about: a node's, a named one, or one picked from the list. */
  async pipeline(arg: unknown, title: string): Promise<PipelineKey | undefined> {
    if (isNode(arg) && 'key' in arg) return arg.key;
    const args = asArgs(arg);
    const target = await this.target(args, title);
    if (!target || !(await this.listed(target))) return undefined;
    const ref = parseTargetKey(target);
    if (args.pipelineName) {
      if (this.explorer.store.pipeline({ target, name: args.pipelineName })) return { target, name: args.pipelineName };
      this.ui.notify('warning', `There is no pipeline named ${args.pipelineName} in ${ref ? `${ref.profile} · ${ref.region}` : target}.`);
      return undefined;
    }
    const t = this.explorer.store.target(target);
    const names = t ? this.explorer.tree.matching(t) : [];
    // The tree's own words for each pipeline ("Waiting for approval", "Blocked: …"), not the bare execution status.
    const name = await this.ui.pick(names.map((n) => {
      const key = { target, name: n };
      const description = this.explorer.present({ kind: 'pipeline', id: nodeIds.pipeline(key), key }).description;
      return { label: n, ...(description ? { description } : {}), value: n };
    }), { title, placeholder: 'Pipeline' });
    return name ? { target, name } : undefined;
  }

  /** Loads the target's pipeline list once; false (and the error reported) when that fails. */
  async listed(target: string): Promise<boolean> {
    const ref = parseTargetKey(target);
    if (ref) this.explorer.store.ensureTarget(ref);
    if (this.explorer.store.target(target)?.pipelines) return true;
    try {
      await this.ui.withProgress('Listing pipelines…', () => this.explorer.loadList(target));
      return true;
    } catch (err) {
      this.report(err, 'ListPipelines', target);
      return false;
    }
  }

  async recent(key: PipelineKey): Promise<ExecutionSummary[]> {
    await this.explorer.loadRecent(key);
    return this.explorer.store.pipeline(key)?.recent ?? [];
  }

  /** Reads the pipeline's state (and structure, once); false (and the error reported) when that fails. */
  async runtimeOf(key: PipelineKey): Promise<boolean> {
    try {
      await Promise.all([
        this.explorer.loadRuntime(key),
        this.explorer.store.pipeline(key)?.structure ? Promise.resolve(false) : this.explorer.loadStructure(key).catch(() => false),
      ]);
      return true;
    } catch (err) {
      this.report(err, 'GetPipelineState', key);
      return false;
    }
  }

  /**
   * Runs an AWS call with progress; reports failures (`explain` words the ones it knows, and the
   * view is refreshed since they mean it was out of date); refreshes what the call changed.
   */
  async act(key: PipelineKey, title: string, operation: string, call: () => Promise<unknown>, refresh: Refresh, retry: () => void,
    explain?: (error: unknown) => string | undefined): Promise<boolean> {
    try {
      await this.ui.withProgress(title, async () => {
        await call();
        await this.explorer.refreshAfterAction(key, refresh);
      });
      return true;
    } catch (err) {
      this.d.log.warn(`${operation} on ${key.name} failed: ${String(err)}`);
      const known = explain?.(err);
      if (known === undefined) {
        this.report(err, operation, key, retry);
        return false;
      }
      this.ui.notify('error', known, ['Retry'], () => retry());
      await this.explorer.refreshAfterAction(key, refresh).catch((e: unknown) => this.d.log.debug(`refresh after ${operation}: ${String(e)}`));
      return false;
    }
  }
}
