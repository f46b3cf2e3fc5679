// BatchGetBuilds: builds by id or ARN, in request order; unknown ids go to buildsNotFound.
import type { EmuRequest } from '../../core/contract';
import { list, type Members, required, str, validateInput } from '../../core/validate';
import { batchGet } from './paging';
import { wireBuild } from './wire';
import type { BuildsWorld } from './world';

const rules: Members = { ids: required(list(str({ min: 1 }), { min: 1, max: 100 })) };

export function batchGetBuilds(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(rules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const { found, notFound } = batchGet(input.ids as string[], (id) => store.find(id), wireBuild);
    return { builds: found, buildsNotFound: notFound };
  };
}
