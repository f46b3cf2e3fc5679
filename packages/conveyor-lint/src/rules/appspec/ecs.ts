import type { RawDiagnostic } from '../../engine/raw';
import { replaceScalar } from '../../schema/map-errors';
import type { Pair } from '../../syntax/tree';
import { closestMatch } from '../../text/edit-distance';
import type { Rule, RuleContext } from '../rule';
import { itemsOf, keyRange, pairOf, scalarRange } from '../nodes';
import { placeholderFinding, property, RESOURCES_DOC, resourcesOf, scalarText, type Resource } from './resources';

const ECS_DOC = `${RESOURCES_DOC}#reference-appspec-file-structure-resources-ecs`;
const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}(?::\d+)?$/;

function ecsResources(ctx: RuleContext): Resource[] {
  return ctx.platform === 'ecs' ? resourcesOf(ctx) : [];
}

export const ecsTaskDefinitionRule: Rule = {
  id: 'appspec/ecs-task-definition',
  kinds: ['appspec'],
  description: 'TaskDefinition is the ARN of the task definition to deploy (arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>).',
  severity: 'warning',
  helpUri: ECS_DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const r of ecsResources(ctx)) {
      const node = property(r, 'TaskDefinition')?.value;
      const value = node?.kind === 'scalar' && typeof node.value === 'string' ? node.value.trim() : undefined;
      if (!node || value === undefined || value === '' || TASK_DEFINITION_ARN.test(value)) continue;
      const placeholder = placeholderFinding(node, value, ctx, 'task definition ARN');
      if (placeholder === 'skip') continue;
      out.push(placeholder ?? { ...scalarRange(node, ctx.text), severity: 'warning', rule: this.id,
        message: value.startsWith('arn:')
          ? `'${value}' is not an ECS task definition ARN: it has the form arn:aws:ecs:<region>:<12-digit account>:task-definition/<family>:<revision>. CodeDeploy fails the deployment when ECS cannot find the task definition.`
          : `TaskDefinition should be the task definition's ARN (arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>), not '${value}'. CodeDeploy passes it to ECS to create the replacement task set; CodePipeline fills in <TASK_DEFINITION> for you.` });
    }
    return out;
  },
};

function portFinding(pair: Pair, ctx: RuleContext, id: string): RawDiagnostic | undefined {
  const node = pair.value;
  if (node.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') return undefined; // the schema says what is expected
  const text = String(node.value).trim();
  if (typeof node.value === 'string') {
    const placeholder = placeholderFinding(node, text, ctx, 'container port');
    if (placeholder === 'skip') return undefined;
    if (placeholder) return placeholder;
  }
  if (!/^\d+$/.test(text)) {
    return { ...scalarRange(node, ctx.text), severity: 'error', rule: id,
      message: `ContainerPort must be a port number, such as 80, not '${text}': CodeDeploy routes the load balancer's traffic to this port of the container.` };
  }
  const port = Number(text);
  if (port < 1 || port > 65535) {
    return { ...scalarRange(node, ctx.text), severity: 'error', rule: id, message: `ContainerPort ${port} is not a port number (1-65535).` };
  }
  if (typeof node.value === 'string') {
    return { ...scalarRange(node, ctx.text), severity: 'warning', rule: id,
      message: `ContainerPort is the string '${node.value}': the documentation specifies every ECS property as a string except ContainerPort, which is a number. Write ${port} without quotes.`,
      fix: { title: `Write ${port} without quotes`, edits: [{ start: node.start, end: node.end, newText: String(port) }] } };
  }
  return undefined;
}

export const ecsLoadBalancerRule: Rule = {
  id: 'appspec/ecs-container-port',
  kinds: ['appspec'],
  description: 'LoadBalancerInfo.ContainerPort is a port number (1-65535), written as a number.',
  severity: 'error',
  helpUri: ECS_DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const r of ecsResources(ctx)) {
      const lb = property(r, 'LoadBalancerInfo');
      const port = pairOf(lb?.value, 'ContainerPort', true);
      const d = port ? portFinding(port, ctx, this.id) : undefined;
      if (!d) continue;
      ctx.claim(r.pointer('LoadBalancerInfo', 'ContainerPort'));
      out.push(d);
    }
    return out;
  },
};

