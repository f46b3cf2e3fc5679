// One status bar item per active CodeArtifact login, counting down to its token's expiry.
import * as vscode from 'vscode';
import { formatRemaining, type TokenStatus } from '../login/lifecycle';
import { TOOLS } from '../login/tools';
import type { LoginMeta } from './store';

export interface LoginState {
  meta: LoginMeta;
  status: TokenStatus;
  lastError?: string;
}

const WARN_MS = 10 * 60_000;

export function statusText(state: LoginState, now: number): string {
  const { request } = state.meta;
  const left = state.meta.expiresAt - now;
  const icon = state.status === 'refreshing' ? '$(sync~spin)' : left <= 0 || state.status === 'expired' ? '$(error)' : state.status === 'retrying' || left < WARN_MS ? '$(warning)' : '$(key)';
  return `${icon} ${request.repository} · ${TOOLS[request.tool].label} ${formatRemaining(left)}`;
}

export class LoginStatusItems implements vscode.Disposable {
  private readonly items = new Map<string, vscode.StatusBarItem>();
  private states: LoginState[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  update(states: readonly LoginState[]): void {
    this.states = [...states];
    const ids = new Set(states.map((s) => s.meta.id));
    for (const [id, item] of this.items) {
      if (!ids.has(id)) {
        item.dispose();
        this.items.delete(id);
      }
    }
    for (const [i, state] of states.entries()) {
      let item = this.items.get(state.meta.id);
      if (!item) {
        item = vscode.window.createStatusBarItem(`conveyor.codeartifact.login.${i}`, vscode.StatusBarAlignment.Left, 40 - i);
        item.name = 'Conveyor: CodeArtifact login';
        this.items.set(state.meta.id, item);
      }
      item.command = { command: 'conveyor.artifacts.manageLogin', title: 'Manage CodeArtifact login', arguments: [state.meta.id] };
      this.render(item, state);
      item.show();
    }
    this.schedule();
  }

  /** The text each item shows now, by login id (host tests read it). */
  texts(): Record<string, string> {
    return Object.fromEntries([...this.items].map(([id, item]) => [id, item.text]));
  }

  private render(item: vscode.StatusBarItem, state: LoginState): void {
    const now = this.now();
    const { request, expiresAt, files } = state.meta;
    item.text = statusText(state, now);
    const left = expiresAt - now;
    item.backgroundColor = left <= 0 || state.status === 'expired' ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : left < WARN_MS || state.status === 'retrying' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**CodeArtifact login** · ${TOOLS[request.tool].label} (${request.placement})\n\n`);
    md.appendMarkdown(`Repository \`${request.repository}\` in domain \`${request.domain}\` (${request.domainOwner})\n\n`);
    md.appendMarkdown(`Token expires ${new Date(expiresAt).toLocaleString()} (${formatRemaining(left)})`);
    if (state.status === 'retrying' || state.status === 'expired') md.appendMarkdown(`\n\nRefresh failed: ${state.lastError ?? 'unknown error'}`);
    if (files.length > 0) md.appendMarkdown(`\n\nFiles: ${files.map((f) => `\`${f}\``).join(', ')}`);
    md.appendMarkdown('\n\nClick to refresh now or log out.');
    item.tooltip = md;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.states.length === 0) return;
    const soonest = Math.min(...this.states.map((s) => s.meta.expiresAt - this.now()));
    // Seconds matter in the last hour (the countdown shows them), minutes before that.
    const delay = soonest < 3_600_000 ? 1000 : 30_000;
    this.timer = setTimeout(() => {
      for (const s of this.states) {
        const item = this.items.get(s.meta.id);
        if (item) this.render(item, s);
      }
      this.schedule();
    }, delay);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const item of this.items.values()) item.dispose();
    this.items.clear();
  }
}
