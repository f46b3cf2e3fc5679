import type { RawDiagnostic } from '../../engine/raw';
import type { Rule, RuleContext } from '../rule';
import { scalarRange } from '../nodes';
import { placeholderFinding, property, RESOURCES_DOC, resourcesOf, scalarText, type Resource } from './resources';

const LAMBDA_DOC = `${RESOURCES_DOC}#reference-appspec-file-structure-resources-lambda`;

function lambdaResources(ctx: RuleContext): Resource[] {
  return ctx.platform === 'lambda' ? resourcesOf(ctx) : [];
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}$/;
const ALIAS = /^[A-Za-z0-9_-]{1,128}$/;

export const lambdaFunctionRule: Rule = {
  id: 'appspec/lambda-function',
  kinds: ['appspec'],
  description: 'Name is a Lambda function name (letters, digits, - and _, up to 64) and Alias an alias name (up to 128, not only digits).',
  severity: 'error',
  helpUri: LAMBDA_DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const r of lambdaResources(ctx)) {
      const name = property(r, 'Name')?.value;
      const nameText = name ? scalarText(name)?.trim() : undefined;
      if (name && nameText !== undefined && nameText !== '' && !FUNCTION_NAME.test(nameText) && !FUNCTION_ARN.test(nameText)) {
        const placeholder = placeholderFinding(name, nameText, ctx, 'function name');
        if (placeholder !== 'skip') {
          ctx.claim(r.pointer('Name'));
          out.push(placeholder ?? { ...scalarRange(name, ctx.text), severity: 'error', rule: this.id,
            message: `'${nameText}' is not a Lambda function name: names have 1 to 64 letters, digits, hyphens and underscores (or give the function's ARN). CodeDeploy cannot find the function and the deployment fails.` });
        }
      }
      const alias = property(r, 'Alias')?.value;
      const aliasText = alias ? scalarText(alias)?.trim() : undefined;
      if (!alias || aliasText === undefined || aliasText === '' || (ALIAS.test(aliasText) && !/^\d+$/.test(aliasText))) continue;
      if (aliasText === '$LATEST') {
        ctx.claim(r.pointer('Alias'));
        out.push({ ...scalarRange(alias, ctx.text), severity: 'error', rule: this.id,
          message: 'Alias is the alias whose traffic CodeDeploy shifts between versions, such as live; $LATEST is a version, not an alias.' });
        continue;
      }
      const placeholder = placeholderFinding(alias, aliasText, ctx, 'alias name');
      if (placeholder === 'skip') continue;
      ctx.claim(r.pointer('Alias'));
      out.push(placeholder ?? { ...scalarRange(alias, ctx.text), severity: 'error', rule: this.id,
        message: /^\d+$/.test(aliasText)
          ? `Alias '${aliasText}' is only digits, which Lambda does not allow (it would look like a version). CodeDeploy shifts the traffic of an alias such as live.`
          : `'${aliasText}' is not a Lambda alias name: aliases have 1 to 128 letters, digits, hyphens and underscores. CodeDeploy cannot find the alias and the deployment fails.` });
    }
    return out;
  },
};

export const lambdaVersionRule: Rule = {
  id: 'appspec/lambda-version',
  kinds: ['appspec'],
  description: 'CurrentVersion and TargetVersion are published version numbers (positive integers), and differ.',
  severity: 'error',
  helpUri: LAMBDA_DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const r of lambdaResources(ctx)) {
      const numbers: Record<string, number | undefined> = {};
      for (const key of ['CurrentVersion', 'TargetVersion']) {
        const pair = property(r, key);
        const node = pair?.value;
        const value = node ? scalarText(node)?.trim() : undefined;
        if (!node || value === undefined) continue;
        if (/^[1-9]\d*$/.test(value)) {
          numbers[key] = Number(value);
          continue;
        }
        ctx.claim(r.pointer(key));
        if (value === '$LATEST') {
          out.push({ ...scalarRange(node, ctx.text), severity: 'error', rule: this.id,
            message: `${key} is $LATEST: CodeDeploy shifts the alias between published versions, and the documentation requires a positive integer. Publish a version (aws lambda publish-version) and give its number.` });
          continue;
        }
        const placeholder = placeholderFinding(node, value, ctx, 'version number');
        if (placeholder === 'skip') continue;
        out.push(placeholder ?? { ...scalarRange(node, ctx.text), severity: 'error', rule: this.id,
          message: `${key} must be a published version number, a positive integer such as 3, not '${value}': the documentation requires it and CodeDeploy fails the deployment otherwise.` });
      }
      const current = numbers.CurrentVersion;
      const targetPair = property(r, 'TargetVersion');
      if (current !== undefined && current === numbers.TargetVersion && targetPair) {
        out.push({ ...scalarRange(targetPair.value, ctx.text), severity: 'warning', rule: this.id,
          message: `TargetVersion is the current version (${current}): the alias already points at it, so there is no traffic to shift. Give the newly published version.` });
      }
    }
    return out;
  },
};
