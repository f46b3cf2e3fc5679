import type { RawDiagnostic } from '../../engine/raw';
import { EC2_HOOKS, EC2_RESERVED_EVENTS, ECS_HOOKS, HOOKS_BY_PLATFORM, PLATFORM_LABEL } from '../../appspec/platform';
import { renameKey } from '../../schema/map-errors';
import { looksLikePlaceholder } from '../../schema/placeholders';
import { toPointer } from '../../schema/pointer';
import { rubyToI, yaml11Integer } from '../../appspec/ruby-yaml';
import type { Node, Pair } from '../../syntax/tree';
import { closestMatch } from '../../text/edit-distance';
import type { AppSpecPlatform } from '../../types';
import { memoKey, type Rule, type RuleContext } from '../rule';
import { itemsOf, keyRange, pairOf, pairsOf, scalarRange, valueOf, wholeLine } from '../nodes';

const HOOKS_DOC = 'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html';

/** EC2 hooks are a mapping of event → scripts; ECS and Lambda hooks are a list of { event: function }. */
export interface HookEntry {
  readonly pair: Pair;
  readonly pointer: string;
}

const HOOKS = memoKey<HookEntry[]>('hooks');

/**
 * The hooks of the document. The rules that run on one tree ask for them in turn, so they are read once
 * per validation, with pointers built only when asked.
 */
export function hookEntries(ctx: RuleContext): HookEntry[] {
  return ctx.memo(HOOKS, () => readHookEntries(ctx));
}

/** A hook whose pointer (for claims) is built only when a rule asks for it. */
class LazyHookEntry implements HookEntry {
  constructor(readonly pair: Pair, private readonly path: readonly (string | number)[]) {}

  get pointer(): string {
    return toPointer(this.path);
  }
}

function readHookEntries(ctx: RuleContext): HookEntry[] {
  const hooksPair = pairOf(ctx.root, 'hooks', ctx.platform !== 'ec2');
  if (!hooksPair) return [];
  const hooksKey = ctx.canonicalKey(hooksPair.keyText ?? 'hooks');
  const out: HookEntry[] = [];
  if (hooksPair.value.kind === 'map') {
    for (const pair of hooksPair.value.pairs) out.push(new LazyHookEntry(pair, [hooksKey, ctx.canonicalKey(pair.keyText ?? '')]));
    return out;
  }
  const items = itemsOf(hooksPair.value);
  for (let index = 0; index < items.length; index++) {
    for (const pair of pairsOf(items[index])) out.push(new LazyHookEntry(pair, [hooksKey, index, ctx.canonicalKey(pair.keyText ?? '')]));
  }
  return out;
}

function explain(name: string, platform: AppSpecPlatform): { severity: 'error' | 'warning'; message: string; hint: string } {
  const label = PLATFORM_LABEL[platform];
  const list = HOOKS_BY_PLATFORM[platform].join(', ');
  if (platform === 'ec2') {
    const hint = `Scriptable EC2/On-Premises events: ${list}.`;
    if ((EC2_RESERVED_EVENTS as readonly string[]).includes(name)) {
      return { severity: 'error', hint, message: `${name} is reserved for the CodeDeploy agent: scripts cannot run in it.` };
    }
    if ((ECS_HOOKS as readonly string[]).includes(name)) {
      return { severity: 'warning', hint, message: `${name} is an Amazon ECS lifecycle event; in an EC2/On-Premises deployment it never runs.` };
    }
    // The agent accepts any name, but CodeDeploy never triggers it: certain never to run, not certain to be a mistake.
    return { severity: 'warning', hint, message: `${name} is not a CodeDeploy lifecycle event, so CodeDeploy never runs these scripts.` };
  }
  const hint = `${label} deployments support ${list}.`;
  const other: AppSpecPlatform = platform === 'ecs' ? 'lambda' : 'ecs';
  if (HOOKS_BY_PLATFORM[other].includes(name) || (EC2_HOOKS as readonly string[]).includes(name)) {
    const where = HOOKS_BY_PLATFORM[other].includes(name) ? PLATFORM_LABEL[other] : 'EC2/On-Premises';
    return { severity: 'error', hint, message: `${name} is an ${where} lifecycle event, not one of ${label} deployments.` };
  }
  return { severity: 'error', hint, message: `'${name}' is not a lifecycle event of ${label} deployments; CodeDeploy rejects the AppSpec file.` };
}

export const hookNotAllowedRule: Rule = {
  id: 'appspec/hook-not-allowed-for-platform',
  kinds: ['appspec'],
  description: 'Lifecycle event hooks must be events of the deployment platform (EC2/On-Premises, Amazon ECS or AWS Lambda), which is inferred from the content.',
  severity: 'error',
  helpUri: HOOKS_DOC,
  check(ctx) {
    const platform = ctx.platform ?? 'ec2';
    const allowed = HOOKS_BY_PLATFORM[platform];
    const out: RawDiagnostic[] = [];
    for (const entry of hookEntries(ctx)) {
      const pair = entry.pair;
      const raw = pair.keyText ?? '';
      const name = ctx.canonicalKey(raw);
      if (allowed.includes(name)) continue;
      ctx.claim(entry.pointer);
      const problem = explain(raw, platform);
      const suggestion = closestMatch(raw, allowed);
      out.push({ ...keyRange(pair), severity: problem.severity, rule: this.id,
        message: `${problem.message} ${suggestion ? `Did you mean '${suggestion}'?` : problem.hint}`,
        ...(suggestion ? { fix: renameKey(pair, suggestion) } : {}) });
    }
    return out;
  },
};