export const ecsPlatformVersionRule: Rule = {
  id: 'appspec/ecs-platform-version',
  kinds: ['appspec'],
  description: 'PlatformVersion is a Fargate platform version: LATEST or a version number such as 1.4.0.',
  severity: 'warning',
  helpUri: ECS_DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const r of ecsResources(ctx)) {
      const node = property(r, 'PlatformVersion')?.value;
      const value = node ? scalarText(node) : undefined;
      if (!node || value === undefined || value === 'LATEST' || /^\d+\.\d+\.\d+$/.test(value)) continue;
      const placeholder = placeholderFinding(node, value, ctx, 'platform version');
      if (placeholder === 'skip') continue;
      const fix = value.toUpperCase() === 'LATEST' ? replaceScalar(node, 'LATEST') : undefined;
      out.push(placeholder ?? { ...scalarRange(node, ctx.text), severity: 'warning', rule: this.id,
        message: `'${value}' is not a Fargate platform version: use LATEST or a version number such as 1.4.0. ECS rejects other values when CodeDeploy creates the replacement task set.`,
        ...(fix ? { fix } : {}) });
    }
    return out;
  },
};

const ASSIGN_PUBLIC_IP = ['ENABLED', 'DISABLED'];

export const ecsNetworkRule: Rule = {
  id: 'appspec/ecs-network-configuration',
  kinds: ['appspec'],
  description: 'NetworkConfiguration.AwsvpcConfiguration gives all of Subnets (1-16), SecurityGroups (up to 5) and AssignPublicIp (ENABLED or DISABLED), or none.',
  severity: 'error',
  helpUri: ECS_DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const r of ecsResources(ctx)) {
      const awsvpc = pairOf(property(r, 'NetworkConfiguration')?.value, 'AwsvpcConfiguration', true);
      if (awsvpc?.value.kind !== 'map') continue;
      const config = awsvpc.value;
      const subnets = pairOf(config, 'Subnets', true);
      const groups = pairOf(config, 'SecurityGroups', true);
      const publicIp = pairOf(config, 'AssignPublicIp', true);
      if (!subnets) {
        out.push({ ...keyRange(awsvpc), severity: 'error', rule: this.id,
          message: 'AwsvpcConfiguration has no Subnets: ECS needs at least one subnet for the replacement tasks, and the documentation says to give all of Subnets, SecurityGroups and AssignPublicIp, or none (then the current network settings stay).' });
      }
      const missing = [groups ? undefined : 'SecurityGroups', publicIp ? undefined : 'AssignPublicIp'].filter((k): k is string => k !== undefined);
      if (subnets && missing.length > 0) {
        out.push({ ...keyRange(awsvpc), severity: 'warning', rule: this.id,
          message: `AwsvpcConfiguration has no ${missing.join(' and ')}: the documentation says to give all of Subnets, SecurityGroups and AssignPublicIp, or none of them.` });
      }
      out.push(...listFindings(subnets, { ctx, id: this.id, what: 'subnet', max: 16, wrongPrefix: 'sg-',
        empty: { severity: 'error', message: 'Subnets is empty: ECS needs at least one subnet for the replacement tasks.' } }));
      out.push(...listFindings(groups, { ctx, id: this.id, what: 'security group', max: 5, wrongPrefix: 'subnet-',
        empty: { severity: 'warning', message: 'SecurityGroups is empty: the documentation asks for one or more, and ECS then puts the replacement tasks in the VPC\'s default security group.' } }));
      const d = publicIp ? assignPublicIpFinding(publicIp, ctx, this.id) : undefined;
      if (d) {
        ctx.claim(r.pointer('NetworkConfiguration', 'AwsvpcConfiguration', 'AssignPublicIp'));
        out.push(d);
      }
    }
    return out;
  },
};

interface ListLimits {
  ctx: RuleContext;
  id: string;
  what: string;
  max: number;
  wrongPrefix: string;
  empty: { severity: 'error' | 'warning'; message: string };
}

