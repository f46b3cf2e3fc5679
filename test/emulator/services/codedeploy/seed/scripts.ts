// What the demo's hook scripts print and how long they take, so lifecycle events have realistic
// durations and log tails.
import type { Bundle, ScriptBehaviour, ScriptFaultSpec } from '../model';
import { workspaceRevision } from './workspace';

const S = 1000;

/** orders-api: the workspace's appspec and scripts (test/fixtures/workspace/deploy/orders-api). */
export function ordersApiBundle(): Bundle {
  const { appspec, files } = workspaceRevision('orders-api');
  const scripts: Record<string, ScriptBehaviour> = {
    'scripts/stop_server.sh': { durationMs: 3 * S, stdout: ['orders-api stopped'] },
    'scripts/install_dependencies.sh': {
      durationMs: 27 * S,
      stdout: [
        'Last metadata expiration check: 0:14:07 ago.',
        'Package python3.12-3.12.3-1.amzn2023.0.3.x86_64 is already installed.',
        'Package python3.12-pip-23.2.1-4.amzn2023.0.1.noarch is already installed.',
        'Package postgresql15-15.6-1.amzn2023.0.1.x86_64 is already installed.',
        'Dependencies resolved.',
        'Nothing to do.',
        'Complete!',
      ],
    },
    'scripts/configure.sh': { durationMs: 18 * S, stdout: ['Configured 14 settings'] },
    'scripts/migrate_db.sh': {
      durationMs: 6 * S,
      stderr: ['INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.', 'INFO  [alembic.runtime.migration] Will assume transactional DDL.'],
    },
    'scripts/start_server.sh': { durationMs: 4 * S, stdout: ['orders-api started'] },
    'scripts/health_check.sh': { durationMs: 7 * S, stdout: ['healthy after 3 attempt(s)'] },
  };
  return { appspec, files, scripts };
}

/** The demo's failure: the new migration adds a column someone already added by hand in production. */
export const ORDERS_API_MIGRATION_FAILURE: Omit<ScriptFaultSpec, 'deploymentId'> = {
  lifecycleEvent: 'AfterInstall',
  script: 'scripts/migrate_db.sh',
  errorCode: 'ScriptFailed',
  exitCode: 1,
  stdout: [],
  stderr: [
    'INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.',
    'INFO  [alembic.runtime.migration] Will assume transactional DDL.',
    'INFO  [alembic.runtime.migration] Running upgrade 3f2a9c1d7b4e -> 8c5d2e1f0a9b, add order_lines.fulfilment_id',
    'Traceback (most recent call last):',
    '  File "/srv/orders-api/.venv/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1967, in _exec_single_context',
    '    self.dialect.do_execute(',
    '  File "/srv/orders-api/.venv/lib/python3.12/site-packages/sqlalchemy/engine/default.py", line 941, in do_execute',
    '    cursor.execute(statement, parameters)',
    'psycopg2.errors.DuplicateColumn: column "fulfilment_id" of relation "order_lines" already exists',
    '',
    'The above exception was the direct cause of the following exception:',
    '',
    'Traceback (most recent call last):',
    '  File "/srv/orders-api/.venv/bin/alembic", line 8, in <module>',
    '    sys.exit(main())',
    '  File "/srv/orders-api/migrations/versions/8c5d2e1f0a9b_add_order_lines_fulfilment_id.py", line 21, in upgrade',
    '    op.add_column("order_lines", sa.Column("fulfilment_id", sa.String(36), nullable=True))',
    'sqlalchemy.exc.ProgrammingError: (psycopg2.errors.DuplicateColumn) column "fulfilment_id" of relation "order_lines" already exists',
    '[SQL: ALTER TABLE order_lines ADD COLUMN fulfilment_id VARCHAR(36)]',
    '(Background on this error at: https://sqlalche.me/e/20/f405)',
  ],
};

export type ServerAppKind = 'node' | 'java';

/** A typical EC2 application revision (the pipelines' CodeDeploy actions deploy these). */
export function serverAppBundle(app: string, kind: ServerAppKind): Bundle {
  const home = `/opt/${app}`;
  const appspec = [
    'version: 0.0',
    'os: linux',
    'files:',
    '  - source: /',
    `    destination: ${home}`,
    'hooks:',
    '  ApplicationStop:',
    '    - location: deploy/stop.sh',
    '      timeout: 60',
    '  BeforeInstall:',
    '    - location: deploy/prepare.sh',
    '      timeout: 120',
    '  ApplicationStart:',
    '    - location: deploy/start.sh',
    '      timeout: 120',
    '  ValidateService:',
    '    - location: deploy/smoke_test.sh',
    '      timeout: 300',
    '',
  ].join('\n');
  const runtime = kind === 'node' ? 'node 20.17.0' : 'openjdk 21.0.4 2024-07-16 LTS';
  return {
    appspec,
    scripts: {
      'deploy/stop.sh': { durationMs: 2_500, stdout: [`Stopping ${app}.service`] },
      'deploy/prepare.sh': { durationMs: 9_000, stdout: [`runtime: ${runtime}`, `cleaning ${home}/releases (keeping 3)`] },
      'deploy/start.sh': { durationMs: 5_000, stdout: [`Starting ${app}.service`, `${app} is active (running)`] },
      'deploy/smoke_test.sh': { durationMs: 12_000, stdout: ['GET /health 200', 'GET /ready 200', 'smoke test passed'] },
    },
  };
}

/** How a pipeline action meant to fail fails on these applications: the smoke test. */
export function smokeTestFailure(app: string): Omit<ScriptFaultSpec, 'applicationName' | 'deploymentGroupName' | 'deploymentId'> {
  return {
    lifecycleEvent: 'ValidateService',
    script: 'deploy/smoke_test.sh',
    errorCode: 'ScriptFailed',
    exitCode: 22,
    stdout: ['GET /health 200'],
    stderr: [`curl: (22) The requested URL returned error: 503`, `${app} is not ready after 60s`],
  };
}
