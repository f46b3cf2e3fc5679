// The notifications when a build ends: builds started from this window, and every build of a watched
// project, like the Pipelines view's watched pipelines.
import type * as vscode from 'vscode';
import { parseTargetKey } from '../../aws/targets';
import { DisposableStore } from '../../core/disposables';
import type { EditorUi } from '../../editor/ui';
import type { CodeBuildExplorer } from '../model/explorer';
import { nodeIds } from '../model/keys';
import { BuildNotificationTracker, type BuildNotification, type NotifySettings } from '../model/notifications';
import { isFailure, isRunning, type ProjectKey } from '../model/types';
import { phaseLabel } from '../present/status';
import type { BuildRef } from './build-documents';
import type { WatchedProjects } from './watched';

export interface NotifierDeps {
  explorer: CodeBuildExplorer;
  ui: EditorUi;
  watched: WatchedProjects;
  settings(): NotifySettings;
  showBuild(ref: BuildRef, label: string): void;
  run(command: string, args: unknown): void;
  /** Projects with a build started here still running: keep them polled. */
  onFollow(keys: ProjectKey[]): void;
}

export class BuildNotifier implements vscode.Disposable {
  private readonly tracker = new BuildNotificationTracker();
  /** Builds started from this window that have not ended, by id, with their target. */
  private readonly startedHere = new Map<string, ProjectKey>();
  private readonly disposables = new DisposableStore();
  /** Every notification shown (host tests read it). */
  readonly shown: BuildNotification[] = [];

  constructor(private readonly d: NotifierDeps) {
    this.disposables.add(d.explorer.onDidChangeBuilds((target, builds) => {
      const startedIds = new Set([...this.startedHere.keys()]);
      const ofInterest = (project: string): boolean => d.watched.has({ target, name: project })
        || [...this.startedHere.values()].some((k) => k.target === target && k.name === project);
      const news = this.tracker.observe(target, builds, ofInterest, d.settings(), startedIds);
      let ended = false;
      for (const b of builds) if (!isRunning(b.status) && this.startedHere.delete(b.id)) ended = true;
      if (ended) this.follow();
      for (const n of news) this.notify(n);
    }));
  }

  started(target: string, run: { id: string; projectName: string }): void {
    this.startedHere.set(run.id, { target, name: run.projectName });
    this.follow();
  }

  private follow(): void {
    const keys = new Map<string, ProjectKey>();
    for (const k of this.startedHere.values()) keys.set(nodeIds.project(k), k);
    this.d.onFollow([...keys.values()]);
  }

  private notify(n: BuildNotification): void {
    this.shown.push(n);
    const b = n.build;
    const label = `${b.projectName}${b.number !== undefined ? ` #${b.number}` : ''}`;
    const ref: BuildRef = { target: n.target, id: b.id, batch: false };
    const t = parseTargetKey(n.target);
    const args = { ...(t ? { profile: t.profile, region: t.region } : {}), projectName: b.projectName, buildId: b.id };
    if (n.kind === 'succeeded') {
      this.d.ui.notify('info', `${label} succeeded.`, ['Show Build'], () => this.d.showBuild(ref, label));
      return;
    }
    if (n.kind === 'stopped') {
      this.d.ui.notify('info', `${label} was stopped.`, ['Show Build'], () => this.d.showBuild(ref, label));
      return;
    }
    const failed = b.phases.find((p) => isFailure(p.status));
    const where = failed ? ` in ${phaseLabel(failed.type)}` : '';
    const why = failed?.message ? ` ${failed.message}` : '';
    this.d.ui.notify('error', `${label} ${b.status === 'TIMED_OUT' ? 'timed out' : 'failed'}${where}.${why}`, ['Show Logs', 'Show Build', 'Retry'], (button) => {
      if (button === 'Show Logs') this.d.run('conveyor.codebuild.showBuildLogs', args);
      else if (button === 'Retry') this.d.run('conveyor.codebuild.retryBuild', args);
      else this.d.showBuild(ref, label);
    });
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