interface AgentTimeout {
  seconds?: number;
  reading?: string;
}

/** How the CodeDeploy agent reads a script timeout: `(timeout || 3600).to_i` of the YAML 1.1 value. */
export function agentTimeout(node: Node, ctx: RuleContext): AgentTimeout {
  if (node.kind !== 'scalar') return {};
  // The common case: a plain decimal integer, which every reader agrees on (no leading 0: YAML 1.1 octal).
  if (typeof node.value === 'number' && Number.isInteger(node.value) && node.value > 0 && (node.style === 'json' || ctx.text.charCodeAt(node.start) !== 48)) return { seconds: node.value };
  if (node.value === null) return { seconds: 3600, reading: 'empty' };
  if (typeof node.value === 'boolean') return {};
  if (ctx.format === 'json' || node.style !== 'plain') {
    if (typeof node.value === 'number') {
      const seconds = Math.trunc(node.value);
      return seconds === node.value ? { seconds } : { seconds, reading: `${node.value}, which the agent truncates to ${seconds}` };
    }
    const seconds = rubyToI(node.value);
    return /^\s*[-+]?\d+(?:_\d+)*\s*$/.test(node.value) ? { seconds } : { seconds, reading: `'${node.value}', which the agent reads as ${seconds}` };
  }
  const raw = ctx.text.slice(node.start, node.end);
  const int = yaml11Integer(raw);
  if (int) return int.base === 10 ? { seconds: int.value } : { seconds: int.value, reading: `${raw}, which YAML 1.1 (the agent's YAML) reads as the ${int.base === 8 ? 'octal' : int.base === 16 ? 'hexadecimal' : 'binary'} number ${int.value}` };
  if (/^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/.test(raw) && /\d/.test(raw)) {
    const value = Number(raw.replace(/[_,]/g, ''));
    const seconds = Math.trunc(value);
    return seconds === value ? { seconds } : { seconds, reading: `${raw}, which the agent truncates to ${seconds}` };
  }
  const seconds = rubyToI(raw);
  return { seconds, reading: `'${raw}', which the agent reads as ${seconds}` };
}

/** A script's timeout, with where it is and how the agent reads it. */
interface ScriptTimeout extends AgentTimeout {
  hook: HookEntry;
  index: number;
  pair: Pair;
}

/** The timeout of every EC2 hook script that has one. */
function scriptTimeouts(ctx: RuleContext): ScriptTimeout[] {
  const out: ScriptTimeout[] = [];
  for (const hook of hookEntries(ctx)) {
    const scripts = itemsOf(hook.pair.value);
    for (let index = 0; index < scripts.length; index++) {
      const pair = pairOf(scripts[index], 'timeout');
      if (pair) out.push({ hook, index, pair, ...agentTimeout(pair.value, ctx) });
    }
  }
  return out;
}

export const hookTimeoutRule: Rule = {
  id: 'appspec/hook-timeout-too-long',
  kinds: ['appspec'],
  description: 'A hook script timeout cannot exceed 3600 seconds, the limit per lifecycle event (all its scripts together).',
  severity: 'error',
  helpUri: `${HOOKS_DOC}#reference-appspec-file-structure-hooks-section-structure`,
  check(ctx) {
    if (ctx.platform !== 'ec2') return [];
    const out: RawDiagnostic[] = [];
    const perHook = new Map<HookEntry, { total: number; count: number; over: boolean }>();
    for (const { hook, index, pair, seconds } of scriptTimeouts(ctx)) {
      if (seconds === undefined || seconds <= 0) continue;
      const sum = perHook.get(hook) ?? { total: 0, count: 0, over: false };
      perHook.set(hook, { total: sum.total + seconds, count: sum.count + 1, over: sum.over || seconds > 3600 });
      if (seconds <= 3600) continue;
      const node = pair.value;
      ctx.claim(`${hook.pointer}/${index}/timeout`);
      out.push({ ...scalarRange(node, ctx.text), severity: 'error', rule: this.id,
        message: `Timeout ${seconds} s exceeds the 3600-second maximum for a lifecycle event; the deployment to the instance fails when a script runs that long. Use at most 3600.`,
        fix: { title: 'Set the timeout to 3600', edits: [{ start: node.start, end: node.end, newText: '3600' }] } });
    }
    for (const [hook, sum] of perHook) {
      if (sum.over || sum.count < 2 || sum.total <= 3600) continue;
      out.push({ ...keyRange(hook.pair), severity: 'warning', rule: this.id,
        message: `The timeouts of the ${hook.pair.keyText ?? ''} scripts add up to ${sum.total} s; CodeDeploy allows 3600 s per lifecycle event for all its scripts together.` });
    }
    return out;
  },
};

