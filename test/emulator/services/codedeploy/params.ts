// Input checks. Member types are checked with the core validator (a wrong JSON type is a
// SerializationException); CodeDeploy then reports missing or malformed names and ids with its own
// modeled exceptions (ApplicationNameRequiredException, InvalidDeploymentIdException, ...) rather
// than a generic ValidationException.
import { asText, type Members, validateInput } from '../../core/validate';
import { errors } from './errors';
import type { ApplicationRecord, DeploymentGroupRecord, DeploymentRecord } from './model';
import type { DeployRegion } from './store';

export const DEPLOYMENT_ID = /^d-[A-Z0-9]{9}$/;
const NAME_MAX = 100;

export function checkTypes(members: Members, input: Record<string, unknown>): void {
  validateInput(members, input);
}

export function applicationName(input: Record<string, unknown>, member = 'applicationName'): string {
  const name = input[member];
  if (name === undefined || name === null || name === '') throw errors.applicationNameRequired();
  const s = asText(name);
  if (s.length > NAME_MAX) throw errors.invalidApplicationName(s);
  return s;
}

export function groupName(value: unknown): string {
  if (value === undefined || value === null || value === '') throw errors.groupNameRequired();
  const s = asText(value);
  if (s.length > NAME_MAX) throw errors.invalidGroupName(s);
  return s;
}

export function deploymentId(value: unknown): string {
  if (value === undefined || value === null || value === '') throw errors.deploymentIdRequired();
  const s = asText(value);
  if (!DEPLOYMENT_ID.test(s)) throw errors.invalidDeploymentId(s);
  return s;
}

export function requireApplication(store: DeployRegion, name: string): ApplicationRecord {
  const app = store.applications.get(name);
  if (!app) throw errors.applicationDoesNotExist(name);
  return app;
}

export function requireGroup(app: ApplicationRecord, name: string): DeploymentGroupRecord {
  const group = app.groups.get(name);
  if (!group) throw errors.groupDoesNotExist(name);
  return group;
}

export function requireDeployment(store: DeployRegion, value: unknown): DeploymentRecord {
  const id = deploymentId(value);
  const d = store.deployments.get(id);
  if (!d) throw errors.deploymentDoesNotExist(id);
  return d;
}

export function requireStarted(d: DeploymentRecord): void {
  if (d.status === 'Created' || d.status === 'Queued') throw errors.deploymentNotStarted(d.deploymentId);
}

/** Splits `items` into the page after the cursor and the cursor of the next page. */
export function pageOf<T>(items: readonly T[], start: number, size: number): { page: T[]; next?: number } {
  const page = items.slice(start, start + size);
  return start + size < items.length ? { page, next: start + size } : { page };
}
