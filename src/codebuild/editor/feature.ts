// The CodeBuild feature bundle: loaded when the CodeBuild view opens, a CodeBuild command runs, a build
// document or a workspace buildspec is opened, or at startup when a project is watched.
import type { CommandTable } from '../../editor/commands';
import type { Feature, FeatureHost } from '../../editor/feature';
import { BUILD_SCHEME, CodeBuildFeature, VIEW_ID } from './codebuild-feature';

function commandTable(f: CodeBuildFeature): CommandTable {
  const { builds, view } = f;
  const inView = { location: { view: VIEW_ID } } as const;
  const watch = async (arg: unknown, on: boolean): Promise<void> => {
    const key = await view.project(arg);
    if (key) await f.watched.set(key, on);
  };
  return {
    'conveyor.codebuild.refresh': { run: (arg) => view.refresh(arg), progress: inView },
    'conveyor.codebuild.filter': () => view.filter(),
    'conveyor.codebuild.clearFilter': () => view.clearFilter(),
    'conveyor.codebuild.loadMore': { run: (arg) => view.loadMore(arg), progress: inView },
    'conveyor.codebuild.startBuild': (arg) => builds.startBuild(arg),
    'conveyor.codebuild.startBatchBuild': (arg) => builds.startBatchBuild(arg),
    'conveyor.codebuild.retryBuild': (arg) => builds.retryBuild(arg),
    'conveyor.codebuild.stopBuild': (arg) => builds.stopBuild(arg),
    'conveyor.codebuild.showBuild': (arg) => view.showBuild(arg),
    'conveyor.codebuild.showBuildLogs': (arg) => view.showBuildLogs(arg),
    'conveyor.codebuild.showTestResults': (arg) => view.showTestResults(arg),
    'conveyor.codebuild.openInConsole': (arg) => view.openInConsole(arg),
    'conveyor.codebuild.watch': (arg) => watch(arg, true),
    'conveyor.codebuild.unwatch': (arg) => watch(arg, false),
  };
}

export function activate(host: FeatureHost): Feature & { readonly codebuild: CodeBuildFeature } {
  const codebuild = new CodeBuildFeature({
    log: host.log, aws: host.aws, ui: host.ui, globalState: host.context.globalState,
    treeView: (provider) => host.treeView(VIEW_ID, provider),
  });
  return {
    codebuild,
    commands: commandTable(codebuild),
    documents: { [BUILD_SCHEME]: codebuild.documents },
    dispose: () => codebuild.dispose(),
  };
}
