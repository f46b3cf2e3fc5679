// What a project's build does: its buildspec commands per phase, how long each takes and what it
// prints, and which command fails when a build is meant to fail.
import {
  dockerBuildPush, dockerFail, echoDate, eslintClean, mavenFail, mavenPackage, mochaFail, mochaFailWeb, mochaPass,
  npmCi, type OutputContext, pipInstall, pytestFail, pytestPass, tscBuild,
} from './command-output';
import { pytestRun } from './pytest-output';
import { ORDERS_API_COVERAGE, ORDERS_API_TESTS, type ReportSpec } from './report-suites';

export type BuildspecPhase = 'INSTALL' | 'PRE_BUILD' | 'BUILD' | 'POST_BUILD';
export const BUILDSPEC_PHASES: readonly BuildspecPhase[] = ['INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD'];

export interface BuildCommand {
  command: string;
  durationMs: number;
  output: (ctx: OutputContext) => string[];
  /** When the build is meant to fail, the first command with a failure fails like this. */
  failure?: { exitCode: number; output: (ctx: OutputContext) => string[] };
}

export interface BuildRecipe {
  kind: string;
  image: string;
  computeType: string;
  runtimeVersions: Record<string, string>;
  version: string;
  phases: Partial<Record<BuildspecPhase, BuildCommand[]>>;
  artifactsBaseDir: string;
  artifactFiles: number;
  /** The buildspec's `reports:` section: what the build uploads as test and coverage reports. */
  reports?: ReportSpec[];
  /** The buildspec cannot be used: the build fails in DOWNLOAD_SOURCE with this context. */
  downloadError?: { statusCode: string; message: string };
  /** The buildspec text itself when it came from an override (else it is generated from the recipe). */
  inlineBuildspec?: string;
}

const none = (): string[] => [];

function nodeRecipe(kind: 'web' | 'payments'): BuildRecipe {
  return {
    kind: `node-${kind}`,
    image: 'aws/codebuild/standard:7.0',
    computeType: 'BUILD_GENERAL1_MEDIUM',
    runtimeVersions: { nodejs: '20' },
    version: kind === 'web' ? '2.14.0' : '3.4.1',
    phases: {
      INSTALL: [{ command: 'npm ci', durationMs: 24_000, output: npmCi }],
      PRE_BUILD: [{ command: 'npm run lint', durationMs: 9_000, output: eslintClean }],
      BUILD: [
        {
          command: 'npm test', durationMs: 21_000, output: mochaPass(kind),
          failure: { exitCode: kind === 'payments' ? 2 : 1, output: kind === 'payments' ? mochaFail : mochaFailWeb },
        },
        ...(kind === 'web' ? [{ command: 'npm run build', durationMs: 16_000, output: tscBuild }] : []),
      ],
      POST_BUILD: [{ command: 'echo Build completed on `date`', durationMs: 300, output: echoDate('Build completed on') }],
    },
    artifactsBaseDir: kind === 'web' ? 'dist' : '.',
    artifactFiles: kind === 'web' ? 37 : 412,
  };
}

function pythonRecipe(): BuildRecipe {
  return {
    kind: 'python',
    image: 'aws/codebuild/standard:7.0',
    computeType: 'BUILD_GENERAL1_MEDIUM',
    runtimeVersions: { python: '3.12' },
    version: '1.9.0',
    phases: {
      INSTALL: [{ command: 'pip install -r requirements.txt', durationMs: 31_000, output: pipInstall }],
      BUILD: [{ command: 'python -m pytest -q --color=yes', durationMs: 14_000, output: pytestPass, failure: { exitCode: 1, output: pytestFail } }],
      POST_BUILD: [{ command: 'zip -qr package.zip src', durationMs: 2_000, output: none }],
    },
    artifactsBaseDir: '.',
    artifactFiles: 1,
  };
}

function mavenRecipe(): BuildRecipe {
  return {
    kind: 'maven',
    image: 'aws/codebuild/amazonlinux2-x86_64-standard:5.0',
    computeType: 'BUILD_GENERAL1_LARGE',
    runtimeVersions: { java: 'corretto21' },
    version: '5.2.0',
    phases: {
      BUILD: [{ command: 'mvn -B -Dstyle.color=always package', durationMs: 74_000, output: mavenPackage, failure: { exitCode: 1, output: mavenFail } }],
      POST_BUILD: [{ command: 'echo Build completed on `date`', durationMs: 300, output: echoDate('Build completed on') }],
    },
    artifactsBaseDir: 'target',
    artifactFiles: 1,
  };
}

