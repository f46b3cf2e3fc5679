import { treeId } from '../../core/tree';
import type { PipelineKey, TargetRef } from './types';

/** A stable string for a target; profile names may hold any character, so this is JSON, not a join. */
export function targetKey(target: Pick<TargetRef, 'profile' | 'region'>): string {
  return JSON.stringify([target.profile, target.region]);
}

export function parseTargetKey(key: string): { profile: string; region: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(key);
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { profile: parsed[0], region: parsed[1] };
    }
  } catch {
    // not a target key
  }
  return undefined;
}

/** Tree node ids (the kit's scheme): one string per node, stable across refreshes, unique across targets. */
export const nodeIds = {
  target: (target: string): string => treeId('T', target),
  morePipelines: (target: string): string => treeId('PM', target),
  pipeline: (p: PipelineKey): string => treeId('P', p.target, p.name),
  stage: (p: PipelineKey, stage: string): string => treeId('S', p.target, p.name, stage),
  action: (p: PipelineKey, stage: string, action: string): string => treeId('A', p.target, p.name, stage, action),
  executions: (p: PipelineKey): string => treeId('X', p.target, p.name),
  execution: (p: PipelineKey, id: string): string => treeId('E', p.target, p.name, id),
  moreExecutions: (p: PipelineKey): string => treeId('XM', p.target, p.name),
  message: (parentId: string, kind: string): string => treeId('M', parentId, kind),
};
