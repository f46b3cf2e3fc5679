// Detail pages as webview panels, one per item (the execution timeline, a package version): opening the same
// item again reveals its panel; content updates are posted to the page (focus and scroll kept), and only the
// actions the current content offers come back (validated with parseDetailMessage).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { detailPageHtml, parseDetailMessage, type DetailUpdate } from '../core/detail-page';
import { DisposableStore } from '../core/disposables';
import type { Logger } from '../core/log';

/** What a page shows: its tab title, its body and how many items each of its actions has. */
export interface DetailContent {
  title: string;
  body: string;
  actions: Readonly<Record<string, number>>;
}

export interface DetailPanelsOptions {
  viewType: string;
  extensionUri: vscode.Uri;
  log: Logger;
  /** Runs a validated action of the panel shown for `key`. */
  onAction(key: string, action: string, index: number): void;
  /** The panel for `key` was closed. */
  onClose?(key: string): void;
}

class DetailPanel {
  private ready = false;
  /** The newest content after the first; a page reloaded after being hidden starts from the first again. */
  private latest: DetailUpdate | undefined;
  private actions: Readonly<Record<string, number>>;
  private readonly disposables = new DisposableStore();
  violations = 0;
  private readonly page: (content: DetailContent) => void;

  constructor(readonly panel: vscode.WebviewPanel, content: DetailContent, o: DetailPanelsOptions, key: string, onDispose: () => void) {
    const webview = panel.webview;
    this.actions = content.actions;
    this.page = (c) => {
      const asset = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(o.extensionUri, ...parts)).toString();
      panel.title = c.title;
      webview.html = detailPageHtml({
        cspSource: webview.cspSource,
        nonce: randomBytes(16).toString('base64url'),
        scriptUri: asset('dist', 'webview', 'editor.js'),
        styleUris: [asset('dist', 'webview', 'codicons', 'codicon.css'), asset('media', 'details', 'details.css')],
        title: c.title,
        body: c.body,
      });
    };
    this.page(content);
    this.disposables.addAll(
      webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseDetailMessage(raw, (action) => this.actions[action] ?? 0);
        if (!message) {
          o.log.debug(`${o.viewType}: ignored a message the page does not offer`);
          return;
        }
        if (message.type === 'ready') {
          this.ready = true;
          if (this.latest) void webview.postMessage(this.latest);
        } else if (message.type === 'action') {
          o.onAction(key, message.action, message.index);
        } else {
          this.violations++;
          o.log.warn(`${o.viewType}: the page blocked ${message.blockedURI || 'something'} (${message.directive})`);
        }
      }),
      panel.onDidChangeViewState((e) => { if (!e.webviewPanel.visible) this.ready = false; }),
      panel.onDidDispose(() => {
        this.disposables.dispose();
        onDispose();
      }),
    );
  }

  update(content: DetailContent): void {
    this.actions = content.actions;
    this.panel.title = content.title;
    this.latest = { type: 'update', html: content.body };
    // Until its page has loaded, a new page is as cheap as a message and leaves the HTML up to date.
    if (this.ready) void this.panel.webview.postMessage(this.latest);
    else this.page(content);
  }
}

export class DetailPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DetailPanel>();

  constructor(private readonly o: DetailPanelsOptions) {}

  /** Shows `content` in the panel for `key`, creating it or revealing the one already open. */
  show(key: string, content: DetailContent): { panel: vscode.WebviewPanel; created: boolean } {
    const existing = this.panels.get(key);
    if (existing) {
      existing.update(content);
      existing.panel.reveal(undefined, false);
      return { panel: existing.panel, created: false };
    }
    const panel = vscode.window.createWebviewPanel(this.o.viewType, content.title, vscode.ViewColumn.Active, {
      enableScripts: true, enableCommandUris: false, enableFindWidget: true, retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(this.o.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.o.extensionUri, 'media', 'details')],
    });
    const detail = new DetailPanel(panel, content, this.o, key, () => {
      if (this.panels.get(key) === detail) this.panels.delete(key);
      this.o.onClose?.(key);
    });
    this.panels.set(key, detail);
    return { panel, created: true };
  }

  /** Replaces the content of the open panel for `key`; false when none is open. */
  update(key: string, content: DetailContent): boolean {
    const panel = this.panels.get(key);
    panel?.update(content);
    return panel !== undefined;
  }

  has(key: string): boolean { return this.panels.has(key); }
  keys(): string[] { return [...this.panels.keys()]; }
  panel(key: string): vscode.WebviewPanel | undefined { return this.panels.get(key)?.panel; }
  /** Content-Security-Policy violations the pages reported (there should never be any). */
  get cspViolations(): number { return [...this.panels.values()].reduce((n, p) => n + p.violations, 0); }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.panel.dispose();
    this.panels.clear();
  }
}
