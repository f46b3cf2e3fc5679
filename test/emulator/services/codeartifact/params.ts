import { asText } from '../../core/validate';
import { invalid } from './errors';

/** Reads one input member: query parameters for most operations, the JSON body for ListDomains. */
export type Source = (key: string) => string | undefined;

export function querySource(query: URLSearchParams): Source {
  return (key) => query.get(key) ?? undefined;
}

export function bodySource(body: Buffer): Source {
  let parsed: unknown = {};
  if (body.length > 0) {
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw invalid('Could not parse request body into json', 'CANNOT_PARSE');
    }
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  return (key) => {
    const value = record[key];
    return value === undefined || value === null ? undefined : asText(value);
  };
}

export interface TextRule {
  /** The wire key (query name or body member). */
  key: string;
  /** The Smithy member name, used in messages as AWS does. */
  member: string;
  min?: number;
  max?: number;
  pattern?: RegExp;
}

function violation(value: string | null, member: string, constraint: string): never {
  const shown = value === null ? 'null' : `'${value}'`;
  throw invalid(`1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
}

export function optionalText(read: Source, rule: TextRule): string | undefined {
  const value = read(rule.key);
  if (value === undefined) return undefined;
  if (rule.min !== undefined && value.length < rule.min) violation(value, rule.member, `Member must have length greater than or equal to ${rule.min}`);
  if (rule.max !== undefined && value.length > rule.max) violation(value, rule.member, `Member must have length less than or equal to ${rule.max}`);
  if (rule.pattern && !rule.pattern.test(value)) violation(value, rule.member, `Member must satisfy regular expression pattern: ${rule.pattern.source}`);
  return value;
}

export function requiredText(read: Source, rule: TextRule): string {
  const value = optionalText(read, rule);
  if (value === undefined) violation(null, rule.member, 'Member must not be null');
  return value;
}

export function optionalInteger(read: Source, key: string, member: string, min: number, max: number): number | undefined {
  const raw = read(key);
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw)) throw invalid(`Value '${raw}' at '${member}' is not a valid integer`, 'CANNOT_PARSE');
  const value = Number(raw);
  if (value < min) violation(raw, member, `Member must have value greater than or equal to ${min}`);
  if (value > max) violation(raw, member, `Member must have value less than or equal to ${max}`);
  return value;
}

export function optionalEnum<T extends string>(read: Source, key: string, member: string, values: readonly T[]): T | undefined {
  const raw = read(key);
  if (raw === undefined) return undefined;
  const found = values.find((v) => v === raw);
  if (found === undefined) violation(raw, member, `Member must satisfy enum value set: [${values.join(', ')}]`);
  return found;
}

export function requiredEnum<T extends string>(read: Source, key: string, member: string, values: readonly T[]): T {
  const value = optionalEnum(read, key, member, values);
  if (value === undefined) violation(null, member, 'Member must not be null');
  return value;
}

const ACCOUNT = /^[0-9]{12}$/;
const NAME = /^[^#/\s]+$/;

export const rules = {
  domain: { key: 'domain', member: 'domain', min: 2, max: 50, pattern: /^[a-z][a-z0-9-]{0,48}[a-z0-9]$/ },
  domainOwner: { key: 'domain-owner', member: 'domainOwner', min: 12, max: 12, pattern: ACCOUNT },
  administratorAccount: { key: 'administrator-account', member: 'administratorAccount', min: 12, max: 12, pattern: ACCOUNT },
  repository: { key: 'repository', member: 'repository', min: 2, max: 100, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$/ },
  repositoryPrefix: { key: 'repository-prefix', member: 'repositoryPrefix', min: 2, max: 100, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$/ },
  namespace: { key: 'namespace', member: 'namespace', min: 1, max: 255, pattern: NAME },
  package: { key: 'package', member: 'package', min: 1, max: 255, pattern: NAME },
  packagePrefix: { key: 'package-prefix', member: 'packagePrefix', min: 1, max: 255, pattern: NAME },
  version: { key: 'version', member: 'packageVersion', min: 1, max: 255, pattern: NAME },
  nextToken: { key: 'next-token', member: 'nextToken', min: 1, max: 2000, pattern: /^\S+$/ },
} satisfies Record<string, TextRule>;

export const PACKAGE_FORMATS = ['npm', 'pypi', 'maven', 'nuget', 'generic', 'ruby', 'swift', 'cargo'] as const;
export const VERSION_STATUSES = ['Published', 'Unfinished', 'Unlisted', 'Archived', 'Disposed', 'Deleted'] as const;
