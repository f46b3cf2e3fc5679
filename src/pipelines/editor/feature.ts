// The Pipelines feature bundle: loaded when the Pipelines view opens, a pipelines command runs, an
// execution document is opened, or at startup when a pipeline is pinned or watched.
import type { CommandTable } from '../../editor/commands';
import type { Feature, FeatureHost } from '../../editor/feature';
import { TIMELINE_SCHEME } from './timeline-document';
import { PipelinesFeature, VIEW_ID } from './pipelines-feature';

function commandTable(f: PipelinesFeature): CommandTable {
  const c = f.commands;
  const inView = { location: { view: VIEW_ID } } as const;
  return {
    'conveyor.pipelines.refresh': { run: (arg) => c.refresh(arg), progress: inView },
    'conveyor.pipelines.filter': (arg) => c.filter(arg),
    'conveyor.pipelines.clearFilter': () => c.clearFilter(),
    'conveyor.pipelines.loadMore': { run: (arg) => c.loadMore(arg), progress: inView },
    'conveyor.pipelines.start': (arg) => c.start(arg),
    'conveyor.pipelines.stop': (arg) => c.stop(arg),
    'conveyor.pipelines.retryStage': (arg) => c.retryStage(arg),
    'conveyor.pipelines.overrideStageCondition': (arg) => c.overrideCondition(arg),
    'conveyor.pipelines.rollbackStage': (arg) => c.rollbackStage(arg),
    'conveyor.pipelines.approve': (arg) => c.approve(arg),
    'conveyor.pipelines.reject': (arg) => c.reject(arg),
    'conveyor.pipelines.enableTransition': (arg) => c.setTransition(arg, true),
    'conveyor.pipelines.disableTransition': (arg) => c.setTransition(arg, false),
    'conveyor.pipelines.showExecution': (arg) => c.showExecution(arg),
    'conveyor.pipelines.openInConsole': (arg) => c.openInConsole(arg),
    'conveyor.pipelines.copyArn': (arg) => c.copyArn(arg),
    'conveyor.pipelines.pin': (arg) => c.follow(arg, 'pinned', true),
    'conveyor.pipelines.unpin': (arg) => c.follow(arg, 'pinned', false),
    'conveyor.pipelines.watch': (arg) => c.follow(arg, 'watched', true),
    'conveyor.pipelines.unwatch': (arg) => c.follow(arg, 'watched', false),
    'conveyor.pipelines.showActionLogs': (arg) => c.showActionLogs(arg),
    'conveyor.pipelines.showDeployment': (arg) => c.showDeployment(arg),
    'conveyor.pipelines.showYourCommit': () => f.showYourCommit(),
  };
}

export function activate(host: FeatureHost): Feature & { readonly pipelines: PipelinesFeature } {
  const pipelines = new PipelinesFeature(host.context, {
    log: host.log, aws: host.aws, ui: host.ui,
    treeView: (provider) => host.treeView(VIEW_ID, provider),
  });
  return {
    pipelines,
    commands: commandTable(pipelines),
    documents: { [TIMELINE_SCHEME]: pipelines.timelines },
    dispose: () => pipelines.dispose(),
  };
}
