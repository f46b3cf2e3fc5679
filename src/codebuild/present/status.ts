import type { IconSpec } from '../../core/tree';
import type { BuildStatus } from '../model/types';

const ICONS: Record<BuildStatus, IconSpec> = {
  IN_PROGRESS: { id: 'sync~spin', color: 'charts.blue' },
  SUCCEEDED: { id: 'pass', color: 'testing.iconPassed' },
  FAILED: { id: 'error', color: 'testing.iconFailed' },
  FAULT: { id: 'error', color: 'testing.iconErrored' },
  TIMED_OUT: { id: 'watch', color: 'testing.iconFailed' },
  STOPPED: { id: 'debug-stop', color: 'testing.iconSkipped' },
  Unknown: { id: 'circle-outline' },
};

const LABELS: Record<BuildStatus, string> = {
  IN_PROGRESS: 'In progress', SUCCEEDED: 'Succeeded', FAILED: 'Failed', FAULT: 'Fault', TIMED_OUT: 'Timed out', STOPPED: 'Stopped', Unknown: 'Unknown',
};

export function buildIcon(status: BuildStatus | undefined): IconSpec {
  return ICONS[status ?? 'Unknown'];
}

export function buildStatusLabel(status: BuildStatus | undefined): string {
  return status ? LABELS[status] : 'Not run yet';
}

/** "DOWNLOAD_SOURCE" → "Download source". */
export function phaseLabel(phase: string): string {
  const words = phase.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
