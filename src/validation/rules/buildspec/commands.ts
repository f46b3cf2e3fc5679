import type { Node, Pair } from '../../syntax/tree';
import { toPointer } from '../../schema/pointer';
import { itemsOf, pairsOf, valueOf } from '../nodes';

export const PHASE_NAMES = ['install', 'pre_build', 'build', 'post_build'] as const;

export interface CommandRef {
  readonly phase: string;
  readonly block: 'commands' | 'finally';
  readonly index: number;
  readonly node: Node;
  readonly pointer: string;
}

export function phasePairs(root: Node): Pair[] {
  return pairsOf(valueOf(root, 'phases'));
}

/** A command whose pointer (for claims) is built only when a rule asks for it. */
class LazyCommandRef implements CommandRef {
  constructor(readonly phase: string, readonly block: 'commands' | 'finally', readonly index: number, readonly node: Node) {}

  get pointer(): string {
    return toPointer(['phases', this.phase, this.block, this.index]);
  }
}

let cached: { root: Node; commands: CommandRef[] } | undefined;

/**
 * Every item of every phase's `commands` and `finally` lists (misspelled phases included). Several rules
 * ask for the same document's commands in turn: the last tree's are kept, and pointers are built only
 * when asked.
 */
export function commandsOf(root: Node): CommandRef[] {
  if (cached?.root === root) return cached.commands;
  const out: CommandRef[] = [];
  for (const phase of phasePairs(root)) {
    const name = phase.keyText ?? '';
    for (const block of ['commands', 'finally'] as const) {
      itemsOf(valueOf(phase.value, block)).forEach((node, index) => {
        out.push(new LazyCommandRef(name, block, index, node));
      });
    }
  }
  cached = { root, commands: out };
  return out;
}
