// "Conveyor: New CDK Pipeline Project": runs the wizard, generates the project, writes it without
// silently overwriting anything, opens the pipeline stack and offers to install dependencies.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsAccess } from '../../aws/access';
import { AWS_REGIONS } from '../../aws/regions';
import type { Logger } from '../../core/log';
import { describeError } from '../../core/log';
import { generateProject } from '../generate/index';
import { WizardEngine } from '../wizard/engine';
import type { WizardContext } from '../wizard/model';
import { AwsChoices } from './aws-choices';
import { runWizard, type StepListener } from './quick-input';
import { confirmOverwriteModal, offerInstall, writeProject, type ConfirmOverwrite } from './write-project';

export const COMMAND = 'conveyor.scaffold.newCdkPipelineProject';

/** Optional command argument: a preset folder, and hooks that tests and other extensions use. */
export interface ScaffoldCommandOptions {
  targetFolder?: string;
  onDidShowStep?: StepListener;
  confirmOverwrite?: ConfirmOverwrite;
  /** false: skip the "install dependencies?" offer (e.g. when another tool installs). */
  offerInstall?: boolean;
}

export interface ScaffoldResult {
  folder: string;
  files: string[];
  entry: string;
  overwritten: string[];
}

function optionsFrom(arg: unknown): ScaffoldCommandOptions {
  if (typeof arg !== 'object' || arg === null) return {};
  const o = arg as Record<string, unknown>;
  return {
    ...(typeof o.targetFolder === 'string' ? { targetFolder: o.targetFolder } : {}),
    ...(typeof o.onDidShowStep === 'function' ? { onDidShowStep: o.onDidShowStep as StepListener } : {}),
    ...(typeof o.confirmOverwrite === 'function' ? { confirmOverwrite: o.confirmOverwrite as ConfirmOverwrite } : {}),
    ...(typeof o.offerInstall === 'boolean' ? { offerInstall: o.offerInstall } : {}),
  };
}

function suggestedFolder(): string {
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = workspace?.scheme === 'file' ? workspace.fsPath : os.homedir();
  return path.join(base, 'cdk-pipeline');
}

export async function newCdkPipelineProject(deps: { log: Logger; aws: AwsAccess }, options: ScaffoldCommandOptions = {}): Promise<ScaffoldResult | undefined> {
  const choices = new AwsChoices(deps.aws, deps.log);
  const ctx: WizardContext = { defaultFolder: options.targetFolder ?? suggestedFolder(), defaultRegion: choices.defaultRegion, regions: AWS_REGIONS };
  void choices.account().then((account) => { if (account) ctx.detectedAccount = account; });
  const engine = new WizardEngine(ctx);
  const loadedFor: { repositories?: string; connections?: string } = {};
  const answers = await runWizard(engine, {
    ...(options.onDidShowStep ? { onDidShowStep: options.onDidShowStep } : {}),
    prepare: async (view) => {
      const region = engine.draft.pipelineRegion ?? ctx.defaultRegion;
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
    },
  });
  if (!answers) return undefined;
  const project = generateProject(answers);
  const outcome = await writeProject(answers.targetFolder, project, options.confirmOverwrite ?? confirmOverwriteModal);
  if ('cancelled' in outcome) {
    deps.log.info(`New CDK Pipeline Project: left ${answers.targetFolder} untouched (${outcome.conflicts.length} existing files).`);
    return undefined;
  }
  deps.log.info(`New CDK Pipeline Project: wrote ${outcome.written.length} files to ${answers.targetFolder}`
    + `${outcome.overwritten.length ? ` (overwrote ${outcome.overwritten.join(', ')})` : ''}.`);
  const entry = path.join(answers.targetFolder, project.entry);
  await vscode.window.showTextDocument(vscode.Uri.file(entry), { preview: false });
  if (options.offerInstall !== false) void offerInstall(answers.targetFolder, project.installCommand);
  return { folder: answers.targetFolder, files: outcome.written, entry, overwritten: outcome.overwritten };
}

export function registerScaffold(context: vscode.ExtensionContext, deps: { log: Logger; aws: AwsAccess }): void {
  context.subscriptions.push(vscode.commands.registerCommand(COMMAND, async (arg?: unknown) => {
    try {
      return await newCdkPipelineProject(deps, optionsFrom(arg));
    } catch (err) {
      deps.log.error(err instanceof Error ? err : new Error(String(err)));
      void vscode.window.showErrorMessage(`New CDK Pipeline Project failed: ${describeError(err)}`);
      return undefined;
    }
  }));
}