function dockerRecipe(): BuildRecipe {
  return {
    kind: 'docker',
    image: 'aws/codebuild/standard:7.0',
    computeType: 'BUILD_GENERAL1_MEDIUM',
    runtimeVersions: { nodejs: '20' },
    version: '4.0.3',
    phases: {
      PRE_BUILD: [{ command: 'aws ecr get-login-password | docker login --username AWS --password-stdin $ECR_REGISTRY', durationMs: 3_000, output: () => ['Login Succeeded'] }],
      BUILD: [{ command: 'docker build -t $ECR_REPOSITORY:latest . && docker push $ECR_REPOSITORY:latest', durationMs: 48_000, output: dockerBuildPush, failure: { exitCode: 1, output: dockerFail } }],
      POST_BUILD: [{ command: 'printf \'[{"name":"app","imageUri":"%s"}]\' $ECR_REPOSITORY:latest > imagedefinitions.json', durationMs: 300, output: none }],
    },
    artifactsBaseDir: '.',
    artifactFiles: 1,
  };
}

/** The sample workspace's orders API: pytest with JUnit and Cobertura reports (failures point into app/). */
export function ordersApiRecipe(): BuildRecipe {
  return {
    ...pythonRecipe(),
    kind: 'python-orders-api',
    version: '2.3.0',
    phases: {
      INSTALL: [{ command: 'pip install -r requirements.txt -r requirements-dev.txt', durationMs: 26_000, output: pipInstall }],
      BUILD: [{
        command: 'python -m pytest --junitxml=reports/junit.xml --cov=app --cov-report=xml:reports/coverage.xml --tb=native',
        durationMs: 18_000, output: pytestRun(ORDERS_API_TESTS, false), failure: { exitCode: 1, output: pytestRun(ORDERS_API_TESTS, true) },
      }],
    },
    artifactsBaseDir: '.',
    artifactFiles: 0,
    reports: [
      { name: 'pytest_reports', type: 'TEST', fileFormat: 'JUNITXML', file: 'reports/junit.xml', cases: ORDERS_API_TESTS },
      { name: 'coverage', type: 'CODE_COVERAGE', fileFormat: 'COBERTURAXML', file: 'reports/coverage.xml', coverage: ORDERS_API_COVERAGE },
    ],
  };
}

/** What a batch's DOWNLOAD_SOURCE build does: fetch the source and read the batchspec, no commands. */
export function downloadSourceRecipe(base: BuildRecipe): BuildRecipe {
  return { ...base, kind: 'batch-download-source', phases: {}, artifactFiles: 0 };
}

/** Picks a recipe from the project name (demo projects are named after what they build). */
export function recipeFor(projectName: string): BuildRecipe {
  const n = projectName.toLowerCase();
  if (/payment|api|auth/.test(n)) return nodeRecipe('payments');
  if (/etl|data|ml|python|model/.test(n)) return pythonRecipe();
  if (/order|billing|java|inventory/.test(n)) return mavenRecipe();
  if (/docker|image|container|mobile/.test(n)) return dockerRecipe();
  return nodeRecipe('web');
}

/** The buildspec.yml the recipe corresponds to (BatchGetBuilds `source.buildspec`). */
export function buildspecYaml(recipe: BuildRecipe): string {
  const lines = ['version: 0.2', '', 'phases:'];
  for (const phase of BUILDSPEC_PHASES) {
    const commands = recipe.phases[phase];
    if (!commands?.length && phase !== 'INSTALL') continue;
    lines.push(`  ${phase.toLowerCase()}:`);
    if (phase === 'INSTALL') {
      lines.push('    runtime-versions:');
      for (const [k, v] of Object.entries(recipe.runtimeVersions)) lines.push(`      ${k}: ${v}`);
    }
    if (commands?.length) {
      lines.push('    commands:');
      for (const c of commands) lines.push(`      - ${c.command.includes(':') || c.command.includes('`') ? JSON.stringify(c.command) : c.command}`);
    }
  }
  if (recipe.reports?.length) {
    lines.push('', 'reports:');
    for (const r of recipe.reports) {
      lines.push(`  ${r.name}:`, '    files:', `      - ${r.file}`, `    file-format: ${r.fileFormat}`);
    }
  }
  lines.push('', 'artifacts:', `  base-directory: ${recipe.artifactsBaseDir}`, '  files:', "    - '**/*'", '');
  return lines.join('\n');
}
