// The Deployments feature bundle: loaded when the Deployments view opens, a deploy command runs (the
// pipelines feature's CodeDeploy actions call conveyor.deploy.showDeployment), an event document is
// opened, or at startup when a deployment group is watched.
import type { CommandTable } from '../../editor/commands';
import type { Feature, FeatureHost } from '../../editor/feature';
import { EVENT_DOCUMENT_SCHEME } from '../present/event-document';
import { DeployFeature, VIEW_ID } from './deploy-feature';

function commandTable(f: DeployFeature): CommandTable {
  const c = f.commands;
  const inView = { location: { view: VIEW_ID } } as const;
  return {
    'conveyor.deploy.refresh': (arg) => c.refresh(arg),
    'conveyor.deploy.loadMore': { run: (arg) => c.loadMore(arg), progress: inView },
    'conveyor.deploy.showError': (arg) => c.showError(arg),
    'conveyor.deploy.showDeployment': { run: (arg) => c.showDeployment(arg), progress: inView },
    'conveyor.deploy.showDeploymentDetails': (arg) => c.showDetails(arg),
    'conveyor.deploy.openFailure': { run: (arg) => c.openFailure(arg), progress: inView },
    'conveyor.deploy.showEventLog': (arg) => c.showEventLog(arg),
    'conveyor.deploy.stop': (arg) => c.stop(arg),
    'conveyor.deploy.continue': (arg) => c.continue(arg),
    'conveyor.deploy.redeploy': (arg) => c.redeploy(arg),
    'conveyor.deploy.openInConsole': (arg) => c.openInConsole(arg),
    'conveyor.deploy.copyId': (arg) => c.copyId(arg),
    'conveyor.deploy.watch': (arg) => c.watch(arg, true),
    'conveyor.deploy.unwatch': (arg) => c.watch(arg, false),
  };
}

export function activate(host: FeatureHost): Feature & { readonly deploy: DeployFeature } {
  const deploy = new DeployFeature({
    log: host.log, aws: host.aws, ui: host.ui, globalState: host.context.globalState, extensionUri: host.context.extensionUri,
    treeView: (provider) => host.treeView(VIEW_ID, provider),
  });
  return {
    deploy,
    commands: commandTable(deploy),
    documents: { [EVENT_DOCUMENT_SCHEME]: deploy.events },
    dispose: () => deploy.dispose(),
  };
}
