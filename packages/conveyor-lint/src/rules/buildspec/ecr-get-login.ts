import type { RawDiagnostic, RawFix } from '../../engine/raw';
import type { Node } from '../../syntax/tree';
import type { Rule } from '../rule';
import { singleLine } from '../nodes';
import { commandsOf } from './commands';

const GET_LOGIN = /\baws\s+ecr\s+get-login(?![-\w])/;

/** Arguments of `aws ecr get-login ...` up to the end of the command substitution or pipe. */
function parseArgs(args: string): { region?: string; registryIds: string[] } | undefined {
  const tokens = args.trim().split(/\s+/).filter((t) => t !== '');
  const out: { region?: string; registryIds: string[] } = { registryIds: [] };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (t === '--no-include-email' || t === '--include-email') continue;
    if (t === '--region') {
      const v = tokens[++i];
      if (!v) return undefined;
      out.region = v;
    } else if (t.startsWith('--region=')) {
      out.region = t.slice('--region='.length);
    } else if (t === '--registry-ids') {
      while (tokens[i + 1] && !(tokens[i + 1] ?? '').startsWith('--')) out.registryIds.push(tokens[++i] ?? '');
    } else {
      return undefined; // options we do not translate (--profile, --endpoint-url, ...): no automatic fix
    }
  }
  return out;
}

/** The AWS CLI v2 equivalent of a get-login invocation. */
export function getLoginPasswordCommand(args: string): string | undefined {
  const parsed = parseArgs(args);
  if (!parsed || parsed.registryIds.length > 1) return undefined;
  const region = parsed.region ?? '$AWS_DEFAULT_REGION';
  const account = parsed.registryIds[0] ?? '$(aws sts get-caller-identity --query Account --output text)';
  return `aws ecr get-login-password --region ${region} | docker login --username AWS --password-stdin ${account}.dkr.ecr.${region}.amazonaws.com`;
}

/** Recognised whole-command forms: `$(aws ecr get-login ...)`, `eval $(...)`, backticks, `... | sh`. */
const FORMS: RegExp[] = [
  /^(?:eval\s+)?\$\(\s*aws\s+ecr\s+get-login(\s[^()]*)?\)\s*$/,
  /^(?:eval\s+)?`\s*aws\s+ecr\s+get-login(\s[^`]*)?`\s*$/,
  /^aws\s+ecr\s+get-login(\s[^|]*)?\|\s*(?:sh|bash)\s*$/,
];

function fixFor(node: Node, text: string): RawFix | undefined {
  if (node.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  if (node.style !== 'plain' && node.style !== 'single' && node.style !== 'double') return undefined;
  if (!singleLine(text, node.start, node.end)) return undefined;
  const value = node.value.trim();
  for (const form of FORMS) {
    const m = form.exec(value);
    if (!m) continue;
    const replacement = getLoginPasswordCommand(m[1] ?? '');
    if (!replacement) return undefined;
    const quoted = node.style !== 'plain';
    return { title: 'Use aws ecr get-login-password (AWS CLI v2)',
      edits: [{ start: quoted ? node.start + 1 : node.start, end: quoted ? node.end - 1 : node.end, newText: replacement }] };
  }
  return undefined;
}

export const ecrGetLoginRule: Rule = {
  id: 'buildspec/ecr-get-login-removed',
  kinds: ['buildspec'],
  description: "`aws ecr get-login` was removed in AWS CLI v2 (the CLI on current CodeBuild images); use `aws ecr get-login-password | docker login`.",
  severity: 'warning',
  helpUri: 'https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html#cliv2-migration-ecr-get-login',
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const cmd of commandsOf(ctx)) {
      const node = cmd.node;
      if (node.kind !== 'scalar' || typeof node.value !== 'string' || !GET_LOGIN.test(node.value)) continue;
      const source = ctx.text.slice(node.start, node.end);
      const m = GET_LOGIN.exec(source);
      const start = m ? node.start + m.index : node.start;
      const end = m ? start + m[0].length : node.end;
      const fix = fixFor(node, ctx.text);
      // Inside a block scalar, suppression comments go above the command, not into its script.
      out.push({ start, end, anchor: node.start, severity: 'warning', rule: this.id,
        message: '`aws ecr get-login` does not exist in AWS CLI v2, which current CodeBuild images ship. Use `aws ecr get-login-password --region <region> | docker login --username AWS --password-stdin <registry>`.',
        ...(fix ? { fix } : {}) });
    }
    return out;
  },
};
