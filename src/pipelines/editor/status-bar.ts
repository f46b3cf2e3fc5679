// Status bar items: one per pinned pipeline, and "your commit" (where HEAD is in the pipelines).
import * as vscode from 'vscode';
import { commitStatusText, commitTooltip, findCommit, type CommitMatch } from '../git/match';
import type { PipelineExplorer } from '../model/explorer';
import { parseTargetKey } from '../model/keys';
import { pendingApprovals } from '../model/queries';
import type { PipelineKey } from '../model/types';
import { escapeMarkdown } from '../../core/markdown';
import { executionDescription } from '../present/nodes';
import { statusGlyph } from '../present/status';
import type { FollowState } from './follow';

const keyId = (k: PipelineKey): string => JSON.stringify([k.target, k.name]);

export class PinnedStatusItems implements vscode.Disposable {
  private readonly items = new Map<string, vscode.StatusBarItem>();

  constructor(private readonly explorer: PipelineExplorer, private readonly follow: FollowState) {}

  /** Re-renders every pinned item (cheap: a handful of items). */
  update(): void {
    const pinned = this.follow.list('pinned');
    const wanted = new Set(pinned.map(keyId));
    for (const [id, item] of this.items) {
      if (!wanted.has(id)) {
        item.dispose();
        this.items.delete(id);
      }
    }
    pinned.forEach((key, i) => {
      const id = keyId(key);
      let item = this.items.get(id);
      if (!item) {
        item = vscode.window.createStatusBarItem(`conveyor.pipelines.pin.${id}`, vscode.StatusBarAlignment.Left, 50 - i);
        item.name = `Conveyor: ${key.name}`;
        this.items.set(id, item);
      }
      const entry = this.explorer.store.pipeline(key);
      const latest = entry?.recent?.[0];
      const approvals = pendingApprovals(entry?.runtime);
      const glyph = approvals.length ? '$(person)' : latest ? statusGlyph(latest.status) : '$(circle-large-outline)';
      item.text = `${glyph} ${key.name}`;
      const multi = this.explorer.store.targets().length > 1;
      const where = parseTargetKey(key.target);
      const md = new vscode.MarkdownString(undefined, true);
      md.appendMarkdown(`**${escapeMarkdown(key.name)}**${multi && where ? ` · ${escapeMarkdown(where.profile)} · ${escapeMarkdown(where.region)}` : ''}\n\n`);
      md.appendMarkdown(`${latest ? statusGlyph(latest.status) : ''} ${escapeMarkdown(executionDescription(latest, Date.now()))}\n\n`);
      for (const a of approvals) md.appendMarkdown(`$(person) Waiting for approval: ${escapeMarkdown(a.stageName)} / ${escapeMarkdown(a.actionName)}\n\n`);
      md.appendMarkdown('_Click to show the latest execution._');
      item.tooltip = md;
      item.backgroundColor = latest?.status === 'Failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
      item.command = { command: 'conveyor.pipelines.showExecution', title: 'Show Execution', arguments: [{ ...(where ?? {}), pipelineName: key.name, ...(latest ? { executionId: latest.id } : {}) }] };
      item.show();
    });
  }

  dispose(): void {
    for (const item of this.items.values()) item.dispose();
    this.items.clear();
  }
}

export class YourCommitItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('conveyor.pipelines.yourCommit', vscode.StatusBarAlignment.Left, 40);
  private head: string | undefined;
  private matchesValue: CommitMatch[] = [];

  constructor(private readonly explorer: PipelineExplorer, private readonly onTracked: (keys: PipelineKey[]) => void) {
    this.item.name = 'Conveyor: Your Commit';
    this.item.command = 'conveyor.pipelines.showYourCommit';
  }

  get matches(): readonly CommitMatch[] {
    return this.matchesValue;
  }

  get commit(): string | undefined {
    return this.head;
  }

  /** What the status bar shows now (undefined while hidden). */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  setHead(head: string | undefined): void {
    if (head === this.head) return;
    this.head = head;
    this.update();
  }

  update(): void {
    const head = this.head;
    const matches = head ? findCommit(head, this.explorer.store.allPipelines().map(({ key, entry }) => ({
      key, ...(entry.recent ? { recent: entry.recent } : {}), ...(entry.runtime ? { runtime: entry.runtime } : {}),
    }))) : [];
    const before = this.matchesValue.map((m) => keyId(m.key)).join('|');
    this.matchesValue = matches;
    if (before !== matches.map((m) => keyId(m.key)).join('|')) this.onTracked(matches.map((m) => m.key));
    const text = head ? commitStatusText(head, matches) : undefined;
    if (!head || !text) {
      this.item.hide();
      this.visible = false;
      return;
    }
    this.item.text = text;
    const multi = this.explorer.store.targets().length > 1;
    const md = new vscode.MarkdownString(commitTooltip(head, matches, (t) => {
      const ref = this.explorer.store.target(t)?.ref;
      return ref?.label ?? ref?.profile ?? t;
    }, multi), true);
    md.appendMarkdown('\n\n_Click to open an execution._');
    this.item.tooltip = md;
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    this.item.dispose();
  }
}
