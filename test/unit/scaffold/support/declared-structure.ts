// Reads the pipeline a generated project *declares* back out of its source text, for TypeScript and
// Python alike, so the two languages can be compared with each other, with the answers, and (for
// TypeScript) with the template `cdk synth` produced. Deliberately independent of the generator's
// own plan: it parses what was written, with patterns for both languages' spellings.

export interface DeclaredStage { name: string; account: string; region: string }

export interface DeclaredStructure {
  source: { kind: 'codecommit' | 'connection' | 's3'; args: string[] };
  pipeline: Record<'pipelineName' | 'pipelineType' | 'selfMutation' | 'crossAccountKeys' | 'enableKeyRotation' | 'dockerEnabledForSynth', string>;
  synthCommands: string[];
  unitTests?: { wave: string; step: string; reportGroup: string };
  /** In pipeline order: stand-alone stages and waves with their approval step ids. */
  deployments: Array<{ kind: 'stage' | 'wave'; name: string; approval?: string; stages: DeclaredStage[] }>;
  cdkNag: boolean;
  pipelineEnv: { account: string; region: string };
  stackId: string;
}

const STR = `(?:'((?:[^'\\\\]|\\\\.)*)'|"((?:[^"\\\\]|\\\\.)*)")`;

function unquote(m: RegExpExecArray, first: number): string {
  const raw = m[first] ?? m[first + 1] ?? '';
  return raw.replace(/\\(.)/g, '$1');
}

function strings(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(STR, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(unquote(m, 1));
  return out;
}

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`declared structure: ${what} not found`);
  return value;
}

/** `camelCase` and `snake_case` spellings of a property, as a regex alternative. */
function prop(name: string): string {
  const snake = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return `(?:${name}|${snake})\\s*[:=]`;
}

