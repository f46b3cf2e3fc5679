import type { Disposable } from '../core/disposables';
import type { ClientOptions, ServiceClients, ServiceId } from './clients';
import { toExplained, type ActionableError, type ExplainedError } from './errors';
import { parseTargetKey } from './targets';

/** A profile + region pair; features that show several accounts side by side pass one explicitly. */
export interface AwsTarget {
  profile: string;
  region: string;
}

/** What features use to reach AWS. Implemented by the editor adapter in src/aws/editor/. */
export interface AwsAccess {
  /** The selected profile and region, or undefined when no profile is configured at all. */
  readonly current: AwsTarget | undefined;
  /** Fires after the profile, region, endpoint or the ~/.aws files change. */
  onDidChange(listener: (target: AwsTarget | undefined) => void): Disposable;
  /** The cached SDK client for a service, for the current target unless one is given. */
  client<S extends ServiceId>(service: S, target?: AwsTarget): ServiceClients[S];
  /**
   * What an SDK client of a service that ServiceClients does not list needs, for the current target
   * (or `target`): the same credentials, endpoint and retry policy as client() uses. Undefined when no
   * profile is configured.
   */
  clientOptions(target?: AwsTarget): ClientOptions | undefined;
  /**
   * Turns any error thrown by an SDK call into a message a person can act on. The failing operation is
   * the one the client recorded on the error (src/aws/clients.ts); `operation` names it only for errors
   * that did not come from a client call.
   */
  explain(error: unknown, context: AwsErrorTarget): ActionableError;
  /**
   * Shows an explained error with its actions (e.g. "Run aws sso login" opens a terminal with it).
   * Resolves to 'retry' when the person asked to try again, undefined otherwise.
   */
  showError(error: unknown, context: AwsErrorTarget): Promise<'retry' | undefined>;
}

export interface AwsErrorTarget {
  service: ServiceId;
  operation?: string;
  target?: AwsTarget;
}

/** The explain() an AWS view's explorer takes: its target keys (see targetKey) name the profile and region. */
export function viewExplainer(aws: Pick<AwsAccess, 'explain'>, service: ServiceId): (error: unknown, target: string, operation: string) => ExplainedError {
  return (error, target, operation) => {
    const ref = parseTargetKey(target);
    return toExplained(aws.explain(error, { service, operation, ...(ref ? { target: ref } : {}) }));
  };
}
