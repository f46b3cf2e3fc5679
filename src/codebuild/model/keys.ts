// Tree node ids of the CodeBuild view: one string per node, stable across refreshes, unique across
// targets (the kit's id scheme: a JSON array of a kind tag and the parts that name the node).
import { parseTreeId, treeId } from '../../core/tree';
import type { ProjectKey } from './types';

export const nodeIds = {
  target: (target: string): string => treeId('T', target),
  moreProjects: (target: string): string => treeId('PM', target),
  project: (p: ProjectKey): string => treeId('P', p.target, p.name),
  build: (p: ProjectKey, buildId: string): string => treeId('B', p.target, p.name, buildId),
  moreBuilds: (p: ProjectKey): string => treeId('BM', p.target, p.name),
  phase: (p: ProjectKey, buildId: string, phase: string): string => treeId('H', p.target, p.name, buildId, phase),
  artifact: (p: ProjectKey, buildId: string, index: number): string => treeId('AR', p.target, p.name, buildId, String(index)),
  buildReport: (p: ProjectKey, buildId: string, reportArn: string): string => treeId('BR', p.target, p.name, buildId, reportArn),
  batches: (p: ProjectKey): string => treeId('Q', p.target, p.name),
  batch: (p: ProjectKey, batchId: string): string => treeId('QB', p.target, p.name, batchId),
  moreBatches: (p: ProjectKey): string => treeId('QM', p.target, p.name),
  group: (p: ProjectKey, batchId: string, identifier: string): string => treeId('G', p.target, p.name, batchId, identifier),
  reports: (p: ProjectKey): string => treeId('R', p.target, p.name),
  reportGroup: (p: ProjectKey, groupArn: string): string => treeId('RG', p.target, p.name, groupArn),
  report: (p: ProjectKey, groupArn: string, reportArn: string): string => treeId('RR', p.target, p.name, groupArn, reportArn),
  message: (parentId: string, kind: string): string => treeId('M', parentId, kind),
};

/** Parent of a node id, following the shape of {@link nodeIds}; undefined for roots. */
export function parentOf(id: string): string | undefined {
  const parsed = parseTreeId(id);
  if (!parsed) return undefined;
  const [a, b, c, d] = parsed.parts;
  if (a === undefined) return undefined;
  if (parsed.kind === 'M') return a;
  if (parsed.kind === 'PM' || parsed.kind === 'P') return nodeIds.target(a);
  if (b === undefined) return undefined;
  const key = { target: a, name: b };
  switch (parsed.kind) {
    case 'B':
    case 'BM':
    case 'Q':
    case 'R':
      return nodeIds.project(key);
    case 'H':
    case 'AR':
    case 'BR':
      return c === undefined ? undefined : nodeIds.build(key, c);
    case 'QB':
    case 'QM':
      return nodeIds.batches(key);
    case 'G':
      return c === undefined ? undefined : nodeIds.batch(key, c);
    case 'RG':
      return nodeIds.reports(key);
    case 'RR':
      return c === undefined || d === undefined ? undefined : nodeIds.reportGroup(key, c);
    default:
      return undefined;
  }
}
