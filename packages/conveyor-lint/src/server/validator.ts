import { detectKind, type Association } from '../engine/detect';
import type { RuleSettings, SpecKind } from '../types';
import { validate, type ValidationReport } from '../validate';
import type { ValidationSettings } from './settings';

/** One document to validate: plain data, so it can cross to a worker. */
export interface ValidationJob {
  text: string;
  /** For name-based detection and associations: workspace-relative when the document is in a folder. */
  path: string;
  associations: Association[];
  byContent: boolean;
  cloudFormation: boolean;
  rules: RuleSettings;
  /** The appspec's folder on disk (hook scripts are looked up there); absent for unsaved or remote documents. */
  revisionRoot?: string;
}

/** Runs validations off the thread that answers the client, or in it where there is no other (a web worker). */
export interface Validator {
  /** Undefined: interrupted (another document's validation was stopped); run it again if still current. */
  validate(job: ValidationJob): Promise<ValidationReport | undefined>;
  dispose(): void;
}

export function jobFor(text: string, path: string, settings: ValidationSettings, revisionRoot?: string): ValidationJob {
  return { text, path, associations: settings.associations, byContent: settings.byContent, cloudFormation: settings.cloudFormation,
    rules: settings.rules, ...(revisionRoot ? { revisionRoot } : {}) };
}

/** What the document is for the editor features; undefined when it is none of ours. */
export function kindOf(job: Pick<ValidationJob, 'text' | 'path' | 'associations' | 'byContent' | 'cloudFormation'>): SpecKind | undefined {
  const kind = detectKind(job.text, { path: job.path, associations: job.associations, byContent: job.byContent });
  return kind === 'cloudformation' && !job.cloudFormation ? undefined : kind;
}

/** The validation itself, wherever it runs. */
export function runJob(job: ValidationJob, fileExists?: (relativePath: string) => boolean): ValidationReport {
  const kind = kindOf(job);
  if (!kind) return { kind: undefined, diagnostics: [] };
  return validate(job.text, { kind, path: job.path, rules: job.rules, ...(fileExists ? { fileExists } : {}) });
}

/** Validates on the calling thread: for a server that is itself in a web worker. */
export class InlineValidator implements Validator {
  validate(job: ValidationJob): Promise<ValidationReport | undefined> {
    return Promise.resolve(runJob(job));
  }

  dispose(): void {}
}
