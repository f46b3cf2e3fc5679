import type { RawDiagnostic, RawFix } from '../../engine/raw';
import type { MapNode, Node } from '../../syntax/tree';
import type { Rule } from '../rule';
import { singleLine, wholeLine } from '../nodes';
import { commandsOf } from './commands';

const REF = 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-syntax';

/** `- echo a: b` as written, wrapped in single quotes, when the item is one `key: value` line. */
function quoteFix(item: MapNode, text: string): RawFix | undefined {
  const only = item.pairs[0];
  if (item.flow || item.pairs.length !== 1 || !only) return undefined;
  if (only.key.kind !== 'scalar' || only.key.style !== 'plain') return undefined;
  if (only.value.kind !== 'scalar' || only.value.style !== 'plain') return undefined;
  const end = only.value.end > only.value.start ? only.value.end : text.indexOf(':', only.key.end) + 1;
  if (end <= 0 || !singleLine(text, item.start, end)) return undefined;
  const raw = text.slice(item.start, end);
  return { title: 'Quote the command', edits: [{ start: item.start, end, newText: `'${raw.replace(/'/g, "''")}'` }] };
}

export const commandAsMappingRule: Rule = {
  id: 'buildspec/command-parsed-as-mapping',
  kinds: ['buildspec'],
  description: "A command containing ': ' (or ending with ':') is read by YAML as a mapping, which CodeBuild rejects; quote the command.",
  severity: 'error',
  helpUri: REF,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const cmd of commandsOf(ctx)) {
      const item = cmd.node;
      if (item.kind !== 'map') continue;
      ctx.claim(cmd.pointer);
      const first = item.pairs[0];
      const end = first ? (first.value.kind === 'scalar' && singleLine(ctx.text, item.start, first.value.end) ? Math.max(first.value.end, first.key.end) : first.key.end) : item.start;
      const fix = quoteFix(item, ctx.text);
      out.push({ start: item.start, end, severity: 'error', rule: this.id,
        message: `YAML reads this ${cmd.block} item as a mapping, not a command, because it contains ': '. CodeBuild expects a string and fails the build. Quote the whole command.`,
        ...(fix ? { fix } : {}) });
    }
    return out;
  },
};

function emptyItemFix(node: Node, text: string): RawFix | undefined {
  const line = wholeLine(text, node.start);
  const before = text.slice(line.start, node.start);
  const dash = before.lastIndexOf('-');
  if (dash === -1 || before.slice(dash + 1).trim() !== '') return undefined;
  const rest = text.slice(node.start, line.end).trim();
  if (rest.startsWith('#')) {
    return { title: 'Make it a comment (remove the list item)', edits: [{ start: line.start + dash, end: node.start, newText: '' }] };
  }
  return { title: 'Remove the empty item', edits: [{ start: line.start, end: line.end, newText: '' }] };
}

export const emptyCommandRule: Rule = {
  id: 'buildspec/empty-command',
  kinds: ['buildspec'],
  description: "A command list item with no command (`-` alone, or `- # comment`) is a null command, which CodeBuild rejects.",
  severity: 'error',
  helpUri: REF,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const cmd of commandsOf(ctx)) {
      const node = cmd.node;
      if (node.kind !== 'scalar' || node.value !== null || node.style !== 'plain') continue;
      ctx.claim(cmd.pointer);
      const line = wholeLine(ctx.text, node.start);
      const comment = ctx.text.slice(node.start, line.end).trim().startsWith('#');
      const lineEnd = ctx.text.slice(line.start, line.end).replace(/\r?\n$/, '').length + line.start;
      const fix = emptyItemFix(node, ctx.text);
      out.push({ start: line.start + (ctx.text.slice(line.start, lineEnd).length - ctx.text.slice(line.start, lineEnd).trimStart().length), end: lineEnd,
        severity: 'error', rule: this.id,
        message: comment
          ? `This ${cmd.block} item holds only a comment: YAML reads '- # ...' as an empty (null) command, which CodeBuild rejects. Remove the '-' to keep the comment.`
          : `Empty ${cmd.block} item: YAML reads it as a null command, which CodeBuild rejects.`,
        ...(fix ? { fix } : {}) });
    }
    return out;
  },
};
