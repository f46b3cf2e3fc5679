import type { Node, Pair } from '../../syntax/tree';
import { toPointer } from '../../schema/pointer';
import { itemsOf, pairsOf, valueOf } from '../nodes';
import { memoKey, type RuleContext } from '../rule';

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

const COMMANDS = memoKey<CommandRef[]>('commands');

/**
 * Every item of every phase's `commands` and `finally` lists (misspelled phases included). Several rules
 * ask for them in turn: they are read once per validation, and pointers are built only when asked.
 */
export function commandsOf(ctx: RuleContext): CommandRef[] {
  return ctx.memo(COMMANDS, () => readCommands(ctx.root));
}

function readCommands(root: Node): CommandRef[] {
  const out: CommandRef[] = [];
  for (const phase of phasePairs(root)) {
    const name = phase.keyText ?? '';
    for (const block of ['commands', 'finally'] as const) {
      itemsOf(valueOf(phase.value, block)).forEach((node, index) => {
        out.push(new LazyCommandRef(name, block, index, node));
      });
    }
  }
  return out;
}
