// NuGet and dotnet: a package source with credentials in NuGet.Config.
import { type LoginRequest, NUGET_SKELETON, nugetUserConfig, type PlanContext, type PlanInput, projectFile, sourceId, type ToolPlanner } from '../plan-kit';

export const NUGET_PLANNER: ToolPlanner = {
  plan(input: PlanInput) {
    const { request: r, tokenVariable: V, url: E, ctx, plan } = input;
    const name = sourceId(r);
    const user = r.placement === 'user';
    const file = user ? nugetUserConfig(ctx) : projectNugetConfig(r, ctx);
    return plan([{
      path: file, format: 'xml', tokenBearing: user, skeleton: NUGET_SKELETON,
      purpose: `package source ${name} and its credentials${user ? '' : ` (%${V}%)`}`,
      ops: (t) => [
        { address: ['configuration', 'packageSources', `add[@key=${name}]`, '@value'], value: `${E}v3/index.json` },
        { address: ['configuration', 'packageSourceCredentials', name, 'add[@key=Username]', '@value'], value: 'aws' },
        user
          ? { address: ['configuration', 'packageSourceCredentials', name, 'add[@key=ClearTextPassword]', '@value'], value: t, secret: true }
          : { address: ['configuration', 'packageSourceCredentials', name, 'add[@key=ClearTextPassword]', '@value'], value: `%${V}%`, credential: true },
      ],
    }], () => ({}));
  },
};

/** The project's NuGet config, reusing the spelling already on disk (NuGet accepts several). */
function projectNugetConfig(r: LoginRequest, ctx: PlanContext): string {
  for (const name of ['NuGet.Config', 'nuget.config', 'NuGet.config']) {
    const candidate = projectFile(r, name);
    if (ctx.exists(candidate)) return candidate;
  }
  return projectFile(r, 'NuGet.Config');
}

