// What the CodeBuild commands accept: a tree node (context menus, clicks), an argument object (the
// CodeLens, notifications, scripts, other commands) or nothing (the Command Palette asks).
import { asBoolean, asObject, asOneOf, pickStrings } from '../../core/args';
import { NODE_KINDS, type TreeNode } from './tree';

export interface CodeBuildArgs {
  profile?: string;
  region?: string;
  projectName?: string;
  buildId?: string;
  batchId?: string;
  /** Start: a branch, tag or commit. */
  sourceVersion?: string;
  /** Start: `NAME=value` lines (see parseEnvironmentOverrides). */
  environmentVariables?: string;
  /** Start: the text of a buildspec to run instead of the project's (e.g. the workspace file). */
  buildspecOverride?: string;
  /** Start: where the override came from, for messages ("buildspec.yml"). */
  buildspecOverrideFrom?: string;
  /** Start without asking about overrides. */
  quick?: boolean;
  /** Stop without the confirmation (scripts that already asked). */
  confirmed?: boolean;
  retryMode?: 'RETRY_FAILED_BUILDS' | 'RETRY_ALL_BUILDS';
}

export function isNode(arg: unknown): arg is TreeNode {
  const o = asObject(arg);
  return o !== undefined && typeof o.kind === 'string' && NODE_KINDS.has(o.kind) && typeof o.id === 'string';
}

const STRING_ARGS = ['profile', 'region', 'projectName', 'buildId', 'batchId', 'sourceVersion', 'environmentVariables', 'buildspecOverrideFrom'] as const;

/** The argument object's fields that have the right types; a tree node or anything else gives `{}`. */
export function asArgs(arg: unknown): CodeBuildArgs {
  const o = asObject(arg);
  if (!o || isNode(arg)) return {};
  const quick = asBoolean(o.quick);
  const confirmed = asBoolean(o.confirmed);
  const retryMode = asOneOf(o.retryMode, ['RETRY_FAILED_BUILDS', 'RETRY_ALL_BUILDS'] as const);
  // An empty buildspec override is still an override (CodeBuild refuses it, and says so).
  const buildspecOverride = typeof o.buildspecOverride === 'string' ? o.buildspecOverride : undefined;
  return {
    ...pickStrings(o, STRING_ARGS),
    ...(buildspecOverride !== undefined ? { buildspecOverride } : {}),
    ...(quick !== undefined ? { quick } : {}),
    ...(confirmed !== undefined ? { confirmed } : {}),
    ...(retryMode ? { retryMode } : {}),
  };
}
