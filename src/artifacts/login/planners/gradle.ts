// Gradle: gradle.properties codeartifactUrl / codeartifactToken, or ORG_GRADLE_PROJECT_* variables.
import * as path from 'node:path';
import { type PlanInput, projectFile, type ToolPlanner } from '../plan-kit';

export const GRADLE_PLANNER: ToolPlanner = {
  plan(input: PlanInput) {
    const { request: r, url: E, ctx, plan } = input;
    const notes = ['In build.gradle(.kts): maven { url = uri(providers.gradleProperty("codeartifactUrl").get()); credentials { username = "aws"; password = providers.gradleProperty("codeartifactToken").get() } }'];
    if (r.placement === 'terminal') {
      return plan([], (t) => ({ ORG_GRADLE_PROJECT_codeartifactUrl: E, ORG_GRADLE_PROJECT_codeartifactToken: t }), notes);
    }
    if (r.placement === 'project') {
      return plan([{
        path: projectFile(r, 'gradle.properties'), format: 'properties', tokenBearing: false, skeleton: '', purpose: 'codeartifactUrl',
        ops: () => [{ address: ['codeartifactUrl'], value: E }],
      }], (t) => ({ ORG_GRADLE_PROJECT_codeartifactToken: t }), notes);
    }
    const gradleHome = ctx.env.GRADLE_USER_HOME ?? path.join(ctx.home, '.gradle');
    return plan([{
      path: path.join(gradleHome, 'gradle.properties'), format: 'properties', tokenBearing: true, skeleton: '', purpose: 'codeartifactUrl and codeartifactToken',
      ops: (t) => [{ address: ['codeartifactUrl'], value: E }, { address: ['codeartifactToken'], value: t, secret: true }],
    }], () => ({}), notes);
  },
};
