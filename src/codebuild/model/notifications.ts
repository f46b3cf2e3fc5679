// When to tell the person about a watched project: one of its builds (or batch builds) finished. The
// first observation of a project is the baseline: what had already finished then is not news.
import { isRunning, type BuildInfo } from './types';

export interface NotifySettings {
  failed: boolean;
  succeeded: boolean;
}

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = { failed: true, succeeded: true };

export interface BuildNotification {
  kind: 'failed' | 'succeeded' | 'stopped';
  target: string;
  build: BuildInfo;
}

export class BuildNotificationTracker {
  /** Builds seen running (news when they finish) and builds already reported or baselined. */
  private readonly running = new Set<string>();
  private readonly done = new Set<string>();

  /**
   * Feeds builds that were just loaded; `watched` says whether their project is watched. A build seen
   * for the first time when it has already finished is history, not news — unless it was started
   * from this window (`started`).
   */
  observe(target: string, builds: readonly BuildInfo[], watched: (project: string) => boolean, settings: NotifySettings, started: ReadonlySet<string> = new Set()): BuildNotification[] {
    const out: BuildNotification[] = [];
    for (const b of builds) {
      const id = `${target}\n${b.id}`;
      if (!watched(b.projectName)) continue;
      if (isRunning(b.status)) {
        this.running.add(id);
        continue;
      }
      if (this.done.has(id)) continue;
      this.done.add(id);
      const wasRunning = this.running.delete(id) || started.has(b.id);
      if (!wasRunning) continue;
      if (b.status === 'SUCCEEDED') {
        if (settings.succeeded) out.push({ kind: 'succeeded', target, build: b });
      } else if (b.status === 'STOPPED') {
        out.push({ kind: 'stopped', target, build: b });
      } else if (settings.failed) {
        out.push({ kind: 'failed', target, build: b });
      }
    }
    return out;
  }
}
