// Steps 1-6: where the project goes, its name and language, and the pipeline's own account and region.
import {
  PACKAGE_MANAGERS, checkAccount, checkProjectName, checkRegion, defaultPackageManager, type Language, type PackageManager,
} from '../answers';
import { defaultSynthCommands } from '../generate/plan';
import { withoutAnswers, type StepDefinition } from './model';
import { idOf, isAbsoluteFolder, projectNameFromFolder, regionItems, textOf } from './step-kit';

const TITLE = 'New CDK Pipeline Project';

export const folderStep: StepDefinition = {
  id: 'folder',
  view: (d, ctx) => ({
    kind: 'input', id: 'folder', title: TITLE, value: d.targetFolder ?? ctx.defaultFolder,
    prompt: 'Folder to create the project in (absolute path; created if missing)',
  }),
  validate: (text) => (isAbsoluteFolder(text.trim()) ? undefined : 'Enter an absolute folder path.'),
  apply: (d, a) => {
    const folder = textOf(a);
    if (!folder || !isAbsoluteFolder(folder)) return { error: 'Enter an absolute folder path.' };
    const cleaned = folder.length > 1 ? folder.replace(/[\\/]+$/, '') : folder;
    // A new folder suggests a new name; an answer typed earlier for the same folder is kept.
    return { ...(d.targetFolder !== cleaned ? withoutAnswers(d, 'projectName') : d), targetFolder: cleaned };
  },
  next: () => 'projectName',
};

export const projectNameStep: StepDefinition = {
  id: 'projectName',
  view: (d) => ({
    kind: 'input', id: 'projectName', title: TITLE, value: d.projectName ?? projectNameFromFolder(d.targetFolder ?? ''),
    prompt: 'Project name: the package name and the pipeline name (lowercase, hyphens)',
  }),
  validate: (text) => checkProjectName(text.trim()),
  apply: (d, a) => {
    const name = textOf(a) ?? '';
    const error = checkProjectName(name);
    return error ? { error } : { ...d, projectName: name };
  },
  next: () => 'language',
};

const LANGUAGES: { id: Language; label: string; description: string }[] = [
  { id: 'typescript', label: 'TypeScript', description: 'jest tests, npm / yarn / pnpm' },
  { id: 'python', label: 'Python', description: 'pytest tests, pip' },
];

export const languageStep: StepDefinition = {
  id: 'language',
  view: (d) => ({
    kind: 'pick', id: 'language', title: TITLE, placeholder: 'Language of the CDK app', canSelectMany: false,
    items: LANGUAGES.map((l) => ({ ...l })), activeId: d.language ?? 'typescript',
  }),
  apply: (d, a) => {
    const id = idOf(a);
    const language = LANGUAGES.find((l) => l.id === id)?.id;
    if (!language) return { error: 'Choose a language.' };
    if (language === d.language) return d;
    // Switching language resets what depends on it.
    const packageManager = defaultPackageManager(language);
    return { ...withoutAnswers(d, 'synthCommands'), language, packageManager };
  },
  next: (d) => (d.language === 'python' ? 'pipelineAccount' : 'packageManager'),
};

const PM_DESCRIPTIONS: Record<PackageManager, string> = {
  npm: 'npm ci',
  yarn: 'yarn install --frozen-lockfile (Yarn 1)',
  pnpm: 'pnpm install --frozen-lockfile',
  pip: 'pip install -r requirements.txt',
};

export const packageManagerStep: StepDefinition = {
  id: 'packageManager',
  view: (d) => {
    const language = d.language ?? 'typescript';
    return {
      kind: 'pick', id: 'packageManager', title: TITLE, canSelectMany: false,
      placeholder: 'Package manager (sets the install and synth commands)',
      items: PACKAGE_MANAGERS[language].map((pm) => ({ id: pm, label: pm, description: PM_DESCRIPTIONS[pm] })),
      activeId: d.packageManager ?? defaultPackageManager(language),
    };
  },
  apply: (d, a) => {
    const id = idOf(a);
    const language = d.language ?? 'typescript';
    const pm = PACKAGE_MANAGERS[language].find((p) => p === id);
    if (!pm) return { error: 'Choose a package manager.' };
    return pm === d.packageManager ? d : { ...withoutAnswers(d, 'synthCommands'), packageManager: pm };
  },
  next: () => 'pipelineAccount',
};

export const pipelineAccountStep: StepDefinition = {
  id: 'pipelineAccount',
  view: (d, ctx) => ({
    kind: 'input', id: 'pipelineAccount', title: TITLE, value: d.pipelineAccount ?? ctx.detectedAccount ?? '',
    placeholder: '123456789012',
    prompt: `AWS account the pipeline runs in (12 digits)${ctx.detectedAccount ? `; the current profile's account is ${ctx.detectedAccount}` : ''}`,
  }),
  validate: (text) => checkAccount(text.trim()),
  apply: (d, a) => {
    const account = textOf(a) ?? '';
    const error = checkAccount(account);
    return error ? { error } : { ...d, pipelineAccount: account };
  },
  next: () => 'pipelineRegion',
};

export const pipelineRegionStep: StepDefinition = {
  id: 'pipelineRegion',
  view: (d, ctx) => ({
    kind: 'pick', id: 'pipelineRegion', title: TITLE, placeholder: 'Region the pipeline runs in', canSelectMany: false,
    items: regionItems(ctx), activeId: d.pipelineRegion ?? ctx.defaultRegion, custom: { label: 'Use region' },
  }),
  validate: (text) => checkRegion(text.trim()),
  apply: (d, a) => {
    const region = idOf(a) ?? textOf(a) ?? '';
    const error = checkRegion(region);
    return error ? { error } : { ...d, pipelineRegion: region };
  },
  next: () => 'sourceKind',
};

export function synthDefaults(pm: PackageManager | undefined, language: Language | undefined): string[] {
  return defaultSynthCommands(pm ?? defaultPackageManager(language ?? 'typescript'));
}
