// EnableStageTransition / DisableStageTransition. A stage's outbound transition is the next stage's
// inbound one; the first stage has no inbound transition and the last none outbound.
import { stageNotFound, validation } from '../errors';
import type { PipelineRecord } from '../model/records';
import type { Engine } from './engine';
import { pump } from './run';

export function setTransition(engine: Engine, p: PipelineRecord, stageName: string, type: 'Inbound' | 'Outbound', enabled: boolean, by: string, reason?: string): void {
  const idx = p.stages.findIndex((s) => s.name === stageName);
  if (idx < 0) throw stageNotFound(p.name, stageName);
  const target = type === 'Inbound' ? idx : idx + 1;
  if (target === 0) throw validation(`Stage ${stageName} is the first stage of pipeline ${p.name} and has no inbound transition.`);
  if (target >= p.stages.length) throw validation(`Stage ${stageName} is the last stage of pipeline ${p.name} and has no outbound transition.`);
  const slot = p.stages[target]!;
  const now = engine.clock.now();
  slot.inbound = enabled
    ? { enabled: true, lastChangedBy: by, lastChangedAt: now }
    : { enabled: false, lastChangedBy: by, lastChangedAt: now, ...(reason !== undefined ? { disabledReason: reason } : {}) };
  if (enabled) pump(engine, p, target);
}
