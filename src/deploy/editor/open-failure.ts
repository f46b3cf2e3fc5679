// From a failed lifecycle event to its source: the workspace appspec opened at the hook (the failing
// script's entry selected), the script itself beside it, and the event's log tail beside that.
import * as vscode from 'vscode';
import type { AwsTarget } from '../../aws/access';
import { linkFailure, type FailureLink } from '../appspec/failure-link';
import type { FailedEvent } from '../model/types';
import { eventDocumentRef } from '../present/event-document';
import { eventDocumentUri } from './event-documents';
import { existingFile, findWorkspaceAppSpecs } from './workspace-appspecs';

export interface OpenedFailure {
  link?: FailureLink;
  appspec?: vscode.Uri;
  script?: vscode.Uri;
  log: vscode.Uri;
}

async function show(uri: vscode.Uri, column: vscode.ViewColumn, options: { selection?: vscode.Range; preserveFocus: boolean }): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { viewColumn: column, preview: false, preserveFocus: options.preserveFocus,
    ...(options.selection ? { selection: options.selection } : {}) });
}

export async function openFailure(account: AwsTarget, failed: FailedEvent, names: { applicationName: string; groupName: string }): Promise<OpenedFailure> {
  const log = eventDocumentUri(eventDocumentRef(account, failed.deploymentId, failed.target.id, failed.event.name));
  const { candidates, uris } = await findWorkspaceAppSpecs();
  const link = linkFailure(candidates, failed, names);
  const appspec = link && uris.get(link.appspecPath);
  if (!link || !appspec) {
    await show(log, vscode.ViewColumn.Active, { preserveFocus: false });
    return { log };
  }
  const at = link.hook.entry ?? { line: link.hook.line, character: link.hook.character, endLine: link.hook.line, endCharacter: link.hook.endCharacter };
  await show(appspec, vscode.ViewColumn.One, { preserveFocus: false, selection: new vscode.Range(at.line, at.character, at.endLine, at.endCharacter) });
  const script = link.scriptPath ? await existingFile(appspec, link.appspecPath, link.scriptPath) : undefined;
  if (script) await show(script, vscode.ViewColumn.Two, { preserveFocus: true });
  await show(log, script ? vscode.ViewColumn.Three : vscode.ViewColumn.Two, { preserveFocus: true });
  return { link, appspec, log, ...(script ? { script } : {}) };
}
