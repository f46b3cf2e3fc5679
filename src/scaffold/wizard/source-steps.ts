// Where the pipeline gets its source, which branch, and how it synthesizes.
import {
  CONNECTION_PROVIDERS, checkBranch, checkBucketName, checkCodeCommitRepository, checkConnectionArn, checkObjectKey,
  checkRepositoryPath, checkSynthCommands, parseConnectionArn, type ConnectionProvider,
} from '../answers';
import type { PickItem, StepDefinition, WizardDraft } from './model';
import { synthDefaults } from './project-steps';
import { idOf, textOf } from './step-kit';

const TITLE = 'New CDK Pipeline Project: source';

const SOURCES: PickItem[] = [
  { id: 'GitHub', label: 'GitHub', description: 'through an AWS CodeConnections connection' },
  { id: 'GitLab', label: 'GitLab', description: 'through an AWS CodeConnections connection' },
  { id: 'Bitbucket', label: 'Bitbucket', description: 'through an AWS CodeConnections connection' },
  { id: 'codecommit', label: 'AWS CodeCommit', description: 'a repository in the pipeline account' },
  { id: 's3', label: 'Amazon S3', description: 'a zip archive in a versioned bucket' },
];

function sourceId(d: WizardDraft): string | undefined {
  return d.sourceKind === 'connection' ? d.provider : d.sourceKind;
}

export const sourceKindStep: StepDefinition = {
  id: 'sourceKind',
  view: (d) => ({
    kind: 'pick', id: 'sourceKind', title: TITLE, placeholder: 'Where the pipeline reads the source from', canSelectMany: false,
    items: SOURCES.map((s) => ({ ...s })), activeId: sourceId(d) ?? 'GitHub',
  }),
  apply: (d, a) => {
    const id = idOf(a);
    const provider = CONNECTION_PROVIDERS.find((p) => p === id);
    if (provider) return { ...d, sourceKind: 'connection', provider };
    if (id === 'codecommit' || id === 's3') return { ...d, sourceKind: id };
    return { error: 'Choose a source.' };
  },
  next: (d) => (d.sourceKind === 'codecommit' ? 'codecommitRepository' : d.sourceKind === 's3' ? 'bucket' : 'connectionArn'),
};

export const codecommitRepositoryStep: StepDefinition = {
  id: 'codecommitRepository',
  view: (d, ctx) => {
    const repos = ctx.repositories;
    const items: PickItem[] = repos?.state === 'loaded'
      ? repos.items.map((r) => ({ id: r.name, label: r.name, ...(r.description ? { description: r.description } : {}) }))
      : [];
    const placeholder = repos?.state === 'unavailable'
      ? `Type the repository name (could not list repositories: ${repos.reason})`
      : items.length === 0 ? `No repositories in ${d.pipelineRegion ?? 'this region'} yet: type the name of one to create` : 'Repository, or type a name';
    return {
      kind: 'pick', id: 'codecommitRepository', title: TITLE, placeholder, canSelectMany: false, items,
      activeId: d.codecommitRepository ?? items[0]?.id,
      custom: { label: 'Use repository' }, needs: 'repositories',
    };
  },
  validate: (text) => checkCodeCommitRepository(text.trim()),
  apply: (d, a) => {
    const name = idOf(a) ?? textOf(a) ?? '';
    const error = checkCodeCommitRepository(name);
    return error ? { error } : { ...d, codecommitRepository: name };
  },
  next: () => 'branch',
};

function connectionItems(provider: ConnectionProvider | undefined, ctx: Parameters<StepDefinition['view']>[1]): PickItem[] {
  const connections = ctx.connections;
  if (connections?.state !== 'loaded') return [];
  // CodeConnections reports GitHub Enterprise / GitLab self-managed separately; match on the family name.
  return connections.items
    .filter((c) => !provider || c.provider.toLowerCase().startsWith(provider.toLowerCase()))
    .map((c) => ({ id: c.arn, label: c.name, description: `${c.provider} · ${c.status}`, detail: c.arn }));
}

export function checkConnectionFor(text: string, d: WizardDraft): string | undefined {
  const format = checkConnectionArn(text);
  if (format) return format;
  const parsed = parseConnectionArn(text);
  if (parsed && d.pipelineRegion && parsed.region !== d.pipelineRegion) {
    return `The connection is in ${parsed.region}; the pipeline runs in ${d.pipelineRegion} and can only use connections of its own region.`;
  }
  return undefined;
}

