// The CodeBuild calls the view, the commands and the Testing view make, over a real SDK client. Reads
// take an optional AbortSignal so a disposed explorer never leaves requests running; BatchGet* calls
// are split into the service's 100-id chunks.
import {
  BatchGetBuildBatchesCommand,
  BatchGetBuildsCommand,
  BatchGetProjectsCommand,
  BatchGetReportGroupsCommand,
  BatchGetReportsCommand,
  ListBuildBatchesForProjectCommand,
  ListBuildsCommand,
  ListBuildsForProjectCommand,
  ListProjectsCommand,
  ListReportsForReportGroupCommand,
  paginateDescribeCodeCoverages,
  paginateDescribeTestCases,
  paginateListReportGroups,
  RetryBuildBatchCommand,
  RetryBuildCommand,
  StartBuildBatchCommand,
  StartBuildCommand,
  StopBuildBatchCommand,
  StopBuildCommand,
  type CodeBuildClient,
} from '@aws-sdk/client-codebuild';
import { collectPages } from '../../aws/paging';
import { batchFromSdk, buildFromSdk, coverageFromSdk, projectFromSdk, reportFromSdk, reportGroupFromSdk, testCaseFromSdk } from './from-sdk';
import type { BatchInfo, BuildInfo, FileCoverageInfo, ProjectInfo, ReportGroupInfo, ReportInfo, TestCaseInfo } from './types';

/** The most ids a BatchGet* call takes. */
export const BATCH_LIMIT = 100;
/** Pages a full listing follows before giving up (a runaway token loop must not hang anything). */
const MAX_PAGES = 200;

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface StartOptions {
  /** A branch, tag, commit id (or, for S3, an object version). */
  sourceVersion?: string;
  environmentVariables?: { name: string; value: string; type?: 'PLAINTEXT' | 'PARAMETER_STORE' | 'SECRETS_MANAGER' }[];
  /** The text of a buildspec (e.g. the workspace's file), run instead of the project's. */
  buildspecOverride?: string;
  idempotencyToken?: string;
}

export interface CodeBuildApi {
  /** One page of project names, by name (A–Z), up to 100. */
  listProjectNames(nextToken?: string, signal?: AbortSignal): Promise<Page<string>>;
  getProjects(names: readonly string[], signal?: AbortSignal): Promise<ProjectInfo[]>;
  /** One page of the account's build ids, newest first (ListBuilds). */
  listBuildIds(nextToken?: string, signal?: AbortSignal): Promise<Page<string>>;
  /** One page of a project's build ids, newest first. */
  listProjectBuildIds(project: string, nextToken?: string, signal?: AbortSignal): Promise<Page<string>>;
  getBuilds(ids: readonly string[], signal?: AbortSignal): Promise<BuildInfo[]>;
  listProjectBatchIds(project: string, maxResults: number, nextToken?: string, signal?: AbortSignal): Promise<Page<string>>;
  getBatches(ids: readonly string[], signal?: AbortSignal): Promise<BatchInfo[]>;
  startBuild(project: string, options: StartOptions): Promise<BuildInfo | undefined>;
  startBatch(project: string, options: StartOptions): Promise<BatchInfo | undefined>;
  retryBuild(id: string, idempotencyToken?: string): Promise<BuildInfo | undefined>;
  retryBatch(id: string, mode: 'RETRY_ALL_BUILDS' | 'RETRY_FAILED_BUILDS'): Promise<BatchInfo | undefined>;
  stopBuild(id: string): Promise<BuildInfo | undefined>;
  stopBatch(id: string): Promise<BatchInfo | undefined>;
  /** Every report group's ARN (newest first, as CodeBuild lists them). */
  listReportGroupArns(signal?: AbortSignal): Promise<string[]>;
  getReportGroups(arns: readonly string[], signal?: AbortSignal): Promise<ReportGroupInfo[]>;
  listReportArns(groupArn: string, maxResults: number, nextToken?: string, signal?: AbortSignal): Promise<Page<string>>;
  getReports(arns: readonly string[], signal?: AbortSignal): Promise<ReportInfo[]>;
  /** Every test case of a report (all pages). */
  testCases(reportArn: string, signal?: AbortSignal): Promise<TestCaseInfo[]>;
  /** Every file of a coverage report (all pages). */
  coverage(reportArn: string, signal?: AbortSignal): Promise<FileCoverageInfo[]>;
}

