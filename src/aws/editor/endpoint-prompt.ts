import * as vscode from 'vscode';

/** A workspace's endpoint that is waiting for the person's decision. */
export interface PendingEndpoint {
  url: string;
  /** scheme://host:port, what the decision is remembered for. */
  origin: string;
}

/** Resolves to true when the person allows the endpoint. */
export type AllowEndpoint = (pending: PendingEndpoint) => Promise<boolean>;

/** Asks once, naming the host, whether a workspace's conveyor.aws.endpointUrl may be used. */
export async function askToAllowEndpoint(pending: PendingEndpoint): Promise<boolean> {
  const host = new URL(pending.origin).host;
  const allow = `Allow ${host}`;
  const picked = await vscode.window.showWarningMessage(
    `This workspace's settings send your AWS requests to ${pending.url} instead of AWS (conveyor.aws.endpointUrl). `
    + `That host would receive requests signed with your credentials, and your SSO sign-in. Conveyor ignores the setting unless you allow ${host}.`,
    allow, 'Ignore');
  return picked === allow;
}
