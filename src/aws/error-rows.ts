// The one error state of every AWS view: a row with a short title ("Couldn't list pipelines"), the full
// explained message in its description and tooltip, and a click that shows the details with what the
// person can do next (sign in again, choose another profile, retry, show the log).
import { errorNode, messageNode, plainTooltip, type MessageNode, type NodePresentation } from '../core/tree';
import type { ErrorAction } from './errors';
import { PROFILE_CATEGORIES, ssoLoginArgs } from './errors';
import type { ProfileKind } from './profiles';

export const SHOW_ERROR_DETAILS = 'conveyor.aws.showErrorDetails';
/** The last button of every AWS error notification: the log holds the failed call's service, operation and profile. */
export const SHOW_LOG_BUTTON = 'Show Log';

/** An action's button, worded the same in every error notification and error row. */
export function actionLabel(action: ErrorAction): string {
  switch (action.kind) {
    case 'ssoLogin': return `Run ${action.command}`;
    case 'selectProfile': return 'Choose Another Profile';
    case 'selectRegion': return 'Select Region';
    case 'openSettings': return 'Open Settings';
    case 'retry': return 'Retry';
  }
}

/**
 * Whether "Run aws sso login" can help: the SDK said the SSO session is gone, or the profile signs in
 * with IAM Identity Center. Expired static keys or a credential_process need something else.
 */
export function ssoLoginApplies(category: string, kind: ProfileKind | undefined): boolean {
  return category === 'ssoExpired' || kind === 'sso' || kind === 'sso-legacy';
}

/**
 * The buttons of an error notification: one per action, then Show Log. Run aws sso login only where it
 * applies, and only with a folder (the login runs as a task; the message still names the command).
 */
export function errorButtons(actions: readonly ErrorAction[], where: { hasFolder: boolean; ssoLogin: boolean }): { actions: ErrorAction[]; labels: string[] } {
  const shown = actions.filter((a) => a.kind !== 'ssoLogin' || (where.hasFolder && where.ssoLogin));
  return { actions: shown, labels: [...shown.map(actionLabel), SHOW_LOG_BUTTON] };
}

/** What "Show Details" shows and offers; passed as the row command's argument. */
export interface ErrorDetails {
  title: string;
  message: string;
  category: string;
  /** The profile the failing call used. */
  profile?: string;
  /** Runs the failed load again. */
  retry?: { command: string; args: readonly unknown[] };
}

export function isErrorDetails(value: unknown): value is ErrorDetails {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof ErrorDetails, unknown>>;
  return typeof v.title === 'string' && typeof v.message === 'string' && typeof v.category === 'string'
    && (v.profile === undefined || typeof v.profile === 'string');
}

/** The next steps an error of a category offers, in the order the buttons show. */
export function actionsFor(category: string, profile: string | undefined): ErrorAction[] {
  const actions: ErrorAction[] = [];
  const login = profile !== undefined && ssoLoginArgs(profile);
  if (login && (category === 'ssoExpired' || category === 'credentialsExpired')) {
    actions.push({ kind: 'ssoLogin', profile, command: `aws ${login.join(' ')}` });
  }
  if (PROFILE_CATEGORIES.has(category) || category === 'accessDenied') actions.push({ kind: 'selectProfile' });
  actions.push({ kind: 'retry' });
  return actions;
}

/** A message row: an error/warning with a failure becomes the error state; anything else an info row. */
export function presentMessage(node: MessageNode, retryCommand: string, profile?: string): NodePresentation {
  const retry = node.retry ? { command: { id: retryCommand, title: 'Retry' } } : {};
  const contextValue = node.retry ? 'message:retry' : 'message';
  if (node.failure && node.severity !== 'info') {
    const details: ErrorDetails = {
      title: node.failure.title, message: node.text, category: node.failure.category, ...(profile !== undefined ? { profile } : {}),
      ...(node.retry ? { retry: { command: retryCommand, args: [node] } } : {}),
    };
    const p = errorNode(node.id, node.failure.title, node.text, {
      contextValue: `${contextValue}:${node.failure.category}`,
      command: { id: SHOW_ERROR_DETAILS, title: 'Show Details', args: [details] },
      tooltip: [plainTooltip(node.failure.title), plainTooltip(node.text), node.detail ? `_${plainTooltip(node.detail)}_` : '',
        '_Click for the details and what to do next._'].filter(Boolean).join('\n\n'),
    });
    return node.severity === 'warning' ? { ...p, icon: { id: 'warning', color: 'problemsWarningIcon.foreground' } } : p;
  }
  if (node.severity === 'error') return errorNode(node.id, node.text, node.detail ?? '', { contextValue, ...retry });
  const p = messageNode(node.id, node.text, { contextValue, ...retry, ...(node.detail ? { description: node.detail } : {}) });
  return node.severity === 'warning' ? { ...p, icon: { id: 'warning', color: 'problemsWarningIcon.foreground' } } : p;
}
