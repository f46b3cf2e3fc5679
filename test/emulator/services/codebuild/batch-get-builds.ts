// BatchGetBuilds: builds by id or ARN, in request order; unknown ids go to buildsNotFound.
import type { EmuRequest } from '../../core/contract';
import { list, type Members, required, str, validateInput } from '../../core/validate';
import { wireBuild } from './wire';
import type { BuildsWorld } from './world';

const rules: Members = { ids: required(list(str({ min: 1 }), { min: 1, max: 100 })) };

export function batchGetBuilds(world: BuildsWorld) {
  return (input: Record<string, unknown>, req: EmuRequest): unknown => {
    validateInput(rules, input, 'InvalidInputException');
    const store = world.region(req.accountId, req.region);
    const builds: Record<string, unknown>[] = [];
    const buildsNotFound: string[] = [];
    for (const id of new Set(input.ids as string[])) {
      const build = store.find(id);
      if (build) builds.push(wireBuild(build));
      else buildsNotFound.push(id);
    }
    return { builds, buildsNotFound };
  };
}
