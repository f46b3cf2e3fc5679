import { treeId } from '../../core/tree';
import type { PipelineKey } from './types';

export { parseTargetKey, targetKey } from '../../aws/targets';

/** Tree node ids (the kit's scheme): one string per node, stable across refreshes, unique across targets. */
export const nodeIds = {
  target: (target: string): string => treeId('T', target),
  morePipelines: (target: string): string => treeId('PM', target),
  pipeline: (p: PipelineKey): string => treeId('P', p.target, p.name),
  stage: (p: PipelineKey, stage: string): string => treeId('S', p.target, p.name, stage),
  action: (p: PipelineKey, stage: string, action: string): string => treeId('A', p.target, p.name, stage, action),
  condition: (p: PipelineKey, stage: string, kind: string): string => treeId('C', p.target, p.name, stage, kind),
  rule: (p: PipelineKey, stage: string, kind: string, condition: number, rule: string): string =>
    treeId('R', p.target, p.name, stage, kind, String(condition), rule),
  executions: (p: PipelineKey): string => treeId('X', p.target, p.name),
  execution: (p: PipelineKey, id: string): string => treeId('E', p.target, p.name, id),
  moreExecutions: (p: PipelineKey): string => treeId('XM', p.target, p.name),
  message: (parentId: string, kind: string): string => treeId('M', parentId, kind),
};
