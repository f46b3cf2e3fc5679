import type { ServiceFactory } from '../../core/contract';
import type { ProfilingGroup } from './model';
import { ProfileBytes } from './profile-bytes';
import { analysisRoutes } from './routes-analysis';
import { groupRoutes } from './routes-groups';
import { profileRoutes } from './routes-profile';
import { seedProfilingGroups } from './seed';

/** CodeGuru Profiler (restJson1, signing name `codeguru-profiler`). */
export const codeguruService: ServiceFactory = (seed) => (registry) => {
  const now = () => registry.clock.now();
  const groups = seed.dataset === 'empty' ? [] : seedProfilingGroups(now());
  const serialised = new Map<ProfilingGroup, ProfileBytes>();
  const bytes = (group: ProfilingGroup): ProfileBytes | undefined => {
    if (!group.profile) return undefined;
    let b = serialised.get(group);
    if (!b) {
      b = new ProfileBytes(group.profile);
      serialised.set(group, b);
    }
    return b;
  };
  const ctx = { groups, now, bytes };
  registry.rest('codeguru-profiler', [...groupRoutes(ctx), ...profileRoutes(ctx), ...analysisRoutes(ctx)]);
};