export const hookTimeoutValueRule: Rule = {
  id: 'appspec/hook-timeout-invalid',
  kinds: ['appspec'],
  description: 'A hook script timeout is a whole number of seconds above 0; the CodeDeploy agent reads other values with to_i and fails the deployment when that gives 0.',
  severity: 'error',
  helpUri: `${HOOKS_DOC}#reference-appspec-file-structure-hooks-section-structure`,
  check(ctx) {
    if (ctx.platform !== 'ec2') return [];
    const out: RawDiagnostic[] = [];
    for (const { hook, index, pair, seconds, reading } of scriptTimeouts(ctx)) {
      // Lists, mappings and booleans: the schema says what is expected.
      if (seconds === undefined || (seconds > 0 && !reading)) continue;
      ctx.claim(`${hook.pointer}/${index}/timeout`);
      const node = pair.value;
      const range = node.kind === 'scalar' && node.value === null ? keyRange(pair) : scalarRange(node, ctx.text);
      if (seconds <= 0) {
        out.push({ ...range, severity: 'error', rule: this.id,
          message: `The timeout is ${reading ?? seconds}: the CodeDeploy agent fails the deployment ("an invalid timeout value was provided"). Give a whole number of seconds from 1 to 3600.` });
      } else if (reading === 'empty') {
        out.push({ ...range, severity: 'warning', rule: this.id,
          message: 'The timeout is empty, so the CodeDeploy agent uses the default of 3600 seconds. Give a number of seconds, or remove timeout.' });
      } else if (reading) {
        const fix = node.kind === 'scalar' && node.value !== null && seconds <= 3600 ? { title: `Change to ${seconds}`, edits: [{ start: node.start, end: node.end, newText: String(seconds) }] } : undefined;
        out.push({ ...range, severity: 'warning', rule: this.id,
          message: `The timeout is ${reading} seconds. Write a plain number of seconds${seconds > 3600 ? '' : ` (${seconds})`}.`, ...(fix ? { fix } : {}) });
      }
    }
    return out;
  },
};

export const hookScriptMissingRule: Rule = {
  id: 'appspec/hook-script-missing',
  kinds: ['appspec'],
  description: "A hook script's location should exist in the revision (checked relative to the appspec's folder).",
  severity: 'warning',
  helpUri: `${HOOKS_DOC}#reference-appspec-file-structure-hooks-section-structure`,
  check(ctx) {
    const exists = ctx.fileExists;
    if (ctx.platform !== 'ec2' || !exists) return [];
    const out: RawDiagnostic[] = [];
    for (const { pair } of hookEntries(ctx)) {
      for (const script of itemsOf(pair.value)) {
        const node = valueOf(script, 'location');
        if (node?.kind !== 'scalar' || typeof node.value !== 'string' || node.value.trim() === '' || looksLikePlaceholder(node.value)) continue;
        const location = node.value.trim().replace(/^\.?\/+/, '').replace(/\\/g, '/');
        if (location === '' || /[*?]/.test(location)) continue;
        if (exists(location)) continue;
        out.push({ ...scalarRange(node, ctx.text), severity: 'warning', rule: this.id,
          message: `Script '${node.value}' was not found relative to the appspec's folder (the revision root). CodeDeploy fails the ${pair.keyText ?? ''} event if the revision does not contain it.` });
      }
    }
    return out;
  },
};

export const runasOnWindowsRule: Rule = {
  id: 'appspec/runas-on-windows',
  kinds: ['appspec'],
  description: 'runas applies to Amazon Linux, Ubuntu Server and RHEL instances only; on Windows it is ignored.',
  severity: 'warning',
  helpUri: `${HOOKS_DOC}#reference-appspec-file-structure-hooks-section-structure`,
  check(ctx) {
    if (ctx.platform !== 'ec2') return [];
    const os = valueOf(ctx.root, 'os');
    if (os?.kind !== 'scalar' || os.value !== 'windows') return [];
    const out: RawDiagnostic[] = [];
    for (const { pair } of hookEntries(ctx)) {
      for (const script of itemsOf(pair.value)) {
        const runas = pairOf(script, 'runas');
        if (!runas) continue;
        const line = wholeLine(ctx.text, runas.key.start);
        const onlyThis = ctx.text.slice(line.start, runas.key.start).trim() === '' && runas.value.end <= line.end;
        out.push({ ...keyRange(runas), severity: 'warning', rule: this.id,
          message: 'runas is ignored on Windows Server instances (it applies to Amazon Linux, Ubuntu Server and RHEL only): the script runs as the CodeDeploy agent\'s user.',
          ...(onlyThis && ctx.format === 'yaml' ? { fix: { title: 'Remove runas', edits: [{ start: line.start, end: line.end, newText: '' }] } } : {}) });
      }
    }
    return out;
  },
};

