import type { SpecKind } from '../types';
import { globToRegExp } from './glob';

export interface Association {
  /** A glob such as `**\/ci/*.yml` or `deploy-spec.yaml`; without a slash it matches the file name. */
  pattern: string;
  kind: 'buildspec' | 'appspec';
}

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/**
 * By file name alone: `buildspec*.yml|yaml`; `appspec.yml|yaml|json` and the variants projects keep per
 * environment or platform: `appspec-prod.yml`, `appspec_ecs.yaml`, `prod.appspec.yml`.
 */
export function kindFromFileName(fileName: string): SpecKind | undefined {
  const name = baseName(fileName).toLowerCase();
  if (/^buildspec.*\.ya?ml$/.test(name)) return 'buildspec';
  if (/^appspec(?:[-_.][^/]*)?\.(?:ya?ml|json)$/.test(name) || /^[^/]+\.appspec\.(?:ya?ml|json)$/.test(name)) return 'appspec';
  return undefined;
}

/** By the configured associations, matched against the workspace-relative path (or the name). */
export function kindFromAssociations(relativePath: string, associations: readonly Association[]): 'buildspec' | 'appspec' | undefined {
  const normalized = relativePath.replace(/\\/g, '/');
  const name = baseName(normalized);
  for (const a of associations) {
    const re = globToRegExp(a.pattern);
    if (re.test(normalized) || (!a.pattern.includes('/') && re.test(name))) return a.kind;
  }
  return undefined;
}

const TOP_KEY = /^(?:"([^"\n]+)"|'([^'\n]+)'|([A-Za-z_][\w-]*))[ \t]*:(?:[ \t]|$)/gm;

/** Top-level keys of a YAML document (lines at column 0) or a JSON object (first-level keys). */
function topLevelKeys(text: string, json: boolean): Set<string> {
  const keys = new Set<string>();
  if (json) {
    let depth = 0;
    let inString = false;
    let start = -1;
    for (let i = 0; i < text.length && i < 200_000; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') {
          inString = false;
          if (depth === 1 && /^\s*:/.test(text.slice(i + 1, i + 20))) keys.add(text.slice(start + 1, i));
        }
      } else if (c === '"') {
        inString = true;
        start = i;
      } else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
    }
    return keys;
  }
  for (const m of text.slice(0, 200_000).matchAll(TOP_KEY)) keys.add(m[1] ?? m[2] ?? m[3] ?? '');
  return keys;
}

/** ECS and Lambda resources: a list whose entries name the resource type or its telling properties. */
const SERVERLESS_RESOURCE = /AWS::(?:ECS::Service|Lambda::Function)|\b(?:TaskDefinition|LoadBalancerInfo|CurrentVersion|TargetVersion)\b/i;

/**
 * By content: a buildspec has version and phases; an appspec version with hooks/Resources/os/files, or
 * (ECS and Lambda appspecs, which are often written without one) a Resources list of an ECS service or a
 * Lambda function.
 */
export function kindFromContent(text: string): SpecKind | undefined {
  const json = /^\s*[{[]/.test(text);
  const keys = topLevelKeys(text, json);
  const has = (k: string): boolean => keys.has(k);
  if ((has('AWSTemplateFormatVersion') || has('Resources')) && /AWS::CodeBuild::Project/.test(text) && /BuildSpec/.test(text)) {
    const appspecResources = json ? /"Resources"\s*:\s*\[/.test(text) : /^Resources:\s*(#.*)?\n\s*-/m.test(text);
    if (!appspecResources) return 'cloudformation';
  }
  if (has('version') && (has('phases') || has('batch'))) return 'buildspec';
  const appspecSignals = ['hooks', 'Hooks', 'Resources', 'resources', 'os', 'files', 'permissions'].filter(has);
  if (has('version') && appspecSignals.length > 0 && !has('phases')) {
    if (has('Resources') && !resourcesList(text, json, 'Resources')) return undefined; // a template, not an appspec
    return 'appspec';
  }
  if (!has('phases') && (resourcesList(text, json, 'Resources') || resourcesList(text, json, 'resources')) && SERVERLESS_RESOURCE.test(text.slice(0, 200_000))) return 'appspec';
  return undefined;
}

function resourcesList(text: string, json: boolean, key: string): boolean {
  return json ? new RegExp(`"${key}"\\s*:\\s*\\[`).test(text) : new RegExp(`^${key}:\\s*(#.*)?\\r?\\n(\\s*#.*\\r?\\n)*\\s*-`, 'm').test(text);
}

export interface DetectOptions {
  /** Path used for name-based detection and associations (workspace-relative if possible). */
  path?: string;
  associations?: readonly Association[];
  /** Also look at the content (for files whose name says nothing). Default true. */
  byContent?: boolean;
}

export function detectKind(text: string, options: DetectOptions = {}): SpecKind | undefined {
  if (options.path) {
    const associated = kindFromAssociations(options.path, options.associations ?? []);
    if (associated) return associated;
    const byName = kindFromFileName(options.path);
    if (byName) return byName;
  }
  return options.byContent === false ? undefined : kindFromContent(text);
}
