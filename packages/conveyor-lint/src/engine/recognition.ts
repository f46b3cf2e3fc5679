import type { MapNode } from '../syntax/tree';
import { closestMatch } from '../text/edit-distance';
import type { RawDiagnostic } from './raw';

/** Keys only a buildspec has (`env` is shared with too many other formats to count). */
const BUILDSPEC_KEYS = ['version', 'phases', 'batch', 'artifacts', 'reports', 'cache', 'proxy', 'run-as', 'environment_variables', 'eb_codebuild_settings'];
const APPSPEC_KEYS = ['version', 'os', 'files', 'permissions', 'hooks', 'Hooks', 'Resources', 'resources', 'file_exists_behavior'];

/** Other tools' files, by their telling top-level keys, for a message that names what the file is. */
const OTHER_TOOLS: { name: string; keys: string[] }[] = [
  { name: 'a GitHub Actions workflow', keys: ['jobs', 'on'] },
  { name: 'a CloudFormation or SAM template', keys: ['AWSTemplateFormatVersion'] },
  { name: 'a CloudFormation or SAM template', keys: ['Transform', 'Resources'] },
  { name: 'a Kubernetes manifest', keys: ['apiVersion', 'kind'] },
  { name: 'a Docker Compose file', keys: ['services'] },
  { name: 'a GitLab CI configuration', keys: ['stages'] },
  { name: 'a Bitbucket Pipelines configuration', keys: ['pipelines'] },
  { name: 'an Azure Pipelines definition', keys: ['trigger', 'pool'] },
  { name: 'a CircleCI configuration', keys: ['workflows'] },
  { name: 'a CircleCI configuration', keys: ['orbs'] },
  { name: 'an AWS Amplify build specification', keys: ['frontend'] },
  { name: 'an AWS Amplify build specification', keys: ['backend'] },
  { name: 'an OpenAPI definition', keys: ['openapi'] },
  { name: 'an OpenAPI definition', keys: ['swagger'] },
  { name: 'a Serverless Framework service', keys: ['service', 'provider'] },
  { name: 'a Travis CI configuration', keys: ['language'] },
];

const KNOWN_VERSIONS: Record<'buildspec' | 'appspec', readonly unknown[]> = {
  buildspec: [0.1, 0.2, '0.1', '0.2'],
  appspec: [0, '0', '0.0', 1, '1', '1.0'],
};

function isOwnKey(key: string, own: readonly string[]): boolean {
  // A misspelled key of ours (versoin, phase) still says the file is ours: it gets errors, not a pass.
  return own.includes(key) || closestMatch(key, own) !== undefined;
}

/**
 * A document named like a buildspec or appspec whose keys are clearly another tool's: none of ours (a
 * `version` counts only with a value this format uses, an appspec's `Resources` only as a list). One
 * information message says it was not validated, instead of an error per key.
 */
export function foreignDocument(root: MapNode, kind: 'buildspec' | 'appspec'): RawDiagnostic | undefined {
  const own = kind === 'buildspec' ? BUILDSPEC_KEYS : APPSPEC_KEYS;
  const first = root.pairs[0];
  if (!first) return undefined;
  for (const pair of root.pairs) {
    const key = pair.keyText;
    if (key === undefined || !isOwnKey(key, own)) continue;
    if (key === 'version') {
      const v = pair.value.kind === 'scalar' ? pair.value.value : undefined;
      if (KNOWN_VERSIONS[kind].includes(v)) return undefined;
      continue;
    }
    if ((key === 'Resources' || key === 'resources') && pair.value.kind !== 'seq') continue;
    return undefined;
  }
  const keys = root.pairs.map((p) => p.keyText).filter((k): k is string => k !== undefined);
  if (keys.length === 0) return undefined;
  const present = new Set(keys);
  const tool = OTHER_TOOLS.find((t) => t.keys.every((k) => present.has(k)))?.name;
  const shown = keys.slice(0, 5).map((k) => `'${k}'`).join(', ') + (keys.length > 5 ? ', ...' : '');
  const what = kind === 'buildspec' ? 'a CodeBuild buildspec (version: 0.2, phases, ...)' : 'a CodeDeploy AppSpec file (version: 0.0, os, hooks, Resources, ...)';
  return {
    start: first.key.start, end: first.key.end, severity: 'information', rule: 'file/other-tool',
    message: `Not validated: this file is named like ${kind === 'buildspec' ? 'a buildspec' : 'an appspec'}, but none of its top-level keys (${shown}) belongs to ${what}${tool ? `; it looks like ${tool}` : ''}. ${kind === 'buildspec' ? 'CodeBuild' : 'CodeDeploy'} would reject it if it ever read it.`,
  };
}

/** A `.json` file whose content is YAML: one error instead of a JSON syntax error per line. */
export function yamlInJsonFile(text: string, path: string | undefined): RawDiagnostic | undefined {
  if (!path || !/\.json$/i.test(path)) return undefined;
  const m = /^(?:\uFEFF)?\s*/.exec(text);
  const start = m ? m[0].length : 0;
  if (start >= text.length || text[start] === '{' || text[start] === '[') return undefined;
  // Only when it reads as YAML mappings: `key: value` at the start of a line.
  if (!/^[\w"'-][^\n:]*:(\s|$)/m.test(text)) return undefined;
  const nl = text.indexOf('\n', start);
  const end = nl === -1 ? text.length : nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
  const name = path.split(/[\\/]/).pop() ?? path;
  return {
    start, end, severity: 'error', rule: 'file/yaml-in-json',
    message: `${name} holds YAML, not JSON: a JSON parser, as used for .json files, rejects it at line 1. Rename it to ${name.replace(/\.json$/i, '.yml')} (AWS reads YAML too), or write it as JSON. Its content was validated as YAML.`,
  };
}
