// The CodeBuild view's own commands: refresh, filter, "Load more", the build details document, the
// build log (the logs feature's document, by command), the AWS console, test reports, and watching.
import { buildConsoleUrl } from '../../aws/console';
import { parseTargetKey } from '../../aws/targets';
import { asObject, asString } from '../../core/args';
import { isNode } from '../model/command-args';
import type { TreeNode } from '../model/tree';
import { idOfArn, type ProjectKey } from '../model/types';
import { batchConsoleUrl, projectConsoleUrl, reportConsoleUrl } from '../present/console';
import type { CommandContext } from './command-context';

export class ViewCommands {
  constructor(private readonly c: CommandContext) {}

  async refresh(arg?: unknown): Promise<void> {
    await this.c.explorer.refresh(isNode(arg) && arg.kind !== 'message' ? arg : undefined);
  }

  async filter(): Promise<void> {
    const text = await this.c.ui.input({
      title: 'Filter CodeBuild projects', prompt: 'Words in the project name (all must match); empty shows every project',
      value: this.c.explorer.tree.filter, placeholder: 'orders test',
    });
    if (text === undefined) return;
    this.c.explorer.setFilter(text);
    this.c.d.onFilterChanged();
  }

  clearFilter(): void {
    if (this.c.explorer.setFilter('')) this.c.d.onFilterChanged();
  }

  async loadMore(arg?: unknown): Promise<void> {
    if (isNode(arg)) await this.c.explorer.loadMore(arg);
  }

  /** The details document of a build or batch build. */
  async showBuild(arg?: unknown): Promise<void> {
    const ref = await this.c.run(arg, 'Show Build');
    if (!ref) return;
    await this.c.d.showBuild({ target: ref.target, id: ref.id, batch: ref.batch }, this.c.label(ref));
  }

  /** The build's log, live while it runs (the logs feature's `conveyor-log:` document). */
  async showBuildLogs(arg?: unknown): Promise<void> {
    const ref = await this.c.run(arg, 'Show CodeBuild Logs');
    if (!ref) return;
    if (ref.batch) {
      this.c.ui.notify('info', 'A batch build has no log of its own: expand it and show the log of one of its builds.');
      return;
    }
    const t = parseTargetKey(ref.target);
    await this.c.d.executeCommand('conveyor.logs.showActionLogs', {
      ...(t ? { profile: t.profile, region: t.region } : {}), externalExecutionId: ref.id, provider: 'CodeBuild',
    });
  }

  async openInConsole(arg?: unknown): Promise<string | undefined> {
    const node = isNode(arg) ? arg : undefined;
    const url = node ? this.consoleUrl(node) : await this.consoleUrlOfArgs(arg);
    if (url) await this.c.ui.openExternal(url);
    return url;
  }

  private consoleUrl(node: TreeNode): string | undefined {
    const region = (target: string): string => this.c.region(target);
    switch (node.kind) {
      case 'project':
      case 'batches':
      case 'reports':
        return projectConsoleUrl(region(node.key.target), node.key.name);
      case 'build':
      case 'phase':
      case 'artifact':
        return buildConsoleUrl(region(node.key.target), node.buildId);
      case 'batch':
        return batchConsoleUrl(region(node.key.target), node.batchId);
      case 'group': {
        const arn = this.c.explorer.store.batch(node.key.target, node.batchId)?.groups.find((g) => g.identifier === node.identifier)?.current?.arn;
        return arn ? buildConsoleUrl(region(node.key.target), idOfArn(arn)) : batchConsoleUrl(region(node.key.target), node.batchId);
      }
      case 'buildReport':
      case 'report':
        return reportConsoleUrl(region(node.key.target), node.reportArn);
      default:
        return undefined;
    }
  }

  private async consoleUrlOfArgs(arg: unknown): Promise<string | undefined> {
    const ref = await this.c.run(arg, 'Open in CodeBuild Console');
    if (!ref) return undefined;
    return ref.batch ? batchConsoleUrl(this.c.region(ref.target), ref.id) : buildConsoleUrl(this.c.region(ref.target), ref.id);
  }

  /** A test or coverage report in the Testing view: a report row, a build (its reports), or `{ reportArn }`. */
  async showTestResults(arg?: unknown): Promise<void> {
    if (isNode(arg) && (arg.kind === 'report' || arg.kind === 'buildReport')) {
      await this.c.d.showReport(arg.key.target, arg.reportArn);
      return;
    }
    const reportArn = asString(asObject(arg)?.reportArn);
    if (reportArn) {
      const target = await this.c.target(this.c.args(arg), 'Show Test Results');
      if (target) await this.c.d.showReport(target, reportArn);
      return;
    }
    const ref = await this.c.run(arg, 'Show Test Results');
    if (!ref || ref.batch) return;
    const build = await this.c.explorer.build(ref.target, ref.id);
    const arns = build?.reportArns ?? [];
    if (!arns.length) {
      this.c.ui.notify('info', `${this.c.label(ref)} wrote no test or coverage reports.`);
      return;
    }
    for (const arn of arns) await this.c.d.showReport(ref.target, arn);
  }

  /** The project of a node or argument, for watching. */
  project(arg: unknown): Promise<ProjectKey | undefined> {
    return this.c.project(arg, 'Watch Project');
  }
}
