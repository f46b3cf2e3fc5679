// "Conveyor: New CDK Pipeline Project": runs the wizard (the kit's multi-step flow), generates the
// project, writes it without silently overwriting anything, opens the pipeline stack and offers to
// install dependencies.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsAccess } from '../../aws/access';
import { AWS_REGIONS } from '../../aws/regions';
import { asObject, asString } from '../../core/args';
import type { Logger } from '../../core/log';
import type { EditorUi } from '../../editor/ui';
import { generateProject } from '../generate/index';
import { WizardEngine, type PrepareStep } from '../wizard/engine';
import type { WizardContext } from '../wizard/model';
import { AwsChoices } from './aws-choices';
import { confirmOverwrite, offerInstall, writeProject } from './write-project';

export const COMMAND = 'conveyor.scaffold.newCdkPipelineProject';

export interface ScaffoldDeps {
  log: Logger;
  aws: AwsAccess;
  ui: EditorUi;
}

export interface ScaffoldResult {
  folder: string;
  files: string[];
  entry: string;
  overwritten: string[];
}

/** The command's optional argument: `{ targetFolder }`, the folder the wizard suggests first. */
export function targetFolderOf(arg: unknown): string | undefined {
  return asString(asObject(arg)?.targetFolder);
}

function suggestedFolder(): string {
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = workspace?.scheme === 'file' ? workspace.fsPath : os.homedir();
  return path.join(base, 'cdk-pipeline');
}

/** Loads the CodeCommit repositories or connections a step lists, once per region. */
function lookups(choices: AwsChoices, account: Promise<{ account: string } | { problem: string }>): PrepareStep {
  const loadedFor: { repositories?: string; connections?: string } = {};
  return async (view, draft, ctx) => {
    if (view.needs === 'account') {
      const found = await account;
      if ('account' in found) ctx.detectedAccount = found.account;
      else ctx.accountProblem = found.problem;
      return true;
    }
    const region = draft.pipelineRegion ?? ctx.defaultRegion;
    if (view.needs === 'repositories' && loadedFor.repositories !== region) {
      ctx.repositories = await choices.repositories(region);
      loadedFor.repositories = region;
      return true;
    }
    if (view.needs === 'connections' && loadedFor.connections !== region) {
      ctx.connections = await choices.connections(region);
      loadedFor.connections = region;
      return true;
    }
    return false;
  };
}

export async function newCdkPipelineProject(deps: ScaffoldDeps, targetFolder?: string): Promise<ScaffoldResult | undefined> {
  const choices = new AwsChoices(deps.aws, deps.log);
  const ctx: WizardContext = { defaultFolder: targetFolder ?? suggestedFolder(), defaultRegion: choices.defaultRegion, regions: AWS_REGIONS };
  // Asked at once, awaited only by the account step (its default).
  const account = choices.account();
  ctx.accountLookup = true;
  const answers = await deps.ui.runFlow(new WizardEngine(ctx, {}, lookups(choices, account)));
  if (!answers) return undefined;
  const project = generateProject(answers);
  const outcome = await writeProject(answers.targetFolder, project, (folder, files) => confirmOverwrite(deps.ui, folder, files));
  if ('cancelled' in outcome) {
    deps.log.info(`New CDK Pipeline Project: left ${answers.targetFolder} untouched (${outcome.conflicts.length} existing files).`);
    return undefined;
  }
  deps.log.info(`New CDK Pipeline Project: wrote ${outcome.written.length} files to ${answers.targetFolder}`
    + `${outcome.overwritten.length ? ` (overwrote ${outcome.overwritten.join(', ')})` : ''}.`);
  const entry = path.join(answers.targetFolder, project.entry);
  await deps.ui.openDocument(vscode.Uri.file(entry), { preview: false });
  offerInstall(deps.ui, answers.targetFolder, project.installCommand);
  return { folder: answers.targetFolder, files: outcome.written, entry, overwritten: outcome.overwritten };
}
