import type { RawDiagnostic } from '../../engine/raw';
import { renameKey } from '../../schema/map-errors';
import { toPointer } from '../../schema/pointer';
import type { Rule } from '../rule';
import { isEmptyScalar, keyRange, pairOf, pairsOf, valueOf } from '../nodes';
import { PHASE_NAMES, phasePairs } from './commands';

const REF = 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html';

export const runtimeVersionsRule: Rule = {
  id: 'buildspec/runtime-versions-outside-install',
  kinds: ['buildspec'],
  description: 'runtime-versions is only allowed in the install phase.',
  severity: 'error',
  helpUri: `${REF}#runtime-versions-in-build-spec`,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const phase of phasePairs(ctx.root)) {
      if (phase.keyText === 'install') continue;
      const rv = pairOf(phase.value, 'runtime-versions');
      if (!rv) continue;
      const install = pairOf(valueOf(ctx.root, 'phases'), 'install');
      out.push({ ...keyRange(rv), severity: 'error', rule: this.id,
        message: `runtime-versions is only allowed in the install phase, not in ${phase.keyText ?? 'this phase'}; CodeBuild fails the build. Move it under install${install ? '' : ' (add an install phase)'}.`,
        claims: [toPointer(['phases', phase.keyText ?? '', 'runtime-versions'])] });
    }
    return out;
  },
};

export const hyphenatedPhaseRule: Rule = {
  id: 'buildspec/hyphenated-phase',
  kinds: ['buildspec'],
  description: 'Phase names use underscores: pre_build and post_build, not pre-build or post-build.',
  severity: 'error',
  helpUri: `${REF}#build-spec.phases`,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    const present = new Set(phasePairs(ctx.root).map((p) => p.keyText));
    for (const phase of phasePairs(ctx.root)) {
      const key = phase.keyText ?? '';
      if (!/[- ]/.test(key)) continue;
      const canonical = key.toLowerCase().replace(/[- ]/g, '_');
      if (!(PHASE_NAMES as readonly string[]).includes(canonical) || canonical === key) continue;
      out.push({ ...keyRange(phase), severity: 'error', rule: this.id,
        message: `Phase '${key}' is not a CodeBuild phase, so its commands never run: phase names use underscores ('${canonical}').${present.has(canonical) ? ` Note: '${canonical}' is also defined; merge the two.` : ''}`,
        ...(present.has(canonical) ? {} : { fix: renameKey(phase, canonical) }),
        claims: [toPointer(['phases', key])] });
    }
    return out;
  },
};

export const phaseWithoutCommandsRule: Rule = {
  id: 'buildspec/phase-without-commands',
  kinds: ['buildspec'],
  description: 'The documentation requires commands in pre_build, build and post_build when the phase is present.',
  severity: 'warning',
  helpUri: `${REF}#build-spec.phases`,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const phase of phasePairs(ctx.root)) {
      const name = phase.keyText ?? '';
      if (name === 'install' || !(PHASE_NAMES as readonly string[]).includes(name)) continue;
      if (isEmptyScalar(phase.value)) {
        out.push({ ...keyRange(phase), severity: 'warning', rule: this.id,
          message: `Phase '${name}' is empty. The documentation requires commands when ${name} is present; remove the phase or add commands.` });
        continue;
      }
      if (phase.value.kind !== 'map' || pairOf(phase.value, 'commands') || pairOf(phase.value, 'steps')) continue;
      const hasFinally = pairOf(phase.value, 'finally') !== undefined;
      out.push({ ...keyRange(phase), severity: 'warning', rule: this.id,
        message: `Phase '${name}' has no commands${hasFinally ? ', only finally' : ''}. The documentation requires commands when ${name} is present.` });
    }
    return out;
  },
};

export const legacyEnvironmentVariablesRule: Rule = {
  id: 'buildspec/legacy-environment-variables',
  kinds: ['buildspec'],
  description: 'Version 0.2 renamed environment_variables to env and plaintext to variables.',
  severity: 'error',
  helpUri: `${REF}#build-spec-ref-versions`,
  check(ctx) {
    if (ctx.version !== '0.2') return [];
    const legacy = pairOf(ctx.root, 'environment_variables');
    if (!legacy) return [];
    const hasEnv = pairOf(ctx.root, 'env') !== undefined;
    const edits = [{ start: legacy.key.start, end: legacy.key.end, newText: 'env' }];
    const plaintext = pairOf(legacy.value, 'plaintext');
    if (plaintext) edits.push({ start: plaintext.key.start, end: plaintext.key.end, newText: 'variables' });
    for (const p of pairsOf(legacy.value)) ctx.claim(toPointer(['environment_variables', p.keyText ?? '']));
    return [{ ...keyRange(legacy), severity: 'error', rule: this.id,
      message: `environment_variables is the version 0.1 syntax; in version 0.2 it is env${plaintext ? ' (and plaintext is variables)' : ''}. Version 0.2 does not know this key, so these variables are not defined.`,
      ...(hasEnv ? {} : { fix: { title: 'Rename to env / variables', edits } }),
      claims: [toPointer(['environment_variables'])] }];
  },
};
