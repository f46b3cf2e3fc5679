// The wizard's vocabulary: what it has collected so far, what it knows from the editor and AWS,
// and the editor-neutral description of one step that the adapter renders as a quick input.
import type { FlowAnswer, FlowInputView, FlowPickItem, FlowPickView, FlowStep } from '../../core/flow';
import type {
  ConnectionProvider, DeploymentAnswer, Language, PackageManager, PipelineOptions,
} from '../answers';

export type SourceKind = 'codecommit' | 'connection' | 's3';

export interface StageDraft { name?: string; account?: string; region?: string }
export interface WaveDraft { name?: string; account?: string; regions?: string[] }

/** Everything answered so far. Immutable: each step returns a new draft, so Back restores the old one. */
export interface WizardDraft {
  targetFolder?: string;
  projectName?: string;
  language?: Language;
  packageManager?: PackageManager;
  pipelineAccount?: string;
  pipelineRegion?: string;
  sourceKind?: SourceKind;
  provider?: ConnectionProvider;
  codecommitRepository?: string;
  connectionArn?: string;
  repositoryPath?: string;
  bucket?: string;
  objectKey?: string;
  branch?: string;
  synthCommands?: string[];
  deployments: DeploymentAnswer[];
  pendingStage?: StageDraft;
  pendingWave?: WaveDraft;
  /** Index into deployments of the entry the person selected for removal. */
  selectedDeployment?: number;
  options?: PipelineOptions;
}

/** The answers a draft may lack. */
type OptionalAnswer = { [K in keyof WizardDraft]-?: object extends Pick<WizardDraft, K> ? K : never }[keyof WizardDraft];

/** The draft without the answers named: those a changed earlier answer invalidates, or a finished sub-flow's. */
export function withoutAnswers(draft: WizardDraft, ...answers: OptionalAnswer[]): WizardDraft {
  const out = { ...draft };
  for (const answer of answers) delete out[answer];
  return out;
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

export type PickItem = FlowPickItem;
export type InputView = FlowInputView<StepId>;
export type PickView = FlowPickView<StepId>;
/** What the person did at a step: typed text (input or custom pick value), or chose items. */
export type StepAnswer = FlowAnswer;
export type StepDefinition = FlowStep<WizardDraft, WizardContext, StepId>;
