import type { ExecutionStatus } from '../model/types';
import type { IconSpec } from '../../core/tree';


const ICONS: Record<ExecutionStatus, IconSpec> = {
  InProgress: { id: 'sync~spin', color: 'charts.blue' },
  Stopping: { id: 'loading~spin', color: 'charts.yellow' },
  Succeeded: { id: 'pass', color: 'testing.iconPassed' },
  Failed: { id: 'error', color: 'testing.iconFailed' },
  Stopped: { id: 'debug-stop', color: 'testing.iconSkipped' },
  Cancelled: { id: 'circle-slash', color: 'testing.iconSkipped' },
  Abandoned: { id: 'circle-slash', color: 'testing.iconSkipped' },
  Superseded: { id: 'debug-step-over', color: 'testing.iconSkipped' },
  Skipped: { id: 'debug-step-over', color: 'testing.iconSkipped' },
  Unknown: { id: 'circle-outline' },
};

export function statusIcon(status: ExecutionStatus | undefined): IconSpec {
  return ICONS[status ?? 'Unknown'];
}

const LABELS: Record<ExecutionStatus, string> = {
  InProgress: 'In progress',
  Stopping: 'Stopping',
  Succeeded: 'Succeeded',
  Failed: 'Failed',
  Stopped: 'Stopped',
  Cancelled: 'Cancelled',
  Abandoned: 'Abandoned',
  Superseded: 'Superseded',
  Skipped: 'Skipped',
  Unknown: 'Unknown',
};

export function statusLabel(status: ExecutionStatus | undefined): string {
  return status ? LABELS[status] : 'Not run yet';
}

/** The same status in the middle of a sentence ("abc1234 → Prod: in progress"). */
export function statusPhrase(status: ExecutionStatus | undefined): string {
  return statusLabel(status).toLowerCase();
}

/** A codicon usable inline in a status bar text or a markdown string: `$(id)`. */
export function statusGlyph(status: ExecutionStatus | undefined): string {
  return `$(${statusIcon(status).id})`;
}
