// What a watched group's notification says and offers: the deployment, how it ended (for a failure,
// the first failed lifecycle event and where), and the next step as buttons.
import type { DeployNotificationKind } from '../model/notifications';
import type { DeploymentSummary, FailedEvent } from '../model/types';

export const NOTIFY_BUTTONS = {
  openFailure: 'Open Failing Hook',
  show: 'Show Deployment',
  continue: 'Continue Deployment',
} as const;

export type NotifyButton = typeof NOTIFY_BUTTONS[keyof typeof NOTIFY_BUTTONS];

export interface NotificationText {
  level: 'info' | 'warning' | 'error';
  message: string;
  buttons: NotifyButton[];
}

export function notificationText(kind: DeployNotificationKind, d: Pick<DeploymentSummary, 'id' | 'groupName' | 'error' | 'revision'>, failures: readonly FailedEvent[] = []): NotificationText {
  const who = `${d.groupName}: deployment ${d.id}`;
  switch (kind) {
    case 'failed': {
      const first = failures[0];
      const where = first
        ? ` in ${first.event.name} on ${first.target.id}${failures.length > 1 ? ` (and ${failures.length - 1} more)` : ''}${first.event.diagnostics?.errorCode ? ` — ${first.event.diagnostics.errorCode}` : ''}`
        : d.error ? ` — ${d.error.code}${d.error.message ? `: ${d.error.message}` : ''}` : '';
      return { level: 'error', message: `${who} failed${where}.`, buttons: first ? [NOTIFY_BUTTONS.openFailure, NOTIFY_BUTTONS.show] : [NOTIFY_BUTTONS.show] };
    }
    case 'succeeded':
      return { level: 'info', message: `${who} succeeded${d.revision ? ` (${d.revision.label})` : ''}.`, buttons: [NOTIFY_BUTTONS.show] };
    case 'stopped':
      return { level: 'warning', message: `${who} was stopped${d.error?.code ? ` (${d.error.code})` : ''}.`, buttons: [NOTIFY_BUTTONS.show] };
    case 'waiting':
      return { level: 'info', message: `${who} is ready: traffic waits to be rerouted.`, buttons: [NOTIFY_BUTTONS.continue, NOTIFY_BUTTONS.show] };
  }
}
