import type { RawDiagnostic } from '../../engine/raw';
import { looksLikePlaceholder } from '../../schema/placeholders';
import { toPointer } from '../../schema/pointer';
import type { Node, Pair } from '../../syntax/tree';
import type { Rule, RuleContext } from '../rule';
import { itemsOf, keyRange, pairOf, pairsOf, scalarRange, valueOf } from '../nodes';

export const RESOURCES_DOC = 'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-resources.html';

/** One resource of an ECS or Lambda appspec: `- name: { Type, Properties }`. */
export interface Resource {
  index: number;
  name: Pair;
  properties: Node | undefined;
  /** JSON pointer of a property, with the keys in the spelling the schema uses. */
  pointer: (property: string, ...rest: (string | number)[]) => string;
}

export function resourcesOf(ctx: RuleContext): Resource[] {
  const list = valueOf(ctx.root, 'Resources', true);
  return itemsOf(list).flatMap((item, index) => {
    const name = pairsOf(item)[0];
    if (!name) return [];
    return [{ index, name, properties: valueOf(name.value, 'Properties', true),
      pointer: (property: string, ...rest: (string | number)[]) => toPointer(['Resources', index, name.keyText ?? '', 'Properties', property, ...rest]) }];
  });
}

/** The text of a string or number scalar (ECS and Lambda properties are often either). */
export function scalarText(node: Node): string | undefined {
  return node.kind === 'scalar' && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}

/** A property of an ECS or Lambda resource; keys are case-insensitive there. */
export function property(resource: Resource, key: string): Pair | undefined {
  return pairOf(resource.properties, key, true);
}

/** The placeholders of the documentation's AppSpec templates, which CodeDeploy would take literally. */
const DOC_PLACEHOLDERS = new Set(['task-definition-arn', 'ecs-container-name-for-your-ecs-application', 'port-used-by-your-ecs-application', 'ecs-service-platform-version',
  'ecs-subnet-1', 'ecs-subnet-n', 'ecs-security-group-1', 'ecs-security-group-n', 'enabled-or-disabled', 'integer', 'your-container-name', 'your-container-port',
  'name-of-lambda-function-to-deploy', 'alias-of-lambda-function-to-deploy', 'version-of-the-lambda-function-traffic-currently-points-to',
  'version-of-the-lambda-function-to-shift-traffic-to']);

export function isDocumentationPlaceholder(value: string): boolean {
  return DOC_PLACEHOLDERS.has(value.trim().toLowerCase()) || /^\[[^\]]*\]$/.test(value.trim()) || /(?:^|:)(?:aws-region-id|aws-account-id)(?::|$)/.test(value);
}

/** `TASK_DEFINITION_ARN`, `CURRENT_VERSION_PLACEHOLDER`: names a build step substitutes (free-form values only). */
export function isSubstitutionName(value: string): boolean {
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value.trim());
}

/** Placeholders of any kind: skipped, or reported once as the documentation's template value. */
export function placeholderFinding(node: Node, value: string, ctx: RuleContext, key: string): RawDiagnostic | 'skip' | undefined {
  // Tagged values (!Ref, !Sub) are templates some tool renders first; the tag itself is reported.
  if (node.tag || looksLikePlaceholder(value) || isSubstitutionName(value)) return 'skip';
  if (!isDocumentationPlaceholder(value)) return undefined;
  return { ...scalarRange(node, ctx.text), severity: 'warning', rule: 'appspec/template-placeholder',
    message: `'${value}' is a placeholder from the AppSpec documentation's template: CodeDeploy takes it literally and the deployment fails. Replace it with the real ${key}.` };
}

export const templatePlaceholderRule: Rule = {
  id: 'appspec/template-placeholder',
  kinds: ['appspec'],
  description: 'A value copied from the AppSpec documentation\'s template (such as ENABLED-or-DISABLED or [Your container Name]) that was never filled in.',
  severity: 'warning',
  helpUri: RESOURCES_DOC,
  // Reported by the ECS and Lambda property rules, which know where a placeholder stands for a value.
  check: () => [],
};

export const resourceCountRule: Rule = {
  id: 'appspec/resource-count',
  kinds: ['appspec'],
  description: 'An ECS or Lambda appspec deploys exactly one resource: one AWS::ECS::Service, or one AWS::Lambda::Function.',
  severity: 'error',
  helpUri: RESOURCES_DOC,
  check(ctx) {
    if (ctx.platform === 'ec2') return [];
    const resources = resourcesOf(ctx);
    const what = ctx.platform === 'ecs' ? 'Amazon ECS service (AWS::ECS::Service)' : 'Lambda function (AWS::Lambda::Function)';
    return resources.slice(1).map((r): RawDiagnostic => ({ ...keyRange(r.name), severity: 'error', rule: this.id,
      message: `An ${ctx.platform === 'ecs' ? 'Amazon ECS' : 'AWS Lambda'} deployment deploys one ${what}: CodeDeploy expects exactly one resource in the AppSpec file, not ${resources.length}. Deploy '${r.name.keyText ?? ''}' with its own deployment and AppSpec file.` }));
  },
};
