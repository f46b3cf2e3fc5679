// Every package manager's planner: adding a tool is one file here (and its entry in ../tools.ts).
import type { ToolId } from '../tools';
import type { ToolPlanner } from '../plan-kit';
import { GRADLE_PLANNER } from './gradle';
import { MAVEN_PLANNER } from './maven';
import { NPM_PLANNER } from './npm';
import { NUGET_PLANNER } from './nuget';
import { PIP_PLANNER } from './pip';
import { POETRY_PLANNER } from './poetry';
import { SWIFT_PLANNER } from './swift';
import { TWINE_PLANNER } from './twine';
import { YARN_PLANNER } from './yarn';

export const PLANNERS: Readonly<Record<ToolId, ToolPlanner>> = {
  npm: NPM_PLANNER,
  pnpm: NPM_PLANNER,
  yarn: YARN_PLANNER,
  pip: PIP_PLANNER,
  poetry: POETRY_PLANNER,
  twine: TWINE_PLANNER,
  maven: MAVEN_PLANNER,
  gradle: GRADLE_PLANNER,
  nuget: NUGET_PLANNER,
  dotnet: NUGET_PLANNER,
  swift: SWIFT_PLANNER,
};
