// Labels for the phase outline and folding of a build log.
import { formatDuration } from '../core/format';
import { phaseDuration, type LogPhase } from './phases';

/** "BUILD", with "succeeded · 42 s" (or "running…") as the detail. */
export function phaseLabel(p: LogPhase, running: boolean): { name: string; detail: string } {
  const d = phaseDuration(p);
  // The phase status as words ("TIMED_OUT" → "timed out"), not emoji, which draw as boxes without an emoji font.
  const status = p.status ? p.status.toLowerCase().replace(/_/g, ' ') : running ? 'running…' : '';
  const parts = [status, d !== undefined ? formatDuration(d) : '', p.partial ? 'started before the loaded lines' : ''].filter(Boolean);
  return { name: p.name, detail: parts.join(' · ') };
}

/** A command's outline entry: "npm test" (exit status 1). */
export function commandLabel(c: { command: string; failed?: boolean; exitStatus?: number }): { name: string; detail: string } {
  const name = c.command.length > 80 ? `${c.command.slice(0, 79)}…` : c.command;
  return { name: name || '(empty command)', detail: c.failed ? `failed · exit status ${c.exitStatus ?? '?'}` : '' };
}
