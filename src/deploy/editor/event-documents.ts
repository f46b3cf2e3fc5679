// The `conveyor-deploy-event` documents: one lifecycle event on one target, with its log tail, loaded
// from CodeDeploy by what the URI names (so a document survives a window reload).
import * as vscode from 'vscode';
import type { AwsTarget } from '../../aws/access';
import type { DeployApi } from '../model/api';
import { EVENT_DOCUMENT_SCHEME, eventDocumentLocation, type EventDocumentRef, parseEventDocument, renderEventDocument } from '../present/event-document';

export function eventDocumentUri(ref: EventDocumentRef): vscode.Uri {
  const { path, query } = eventDocumentLocation(ref);
  // Uri.from takes the path decoded (it encodes it itself): the tab then reads "AfterInstall · i-….log".
  return vscode.Uri.from({ scheme: EVENT_DOCUMENT_SCHEME, path: decodeURIComponent(path), query });
}

export class EventDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly api: (account: AwsTarget) => DeployApi) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ref = parseEventDocument(uri.path, uri.query);
    if (!ref) throw new Error(`Not a lifecycle event document: ${uri.toString()}`);
    const api = this.api({ profile: ref.profile, region: ref.region });
    const [deployment] = await api.getDeployments([ref.deploymentId]);
    if (!deployment) return `Deployment ${ref.deploymentId} was not found in ${ref.region} (profile ${ref.profile}).\n`;
    const [target] = await api.getTargets(ref.deploymentId, [ref.targetId]);
    const event = target?.events.find((e) => e.name === ref.event);
    if (!target || !event) return `${ref.event} on ${ref.targetId} is not part of deployment ${ref.deploymentId}.\n`;
    return renderEventDocument(deployment, target, event);
  }
}
