// The build logs feature bundle: loaded when a logs command runs or a `conveyor-log:` document opens.
import * as vscode from 'vscode';
import { DisposableStore } from '../../core/disposables';
import type { CommandTable } from '../../editor/commands';
import type { Feature, FeatureHost } from '../../editor/feature';
import { FeatureSettings } from '../../editor/settings';
import { LOGS_SETTINGS } from '../settings';
import { LOG_SCHEME } from '../uri';
import { LogCommands } from './log-commands';
import { LogDocuments } from './log-documents';
import { LogOutline } from './log-outline';

export interface LogsFeature extends Feature {
  readonly logs: LogDocuments;
}

export function activate(host: FeatureHost): LogsFeature {
  const disposables = new DisposableStore();
  const settings = disposables.add(new FeatureSettings(LOGS_SETTINGS));
  const documents = disposables.add(new LogDocuments({ log: host.log, aws: host.aws, settings }));
  const outline = new LogOutline(documents);
  const selector: vscode.DocumentSelector = { scheme: LOG_SCHEME };
  disposables.add(vscode.languages.registerFoldingRangeProvider(selector, outline));
  disposables.add(vscode.languages.registerDocumentSymbolProvider(selector, outline, { label: 'Build phases' }));
  disposables.add(vscode.languages.registerCodeLensProvider(selector, outline));
  const c = new LogCommands({ log: host.log, aws: host.aws, ui: host.ui, documents });
  const commands: CommandTable = {
    'conveyor.logs.showActionLogs': (a) => c.showActionLogs(a),
    'conveyor.logs.showBuildLogs': (a) => c.showBuildLogs(a),
    'conveyor.logs.loadOlder': (a) => c.loadOlder(a),
    'conveyor.logs.goToFailingCommand': (a) => c.goToFailingCommand(a),
    'conveyor.logs.stopTail': (a) => c.stopTail(a),
    'conveyor.logs.reload': (a) => c.reload(a),
    'conveyor.logs.openInConsole': (a) => c.openInConsole(a),
  };
  return { logs: documents, commands, documents: { [LOG_SCHEME]: documents }, dispose: () => disposables.dispose() };
}
