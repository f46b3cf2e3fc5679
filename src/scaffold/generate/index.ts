// Answers in, files out: the generator's only entry point.
import { validateAnswers, type ProjectAnswers } from '../answers';
import { planPipeline, type PipelinePlan } from './plan';
import { pythonFiles } from './python';
import { readme } from './readme';
import { typescriptFiles } from './typescript';

export interface GeneratedProject {
  plan: PipelinePlan;
  /** Relative POSIX path → file content. */
  files: Record<string, string>;
  /** Relative path of the pipeline stack source, opened after generation. */
  entry: string;
  /** Shell command that installs the project's dependencies, run from its folder. */
  installCommand: string;
}

export class InvalidAnswersError extends Error {
  constructor(readonly problems: string[]) {
    super(`The answers cannot be generated:\n${problems.join('\n')}`);
    this.name = 'InvalidAnswersError';
  }
}

export function generateProject(answers: ProjectAnswers): GeneratedProject {
  const plan = planPipeline(answers);
  const problems = validateAnswers(plan.answers);
  if (problems.length > 0) throw new InvalidAnswersError(problems);
  const files = {
    ...(plan.answers.language === 'python' ? pythonFiles(plan) : typescriptFiles(plan)),
    'README.md': readme(plan),
  };
  return { plan, files, entry: plan.pipelineStackFile, installCommand: plan.installCommand };
}

/** Generated paths that already exist in the target folder: these need the person's consent to overwrite. */
export function conflictingFiles(project: Pick<GeneratedProject, 'files'>, exists: (relativePath: string) => boolean): string[] {
  return Object.keys(project.files).filter(exists).sort();
}
