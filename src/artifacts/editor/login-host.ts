// What the login commands need from the Artifacts feature, and the shapes they take and return.
import type { CodeartifactClient } from '@aws-sdk/client-codeartifact';
import type { AwsAccess, AwsTarget } from '../../aws/access';
import type { Logger } from '../../core/log';
import type { FeatureSettings } from '../../editor/settings';
import type { EditorUi } from '../../editor/ui';
import type { FileChange } from '../login/engine';
import type { TokenScheduler, TrackedToken } from '../login/lifecycle';
import type { LoginAnswers } from '../login/login-flow';
import type { LoginRequest, PlanContext } from '../login/plan';
import type { TransactionDeps } from '../login/transactions';
import { TOOLS } from '../login/tools';
import type { ARTIFACTS_SETTINGS, SharedDomain } from '../settings';
import type { ArtifactNode, RepoRef } from '../tree/nodes';
import type { LoginMeta, LoginStore } from './store';

/** The login command's arguments: any of the flow's answers (those steps are skipped), and more. */
export interface LoginArgs extends LoginAnswers {
  poetryStyle?: LoginRequest['poetryStyle'];
  poetryPriority?: LoginRequest['poetryPriority'];
  projectDir?: string;
  /** Profile and region to use instead of the current ones. */
  target?: AwsTarget;
}

export type LoginResult =
  | { ok: true; id: string; changes: FileChange[]; expiresAt: number; environmentNames: string[]; notes: string[] }
  | { ok: false; message: string };

export type LogoutResult = { ok: true; id: string; changes: FileChange[] } | { ok: false; message: string };

export interface LoginHost {
  readonly ui: EditorUi;
  readonly log: Logger;
  readonly aws: AwsAccess;
  /** The home folder user-level configs live in. */
  readonly home: string;
  readonly store: LoginStore;
  readonly scheduler: TokenScheduler;
  /** The scheduler's last word on each login's token. */
  readonly tokens: Map<string, TrackedToken>;
  readonly settings: FeatureSettings<typeof ARTIFACTS_SETTINGS.schema>;
  sharedDomains(): readonly SharedDomain[];
  planContext(): PlanContext;
  transactionDeps(): TransactionDeps;
  client(target?: AwsTarget): CodeartifactClient;
  explain(err: unknown, operation: string, target?: AwsTarget): string;
  applyEnvironment(): Promise<void>;
  renderStatus(): void;
  syncWithRecord(): Promise<void>;
  /** `poetry --version` output, undefined without Poetry. */
  poetryVersion(): Promise<string | undefined>;
}

export function describeLogin(meta: Pick<LoginMeta, 'request'>): string {
  const r = meta.request;
  return `${TOOLS[r.tool].label} → ${r.domain}/${r.repository}${r.scope ? ` (scope ${r.scope})` : ''} [${r.placement}]`;
}

export function tildify(file: string, home: string): string {
  return file.startsWith(home + '/') ? `~${file.slice(home.length)}` : file;
}

/** The login arguments a tree node stands for (a repository's context menu, a domain's). */
export function repoArgs(node: ArtifactNode): LoginArgs {
  const ref: RepoRef | undefined = node.data.kind === 'repository' || node.data.kind === 'upstream' || node.data.kind === 'external' || node.data.kind === 'format' || node.data.kind === 'namespace'
    ? node.data.ref : node.data.kind === 'package' || node.data.kind === 'version' ? node.data.ref : undefined;
  if (ref) return { domain: ref.domain, domainOwner: ref.domainOwner, repository: ref.repository };
  if (node.data.kind === 'domain') return { domain: node.data.domain, domainOwner: node.data.domainOwner };
  return {};
}
