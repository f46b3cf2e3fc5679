import type { RawDiagnostic } from '../../engine/raw';
import type { Node, Pair } from '../../syntax/tree';
import type { Rule } from '../rule';
import { itemsOf, keyRange, pairOf } from '../nodes';
import { phasePairs } from './commands';

const STEP_KEYS = ['uses', 'run'];

function stepFinding(step: Node, pair: Pair, id: string): RawDiagnostic | undefined {
  const present = STEP_KEYS.filter((k) => pairOf(step, k));
  if (present.length === 1 || step.kind !== 'map') return undefined;
  const first = step.pairs[0];
  const at = first ? keyRange(first) : keyRange(pair);
  return { ...at, severity: 'error', rule: id,
    message: present.length === 0
      ? 'This step has neither uses nor run: a GitHub Actions step runs an action (uses) or shell commands (run), and the action runner fails the phase otherwise.'
      : 'This step has both uses and run: a GitHub Actions step runs either an action or shell commands; split it into two steps.' };
}

export const githubStepsRule: Rule = {
  id: 'buildspec/github-actions-steps',
  kinds: ['buildspec'],
  description: 'GitHub Actions steps in a phase (CodeBuild\'s managed action runner): each step has uses or run, and a phase has steps or commands, not both.',
  severity: 'error',
  helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/action-runner-buildspec.html',
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const phase of phasePairs(ctx.root)) {
      const steps = pairOf(phase.value, 'steps');
      if (!steps) continue;
      const commands = pairOf(phase.value, 'commands');
      if (commands) {
        out.push({ ...keyRange(steps), severity: 'warning', rule: this.id,
          message: `Phase '${phase.keyText ?? ''}' has both commands and steps: CodeBuild runs GitHub Actions steps in a phase of their own, and its documentation says they cannot be combined with commands. Move the steps or the commands to another phase.` });
      }
      for (const step of itemsOf(steps.value)) {
        const d = stepFinding(step, steps, this.id);
        if (d) out.push(d);
      }
    }
    return out;
  },
};
