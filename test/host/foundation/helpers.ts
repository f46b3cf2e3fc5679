import * as vscode from 'vscode';
import type { ConveyorApi } from '../../../src/extension';

export const EXTENSION_ID = 'conveyor-dev.conveyor';

export async function activateConveyor(): Promise<ConveyorApi> {
  const ext = vscode.extensions.getExtension<ConveyorApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  return ext.activate();
}

/** Resolves when `check` holds, polling; rejects with `what` after `ms`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
