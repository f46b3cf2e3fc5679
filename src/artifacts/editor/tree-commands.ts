// The Artifacts view's own commands: shared domains, load more, refresh, the package filter, install
// snippets and version details.
import * as vscode from 'vscode';
import type { AwsAccess } from '../../aws/access';
import type { FeatureSettings } from '../../editor/settings';
import type { EditorUi } from '../../editor/ui';
import { domainsSetting, type ARTIFACTS_SETTINGS, type SharedDomain } from '../settings';
import { installSnippets } from '../snippets/snippets';
import type { ArtifactsModel } from '../tree/model';
import type { ArtifactNode } from '../tree/nodes';
import { detailsUri } from './details-document';
import type { ArtifactsTreeProvider } from './tree-provider';

export interface TreeCommandsDeps {
  ui: EditorUi;
  aws: AwsAccess;
  model: ArtifactsModel;
  provider: ArtifactsTreeProvider;
  settings: FeatureSettings<typeof ARTIFACTS_SETTINGS.schema>;
  sharedDomains(): readonly SharedDomain[];
  view(): vscode.TreeView<ArtifactNode> | undefined;
}

export class TreeCommands {
  constructor(private readonly d: TreeCommandsDeps) {}

  /** "Add Domain…": a domain another account shares with this one (ListDomains does not return those). */
  async addDomain(args?: { domain?: string; owner?: string }): Promise<SharedDomain | undefined> {
    const name = args?.domain ?? await this.d.ui.input({
      title: 'Add a CodeArtifact domain shared with this account (1/2): domain name', placeholder: 'my-domain',
      validate: (v) => (/^[a-z][a-z0-9-]{0,48}[a-z0-9]$/.test(v) ? undefined : 'Domain names are 2–50 lowercase letters, digits and hyphens'),
    });
    if (!name) return undefined;
    const owner = args?.owner ?? await this.d.ui.input({
      title: `Add domain ${name} (2/2): owner account`, placeholder: '123456789012',
      validate: (v) => (/^\d{12}$/.test(v) ? undefined : 'An AWS account id has 12 digits'),
    });
    if (!owner) return undefined;
    const domain = { name, owner };
    const current = this.d.sharedDomains();
    if (!current.some((x) => x.name === name && x.owner === owner)) await this.d.settings.update('domains', domainsSetting([...current, domain]));
    this.d.provider.refresh();
    return domain;
  }

  async removeDomain(node: ArtifactNode): Promise<void> {
    if (node.data.kind !== 'domain') return;
    const { domain, domainOwner } = node.data;
    await this.d.settings.update('domains', domainsSetting(this.d.sharedDomains().filter((x) => !(x.name === domain && x.owner === domainOwner))));
    this.d.provider.refresh();
  }

  async loadMore(node: ArtifactNode): Promise<void> {
    if (node.data.kind !== 'loadMore') return;
    await this.d.model.loadMore(node.data.listing);
    this.d.provider.refresh(this.d.provider.getParent(node));
  }

  refreshTree(node?: ArtifactNode): void {
    if (node) this.d.model.invalidate(node.data);
    else this.d.model.clear();
    this.d.provider.refresh(node);
  }

  async filter(text?: string): Promise<void> {
    const value = text ?? await this.d.ui.input({ title: 'Filter packages by name prefix', value: this.d.model.filter, placeholder: 'e.g. acme-' });
    if (value === undefined) return;
    this.d.model.setFilter(value);
    this.renderFilter();
    this.d.provider.refresh();
  }

  clearFilter(): void {
    this.d.model.setFilter('');
    this.renderFilter();
    this.d.provider.refresh();
  }

  renderFilter(): void {
    const view = this.d.view();
    if (!view) return;
    view.description = this.d.model.filter ? `packages: ${this.d.model.filter}*` : '';
    void vscode.commands.executeCommand('setContext', 'conveyor.artifacts.filtered', Boolean(this.d.model.filter));
  }

  /** "Copy install snippet" on a version; `label` picks one snippet without asking. */
  async copySnippet(node: ArtifactNode, label?: string): Promise<string | undefined> {
    if (node.data.kind !== 'version') return undefined;
    const r = node.data.ref;
    const snippets = installSnippets({ format: r.format, ...(r.namespace ? { namespace: r.namespace } : {}), package: r.package, version: r.version, domain: r.domain, domainOwner: r.domainOwner, repository: r.repository });
    if (snippets.length === 0) {
      this.d.ui.notify('info', `No install snippet for ${r.format} packages.`);
      return undefined;
    }
    const chosen = label !== undefined ? snippets.find((s) => s.label === label)
      : snippets.length === 1 ? snippets[0]
        : await this.d.ui.pick(snippets.map((s) => ({ label: s.label, detail: s.text.split('\n')[0] ?? '', value: s })), { title: `Install snippet for ${r.package} ${r.version}` });
    if (!chosen) return undefined;
    await this.d.ui.copy(chosen.text);
    this.d.ui.notify('info', `Copied the ${chosen.label} snippet for ${r.package} ${r.version}.`);
    return chosen.text;
  }

  async showDetails(node: ArtifactNode): Promise<vscode.Uri | undefined> {
    if (node.data.kind !== 'version') return undefined;
    const uri = detailsUri(node.data.ref, this.d.aws.current);
    await this.d.ui.openDocument(uri, { preview: true, language: 'markdown' });
    return uri;
  }
}