export const connectionArnStep: StepDefinition = {
  id: 'connectionArn',
  view: (d, ctx) => {
    const items = connectionItems(d.provider, ctx);
    const preferred = d.connectionArn ?? (items.find((i) => i.description?.endsWith('AVAILABLE')) ?? items[0])?.id;
    const unavailable = ctx.connections?.state === 'unavailable' ? ` (could not list connections: ${ctx.connections.reason})` : '';
    return {
      kind: 'pick', id: 'connectionArn', title: `${TITLE} ${d.provider ?? ''}`.trim(), canSelectMany: false, items,
      placeholder: items.length
        ? `Connection to ${d.provider ?? 'the provider'}, or paste a connection ARN`
        : `Paste the ARN of a ${d.provider ?? ''} connection: arn:aws:codeconnections:<region>:<account>:connection/<id>${unavailable}`,
      activeId: preferred,
      custom: { label: 'Use connection ARN' }, needs: 'connections',
    };
  },
  validate: (text, d) => checkConnectionFor(text.trim(), d),
  apply: (d, a) => {
    const arn = idOf(a) ?? textOf(a) ?? '';
    const error = checkConnectionFor(arn, d);
    return error ? { error } : { ...d, connectionArn: arn };
  },
  next: () => 'repositoryPath',
};

export const repositoryPathStep: StepDefinition = {
  id: 'repositoryPath',
  view: (d) => ({
    kind: 'input', id: 'repositoryPath', title: `${TITLE} ${d.provider ?? ''}`.trim(), value: d.repositoryPath ?? '',
    placeholder: d.provider === 'GitLab' ? 'group/project' : 'owner/repository',
    prompt: `${d.provider ?? 'Repository'} repository the pipeline builds`,
  }),
  validate: (text, d) => checkRepositoryPath(text.trim(), d.provider ?? 'GitHub'),
  apply: (d, a) => {
    const path = textOf(a) ?? '';
    const error = checkRepositoryPath(path, d.provider ?? 'GitHub');
    return error ? { error } : { ...d, repositoryPath: path };
  },
  next: () => 'branch',
};

export const bucketStep: StepDefinition = {
  id: 'bucket',
  view: (d) => ({
    kind: 'input', id: 'bucket', title: TITLE, value: d.bucket ?? '', placeholder: 'my-source-bucket',
    prompt: 'S3 bucket holding the source archive (versioning must be enabled)',
  }),
  validate: (text) => checkBucketName(text.trim()),
  apply: (d, a) => {
    const bucket = textOf(a) ?? '';
    const error = checkBucketName(bucket);
    return error ? { error } : { ...d, bucket };
  },
  next: () => 'objectKey',
};

export const objectKeyStep: StepDefinition = {
  id: 'objectKey',
  view: (d) => ({
    kind: 'input', id: 'objectKey', title: TITLE, value: d.objectKey ?? `${d.projectName ?? 'source'}/source.zip`,
    prompt: 'Object key of the zip archive the pipeline starts from',
  }),
  validate: (text) => checkObjectKey(text.trim()),
  apply: (d, a) => {
    const key = textOf(a) ?? '';
    const error = checkObjectKey(key);
    return error ? { error } : { ...d, objectKey: key };
  },
  next: () => 'synthCommands',
};

export const branchStep: StepDefinition = {
  id: 'branch',
  view: (d) => ({
    kind: 'input', id: 'branch', title: TITLE, value: d.branch ?? 'main',
    prompt: 'Branch whose pushes start the pipeline',
  }),
  validate: (text) => checkBranch(text.trim()),
  apply: (d, a) => {
    const branch = textOf(a) ?? '';
    const error = checkBranch(branch);
    return error ? { error } : { ...d, branch };
  },
  next: () => 'synthCommands',
};

/** Commands are typed on one line, separated by `&&` (as they would run in a shell). */
export function splitCommands(text: string): string[] {
  return text.split('&&').map((c) => c.trim()).filter((c, i, all) => c !== '' || all.length === 1);
}

export const synthCommandsStep: StepDefinition = {
  id: 'synthCommands',
  view: (d) => ({
    kind: 'input', id: 'synthCommands', title: 'New CDK Pipeline Project: synth',
    value: (d.synthCommands ?? synthDefaults(d.packageManager, d.language)).join(' && '),
    prompt: `Commands of the Synth step, separated by && (defaults for ${d.packageManager ?? 'npm'}; must run cdk synth)`,
  }),
  validate: (text) => checkSynthCommands(splitCommands(text)),
  apply: (d, a) => {
    const commands = splitCommands(textOf(a) ?? '');
    const error = checkSynthCommands(commands);
    return error ? { error } : { ...d, synthCommands: commands };
  },
  next: () => 'deployments',
};
