// The CodeDeploy calls the Deployments view makes, over a real SDK client: every list followed to its
// end (the SDK's paginators, with a page cap, so a token loop cannot hang), every batch in the service's
// largest chunks with bounded concurrency. Every call takes an optional AbortSignal.
import {
  BatchGetApplicationsCommand, BatchGetDeploymentGroupsCommand, type BundleType, BatchGetDeploymentsCommand, BatchGetDeploymentTargetsCommand,
  type CodeDeployClient, ContinueDeploymentCommand, CreateDeploymentCommand, ListDeploymentsCommand, ListDeploymentTargetsCommand,
  paginateListApplications, paginateListDeploymentGroups, type RevisionLocation, StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
import { collectPages } from '../../aws/paging';
import { chunk, mapLimit } from './concurrency';
import { applicationFromSdk, deploymentFromSdk, groupFromSdk, targetFromSdk } from './from-sdk';
import type {
  ApplicationSummary, DeploymentGroupSummary, DeploymentStatus, DeploymentSummary, RevisionSummary, TargetInfo, TargetStatus,
} from './types';

/** BatchGetApplications and BatchGetDeploymentGroups take 100 names; the deployment and target batches 25. */
export const NAME_BATCH = 100;
export const ID_BATCH = 25;
/** Requests in flight at once per batched load. */
export const DEFAULT_CONCURRENCY = 4;
const MAX_PAGES = 200;

export interface TargetFilter {
  statuses?: TargetStatus[];
  labels?: ('Blue' | 'Green')[];
}

export interface DeployApi {
  listApplications(signal?: AbortSignal): Promise<string[]>;
  getApplications(names: readonly string[], signal?: AbortSignal): Promise<ApplicationSummary[]>;
  listGroups(application: string, signal?: AbortSignal): Promise<string[]>;
  getGroups(application: string, names: readonly string[], signal?: AbortSignal): Promise<DeploymentGroupSummary[]>;
  /** One page of a group's deployment ids, newest first. */
  listDeployments(application: string, group: string, options?: { statuses?: DeploymentStatus[]; nextToken?: string }, signal?: AbortSignal): Promise<{ ids: string[]; nextToken?: string }>;
  /** Deployment ids of the whole account and region in these statuses, newest first, up to `limit`. */
  listDeploymentsInAccount(statuses: readonly DeploymentStatus[], limit: number, signal?: AbortSignal): Promise<string[]>;
  /** Deployments by id, in the order asked; ids the service does not know are left out. */
  getDeployments(ids: readonly string[], signal?: AbortSignal): Promise<DeploymentSummary[]>;
  /** One page of the target ids the filter selects (the service filters), in the service's order. */
  listTargetPage(deploymentId: string, filter?: TargetFilter, nextToken?: string, signal?: AbortSignal): Promise<{ ids: string[]; nextToken?: string }>;
  /** Every target id of a deployment the filter selects. */
  listTargets(deploymentId: string, filter?: TargetFilter, signal?: AbortSignal): Promise<string[]>;
  getTargets(deploymentId: string, ids: readonly string[], signal?: AbortSignal): Promise<TargetInfo[]>;
  stop(deploymentId: string, rollback: boolean): Promise<{ status?: string; message?: string }>;
  continue(deploymentId: string, waitType: 'READY_WAIT' | 'TERMINATION_WAIT'): Promise<void>;
  /** A new deployment of `revision` to the group (Redeploy). */
  create(application: string, group: string, revision: RevisionSummary, description?: string): Promise<string>;
}

function revisionToSdk(r: RevisionSummary): RevisionLocation {
  switch (r.type) {
    case 'S3': {
      if (!r.s3) throw new Error('This S3 revision has no bucket and key.');
      const { bundleType, ...location } = r.s3;
      return { revisionType: 'S3', s3Location: { ...location, ...(bundleType ? { bundleType: bundleType as BundleType } : {}) } };
    }
    case 'GitHub':
      if (!r.gitHub) throw new Error('This GitHub revision has no repository and commit.');
      return { revisionType: 'GitHub', gitHubLocation: { ...r.gitHub } };
    case 'String':
    case 'AppSpecContent': {
      if (r.appSpecContent === undefined) throw new Error('This revision has no AppSpec content to deploy again (GetDeployment leaves it out; load it with BatchGetDeployments).');
      const raw = { content: r.appSpecContent, ...(r.sha256 ? { sha256: r.sha256 } : {}) };
      return r.type === 'String' ? { revisionType: 'String', string: raw } : { revisionType: 'AppSpecContent', appSpecContent: raw };
    }
  }
}

export function createDeployApi(client: CodeDeployClient, options: { concurrency?: number } = {}): DeployApi {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const opts = (signal?: AbortSignal): { abortSignal?: AbortSignal } => (signal ? { abortSignal: signal } : {});

  /** ListDeploymentTargets has no paginator in the SDK (its model declares no pagination): followed by hand. */
  async function allTargetPages(page: (nextToken: string | undefined) => Promise<{ ids: string[]; nextToken?: string }>): Promise<string[]> {
    const out: string[] = [];
    let token: string | undefined;
    for (let n = 0; n < MAX_PAGES; n++) {
      const p = await page(token);
      out.push(...p.ids);
      if (!p.nextToken || p.nextToken === token) break;
      token = p.nextToken;
    }
    return out;
  }

  async function listTargetPage(deploymentId: string, filter: TargetFilter = {}, nextToken?: string, signal?: AbortSignal): Promise<{ ids: string[]; nextToken?: string }> {
    const targetFilters: Record<string, string[]> = {};
    if (filter.statuses?.length) targetFilters.TargetStatus = filter.statuses;
    if (filter.labels?.length) targetFilters.ServerInstanceLabel = filter.labels;
    const out = await client.send(new ListDeploymentTargetsCommand({
      deploymentId, ...(Object.keys(targetFilters).length ? { targetFilters } : {}), ...(nextToken ? { nextToken } : {}),
    }), opts(signal));
    return { ids: out.targetIds ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
  }

  return {
    listApplications: (signal) => collectPages(
      paginateListApplications({ client, stopOnSameToken: true }, {}, opts(signal)), (p) => p.applications, MAX_PAGES),

    async getApplications(names, signal) {
      const pages = await mapLimit(chunk(names, NAME_BATCH), concurrency,
        (batch) => client.send(new BatchGetApplicationsCommand({ applicationNames: batch }), opts(signal)), signal);
      return pages.flatMap((p) => (p.applicationsInfo ?? []).map(applicationFromSdk).filter((a): a is ApplicationSummary => a !== undefined));
    },

    listGroups: (application, signal) => collectPages(
      paginateListDeploymentGroups({ client, stopOnSameToken: true }, { applicationName: application }, opts(signal)), (p) => p.deploymentGroups, MAX_PAGES),

    async getGroups(application, names, signal) {
      const pages = await mapLimit(chunk(names, NAME_BATCH), concurrency,
        (batch) => client.send(new BatchGetDeploymentGroupsCommand({ applicationName: application, deploymentGroupNames: batch }), opts(signal)), signal);
      return pages.flatMap((p) => (p.deploymentGroupsInfo ?? []).map(groupFromSdk).filter((g): g is DeploymentGroupSummary => g !== undefined));
    },

    async listDeployments(application, group, options = {}, signal) {
      const out = await client.send(new ListDeploymentsCommand({
        applicationName: application, deploymentGroupName: group,
        ...(options.statuses?.length ? { includeOnlyStatuses: options.statuses } : {}),
        ...(options.nextToken ? { nextToken: options.nextToken } : {}),
      }), opts(signal));
      return { ids: out.deployments ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
    },

    async listDeploymentsInAccount(statuses, limit, signal) {
      const ids: string[] = [];
      let nextToken: string | undefined;
      do {
        const out = await client.send(new ListDeploymentsCommand({ includeOnlyStatuses: [...statuses], ...(nextToken ? { nextToken } : {}) }), opts(signal));
        ids.push(...(out.deployments ?? []));
        nextToken = out.nextToken;
      } while (nextToken && ids.length < limit);
      return ids.slice(0, limit);
    },

    async getDeployments(ids, signal) {
      const pages = await mapLimit(chunk([...new Set(ids)], ID_BATCH), concurrency,
        (batch) => client.send(new BatchGetDeploymentsCommand({ deploymentIds: batch }), opts(signal)), signal);
      const byId = new Map<string, DeploymentSummary>();
      for (const p of pages) for (const info of p.deploymentsInfo ?? []) {
        const d = deploymentFromSdk(info);
        if (d) byId.set(d.id, d);
      }
      return ids.map((id) => byId.get(id)).filter((d): d is DeploymentSummary => d !== undefined);
    },

    listTargetPage,
    listTargets: (deploymentId, filter = {}, signal) => allTargetPages((nextToken) => listTargetPage(deploymentId, filter, nextToken, signal)),

    async getTargets(deploymentId, ids, signal) {
      const pages = await mapLimit(chunk([...new Set(ids)], ID_BATCH), concurrency,
        (batch) => client.send(new BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: batch }), opts(signal)), signal);
      return pages.flatMap((p) => (p.deploymentTargets ?? []).map(targetFromSdk).filter((t): t is TargetInfo => t !== undefined));
    },

    async stop(deploymentId, rollback) {
      const out = await client.send(new StopDeploymentCommand({ deploymentId, autoRollbackEnabled: rollback }));
      return { ...(out.status ? { status: out.status } : {}), ...(out.statusMessage ? { message: out.statusMessage } : {}) };
    },

    async continue(deploymentId, waitType) {
      await client.send(new ContinueDeploymentCommand({ deploymentId, deploymentWaitType: waitType }));
    },

    async create(application, group, revision, description) {
      const out = await client.send(new CreateDeploymentCommand({
        applicationName: application, deploymentGroupName: group, revision: revisionToSdk(revision), ...(description ? { description } : {}),
      }));
      if (!out.deploymentId) throw new Error('CreateDeployment returned no deployment id');
      return out.deploymentId;
    },
  };
}
