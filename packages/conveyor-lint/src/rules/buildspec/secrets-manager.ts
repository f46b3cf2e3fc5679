import type { RawDiagnostic } from '../../engine/raw';
import { looksLikePlaceholder } from '../../schema/placeholders';
import type { Rule } from '../rule';
import { pairsOf, scalarRange, stringValue, valueOf } from '../nodes';

const HELP = 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager';
const NAME_CHARS = /^[A-Za-z0-9/_+=.@-]+$/;

/** Problems with a `secret-id:json-key:version-stage:version-id` reference; undefined if it is fine. */
export function checkSecretReference(ref: string): { severity: 'error' | 'warning'; message: string } | undefined {
  const parts = ref.split(':');
  let rest: string[];
  if (ref.startsWith('arn:')) {
    // arn:partition:secretsmanager:region:account:secret:name
    if (parts.length < 7 || parts[2] !== 'secretsmanager' || parts[5] !== 'secret' || (parts[6] ?? '') === '') {
      return { severity: 'error', message: `'${ref}' starts like an ARN but is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>).` };
    }
    rest = parts.slice(7);
  } else {
    const secretId = parts[0] ?? '';
    rest = parts.slice(1);
    if (secretId === '') return { severity: 'error', message: `The secret-id is missing: '${ref}' starts with ':'. Use secret-id:json-key:version-stage:version-id.` };
    if (!NAME_CHARS.test(secretId)) {
      return { severity: 'error', message: `'${secretId}' is not a valid secret name: names contain only letters, digits and /_+=.@- (or use the secret's ARN).` };
    }
  }
  if (rest.length > 3) {
    return { severity: 'error', message: `'${ref}' has too many ':'-separated parts. The reference is secret-id:json-key:version-stage:version-id (secret-id may be an ARN).` };
  }
  const [, stage, versionId] = rest;
  if (stage && versionId) {
    return { severity: 'warning', message: `Both version-stage ('${stage}') and version-id ('${versionId}') are set; the documentation says to use one of them. Leave the other empty.` };
  }
  return undefined;
}

export const secretsManagerRule: Rule = {
  id: 'buildspec/secrets-manager-reference',
  kinds: ['buildspec'],
  description: 'env/secrets-manager values must be secret-id[:json-key[:version-stage[:version-id]]], with a valid secret name or ARN.',
  severity: 'error',
  helpUri: HELP,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const pair of pairsOf(valueOf(valueOf(ctx.root, 'env'), 'secrets-manager'))) {
      const value = stringValue(pair.value);
      if (value === undefined || value === '' || looksLikePlaceholder(value)) continue;
      const problem = checkSecretReference(value);
      if (problem) out.push({ ...scalarRange(pair.value, ctx.text), severity: problem.severity, rule: this.id, message: problem.message });
    }
    return out;
  },
};
