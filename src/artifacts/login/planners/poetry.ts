// Poetry: [[tool.poetry.source]] in pyproject.toml, http-basic credentials in auth.toml or POETRY_* variables.
import * as path from 'node:path';
import { type FilePlan, type PlanInput, POETRY_SOURCE, poetryConfigDir, projectFile, type ToolPlanner } from '../plan-kit';

export const POETRY_PLANNER: ToolPlanner = {
  plan(input: PlanInput) {
    const { request: r, url: E, ctx, plan } = input;
    const name = POETRY_SOURCE.toUpperCase();
    const creds = (t: string): Record<string, string> => ({ [`POETRY_HTTP_BASIC_${name}_USERNAME`]: 'aws', [`POETRY_HTTP_BASIC_${name}_PASSWORD`]: t });
    const publish = { [`POETRY_REPOSITORIES_${name}_URL`]: E };
    if (r.placement === 'terminal') {
      return plan([], (t) => ({ ...creds(t), ...publish }), [`Installs use the source named "${POETRY_SOURCE}" in pyproject.toml; publish with poetry publish -r ${POETRY_SOURCE}.`]);
    }
    const priority = r.poetryPriority ?? 'primary';
    const sel = ['[[tool.poetry.source]]', `name=${POETRY_SOURCE}`];
    const source: FilePlan = {
      path: projectFile(r, 'pyproject.toml'), format: 'toml', tokenBearing: false, skeleton: '',
      purpose: `[[tool.poetry.source]] "${POETRY_SOURCE}" (${priority})`,
      ops: () => [
        { address: [...sel, 'url'], value: JSON.stringify(`${E}simple/`) },
        r.poetryStyle === 'legacy'
          ? { address: [...sel, priority === 'primary' ? 'default' : 'secondary'], value: 'true' }
          : { address: [...sel, 'priority'], value: JSON.stringify(priority) },
      ],
    };
    if (r.placement === 'project') return plan([source], (t) => creds(t));
    return plan([source, {
      path: path.join(poetryConfigDir(ctx), 'auth.toml'), format: 'toml', tokenBearing: true, skeleton: '',
      purpose: `[http-basic.${POETRY_SOURCE}] username and token`,
      ops: (t) => [
        { address: [`[http-basic.${POETRY_SOURCE}]`, 'username'], value: '"aws"' },
        { address: [`[http-basic.${POETRY_SOURCE}]`, 'password'], value: JSON.stringify(t), secret: true },
      ],
    }], () => ({}));
  },
};
