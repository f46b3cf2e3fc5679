// Maven: a server in ~/.m2/settings.xml with a profile repository or a mirror, and the project's pom.xml repositories.
import * as path from 'node:path';
import { type FilePlan, MAVEN_SETTINGS_SKELETON, type PlanInput, projectFile, sourceId, type ToolPlanner } from '../plan-kit';

export const MAVEN_PLANNER: ToolPlanner = {
  plan(input: PlanInput) {
    const { request: r, tokenVariable: V, url: E, ctx, plan } = input;
    const id = sourceId(r);
    const user = r.placement === 'user';
    const mirror = (r.mavenMode ?? 'repository') === 'mirror';
    const settings = path.join(ctx.home, '.m2', 'settings.xml');
    const server = ['settings', 'servers', `server[id=${id}]`];
    const serverFile: FilePlan = {
      path: settings, format: 'xml', tokenBearing: user, skeleton: MAVEN_SETTINGS_SKELETON,
      purpose: `server ${id}${user ? '' : ` (\${env.${V}})`}${mirror ? ' and a mirror of *' : user ? ' and an active profile with the repository' : ''}`,
      ops: (t) => [
        { address: [...server, 'username'], value: 'aws' },
        user ? { address: [...server, 'password'], value: t, secret: true } : { address: [...server, 'password'], value: `\${env.${V}}`, credential: true },
        ...(mirror
          ? [
            { address: ['settings', 'mirrors', `mirror[id=${id}]`, 'url'], value: E },
            { address: ['settings', 'mirrors', `mirror[id=${id}]`, 'mirrorOf'], value: '*' },
          ]
          : user
            ? [
              { address: ['settings', 'profiles', `profile[id=${id}]`, 'repositories', `repository[id=${id}]`, 'url'], value: E },
              // Plugins resolve from pluginRepositories only; CodeArtifact proxies them too.
              { address: ['settings', 'profiles', `profile[id=${id}]`, 'pluginRepositories', `pluginRepository[id=${id}]`, 'url'], value: E },
              { address: ['settings', 'activeProfiles', `activeProfile[.=${id}]`], value: id },
            ]
            : []),
      ],
    };
    if (user || mirror) return plan([serverFile], () => ({}));
    return plan([serverFile, {
      path: projectFile(r, 'pom.xml'), format: 'xml', tokenBearing: false, skeleton: '',
      purpose: `repository and plugin repository ${id}`,
      ops: () => [
        { address: ['project', 'repositories', `repository[id=${id}]`, 'url'], value: E },
        { address: ['project', 'pluginRepositories', `pluginRepository[id=${id}]`, 'url'], value: E },
      ],
    }], () => ({}));
  },
};
