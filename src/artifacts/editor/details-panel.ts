// A package version's details as a themed webview, one panel per version (opening it again reveals it):
// facts, install snippets with Copy buttons, dependencies, assets and readme.
import type { CodeartifactClient } from '@aws-sdk/client-codeartifact';
import * as vscode from 'vscode';
import type { AwsTarget } from '../../aws/access';
import { codicon } from '../../core/detail-html';
import { html } from '../../core/html';
import type { Logger } from '../../core/log';
import { DetailPanels, type DetailContent } from '../../editor/detail-panel';
import type { EditorUi } from '../../editor/ui';
import { fetchVersionDetails } from '../tree/details';
import { COPY_SNIPPET, OPEN_LINK, versionDetailsHtml, versionDetailsTitle, versionDetailsView, type VersionDetailsView } from '../tree/details-view';
import { displayName, type VersionRef } from '../tree/nodes';

export const DETAILS_VIEW_TYPE = 'conveyor.artifacts.versionDetails';

export interface VersionDetailsPanelsDeps {
  client(target?: AwsTarget): CodeartifactClient;
  explain(error: unknown, operation: string): string;
  ui: EditorUi;
  log: Logger;
  extensionUri: vscode.Uri;
}

export class VersionDetailsPanels implements vscode.Disposable {
  private readonly views = new Map<string, VersionDetailsView>();
  private readonly panels: DetailPanels;

  constructor(private readonly d: VersionDetailsPanelsDeps) {
    this.panels = new DetailPanels({
      viewType: DETAILS_VIEW_TYPE, extensionUri: d.extensionUri, log: d.log,
      onAction: (id, action, index) => void this.run(id, action, index),
      onClose: (id) => this.views.delete(id),
    });
  }

  /** Opens (or reveals) the panel of one version and reads its details; resolves with what it shows. */
  async show(ref: VersionRef, target?: AwsTarget): Promise<VersionDetailsView | undefined> {
    const id = JSON.stringify([target?.profile ?? '', target?.region ?? '', ref.domain, ref.domainOwner, ref.repository, ref.format, ref.namespace ?? '', ref.package, ref.version]);
    const title = `${displayName(ref.format, ref.namespace, ref.package)} ${ref.version}`;
    const shown = this.views.get(id);
    this.panels.show(id, shown ? this.content(shown) : this.message(title, `Loading ${title}…`, 'loading', true));
    try {
      const view = versionDetailsView(await fetchVersionDetails(this.d.client(target), ref, (e, op) => this.d.explain(e, op)));
      if (!this.panels.has(id)) return undefined;
      this.views.set(id, view);
      this.panels.update(id, this.content(view));
      return view;
    } catch (err) {
      const message = this.d.explain(err, 'DescribePackageVersion');
      this.d.log.warn(`artifacts: could not read ${title}: ${message}`);
      if (!shown) this.panels.update(id, this.message(title, message, 'error'));
      return undefined;
    }
  }

  /** The panel showing a version, if open (host tests). */
  panelOf(view: VersionDetailsView): vscode.WebviewPanel | undefined {
    const id = [...this.views].find(([, v]) => v === view)?.[0];
    return id === undefined ? undefined : this.panels.panel(id);
  }

  private message(title: string, text: string, icon: string, spin = false): DetailContent {
    return { title, body: html`<p class="state">${codicon(icon, spin)}${text}</p>`.text, actions: {} };
  }

  private content(view: VersionDetailsView): DetailContent {
    return { title: versionDetailsTitle(view), body: versionDetailsHtml(view), actions: { [OPEN_LINK]: view.links.length, [COPY_SNIPPET]: view.snippets.length } };
  }

  private async run(id: string, action: string, index: number): Promise<void> {
    const view = this.views.get(id);
    if (!view) return;
    if (action === OPEN_LINK) {
      const url = view.links[index];
      if (url) await this.d.ui.openExternal(url);
    } else if (action === COPY_SNIPPET) {
      const snippet = view.snippets[index];
      if (!snippet) return;
      await this.d.ui.copy(snippet.text);
      this.d.ui.notify('info', `Copied the ${snippet.label} snippet for ${view.name} ${view.version}.`);
    }
  }

  dispose(): void {
    this.panels.dispose();
  }
}
