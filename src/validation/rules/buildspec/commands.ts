import type { Node, Pair } from '../../syntax/tree';
import { toPointer } from '../../schema/pointer';
import { itemsOf, pairsOf, valueOf } from '../nodes';

export const PHASE_NAMES = ['install', 'pre_build', 'build', 'post_build'] as const;

export interface CommandRef {
  phase: string;
  block: 'commands' | 'finally';
  index: number;
  node: Node;
  pointer: string;
}

export function phasePairs(root: Node): Pair[] {
  return pairsOf(valueOf(root, 'phases'));
}

/** Every item of every phase's `commands` and `finally` lists (misspelled phases included). */
export function commandsOf(root: Node): CommandRef[] {
  const out: CommandRef[] = [];
  for (const phase of phasePairs(root)) {
    const name = phase.keyText ?? '';
    for (const block of ['commands', 'finally'] as const) {
      itemsOf(valueOf(phase.value, block)).forEach((node, index) => {
        out.push({ phase: name, block, index, node, pointer: toPointer(['phases', name, block, index]) });
      });
    }
  }
  return out;
}
