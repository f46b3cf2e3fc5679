// Lifecycle event names per platform, in the order CodeDeploy runs them (the CodeDeploy User Guide's
// "Run order of hooks", and the agent's DEFAULT_HOOK_MAPPING for which hooks are scripts).

/** EC2/On-Premises: what every in-place instance and every replacement (green) instance runs. */
export const SERVER_INSTALL = ['ApplicationStop', 'DownloadBundle', 'BeforeInstall', 'Install', 'AfterInstall', 'ApplicationStart', 'ValidateService'] as const;
/** Deregistering from the load balancer: in-place with traffic control, and original (blue) instances. */
export const BLOCK_TRAFFIC = ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic'] as const;
/** Registering with the load balancer; also Lambda's three events. */
export const ALLOW_TRAFFIC = ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'] as const;
export const ECS_EVENTS = ['BeforeInstall', 'Install', 'AfterInstall', 'AllowTestTraffic', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'] as const;

/** The agent runs these hooks from the last successful revision (HookExecutor's LastSuccessfulOrIgnore). */
export const PREVIOUS_REVISION_EVENTS: ReadonlySet<string> = new Set(['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic']);

/** Events CodeDeploy or the agent performs itself: no hook runs. */
export const SERVICE_EVENTS: ReadonlySet<string> = new Set(['DownloadBundle', 'Install', 'BlockTraffic', 'AllowTraffic', 'AllowTestTraffic']);

/** Failures in these are ignored with `ignoreApplicationStopFailures`. */
export const STOP_EVENTS: ReadonlySet<string> = new Set(['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic']);

/** Ordered event list of an in-place EC2/On-Premises instance. */
export function inPlaceEvents(withTraffic: boolean): string[] {
  return withTraffic ? [...BLOCK_TRAFFIC, ...SERVER_INSTALL, ...ALLOW_TRAFFIC] : [...SERVER_INSTALL];
}
