// The "New CDK Pipeline Project" feature bundle: loaded when the command runs.
import type { Feature, FeatureHost } from '../../editor/feature';
import { COMMAND, newCdkPipelineProject, targetFolderOf } from './new-project';

export function activate(host: FeatureHost): Feature {
  const deps = { log: host.log, aws: host.aws, ui: host.ui };
  return {
    commands: { [COMMAND]: (arg) => newCdkPipelineProject(deps, targetFolderOf(arg)) },
    dispose: () => undefined,
  };
}
