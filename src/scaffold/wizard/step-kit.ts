// Small helpers the step definitions share.
import type { PickItem, StepAnswer, WizardContext } from './model';

export function textOf(answer: StepAnswer): string | undefined {
  return 'text' in answer ? answer.text.trim() : undefined;
}

export function idOf(answer: StepAnswer): string | undefined {
  return 'ids' in answer && answer.ids.length === 1 ? answer.ids[0] : undefined;
}

export function idsOf(answer: StepAnswer): string[] | undefined {
  return 'ids' in answer ? answer.ids : undefined;
}

export function regionItems(ctx: WizardContext, picked: readonly string[] = []): PickItem[] {
  const known = new Set(ctx.regions.map((r) => r.code));
  const extra = picked.filter((r) => !known.has(r)).map((code) => ({ code, name: '' }));
  return [...ctx.regions, ...extra].map((r) => ({
    id: r.code, label: r.code, ...(r.name ? { description: r.name } : {}), ...(picked.includes(r.code) ? { picked: true } : {}),
  }));
}

export const YES = 'yes';
export const NO = 'no';

export function approvalItems(what: string): PickItem[] {
  return [
    { id: NO, label: 'Deploy automatically', description: `no approval before ${what}` },
    { id: YES, label: 'Require a manual approval', description: `a ManualApprovalStep before ${what}` },
  ];
}

/** A folder's last segment as a valid project name, e.g. "/work/My Service" → "my-service". */
export function projectNameFromFolder(folder: string): string {
  const base = folder.split(/[\\/]/).filter(Boolean).pop() ?? '';
  const name = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '');
  return name || 'cdk-pipeline';
}

export function isAbsoluteFolder(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}
