import type { ServiceFactory } from '../../core/contract';
import { packageEndpoints } from '../packages/router';
import type { ArtifactContext } from './context';
import { authRoutes } from './routes-auth';
import { domainRoutes } from './routes-domains';
import { packageRoutes } from './routes-packages';
import { repositoryRoutes } from './routes-repositories';
import { versionRoutes } from './routes-versions';
import { seedDemo } from './seed-demo';
import { seedScale } from './seed-scale';
import { ArtifactStore } from './store';
import { TokenIssuer } from './tokens';

/** CodeArtifact (restJson1, signing name `codeartifact`) plus the package endpoints under /_codeartifact/. */
export const codeartifactService: ServiceFactory = (seed) => (registry) => {
  const now = () => registry.clock.now();
  const store = new ArtifactStore();
  if (seed.dataset !== 'empty') seedDemo(store, now(), { mavenCentralDirectory: seed.mavenCentralDirectory });
  if (seed.dataset === 'scale') seedScale(store, now(), seed.packageVersions ?? 50_000);
  const ctx: ArtifactContext = { store, tokens: new TokenIssuer(now), now, baseUrl: () => registry.baseUrl() };
  registry.rest('codeartifact', [...domainRoutes(ctx), ...repositoryRoutes(ctx), ...packageRoutes(ctx), ...versionRoutes(ctx), ...authRoutes(ctx)]);
  registry.raw({ prefix: '/_codeartifact/', handler: packageEndpoints(ctx) });
};
