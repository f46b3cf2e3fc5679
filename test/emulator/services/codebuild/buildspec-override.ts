// StartBuild's buildspecOverride: an inline buildspec is parsed and its commands are what the build
// runs (known commands print what they print in the project's recipe; `echo` prints its words);
// a path or S3 ARN only changes where the buildspec comes from. A buildspec CodeBuild cannot read
// fails the build in DOWNLOAD_SOURCE with YAML_FILE_ERROR, as the service does.
import { parse } from 'yaml';
import type { OutputContext } from './command-output';
import { BUILDSPEC_PHASES, type BuildCommand, type BuildRecipe, type BuildspecPhase } from './recipes';

export function isInlineBuildspec(buildspec: string): boolean {
  return buildspec.includes('\n') || /^\s*version\s*:/.test(buildspec);
}

function echoOutput(command: string): (ctx: OutputContext) => string[] {
  const m = /^echo\s+(.*)$/.exec(command.trim());
  if (!m) return () => [];
  const text = m[1]!.replace(/^(["'])(.*)\1$/, '$2');
  return () => [text];
}

function yamlError(base: BuildRecipe, message: string): BuildRecipe {
  return { ...base, kind: `${base.kind}+override`, phases: {}, downloadError: { statusCode: 'YAML_FILE_ERROR', message } };
}

/** The recipe a build with this inline buildspec runs, based on the project's recipe. */
export function recipeFromBuildspec(base: BuildRecipe, buildspec: string): BuildRecipe {
  let doc: unknown;
  try {
    doc = parse(buildspec);
  } catch (err) {
    return yamlError(base, `Invalid buildspec: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return yamlError(base, 'Invalid buildspec: the buildspec must be a YAML mapping');
  const root = doc as Record<string, unknown>;
  if (root.version !== 0.2 && root.version !== 0.1 && root.version !== '0.2' && root.version !== '0.1') {
    return yamlError(base, `invalid buildspec version: ${JSON.stringify(root.version ?? null)}; use 0.2`);
  }
  const known = new Map<string, BuildCommand>();
  for (const p of BUILDSPEC_PHASES) for (const c of base.phases[p] ?? []) known.set(c.command, c);
  const phases: Partial<Record<BuildspecPhase, BuildCommand[]>> = {};
  const declared = (root.phases ?? {}) as Record<string, unknown>;
  if (typeof declared !== 'object' || Array.isArray(declared)) return yamlError(base, 'Invalid buildspec: phases must be a mapping');
  for (const phase of BUILDSPEC_PHASES) {
    const body = declared[phase.toLowerCase()];
    if (body === undefined || body === null) continue;
    const commands = (body as { commands?: unknown }).commands;
    if (commands === undefined) continue;
    if (!Array.isArray(commands)) return yamlError(base, `Expected Commands of phase ${phase} to be of array type`);
    const list: BuildCommand[] = [];
    for (const [i, c] of commands.entries()) {
      if (typeof c !== 'string') return yamlError(base, `Expected Commands[${i}] to be of string type: found subkeys instead at line 1, value of the key tag on line 1 might be empty`);
      list.push(known.get(c) ?? { command: c, durationMs: 1_500, output: echoOutput(c) });
    }
    phases[phase] = list;
  }
  const artifacts = root.artifacts as { 'base-directory'?: unknown } | undefined;
  return {
    ...base,
    kind: `${base.kind}+override`,
    phases,
    ...(typeof artifacts?.['base-directory'] === 'string' ? { artifactsBaseDir: artifacts['base-directory'] } : {}),
    inlineBuildspec: buildspec,
  };
}
