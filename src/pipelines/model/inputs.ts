// Checks for what people type into the action prompts, mirroring the CodePipeline API's constraints so
// mistakes are caught in the input box instead of coming back as a ValidationException.
import type { SourceRevisionType } from '@aws-sdk/client-codepipeline';
import type { ActionDeclaration } from './types';

/** DisableStageTransition reason: 1–300 characters of a restricted set. */
export function validateTransitionReason(text: string): string | undefined {
  if (!text.trim()) return 'Give a reason; it is shown to everyone looking at the pipeline.';
  if (text.length > 300) return `At most 300 characters (${text.length} now).`;
  const bad = text.replace(/[a-zA-Z0-9!@ ().*?-]/g, '');
  if (bad) return `Only letters, digits, spaces and ! @ ( ) . * ? - are allowed (not ${JSON.stringify([...new Set(bad)].join(''))}).`;
  return undefined;
}

/** StopPipelineExecution reason: optional, at most 200 characters. */
export function validateStopReason(text: string): string | undefined {
  return text.length > 200 ? `At most 200 characters (${text.length} now).` : undefined;
}

/** PutApprovalResult summary: at most 512 characters. */
export function validateApprovalComment(text: string): string | undefined {
  return text.length > 512 ? `At most 512 characters (${text.length} now).` : undefined;
}

/** The revision kind StartPipelineExecution's sourceRevisions needs for a source action's provider. */
export function revisionTypeFor(action: Pick<ActionDeclaration, 'provider'>): SourceRevisionType | undefined {
  switch (action.provider) {
    case 'CodeCommit':
    case 'CodeStarSourceConnection':
    case 'GitHub':
      return 'COMMIT_ID';
    case 'ECR':
      return 'IMAGE_DIGEST';
    case 'S3':
      return 'S3_OBJECT_VERSION_ID';
    default:
      return undefined;
  }
}

export function validateRevision(type: SourceRevisionType, value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Enter a revision.';
  if (v.length > 1500) return 'At most 1500 characters.';
  if (type === 'COMMIT_ID' && !/^[0-9a-f]{40}$/i.test(v)) return 'A full 40-character commit SHA is needed.';
  if (type === 'IMAGE_DIGEST' && !/^sha256:[0-9a-f]{64}$/i.test(v)) return 'An image digest looks like sha256: followed by 64 hex digits.';
  return undefined;
}

/** V2 pipeline variable values: 1–1000 characters, no line breaks. */
export function validateVariableValue(value: string): string | undefined {
  if (!value.length) return 'Enter a value (or cancel to use the default).';
  if (value.length > 1000) return 'At most 1000 characters.';
  if (/[\r\n]/.test(value)) return 'Line breaks are not allowed.';
  return undefined;
}
