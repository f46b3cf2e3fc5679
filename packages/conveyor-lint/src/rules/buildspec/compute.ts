import type { RawDiagnostic } from '../../engine/raw';
import { replaceScalar } from '../../schema/map-errors';
import { looksLikePlaceholder } from '../../schema/placeholders';
import type { Node } from '../../syntax/tree';
import { closestMatch } from '../../text/edit-distance';
import type { Rule } from '../rule';
import { itemsOf, keyRange, pairOf, scalarRange, stringValue, valueOf } from '../nodes';
import { phasePairs } from './commands';

const COMPUTE_DOC = 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html';

/** ComputeType and EnvironmentType of the CodeBuild API (aws/api-models-aws, codebuild 2016-10-06). */
export const COMPUTE_TYPES = ['BUILD_GENERAL1_SMALL', 'BUILD_GENERAL1_MEDIUM', 'BUILD_GENERAL1_LARGE', 'BUILD_GENERAL1_XLARGE', 'BUILD_GENERAL1_2XLARGE',
  'BUILD_LAMBDA_1GB', 'BUILD_LAMBDA_2GB', 'BUILD_LAMBDA_4GB', 'BUILD_LAMBDA_8GB', 'BUILD_LAMBDA_10GB', 'ATTRIBUTE_BASED_COMPUTE', 'CUSTOM_INSTANCE_TYPE'];
export const ENVIRONMENT_TYPES = ['WINDOWS_CONTAINER', 'LINUX_CONTAINER', 'LINUX_GPU_CONTAINER', 'ARM_CONTAINER', 'WINDOWS_SERVER_2019_CONTAINER', 'WINDOWS_SERVER_2022_CONTAINER',
  'LINUX_LAMBDA_CONTAINER', 'ARM_LAMBDA_CONTAINER', 'LINUX_EC2', 'ARM_EC2', 'WINDOWS_EC2', 'MAC_ARM'];

/** The environment override of a batch task (or of the whole matrix), and whether the task runs this buildspec. */
interface BatchEnvironment {
  env: Node;
  label: string;
  runsThisBuildspec: boolean;
}

function batchEnvironments(root: Node): BatchEnvironment[] {
  const batch = valueOf(root, 'batch');
  if (!batch) return [];
  const out: BatchEnvironment[] = [];
  for (const list of ['build-graph', 'build-list']) {
    itemsOf(valueOf(batch, list)).forEach((task, index) => {
      const env = valueOf(task, 'env');
      const id = valueOf(task, 'identifier');
      if (env) out.push({ env, label: `${list} task '${id?.kind === 'scalar' ? String(id.value) : index + 1}'`, runsThisBuildspec: valueOf(task, 'buildspec') === undefined });
    });
  }
  const matrix = valueOf(batch, 'build-matrix');
  const ownBuildspec = valueOf(valueOf(matrix, 'static'), 'buildspec') === undefined && valueOf(valueOf(matrix, 'dynamic'), 'buildspec') === undefined;
  for (const part of ['static', 'dynamic']) {
    const env = valueOf(valueOf(matrix, part), 'env');
    if (env) out.push({ env, label: `the build matrix (${part})`, runsThisBuildspec: ownBuildspec });
  }
  return out;
}

/** Scalar values of a key: one value, or the list build-matrix dynamic environments use. */
function values(env: Node, key: string): { node: Node; value: string }[] {
  const node = valueOf(env, key);
  const nodes = node?.kind === 'seq' ? node.items : node ? [node] : [];
  return nodes.flatMap((n) => {
    const v = stringValue(n);
    return v === undefined || looksLikePlaceholder(v) ? [] : [{ node: n, value: v }];
  });
}

function lambdaCompute(env: Node): string | undefined {
  return values(env, 'compute-type').find((v) => v.value.startsWith('BUILD_LAMBDA_'))?.value ?? values(env, 'type').find((v) => v.value.endsWith('_LAMBDA_CONTAINER'))?.value;
}

