// ListProjects (100 names a page, by name, creation or modification time) and BatchGetProjects.
import type { EmuRequest } from '../../../core/contract';
import { validateInput } from '../../../core/validate';
import { batchGet, page } from '../paging';
import { wireProject } from '../projects';
import { batchGetProjectsRules, listProjectsRules } from '../rules';
import type { BuildsWorld } from '../world';

const PAGE = 100;

export function listProjects(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(listProjectsRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const sortBy = (input.sortBy as string | undefined) ?? 'NAME';
    const order = (input.sortOrder as string | undefined) ?? 'ASCENDING';
    let names: string[] = store.sortedProjectNames;
    if (sortBy !== 'NAME') {
      const key = sortBy === 'CREATED_TIME' ? 'created' : 'lastModified';
      names = [...names].sort((a, b) => store.projects.get(a)![key] - store.projects.get(b)![key] || (a < b ? -1 : 1));
    }
    if (order === 'DESCENDING') names = [...names].reverse();
    const result = page(names, `ListProjects:${req.accountId}:${req.region}:${sortBy}:${order}`, input.nextToken, PAGE);
    return { projects: result.items, ...(result.nextToken ? { nextToken: result.nextToken } : {}) };
  };
}

export function batchGetProjects(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(batchGetProjectsRules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const { found, notFound } = batchGet(input.names as string[], (name) => store.project(name), wireProject);
    return { projects: found, projectsNotFound: notFound };
  };
}
