import { ruleCatalog } from '../rules/catalog';
import type { Diagnostic } from '../types';

export interface FileReport {
  /** Path as shown to the user (relative to the working directory when possible). */
  path: string;
  kind: string | undefined;
  diagnostics: Diagnostic[];
}

const LEVEL = { error: 'error', warning: 'warning', information: 'note' } as const;

interface SarifRegion { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface SarifArtifactLocation { uri: string; uriBaseId: string }
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion } }[];
  fixes?: { description: { text: string }; artifactChanges: { artifactLocation: SarifArtifactLocation; replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[] }[];
}
/** The subset of SARIF 2.1.0 this tool writes (the tests check it against @types/sarif). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: 'error' | 'warning' | 'note' } }[] } };
    columnKind: 'utf16CodeUnits';
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }[];
}

/** A SARIF 2.1.0 log with one run, the full rule catalog as tool metadata, and fixes where known. */
export function toSarif(reports: readonly FileReport[]): SarifLog {
  const catalog = ruleCatalog();
  const index = new Map(catalog.map((r, i) => [r.id, i]));
  const results = reports.flatMap((report) => report.diagnostics.map((d): SarifResult => {
    const uri = report.path.replace(/\\/g, '/');
    const region = {
      startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
      endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
    };
    return {
      ruleId: d.rule,
      ...(index.has(d.rule) ? { ruleIndex: index.get(d.rule) ?? 0 } : {}),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region } }],
      ...(d.fix ? {
        fixes: [{
          description: { text: d.fix.title },
          artifactChanges: [{
            artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
            replacements: d.fix.edits.map((e) => ({
              deletedRegion: { startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1 },
              insertedContent: { text: e.newText },
            })),
          }],
        }],
      } : {}),
    };
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'conveyor-lint',
          informationUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html',
          rules: catalog.map((r) => ({
            id: r.id,
            shortDescription: { text: r.description },
            helpUri: r.helpUri,
            defaultConfiguration: { level: LEVEL[r.severity] },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { '%SRCROOT%': { uri: './' } },
      results,
    }],
  };
}
