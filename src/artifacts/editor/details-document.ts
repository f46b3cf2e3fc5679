// "Show details" opens a read-only virtual Markdown document per package version.
import * as vscode from 'vscode';
import type { AwsTarget } from '../../aws/access';
import { fetchVersionDetails, renderVersionDetails } from '../tree/details';
import { displayName, type VersionRef } from '../tree/nodes';

export const DETAILS_SCHEME = 'conveyor-artifact';

interface DetailsQuery {
  ref: VersionRef;
  target?: AwsTarget;
}

export function detailsUri(ref: VersionRef, target?: AwsTarget): vscode.Uri {
  const name = displayName(ref.format, ref.namespace, ref.package).replace(/[/:]/g, '_');
  const query: DetailsQuery = { ref, ...(target ? { target } : {}) };
  return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${ref.repository}/${name}@${ref.version}.md`, query: encodeURIComponent(JSON.stringify(query)) });
}

function parseQuery(uri: vscode.Uri): DetailsQuery | undefined {
  try {
    const q = JSON.parse(decodeURIComponent(uri.query)) as Partial<DetailsQuery>;
    const r = q.ref;
    if (!r || typeof r.domain !== 'string' || typeof r.repository !== 'string' || typeof r.package !== 'string' || typeof r.version !== 'string') return undefined;
    return q as DetailsQuery;
  } catch {
    return undefined;
  }
}

export class DetailsDocuments implements vscode.TextDocumentContentProvider {
  constructor(
    private readonly client: (target?: AwsTarget) => import('@aws-sdk/client-codeartifact').CodeartifactClient,
    private readonly explain: (error: unknown, operation: string) => string,
  ) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const q = parseQuery(uri);
    if (!q) return '# Unknown package version\n\nThis link does not name a package version.\n';
    try {
      const details = await fetchVersionDetails(this.client(q.target), q.ref, this.explain);
      return renderVersionDetails(details);
    } catch (err) {
      return `# ${displayName(q.ref.format, q.ref.namespace, q.ref.package)} ${q.ref.version}\n\n${this.explain(err, 'DescribePackageVersion')}\n`;
    }
  }
}
