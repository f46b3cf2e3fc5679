import type { PipelineKey } from './types';

export { parseTargetKey, targetKey } from '../../aws/targets';

export function pipelineId(key: PipelineKey): string {
  return JSON.stringify([key.target, key.name]);
}

export function samePipeline(a: PipelineKey, b: PipelineKey): boolean {
  return a.target === b.target && a.name === b.name;
}

/** Tree node ids: one string per node, stable across refreshes, unique across targets. */
export const nodeIds = {
  target: (target: string): string => JSON.stringify(['T', target]),
  morePipelines: (target: string): string => JSON.stringify(['PM', target]),
  pipeline: (p: PipelineKey): string => JSON.stringify(['P', p.target, p.name]),
  stage: (p: PipelineKey, stage: string): string => JSON.stringify(['S', p.target, p.name, stage]),
  action: (p: PipelineKey, stage: string, action: string): string => JSON.stringify(['A', p.target, p.name, stage, action]),
  condition: (p: PipelineKey, stage: string, kind: string): string => JSON.stringify(['C', p.target, p.name, stage, kind]),
  rule: (p: PipelineKey, stage: string, kind: string, condition: number, rule: string): string =>
    JSON.stringify(['R', p.target, p.name, stage, kind, String(condition), rule]),
  executions: (p: PipelineKey): string => JSON.stringify(['X', p.target, p.name]),
  execution: (p: PipelineKey, id: string): string => JSON.stringify(['E', p.target, p.name, id]),
  moreExecutions: (p: PipelineKey): string => JSON.stringify(['XM', p.target, p.name]),
  message: (parentId: string, kind: string): string => JSON.stringify(['M', parentId, kind]),
};