function option(text: string, name: string): string {
  const m = new RegExp(`${prop(name)}\\s*([^,\\n]+)`).exec(text);
  const v = must(m?.[1], name).trim();
  return v === 'True' ? 'true' : v === 'False' ? 'false' : v.replace(/^codepipeline\.PipelineType\./, '').replace(/^['"]|['"]$/g, '');
}

function envOf(text: string): DeclaredStage['account'][] {
  // `env: { account: 'x', region: 'y' }` or `env=cdk.Environment(account="x", region="y")`
  const m = new RegExp(`account\\s*[:=]\\s*${STR}\\s*,\\s*region\\s*[:=]\\s*${STR}`).exec(text);
  return [unquote(must(m, 'env account'), 1), unquote(m as RegExpExecArray, 3)];
}

function argsAfter(text: string, pattern: RegExp, what: string): string {
  const m = must(pattern.exec(text), what);
  return balancedArgs(text, m.index + m[0].length);
}

function withoutComments(text: string): string {
  return text.split('\n').filter((line) => !/^\s*(\/\/|#)/.test(line)).join('\n');
}

export function declaredStructure(pipelineStackSource: string, appSource: string, appStageSource: string): DeclaredStructure {
  const pipelineStack = withoutComments(pipelineStackSource);
  const app = withoutComments(appSource);
  const appStage = withoutComments(appStageSource);
  const sourceKind = must(/CodePipelineSource\.(codeCommit|code_commit|connection|s3)\(/.exec(pipelineStack), 'source')[1];
  const kind = sourceKind === 'connection' ? 'connection' : sourceKind === 's3' ? 's3' : 'codecommit';
  const sourceArgs = argsAfter(pipelineStack, /CodePipelineSource\.\w+\(/, 'source');
  const pipelineCall = argsAfter(pipelineStack, /pipelines\.CodePipeline\(/, 'CodePipeline');
  const synth = argsAfter(pipelineStack, /ShellStep\(/, 'synth');
  const commandList = must(/(?:^|[^_A-Za-z])commands\s*[:=]\s*(\[[\s\S]*?\])/.exec(synth), 'synth commands')[1] ?? '';
  const synthCommands = strings(commandList);

  const deployments: DeclaredStructure['deployments'] = [];
  const waveVars = new Map<string, DeclaredStructure['deployments'][number]>();
  let unitTests: DeclaredStructure['unitTests'];
  // Calls that add stages or waves, in source order, with their balanced argument lists.
  const call = /(?:(\w+)\s*=\s*)?\b(\w+)\.(addStage|add_stage|addWave|add_wave)\(/g;
  for (let m = call.exec(pipelineStack); m; m = call.exec(pipelineStack)) {
    const [, assigned, target = '', method = ''] = m;
    const args = balancedArgs(pipelineStack, m.index + m[0].length);
    const approval = /ManualApprovalStep\(\s*['"]([^'"]+)['"]/.exec(args)?.[1];
    if (method === 'addWave' || method === 'add_wave') {
      const name = must(strings(args)[0], 'wave name');
      const codeBuild = /CodeBuildStep\(\s*['"]([^'"]+)['"]/.exec(args);
      if (codeBuild) {
        const reportGroup = must(/reports['"]?\s*:\s*\{\s*['"]?([A-Za-z0-9_-]+)['"]?\s*:/.exec(args)?.[1], 'report group');
        unitTests = { wave: name, step: codeBuild[1] ?? '', reportGroup };
        continue;
      }
      const wave = { kind: 'wave' as const, name, ...(approval ? { approval } : {}), stages: [] as DeclaredStage[] };
      deployments.push(wave);
      if (assigned) waveVars.set(assigned, wave);
    } else {
      const stageName = must(/AppStage\(\s*(?:this|self)\s*,\s*['"]([^'"]+)['"]/.exec(args)?.[1], 'stage name');
      const [account = '', region = ''] = envOf(args);
      const stage = { name: stageName, account, region };
      if (target !== 'pipeline') must(waveVars.get(target), `wave variable ${target}`).stages.push(stage);
      else deployments.push({ kind: 'stage', name: stageName, ...(approval ? { approval } : {}), stages: [stage] });
    }
  }

  const stackArgs = argsAfter(app, /PipelineStack\(/, 'pipeline stack in app');
  const [account = '', region = ''] = envOf(stackArgs);
  return {
    source: { kind, args: strings(sourceArgs).filter((s) => !['Repository', 'SourceBucket'].includes(s)) },
    pipeline: {
      pipelineName: option(pipelineCall, 'pipelineName'),
      pipelineType: option(pipelineCall, 'pipelineType'),
      selfMutation: option(pipelineCall, 'selfMutation'),
      crossAccountKeys: option(pipelineCall, 'crossAccountKeys'),
      enableKeyRotation: new RegExp(prop('enableKeyRotation')).test(pipelineCall) ? option(pipelineCall, 'enableKeyRotation') : 'false',
      dockerEnabledForSynth: option(pipelineCall, 'dockerEnabledForSynth'),
    },
    synthCommands,
    ...(unitTests ? { unitTests } : {}),
    deployments,
    cdkNag: /AwsSolutionsChecks/.test(app) && /AwsSolutionsChecks/.test(appStage) && /NagSuppressions/.test(pipelineStack),
    pipelineEnv: { account, region },
    stackId: must(/^\s*app\s*,\s*['"]([^'"]+)['"]/.exec(stackArgs)?.[1], 'stack id'),
  };
}

/** The text between an opening parenthesis (just before `start`) and its match, skipping strings. */
function balancedArgs(text: string, start: number): string {
  let depth = 1;
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(start, i);
  }
  throw new Error('declared structure: unbalanced parentheses');
}

/** The declared structure of a generated project's files (either language). */
export function declaredStructureOf(files: Record<string, string>): DeclaredStructure {
  const find = (suffix: string): string => {
    const key = Object.keys(files).find((k) => k.endsWith(suffix));
    return must(key ? files[key] : undefined, suffix);
  };
  const python = 'app.py' in files;
  return python
    ? declaredStructure(find('/pipeline_stack.py'), find('app.py'), find('/app_stage.py'))
    : declaredStructure(find('lib/pipeline-stack.ts'), find('bin/app.ts'), find('lib/app-stage.ts'));
}
