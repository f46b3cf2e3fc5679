import * as vscode from 'vscode';
import { escapeMarkdown } from '../../core/markdown';
import { isLocalEndpoint } from '../endpoint';
import { profileLabel } from '../profiles';
import type { AwsSession } from './session';

/** "$(cloud) profile · region" — or an unmistakable local-emulator label. Click to switch profile. */
export function createAwsStatusBar(session: AwsSession): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('conveyor.aws', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Conveyor: AWS profile';
  item.command = 'conveyor.aws.selectProfile';
  const render = (): void => {
    const t = session.current;
    const endpoint = session.endpointDecision;
    const local = isLocalEndpoint(endpoint.url);
    const origin = endpoint.trust === 'loopback'
      ? '\n\nSet by this workspace\'s settings. SSO sign-in and STS calls still go to AWS.'
      : endpoint.trust === 'approved' ? '\n\nSet by this workspace\'s settings, and allowed by you for this host.' : '';
    const ignored = endpoint.pending
      ? `\n\n$(shield) This workspace's \`conveyor.aws.endpointUrl\` (\`${endpoint.pending.url}\`) is ignored: you have not allowed that host.`
      : '';
    // Until the profiles are read the views wait; "configured" then keeps the choose-a-profile welcome away.
    void vscode.commands.executeCommand('setContext', 'conveyor.aws.configured', !session.isLoaded || t !== undefined);
    const problem = t && session.profileProblem?.profile === t.profile ? session.profileProblem : undefined;
    if (!session.isLoaded) {
      item.text = '$(loading~spin) AWS';
      item.tooltip = 'Conveyor: reading the AWS profiles…';
      item.backgroundColor = undefined;
    } else if (!t) {
      item.text = '$(cloud) No AWS profile';
      item.tooltip = 'Conveyor: choose an AWS profile';
      item.backgroundColor = undefined;
    } else if (local) {
      item.text = `$(beaker) LOCAL ${profileLabel(t.profile)} · ${t.region}`;
      item.tooltip = new vscode.MarkdownString(`**Local emulator**, not AWS: requests go to \`${endpoint.url ?? ''}\`.${origin}\n\n`
        + `Profile \`${t.profile}\`, region \`${t.region}\`. Clear \`conveyor.aws.endpointUrl\` to use AWS.`, true);
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      item.text = `$(cloud) ${profileLabel(t.profile)} · ${t.region}${endpoint.url ? ' $(globe)' : ''}${endpoint.pending ? ' $(shield)' : ''}`;
      item.tooltip = new vscode.MarkdownString(`AWS profile \`${t.profile}\`, region \`${t.region}\``
        + `${endpoint.url ? `, endpoint \`${endpoint.url}\`${origin}` : '.'}${ignored}\n\nClick to switch.`, true);
      item.backgroundColor = undefined;
    }
    if (problem) {
      item.text = `$(error) ${item.text.replace(/^\$\([a-z-]+\) /, '')}`;
      item.tooltip = new vscode.MarkdownString(`$(error) **Profile \`${t?.profile ?? ''}\` is not usable**\n\n${escapeMarkdown(problem.message)}`
        + '\n\nClick to choose another profile.', true);
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    }
    item.show();
  };
  render();
  // The first read may change nothing (no profile at all): it ends the "loading" state all the same.
  let disposed = false;
  void session.ready.then(() => { if (!disposed) render(); });
  const subs = [session.onDidChange(render), session.onDidChangeProfileProblem(render)];
  return { dispose: () => { disposed = true; for (const sub of subs) sub.dispose(); item.dispose(); } };
}
