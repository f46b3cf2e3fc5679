import { inferPlatform } from '../appspec/platform';
import { parseText, type ParseResult } from '../syntax/parse';
import type { SchemaTarget } from '../schema/schemas';
import type { AppSpecPlatform } from '../types';
import { formatOf } from '../validate';

export interface DocumentModel {
  text: string;
  format: 'yaml' | 'json';
  parsed: ParseResult;
  /** Usable tree: parsed without syntax errors. */
  clean: boolean;
  kind: 'buildspec' | 'appspec';
  target: SchemaTarget;
  platform?: AppSpecPlatform;
}

const cache: { key: string; kind: string; model: DocumentModel }[] = [];

/**
 * The parsed document and the schema it is edited against. Completion, hover, symbols and folding all
 * ask for the same text in a burst, so the last few models are kept.
 */
export function documentModel(text: string, kind: 'buildspec' | 'appspec', path?: string): DocumentModel {
  const hit = cache.find((c) => c.kind === kind && c.key === text);
  if (hit) return hit.model;
  const format = formatOf(text, path);
  const parsed = parseText(text, { format });
  const clean = !parsed.aborted && !parsed.problems.some((p) => p.severity === 'error' && (p.rule === 'yaml/syntax' || p.rule === 'json/syntax'));
  let target: SchemaTarget;
  let platform: AppSpecPlatform | undefined;
  if (kind === 'buildspec') {
    target = /^\s*["']?version["']?\s*:\s*["']?0\.1\b/m.test(text) ? 'buildspec01' : 'buildspec02';
  } else {
    platform = clean && parsed.root ? inferPlatform(parsed.root) : inferPlatformFromText(text);
    target = platform;
  }
  const model: DocumentModel = { text, format, parsed, clean, kind, target, ...(platform ? { platform } : {}) };
  cache.unshift({ key: text, kind, model });
  if (cache.length > 4) cache.pop();
  return model;
}

function inferPlatformFromText(text: string): AppSpecPlatform {
  if (/AWS::Lambda::Function/i.test(text)) return 'lambda';
  if (/AWS::ECS::Service|TaskDefinition|LoadBalancerInfo/i.test(text)) return 'ecs';
  return 'ec2';
}
