import type { RawDiagnostic } from '../../engine/raw';
import { looksLikePlaceholder } from '../../schema/placeholders';
import type { Rule } from '../rule';
import { itemsOf, scalarRange, stringValue, valueOf } from '../nodes';
import { hookEntries } from './hooks';

const HOOKS_DOC = 'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html#reference-appspec-file-structure-hooks-section-structure';

const INTERPRETER = /^(?:sudo|bash|sh|zsh|python3?|node|ruby|perl|powershell(?:\.exe)?|pwsh|cmd(?:\.exe)?)\s+\S/i;
const ARGUMENTS = /\s-{1,2}[A-Za-z]/;

export const hookLocationRule: Rule = {
  id: 'appspec/hook-location-command',
  kinds: ['appspec'],
  description: 'A hook location is the path of a script file in the revision; the CodeDeploy agent runs the file itself, with no interpreter or arguments.',
  severity: 'warning',
  helpUri: HOOKS_DOC,
  check(ctx) {
    if (ctx.platform !== 'ec2') return [];
    const out: RawDiagnostic[] = [];
    for (const { pair } of hookEntries(ctx)) {
      for (const script of itemsOf(pair.value)) {
        const node = valueOf(script, 'location');
        const location = stringValue(node)?.trim();
        if (!node || location === undefined || looksLikePlaceholder(location)) continue;
        if (!/\s/.test(location) || (!INTERPRETER.test(location) && !ARGUMENTS.test(location))) continue;
        out.push({ ...scalarRange(node, ctx.text), severity: 'warning', rule: this.id,
          message: `location is the path of a script file in the revision, not a command: the CodeDeploy agent looks for a file named '${location}' and fails the ${pair.keyText ?? ''} event ("Script does not exist at specified location"). Point location at the script (with a #! line), and move interpreters and arguments into it.` });
      }
    }
    return out;
  },
};

/** What a YAML 1.1 reader (the agent's Psych) takes as false; a quoted one is a non-empty string, so true. */
const FALSE_WORDS = /^(?:false|no|off|n|0)$/i;
const SHELL_SPECIAL = /[\s;&|$`'"<>()\\*?!#]/;

export const hookRunasRule: Rule = {
  id: 'appspec/hook-runas',
  kinds: ['appspec'],
  description: 'runas names one Linux user (the agent runs `su <user> -c <script>`), and a quoted sudo: "false" still turns sudo on.',
  severity: 'warning',
  helpUri: HOOKS_DOC,
  check(ctx) {
    if (ctx.platform !== 'ec2' || stringValue(valueOf(ctx.root, 'os')) === 'windows') return [];
    const out: RawDiagnostic[] = [];
    for (const { pair } of hookEntries(ctx)) {
      for (const script of itemsOf(pair.value)) {
        const runasNode = valueOf(script, 'runas');
        const runas = stringValue(runasNode)?.trim();
        if (runasNode && runas !== undefined && runas !== '' && !looksLikePlaceholder(runas) && SHELL_SPECIAL.test(runas)) {
          out.push({ ...scalarRange(runasNode, ctx.text), severity: 'warning', rule: this.id,
            message: `runas '${runas}' is not a single user name: the CodeDeploy agent runs "su ${runas} -c <script>" in a shell, which splits or interprets it. Give the name of one Linux user.` });
        }
        const sudoNode = valueOf(script, 'sudo');
        const sudo = sudoNode?.kind === 'scalar' && sudoNode.style !== 'plain' ? stringValue(sudoNode) : undefined;
        if (sudoNode && sudo !== undefined && (FALSE_WORDS.test(sudo.trim()) || sudo.trim() === '')) {
          out.push({ ...scalarRange(sudoNode, ctx.text), severity: 'warning', rule: this.id,
            message: `sudo is the string '${sudo}', which the CodeDeploy agent treats as true (any string is): the script runs with sudo. Write sudo: false without quotes, or remove sudo.`,
            fix: { title: 'Change to false', edits: [{ start: sudoNode.start, end: sudoNode.end, newText: 'false' }] } });
        }
      }
    }
    return out;
  },
};