function chunks<T>(items: readonly T[], size = BATCH_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function page<T>(items: T[], nextToken: string | undefined): Page<T> {
  return nextToken ? { items, nextToken } : { items };
}

const present = <T>(x: T | undefined): x is T => x !== undefined;

export function createCodeBuildApi(client: CodeBuildClient): CodeBuildApi {
  const opts = (signal?: AbortSignal): { abortSignal?: AbortSignal } => (signal ? { abortSignal: signal } : {});
  const tokenOf = (t: string | undefined): { nextToken?: string } => (t ? { nextToken: t } : {});
  return {
    async listProjectNames(nextToken, signal) {
      const out = await client.send(new ListProjectsCommand({ sortBy: 'NAME', sortOrder: 'ASCENDING', ...tokenOf(nextToken) }), opts(signal));
      return page([...(out.projects ?? [])], out.nextToken);
    },
    async getProjects(names, signal) {
      const parts = await Promise.all(chunks(names).map((c) => client.send(new BatchGetProjectsCommand({ names: c }), opts(signal))));
      return parts.flatMap((o) => (o.projects ?? []).map(projectFromSdk).filter(present));
    },
    async listBuildIds(nextToken, signal) {
      const out = await client.send(new ListBuildsCommand({ sortOrder: 'DESCENDING', ...tokenOf(nextToken) }), opts(signal));
      return page([...(out.ids ?? [])], out.nextToken);
    },
    async listProjectBuildIds(project, nextToken, signal) {
      const out = await client.send(new ListBuildsForProjectCommand({ projectName: project, sortOrder: 'DESCENDING', ...tokenOf(nextToken) }), opts(signal));
      return page([...(out.ids ?? [])], out.nextToken);
    },
    async getBuilds(ids, signal) {
      const parts = await Promise.all(chunks(ids).map((c) => client.send(new BatchGetBuildsCommand({ ids: c }), opts(signal))));
      return parts.flatMap((o) => (o.builds ?? []).map(buildFromSdk).filter(present));
    },
    async listProjectBatchIds(project, maxResults, nextToken, signal) {
      const out = await client.send(new ListBuildBatchesForProjectCommand({
        projectName: project, maxResults, sortOrder: 'DESCENDING', ...tokenOf(nextToken),
      }), opts(signal));
      return page([...(out.ids ?? [])], out.nextToken);
    },
    async getBatches(ids, signal) {
      const parts = await Promise.all(chunks(ids).map((c) => client.send(new BatchGetBuildBatchesCommand({ ids: c }), opts(signal))));
      return parts.flatMap((o) => (o.buildBatches ?? []).map(batchFromSdk).filter(present));
    },
    async startBuild(project, o) {
      const out = await client.send(new StartBuildCommand({
        projectName: project,
        ...(o.sourceVersion ? { sourceVersion: o.sourceVersion } : {}),
        ...(o.environmentVariables?.length ? { environmentVariablesOverride: o.environmentVariables } : {}),
        ...(o.buildspecOverride !== undefined ? { buildspecOverride: o.buildspecOverride } : {}),
        ...(o.idempotencyToken ? { idempotencyToken: o.idempotencyToken } : {}),
      }));
      return out.build ? buildFromSdk(out.build) : undefined;
    },
    async startBatch(project, o) {
      const out = await client.send(new StartBuildBatchCommand({
        projectName: project,
        ...(o.sourceVersion ? { sourceVersion: o.sourceVersion } : {}),
        ...(o.environmentVariables?.length ? { environmentVariablesOverride: o.environmentVariables } : {}),
        ...(o.buildspecOverride !== undefined ? { buildspecOverride: o.buildspecOverride } : {}),
        ...(o.idempotencyToken ? { idempotencyToken: o.idempotencyToken } : {}),
      }));
      return out.buildBatch ? batchFromSdk(out.buildBatch) : undefined;
    },
    async retryBuild(id, idempotencyToken) {
      const out = await client.send(new RetryBuildCommand({ id, ...(idempotencyToken ? { idempotencyToken } : {}) }));
      return out.build ? buildFromSdk(out.build) : undefined;
    },
    async retryBatch(id, mode) {
      const out = await client.send(new RetryBuildBatchCommand({ id, retryType: mode }));
      return out.buildBatch ? batchFromSdk(out.buildBatch) : undefined;
    },
    async stopBuild(id) {
      const out = await client.send(new StopBuildCommand({ id }));
      return out.build ? buildFromSdk(out.build) : undefined;
    },
    async stopBatch(id) {
      const out = await client.send(new StopBuildBatchCommand({ id }));
      return out.buildBatch ? batchFromSdk(out.buildBatch) : undefined;
    },
    listReportGroupArns(signal) {
      return collectPages(paginateListReportGroups({ client, pageSize: 100, stopOnSameToken: true }, {}, opts(signal)), (out) => out.reportGroups, MAX_PAGES);
    },
    async getReportGroups(arns, signal) {
      const parts = await Promise.all(chunks(arns).map((c) => client.send(new BatchGetReportGroupsCommand({ reportGroupArns: c }), opts(signal))));
      return parts.flatMap((o) => (o.reportGroups ?? []).map(reportGroupFromSdk).filter(present));
    },
    async listReportArns(groupArn, maxResults, nextToken, signal) {
      const out = await client.send(new ListReportsForReportGroupCommand({ reportGroupArn: groupArn, maxResults, sortOrder: 'DESCENDING', ...tokenOf(nextToken) }), opts(signal));
      return page([...(out.reports ?? [])], out.nextToken);
    },
    async getReports(arns, signal) {
      const parts = await Promise.all(chunks(arns).map((c) => client.send(new BatchGetReportsCommand({ reportArns: c }), opts(signal))));
      return parts.flatMap((o) => (o.reports ?? []).map(reportFromSdk).filter(present));
    },
    testCases(reportArn, signal) {
      return collectPages(paginateDescribeTestCases({ client, pageSize: 100, stopOnSameToken: true }, { reportArn }, opts(signal)),
        (out) => (out.testCases ?? []).map(testCaseFromSdk), MAX_PAGES);
    },
    coverage(reportArn, signal) {
      return collectPages(paginateDescribeCodeCoverages({ client, pageSize: 100, stopOnSameToken: true }, { reportArn }, opts(signal)),
        (out) => (out.codeCoverages ?? []).map(coverageFromSdk).filter(present), MAX_PAGES);
    },
  };
}
