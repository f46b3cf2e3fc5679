import type { RawDiagnostic } from '../../engine/raw';
import { toPointer } from '../../schema/pointer';
import type { Rule } from '../rule';
import { itemsOf, keyRange, pairOf, scalarRange } from '../nodes';

const DOCS = 'https://docs.aws.amazon.com/codedeploy/latest/userguide/';

export const versionNotDocumentedRule: Rule = {
  id: 'appspec/version-not-documented',
  kinds: ['appspec'],
  description: 'The only documented AppSpec version is 0.0; ECS and Lambda deployments also accept 1, which is worth normalising.',
  severity: 'warning',
  helpUri: `${DOCS}reference-appspec-file-structure-version.html`,
  check(ctx) {
    if (ctx.platform === 'ec2') return [];
    const pair = pairOf(ctx.root, 'version', true);
    const node = pair?.value;
    if (!pair || node?.kind !== 'scalar') return [];
    const v = node.value;
    if (!(v === 1 || v === '1' || v === '1.0')) return [];
    ctx.claim(toPointer([ctx.canonicalKey(pair.keyText ?? 'version')]));
    return [{ ...scalarRange(node, ctx.text), severity: 'warning', rule: this.id,
      message: `AppSpec version ${String(v)}: the documentation allows only 0.0. CodeDeploy accepts 1 for ${ctx.platform === 'lambda' ? 'Lambda' : 'Amazon ECS'} deployments in practice, but 0.0 is the value every tool expects.`,
      fix: { title: 'Change the version to 0.0', edits: [{ start: node.start, end: node.end, newText: node.style === 'json' && typeof v === 'string' ? '"0.0"' : '0.0' }] } }];
  },
};

export const ignoredFileKeyRule: Rule = {
  id: 'appspec/ignored-key',
  kinds: ['appspec'],
  description: "Keys the CodeDeploy agent ignores, such as 'overwrite' in files (use file_exists_behavior).",
  severity: 'warning',
  helpUri: `${DOCS}reference-appspec-file-structure-files.html`,
  check(ctx) {
    if (ctx.platform !== 'ec2') return [];
    const out: RawDiagnostic[] = [];
    const hasBehavior = pairOf(ctx.root, 'file_exists_behavior') !== undefined;
    for (const file of itemsOf(pairOf(ctx.root, 'files')?.value)) {
      const overwrite = pairOf(file, 'overwrite');
      if (!overwrite) continue;
      out.push({ ...keyRange(overwrite), severity: 'warning', rule: this.id,
        message: `'overwrite' is not an AppSpec key: the CodeDeploy agent ignores it.${hasBehavior ? ' The top-level file_exists_behavior decides what happens to existing files.' : ' To replace existing files, set file_exists_behavior: OVERWRITE at the top level.'}` });
    }
    return out;
  },
};

export const ec2VersionRule: Rule = {
  id: 'appspec/ec2-version-string',
  kinds: ['appspec'],
  description: 'The CodeDeploy agent compares an EC2/On-Premises appspec\'s version with the number 0.0: a quoted "0.0" is a string and fails the deployment.',
  severity: 'error',
  helpUri: `${DOCS}reference-appspec-file-structure-version.html`,
  check(ctx) {
    if (ctx.platform !== 'ec2') return [];
    const pair = pairOf(ctx.root, 'version');
    const node = pair?.value;
    if (!pair || node?.kind !== 'scalar' || typeof node.value !== 'string' || !/^\s*0(?:\.0*)?\s*$/.test(node.value)) return [];
    ctx.claim('/version');
    return [{ ...scalarRange(node, ctx.text), severity: 'error', rule: this.id,
      message: `version is the string '${node.value}': the CodeDeploy agent reads the appspec as YAML and compares version with the number 0.0, so it fails the deployment ("an invalid version value (${node.value}) was entered"). The documentation says to specify version with a string, but the agent needs the number: write version: 0.0 without quotes.`,
      fix: { title: 'Write 0.0 without quotes', edits: [{ start: node.start, end: node.end, newText: '0.0' }] } }];
  },
};
