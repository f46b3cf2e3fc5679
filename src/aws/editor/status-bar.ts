import * as vscode from 'vscode';
import { profileLabel } from '../profiles';
import { isLocalEndpoint } from '../settings';
import type { AwsSession } from './session';

/** "$(cloud) profile · region" — or an unmistakable local-emulator label. Click to switch profile. */
export function createAwsStatusBar(session: AwsSession): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('conveyor.aws', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Conveyor: AWS profile';
  item.command = 'conveyor.aws.selectProfile';
  const render = (): void => {
    const t = session.current;
    const local = isLocalEndpoint(session.endpointUrl);
    if (!t) {
      item.text = '$(cloud) No AWS profile';
      item.tooltip = 'Conveyor: choose an AWS profile';
      item.backgroundColor = undefined;
    } else if (local) {
      item.text = `$(beaker) LOCAL ${profileLabel(t.profile)} · ${t.region}`;
      item.tooltip = new vscode.MarkdownString(`**Local emulator**, not AWS: requests go to \`${session.endpointUrl}\`.\n\n`
        + `Profile \`${t.profile}\`, region \`${t.region}\`. Clear \`conveyor.aws.endpointUrl\` to use AWS.`);
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      item.text = `$(cloud) ${profileLabel(t.profile)} · ${t.region}`;
      item.tooltip = `AWS profile ${t.profile}, region ${t.region}${session.endpointUrl ? `, endpoint ${session.endpointUrl}` : ''}. Click to switch.`;
      item.backgroundColor = undefined;
    }
    item.show();
  };
  render();
  const sub = session.onDidChange(render);
  return { dispose: () => { sub.dispose(); item.dispose(); } };
}
