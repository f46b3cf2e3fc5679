// The activation shell: the log, the AWS profile (status bar, profile and region commands) and every
// feature's contributions, registered in a few milliseconds. Each feature's code and its AWS SDK
// clients load on first use (src/editor/lazy-features.ts).
import * as vscode from 'vscode';
import * as path from 'node:path';
import { createAwsSession, registerAwsCommands } from './aws/editor/register';
import type { AwsSession } from './aws/editor/session';
import { bundleLoader } from './editor/code-cache-loader';
import { SHOW_LOG_COMMAND } from './editor/commands';
import { LazyFeatures } from './editor/lazy-features';
import { createOutputLogger } from './editor/log';
import { createEditorUi } from './editor/vscode-ui';
import { featureDeclarations, viewOrder } from './features';

/** What activate() returns: used by host tests and by other extensions (`aws.ready`: the profile is known). */
export interface ConveyorApi {
  aws: AwsSession;
}

/** Only in an extension test host: which features are loaded, and a loaded feature's own objects. */
export const INTERNAL_FEATURES_COMMAND = 'conveyor.internal.features';
/** Only in an extension test host: the bundles loaded so far and how each used its code cache. */
const INTERNAL_BUNDLES_COMMAND = 'conveyor.internal.bundles';

export function activate(context: vscode.ExtensionContext): ConveyorApi {
  const started = Date.now();
  const { log, channel } = createOutputLogger(context);
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => channel.show()));
  const storage = context.globalStorageUri;
  bundleLoader.configure({ root: path.join(context.extensionPath, 'dist'), cacheDir: storage.scheme === 'file' ? path.join(storage.fsPath, 'code-cache') : undefined, log });
  context.subscriptions.push(bundleLoader);
  const aws = createAwsSession(context, log);
  const ui = createEditorUi({ aws });
  registerAwsCommands(context, aws, log, ui);
  const features = new LazyFeatures({
    context, log, aws, awsReady: aws.ready, ui, viewOrder: viewOrder(context), beforeAwsLoad: () => aws.prepareCredentials(),
  }, featureDeclarations(context));
  context.subscriptions.push(features);
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    context.subscriptions.push(vscode.commands.registerCommand(INTERNAL_FEATURES_COMMAND, (id?: unknown) =>
      (typeof id === 'string' ? features.get(id) : features.loaded)));
    // With a file under dist/: loads it (again, if a test removed it from require.cache) and lists its exports.
    context.subscriptions.push(vscode.commands.registerCommand(INTERNAL_BUNDLES_COMMAND, (file?: unknown) => ({
      cacheDir: bundleLoader.cacheDir, loads: bundleLoader.loads,
      ...(typeof file === 'string' ? { exports: Object.keys(bundleLoader.require(path.join(context.extensionPath, 'dist', file)) as object) } : {}),
    })));
  }
  void features.startNeeded();
  log.info(`Conveyor ${String((context.extension.packageJSON as { version?: unknown }).version)} activated in ${Date.now() - started} ms`);
  return { aws };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
