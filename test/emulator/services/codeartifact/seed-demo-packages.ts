import type { PackageSpec } from './seed-build';

const readme = (title: string, install: string, body: string): string =>
  `# ${title}\n\n${body}\n\n## Install\n\n\`\`\`sh\n${install}\n\`\`\`\n`;

/** Packages the acme team published to `team-npm`. */
export const teamNpm: PackageSpec[] = [
  {
    format: 'npm', namespace: 'acme', name: 'ui-kit', summary: 'Shared React-free UI primitives for Acme front ends', license: 'MIT',
    homePage: 'https://git.acme.example/web/ui-kit', sourceCodeRepository: 'https://git.acme.example/web/ui-kit.git',
    readme: readme('@acme/ui-kit', 'npm install @acme/ui-kit', 'Buttons, tables and form helpers used by every Acme web app.'),
    distTags: { beta: '1.3.0-beta.1' },
    versions: [
      { version: '0.9.0', status: 'Archived', daysAgo: 210 },
      { version: '1.0.0', daysAgo: 150, dependencies: [{ namespace: 'acme', package: 'logger', requirement: '^2.0.0' }] },
      { version: '1.1.0', daysAgo: 90, dependencies: [{ namespace: 'acme', package: 'logger', requirement: '^2.0.0' }, { package: 'left-pad', requirement: '^1.3.0' }] },
      {
        version: '1.2.0', daysAgo: 21,
        dependencies: [{ namespace: 'acme', package: 'logger', requirement: '^2.1.0' }, { package: 'left-pad', requirement: '^1.3.0' }, { package: 'typescript', requirement: '^5.4.0', type: 'dev' }],
      },
      { version: '1.3.0-beta.1', status: 'Unlisted', daysAgo: 3, dependencies: [{ namespace: 'acme', package: 'logger', requirement: '^2.1.0' }] },
    ],
  },
  {
    format: 'npm', namespace: 'acme', name: 'logger', summary: 'Structured JSON logging for Acme services', license: 'MIT',
    readme: readme('@acme/logger', 'npm install @acme/logger', 'One-line JSON logs with request ids.'),
    versions: [
      { version: '2.0.0', daysAgo: 180 },
      { version: '2.0.1', daysAgo: 160 },
      { version: '2.1.0', daysAgo: 45, dependencies: [{ package: 'ms', requirement: '^2.1.3' }] },
    ],
  },
  {
    format: 'npm', name: 'order-client', summary: 'HTTP client for the Orders API', license: 'Apache-2.0',
    readme: readme('order-client', 'npm install order-client', 'Typed client for `orders-api`.'),
    versions: [
      { version: '3.0.0', status: 'Archived', daysAgo: 120 },
      { version: '3.1.0', daysAgo: 60, dependencies: [{ namespace: 'acme', package: 'logger', requirement: '^2.0.0' }] },
      { version: '3.2.0', daysAgo: 7, dependencies: [{ namespace: 'acme', package: 'logger', requirement: '^2.1.0' }, { package: 'ms', requirement: '^2.1.3' }] },
    ],
  },
];

/** What the simulated public npm registry (public:npmjs) serves. */
export const publicNpm: PackageSpec[] = [
  {
    format: 'npm', name: 'left-pad', summary: 'String left pad', license: 'WTFPL',
    versions: [{ version: '1.1.3', daysAgo: 2900 }, { version: '1.2.0', daysAgo: 2700 }, { version: '1.3.0', daysAgo: 2500 }],
  },
  {
    format: 'npm', name: 'ms', summary: 'Tiny millisecond conversion utility', license: 'MIT',
    versions: [{ version: '2.1.2', daysAgo: 2200 }, { version: '2.1.3', daysAgo: 1500 }],
  },
  {
    format: 'npm', namespace: 'sindresorhus', name: 'is', summary: 'Type check values', license: 'MIT',
    versions: [{ version: '5.6.0', daysAgo: 600 }, { version: '6.0.0', daysAgo: 400 }],
  },
];

