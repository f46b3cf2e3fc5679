import * as vscode from 'vscode';
import type { ConveyorApi } from '../../../src/extension';

export const EXTENSION_ID = 'conveyor-dev.conveyor';

export async function activateConveyor(): Promise<ConveyorApi> {
  const ext = vscode.extensions.getExtension<ConveyorApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  return ext.activate();
}

/** The suites' one wait on state (see ../waits.ts); `waitFor` is its older name. */
export { eventually as waitFor } from '../waits';