function listFindings(pair: Pair | undefined, o: ListLimits): RawDiagnostic[] {
  if (pair?.value.kind !== 'seq') return [];
  const items = itemsOf(pair.value);
  const out: RawDiagnostic[] = [];
  const key = pair.keyText ?? '';
  if (items.length === 0) {
    out.push({ ...keyRange(pair), severity: o.empty.severity, rule: o.id, message: o.empty.message });
  } else if (items.length > o.max) {
    out.push({ ...keyRange(pair), severity: 'error', rule: o.id, message: `${key} lists ${items.length} ${o.what}s; ECS accepts at most ${o.max} and fails the replacement task set.` });
  }
  for (const item of items) {
    const value = scalarText(item);
    if (value?.startsWith(o.wrongPrefix)) {
      out.push({ ...scalarRange(item, o.ctx.text), severity: 'error', rule: o.id,
        message: `'${value}' is a ${o.wrongPrefix === 'sg-' ? 'security group' : 'subnet'} ID in ${key}, which lists ${o.what} IDs.` });
    }
  }
  return out;
}

function assignPublicIpFinding(pair: Pair, ctx: RuleContext, id: string): RawDiagnostic | undefined {
  const node = pair.value;
  const value = scalarText(node);
  if (value === undefined || ASSIGN_PUBLIC_IP.includes(value)) return undefined;
  const placeholder = placeholderFinding(node, value, ctx, 'ENABLED or DISABLED');
  if (placeholder === 'skip') return undefined;
  if (placeholder) return placeholder;
  const suggestion = closestMatch(value, ASSIGN_PUBLIC_IP);
  const fix = suggestion ? replaceScalar(node, suggestion) : undefined;
  return { ...scalarRange(node, ctx.text), severity: 'error', rule: id,
    message: `AssignPublicIp must be ENABLED or DISABLED, not '${value}'; ECS rejects other values when CodeDeploy creates the replacement task set.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
    ...(fix ? { fix } : {}) };
}

export const ecsCapacityProviderRule: Rule = {
  id: 'appspec/ecs-capacity-provider-strategy',
  kinds: ['appspec'],
  description: 'CapacityProviderStrategy: Base 0-100000 on at most one provider, Weight 0-1000, and some weight above 0 when there are several providers.',
  severity: 'error',
  helpUri: ECS_DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const r of ecsResources(ctx)) {
      const strategy = property(r, 'CapacityProviderStrategy');
      const items = itemsOf(strategy?.value);
      if (!strategy || items.length === 0) continue;
      // A missing Weight is 0 (the documented default); a weight that is not a number yet leaves the sum open.
      let positiveWeight = false;
      let unknownWeight = false;
      let withBase = 0;
      items.forEach((item, index) => {
        for (const [key, max] of [['Base', 100000], ['Weight', 1000]] as const) {
          const pair = pairOf(item, key, true);
          if (!pair) continue;
          const value = scalarText(pair.value);
          if (value === undefined) continue;
          const claim = (): void => ctx.claim(r.pointer('CapacityProviderStrategy', index, key));
          const placeholder = placeholderFinding(pair.value, value, ctx, `${key.toLowerCase()} (a whole number)`);
          const number = /^\d+$/.test(value.trim()) ? Number(value) : undefined;
          if (key === 'Weight' && (number === undefined || number > 0)) {
            if (number === undefined) unknownWeight = true;
            else positiveWeight = true;
          }
          if (placeholder === 'skip') continue;
          if (placeholder) {
            claim();
            out.push(placeholder);
            continue;
          }
          if (number === undefined || number > max) {
            claim();
            out.push({ ...scalarRange(pair.value, ctx.text), severity: 'error', rule: this.id, message: `${key} must be a whole number from 0 to ${max}, not '${value}'; ECS rejects the capacity provider strategy.` });
            continue;
          }
          if (key === 'Base' && number > 0) withBase++;
        }
      });
      if (withBase > 1) {
        out.push({ ...keyRange(strategy), severity: 'error', rule: this.id, message: `${withBase} capacity providers have a Base above 0; ECS allows a base on only one provider of a strategy.` });
      }
      if (items.length > 1 && !positiveWeight && !unknownWeight) {
        out.push({ ...keyRange(strategy), severity: 'error', rule: this.id, message: 'Every capacity provider has Weight 0: with several providers ECS needs at least one weight above 0, and fails to place the tasks otherwise.' });
      }
    }
    return out;
  },
};