export const teamPython: PackageSpec[] = [
  {
    format: 'pypi', name: 'acme-orders', summary: 'Order domain model and service client', license: 'MIT',
    homePage: 'https://git.acme.example/python/acme-orders',
    readme: readme('acme-orders', 'pip install acme-orders', 'Order models, validation and the Orders API client.'),
    versions: [
      { version: '1.0.0', status: 'Archived', daysAgo: 200 },
      { version: '1.1.0', daysAgo: 100, dependencies: [{ package: 'acme-common', requirement: '>=1.1' }] },
      { version: '1.2.0', daysAgo: 14, dependencies: [{ package: 'acme-common', requirement: '>=1.1' }, { package: 'six', requirement: '>=1.16' }] },
      { version: '2.0.0rc1', status: 'Unlisted', daysAgo: 2, dependencies: [{ package: 'acme-common', requirement: '>=1.2' }] },
    ],
  },
  {
    format: 'pypi', name: 'acme-common', summary: 'Shared helpers for Acme Python services', license: 'MIT',
    readme: readme('acme-common', 'pip install acme-common', 'Configuration, retries and logging setup.'),
    versions: [{ version: '1.0.0', daysAgo: 300 }, { version: '1.1.0', daysAgo: 150 }, { version: '1.2.0', daysAgo: 30 }],
  },
];

export const publicPypi: PackageSpec[] = [
  { format: 'pypi', name: 'six', summary: 'Python 2 and 3 compatibility utilities', license: 'MIT', versions: [{ version: '1.15.0', daysAgo: 1700 }, { version: '1.16.0', daysAgo: 1300 }] },
  { format: 'pypi', name: 'attrs', summary: 'Classes Without Boilerplate', license: 'MIT', versions: [{ version: '23.1.0', daysAgo: 500 }, { version: '23.2.0', daysAgo: 400 }] },
];

export const platformReleases: PackageSpec[] = [
  {
    format: 'maven', namespace: 'com.acme.platform', name: 'platform-core', summary: 'Core types of the Acme platform', license: 'Apache-2.0',
    homePage: 'https://git.acme.example/platform/platform-core',
    readme: readme('platform-core', 'mvn dependency:get -Dartifact=com.acme.platform:platform-core:2.0.0', 'Identifiers, money and time types.'),
    versions: [{ version: '1.0.0', status: 'Archived', daysAgo: 400 }, { version: '1.1.0', daysAgo: 250 }, { version: '2.0.0', daysAgo: 40 }],
  },
  {
    format: 'maven', namespace: 'com.acme.platform', name: 'platform-client', summary: 'Java client for platform services', license: 'Apache-2.0',
    versions: [
      { version: '2.0.0', daysAgo: 38, dependencies: [{ namespace: 'com.acme.platform', package: 'platform-core', requirement: '2.0.0' }] },
      {
        version: '2.1.0', daysAgo: 10,
        dependencies: [
          { namespace: 'com.acme.platform', package: 'platform-core', requirement: '2.0.0' },
          { namespace: 'org.jsonlite', package: 'json-lite', requirement: '1.4.0' },
          { namespace: 'org.junit.jupiter', package: 'junit-jupiter', requirement: '5.10.0', type: 'test' },
        ],
      },
      { version: '2.2.0-rc1', status: 'Unlisted', daysAgo: 1, dependencies: [{ namespace: 'com.acme.platform', package: 'platform-core', requirement: '2.0.0' }] },
    ],
  },
  {
    format: 'npm', namespace: 'platform', name: 'eslint-config', summary: 'Lint rules shared by platform teams', license: 'MIT',
    versions: [{ version: '4.0.0', daysAgo: 90 }, { version: '4.1.0', daysAgo: 20 }],
  },
];

export const publicMaven: PackageSpec[] = [
  { format: 'maven', namespace: 'org.jsonlite', name: 'json-lite', summary: 'Small JSON reader', license: 'MIT', versions: [{ version: '1.3.0', daysAgo: 700 }, { version: '1.4.0', daysAgo: 300 }] },
];
