// What the pipeline commands accept: a tree node (context menus, clicks), an argument object (scripts,
// other commands, notifications, status bar items) or nothing (the Command Palette asks).
import type { SourceRevisionType } from '@aws-sdk/client-codepipeline';
import { arrayOf, asBoolean, asObject, asOneOf, hasStrings, pickStrings } from '../../core/args';
import type { TreeNode } from './tree';

export interface PipelineArgs {
  profile?: string;
  region?: string;
  pipelineName?: string;
  executionId?: string;
  stageName?: string;
  actionName?: string;
  variables?: { name: string; value: string }[];
  sourceRevisions?: { actionName: string; revisionType: SourceRevisionType; revisionValue: string }[];
  abandon?: boolean;
  reason?: string;
  comment?: string;
  retryMode?: 'FAILED_ACTIONS' | 'ALL_ACTIONS';
  /** Override Stage Condition: the kind of condition to override. */
  condition?: 'beforeEntry' | 'onSuccess';
  /** Roll Back Stage: the execution whose revisions the stage goes back to. */
  targetExecutionId?: string;
}

const NODE_KINDS = new Set<string>(['target', 'pipeline', 'stage', 'action', 'condition', 'rule', 'executions', 'execution', 'moreExecutions', 'morePipelines', 'message']);

export function isNode(arg: unknown): arg is TreeNode {
  const o = asObject(arg);
  return o !== undefined && typeof o.kind === 'string' && NODE_KINDS.has(o.kind) && typeof o.id === 'string';
}

const STRING_ARGS = ['profile', 'region', 'pipelineName', 'executionId', 'stageName', 'actionName', 'reason', 'comment', 'targetExecutionId'] as const;

/** The argument object's fields that have the right types; a tree node or anything else gives `{}`. */
export function asArgs(arg: unknown): PipelineArgs {
  const o = asObject(arg);
  if (!o || isNode(arg)) return {};
  const abandon = asBoolean(o.abandon);
  const retryMode = asOneOf(o.retryMode, ['FAILED_ACTIONS', 'ALL_ACTIONS'] as const);
  const condition = asOneOf(o.condition, ['beforeEntry', 'onSuccess'] as const);
  const variables = arrayOf(o.variables, (v): v is { name: string; value: string } => hasStrings(v, ['name', 'value']));
  const sourceRevisions = arrayOf(o.sourceRevisions, (v): v is { actionName: string; revisionType: SourceRevisionType; revisionValue: string } =>
    hasStrings(v, ['actionName', 'revisionType', 'revisionValue']));
  return {
    ...pickStrings(o, STRING_ARGS),
    ...(abandon !== undefined ? { abandon } : {}),
    ...(retryMode ? { retryMode } : {}),
    ...(condition ? { condition } : {}),
    ...(variables ? { variables } : {}),
    ...(sourceRevisions ? { sourceRevisions } : {}),
  };
}
