// Start Build (and Start Batch Build) as one multi-step flow: how to start (as the project is, with
// overrides, or with a workspace buildspec), then for overrides the source version (prefilled with the
// project's), environment variables and the buildspec (the workspace file the project builds
// preselected). Back keeps what was typed; the buildspec step is on the path only when the workspace
// has buildspec files.
import { FlowEngine, type FlowDefinition, type FlowPickItem } from '../../core/flow';
import { parseEnvironmentOverrides, validateEnvironmentOverrides, validateSourceVersion, type EnvironmentOverride } from './inputs';

type StartStep = 'how' | 'version' | 'environment' | 'buildspec';

export interface StartFlowFile {
  label: string;
  /** The project builds this file (its source is this repository and its buildspec path is this one). */
  matchesProject: boolean;
}

export interface StartFlowOptions {
  /** "Start Build" or "Start Batch Build". */
  title: string;
  project: string;
  /** The project's default source version, if it has one. */
  sourceVersion?: string | undefined;
  /** The project's buildspec path (not an inline one), for the buildspec step's description. */
  buildspecPath?: string | undefined;
  files: readonly StartFlowFile[];
}

/** What to start with; `file` is an index into the options' files. */
export interface StartFlowResult {
  sourceVersion?: string;
  environmentVariables: EnvironmentOverride[];
  file?: number;
}

interface Draft {
  how?: 'defaults' | 'overrides' | number;
  version?: string;
  environment?: string;
  /** -1: the project's buildspec. */
  buildspec?: number;
}

const HOW_DEFAULTS = 'defaults';
const HOW_OVERRIDES = 'overrides';
const PROJECT_BUILDSPEC = 'project';
const fileId = (i: number): string => `file:${i}`;

function indexOfFileId(id: string | undefined): number | undefined {
  const m = /^file:(\d+)$/.exec(id ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The workspace file the project builds, if exactly one matches. */
function matchingFile(options: StartFlowOptions): number | undefined {
  const matches = options.files.flatMap((f, i) => (f.matchesProject ? [i] : []));
  return matches.length === 1 ? matches[0] : undefined;
}

function howItems(o: StartFlowOptions): FlowPickItem[] {
  return [
    { id: HOW_DEFAULTS, label: 'Start', description: o.sourceVersion ? `source ${o.sourceVersion}` : "the project's settings" },
    { id: HOW_OVERRIDES, label: 'Start with overrides…', description: 'source version, environment variables, buildspec' },
    ...o.files.map((f, i) => ({
      id: fileId(i), label: `Start with the workspace's ${f.label}`,
      description: f.matchesProject ? "this project's buildspec, as it is in the workspace" : "instead of the project's buildspec",
    })),
  ];
}

function buildspecItems(o: StartFlowOptions): FlowPickItem[] {
  return [
    { id: PROJECT_BUILDSPEC, label: "The project's buildspec", ...(o.buildspecPath ? { description: o.buildspecPath } : {}) },
    ...o.files.map((f, i) => ({ id: fileId(i), label: `The workspace's ${f.label}`, ...(f.matchesProject ? { description: 'the file this project builds' } : {}) })),
  ];
}

function picked(answer: { ids: string[] } | { text: string }): string | undefined {
  return 'ids' in answer ? answer.ids[0] : undefined;
}

const definition: FlowDefinition<Draft, StartFlowOptions, StartStep, StartFlowResult> = {
  first: 'how',
  steps: {
    how: {
      id: 'how',
      view: (d, o) => ({
        kind: 'pick', id: 'how', title: `${o.title}: ${o.project}`, placeholder: 'How to start the build', canSelectMany: false, items: howItems(o),
        activeId: typeof d.how === 'number' ? fileId(d.how) : d.how ?? HOW_DEFAULTS,
      }),
      apply: (d, a) => {
        const id = picked(a);
        const file = indexOfFileId(id);
        if (file !== undefined) return { ...d, how: file };
        return id === HOW_DEFAULTS || id === HOW_OVERRIDES ? { ...d, how: id } : { error: 'Choose how to start the build.' };
      },
      next: (d) => (d.how === HOW_OVERRIDES ? 'version' : 'finish'),
    },
    version: {
      id: 'version',
      view: (d, o) => ({
        kind: 'input', id: 'version', title: `${o.title}: source version`,
        prompt: o.sourceVersion ? `A branch, tag or commit (the project builds ${o.sourceVersion})` : "A branch, tag or commit (empty: the project's default)",
        placeholder: 'main, v1.2.0 or a commit id', value: d.version ?? o.sourceVersion ?? '',
      }),
      validate: (text) => validateSourceVersion(text),
      apply: (d, a) => {
        const text = 'text' in a ? a.text : '';
        const problem = validateSourceVersion(text);
        return problem ? { error: problem } : { ...d, version: text.trim() };
      },
      next: () => 'environment',
    },
    environment: {
      id: 'environment',
      view: (d, o) => ({
        kind: 'input', id: 'environment', title: `${o.title}: environment variables`,
        prompt: 'NAME=value, comma-separated (parameter-store:NAME=/path, secrets-manager:NAME=id); empty for none',
        placeholder: 'STAGE=test, LOG_LEVEL=debug', value: d.environment ?? '',
      }),
      validate: (text) => validateEnvironmentOverrides(text),
      apply: (d, a) => {
        const text = 'text' in a ? a.text : '';
        const problem = validateEnvironmentOverrides(text);
        return problem ? { error: problem } : { ...d, environment: text };
      },
      next: (_d, o) => (o.files.length > 0 ? 'buildspec' : 'finish'),
    },
    buildspec: {
      id: 'buildspec',
      view: (d, o) => {
        const chosen = d.buildspec ?? matchingFile(o) ?? -1;
        return {
          kind: 'pick', id: 'buildspec', title: `${o.title}: buildspec`, placeholder: 'The buildspec the build runs', canSelectMany: false,
          items: buildspecItems(o), activeId: chosen >= 0 ? fileId(chosen) : PROJECT_BUILDSPEC,
        };
      },
      apply: (d, a, o) => {
        const id = picked(a);
        if (id === PROJECT_BUILDSPEC) return { ...d, buildspec: -1 };
        const file = indexOfFileId(id);
        return file !== undefined && file < o.files.length ? { ...d, buildspec: file } : { error: 'Choose a buildspec.' };
      },
      next: () => 'finish',
    },
  },
  finish: (d, o) => {
    if (typeof d.how === 'number') return d.how < o.files.length ? { environmentVariables: [], file: d.how } : { error: 'Choose a buildspec.' };
    if (d.how !== HOW_OVERRIDES) return { environmentVariables: [] };
    const env = parseEnvironmentOverrides(d.environment ?? '');
    if (env.error) return { error: env.error };
    const version = d.version?.trim() ?? '';
    return {
      environmentVariables: env.variables,
      ...(version ? { sourceVersion: version } : {}),
      ...(d.buildspec !== undefined && d.buildspec >= 0 ? { file: d.buildspec } : {}),
    };
  },
  // Going back keeps what was typed later as the default when that step is shown again.
  restore: (shownWith, later) => ({ ...later, ...shownWith, ...(later.version !== undefined ? { version: later.version } : {}),
    ...(later.environment !== undefined ? { environment: later.environment } : {}), ...(later.buildspec !== undefined ? { buildspec: later.buildspec } : {}) }),
};

export function startBuildFlow(options: StartFlowOptions): FlowEngine<Draft, StartFlowOptions, StartStep, StartFlowResult> {
  return new FlowEngine(definition, options, {});
}
