import * as vscode from 'vscode';
import { AwsSession } from '../../../src/aws/editor/session';
import { silentLogger } from '../../../src/core/log';
import type { ConveyorApi } from '../../../src/extension';

export const EXTENSION_ID = 'conveyor-dev.conveyor';

/** The activated extension's API, once its AWS session has read the settings and ~/.aws files. */
export async function activateConveyor(): Promise<ConveyorApi> {
  const ext = vscode.extensions.getExtension<ConveyorApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  const api = await ext.activate();
  await api.aws.ready;
  return api;
}

/** The suites' one wait on state (see ../waits.ts); `waitFor` is its older name. */
export { eventually as waitFor } from '../waits';

/** Ids of the features the extension has loaded so far (a test host only). */
export async function loadedFeatures(): Promise<string[]> {
  await activateConveyor();
  return (await vscode.commands.executeCommand<string[]>('conveyor.internal.features')) ?? [];
}

/** The extension's own instance of a feature, loaded now if it was not (a test host only). */
export async function extensionFeature<T>(id: string): Promise<T> {
  await activateConveyor();
  const feature = await vscode.commands.executeCommand<T | undefined>('conveyor.internal.features', id);
  if (!feature) throw new Error(`the extension did not start its ${id} feature`);
  return feature;
}

/**
 * An AWS session of the test bundle's own, on the same settings and ~/.aws files as the extension's.
 * Code of the test bundle that builds on the SDK's paginators needs clients of its own copy of the SDK
 * (a paginator checks that its client is an instance of its own client class).
 */
export async function testAwsSession(): Promise<AwsSession> {
  await activateConveyor();
  const state = new Map<string, unknown>();
  const memento: vscode.Memento = {
    keys: () => [...state.keys()],
    get: <T>(key: string, defaultValue?: T) => (state.has(key) ? state.get(key) as T : defaultValue),
    update: async (key: string, value: unknown) => { state.set(key, value); },
  };
  // The emulator is on this machine's loopback: the session uses it without asking.
  const session = new AwsSession(silentLogger, { state: memento, allowEndpoint: async () => false });
  await session.reload('host test');
  return session;
}