export const batchComputeRule: Rule = {
  id: 'buildspec/batch-compute',
  kinds: ['buildspec'],
  description: 'Batch environment overrides use CodeBuild\'s compute and environment types, and Lambda compute types go with Lambda environments and without privileged mode.',
  severity: 'warning',
  helpUri: COMPUTE_DOC,
  check(ctx) {
    const out: RawDiagnostic[] = [];
    for (const { env, label } of batchEnvironments(ctx.root)) {
      for (const [key, known] of [['compute-type', COMPUTE_TYPES], ['type', ENVIRONMENT_TYPES]] as const) {
        for (const { node, value } of values(env, key)) {
          if (known.includes(value)) continue;
          const suggestion = closestMatch(value, known);
          const fix = suggestion ? replaceScalar(node, suggestion) : undefined;
          out.push({ ...scalarRange(node, ctx.text), severity: 'warning', rule: this.id,
            message: `'${value}' is not a CodeBuild ${key === 'type' ? 'environment' : 'compute'} type, so the build of ${label} fails to start.${suggestion ? ` Did you mean '${suggestion}'?` : ` Known: ${known.join(', ')}.`}`,
            ...(fix ? { fix } : {}) });
        }
      }
      const computes = values(env, 'compute-type');
      const types = values(env, 'type');
      const lambdaComputes = computes.filter((c) => c.value.startsWith('BUILD_LAMBDA_'));
      const otherTypes = types.filter((t) => ENVIRONMENT_TYPES.includes(t.value) && !t.value.endsWith('_LAMBDA_CONTAINER'));
      if (lambdaComputes.length > 0 && otherTypes.length > 0 && computes.length === lambdaComputes.length) {
        for (const t of otherTypes) {
          out.push({ ...scalarRange(t.node, ctx.text), severity: 'warning', rule: this.id,
            message: `${label} uses the Lambda compute type ${lambdaComputes[0]?.value ?? ''}, which runs in LINUX_LAMBDA_CONTAINER or ARM_LAMBDA_CONTAINER environments, not ${t.value}.` });
        }
      }
      const privileged = pairOf(env, 'privileged-mode');
      const on = privileged?.value.kind === 'scalar' && /^(?:true|yes|on)$/i.test(String(privileged.value.value));
      const lambda = lambdaCompute(env);
      if (privileged && on && lambda) {
        out.push({ ...keyRange(privileged), severity: 'warning', rule: this.id,
          message: `${label} runs on Lambda compute (${lambda}), which does not support privileged mode (Docker builds): use an EC2 compute type for this task.` });
      }
    }
    return out;
  },
};

export const retryComputeRule: Rule = {
  id: 'buildspec/on-failure-retry-compute',
  kinds: ['buildspec'],
  description: 'on-failure RETRY works on EC2 compute only: not in batch tasks that run this buildspec on Lambda compute or on a reserved capacity fleet.',
  severity: 'warning',
  helpUri: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.phases.on-failure',
  check(ctx) {
    const retries = phasePairs(ctx.root).flatMap((phase) => {
      const node = valueOf(phase.value, 'on-failure');
      const value = stringValue(node);
      return node && value !== undefined && /^retry/i.test(value) ? [{ node, value }] : [];
    });
    if (retries.length === 0) return [];
    const unsupported = batchEnvironments(ctx.root).filter((e) => e.runsThisBuildspec).flatMap((e) => {
      const lambda = lambdaCompute(e.env);
      if (lambda) return [`${e.label} (Lambda compute, ${lambda})`];
      return valueOf(e.env, 'fleet') ? [`${e.label} (a reserved capacity fleet)`] : [];
    });
    if (unsupported.length === 0) return [];
    const out: RawDiagnostic[] = [];
    for (const { node, value } of retries) {
      out.push({ ...scalarRange(node, ctx.text), severity: 'warning', rule: this.id,
        message: `on-failure ${value} is supported on EC2 compute only, but ${unsupported.join(' and ')} run${unsupported.length === 1 ? 's' : ''} this buildspec: there CodeBuild does not retry. Use ABORT or CONTINUE, or run that task on EC2 compute.` });
    }
    return out;
  },
};
