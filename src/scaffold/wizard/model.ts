// The wizard's vocabulary: what it has collected so far, what it knows from the editor and AWS,
// and the editor-neutral description of one step that the adapter renders as a quick input.
import type {
  ConnectionProvider, DeploymentAnswer, Language, PackageManager, PipelineOptions,
} from '../answers';

export type SourceKind = 'codecommit' | 'connection' | 's3';

export interface StageDraft { name?: string; account?: string; region?: string }
export interface WaveDraft { name?: string; account?: string; regions?: string[] }

/** Everything answered so far. Immutable: each step returns a new draft, so Back restores the old one. */
export interface WizardDraft {
  targetFolder?: string | undefined;
  projectName?: string | undefined;
  language?: Language | undefined;
  packageManager?: PackageManager | undefined;
  pipelineAccount?: string | undefined;
  pipelineRegion?: string | undefined;
  sourceKind?: SourceKind | undefined;
  provider?: ConnectionProvider | undefined;
  codecommitRepository?: string | undefined;
  connectionArn?: string | undefined;
  repositoryPath?: string | undefined;
  bucket?: string | undefined;
  objectKey?: string | undefined;
  branch?: string | undefined;
  synthCommands?: string[] | undefined;
  deployments: DeploymentAnswer[];
  pendingStage?: StageDraft | undefined;
  pendingWave?: WaveDraft | undefined;
  /** Index into deployments of the entry the person selected for removal. */
  selectedDeployment?: number | undefined;
  options?: PipelineOptions | undefined;
}

export interface RepositoryChoice { name: string; description?: string }
export interface ConnectionChoice { arn: string; name: string; provider: string; status: string }

/** A list the adapter loads from AWS: not yet asked, loaded, or unavailable (no credentials, denied…). */
export type Loadable<T> = { state: 'loaded'; items: T[] } | { state: 'unavailable'; reason: string };

export interface WizardContext {
  /** Suggested target folder (absolute). */
  defaultFolder: string;
  /** The account of the current AWS profile, when it could be determined. */
  detectedAccount?: string;
  defaultRegion: string;
  regions: ReadonlyArray<{ code: string; name: string }>;
  repositories?: Loadable<RepositoryChoice>;
  connections?: Loadable<ConnectionChoice>;
}

export type StepId =
  | 'folder' | 'projectName' | 'language' | 'packageManager' | 'pipelineAccount' | 'pipelineRegion'
  | 'sourceKind' | 'codecommitRepository' | 'connectionArn' | 'repositoryPath' | 'bucket' | 'objectKey' | 'branch'
  | 'synthCommands' | 'deployments' | 'stageName' | 'stageAccount' | 'stageRegion' | 'stageApproval'
  | 'waveName' | 'waveAccount' | 'waveRegions' | 'waveApproval' | 'removeDeployment' | 'options' | 'confirm';

export interface PickItem {
  id: string;
  label: string;
  description?: string;
  detail?: string;
  /** Initially checked (multi-select steps). */
  picked?: boolean;
  /** Rendered as a separator line, never selectable. */
  separator?: boolean;
}

interface ViewBase {
  id: StepId;
  title: string;
}

export interface InputView extends ViewBase {
  kind: 'input';
  prompt: string;
  placeholder?: string;
  /** Prefilled value (the default or the earlier answer). */
  value: string;
}

export interface PickView extends ViewBase {
  kind: 'pick';
  placeholder: string;
  items: PickItem[];
  canSelectMany: boolean;
  /** Item to highlight first (the default or the earlier answer). */
  activeId?: string | undefined;
  /** Typed text is accepted as an answer; the label shown for it. */
  custom?: { label: string };
  /** Data the adapter must load before showing this step. */
  needs?: 'repositories' | 'connections';
}

export type StepView = InputView | PickView;

/** What the person did at a step: typed text (input or custom pick value), or chose items. */
export type StepAnswer = { text: string } | { ids: string[] };

export interface StepDefinition {
  id: StepId;
  view(draft: WizardDraft, ctx: WizardContext): StepView;
  /** Message for typed text (input steps, custom pick values); undefined when acceptable. */
  validate?(text: string, draft: WizardDraft, ctx: WizardContext): string | undefined;
  /** The new draft, or a message when the answer can't be taken. */
  apply(draft: WizardDraft, answer: StepAnswer, ctx: WizardContext): WizardDraft | { error: string };
  next(draft: WizardDraft, ctx: WizardContext): StepId | 'finish';
}
