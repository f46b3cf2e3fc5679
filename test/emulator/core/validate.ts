// Input validation with the Smithy constraint traits (@required, @length, @pattern, @range, enums),
// reported the way AWS front ends report them:
//   "1 validation error detected: Value '200' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"
// A member of the wrong JSON type is a SerializationException, as with the real services.
import { AwsServiceError } from './contract';

export type Rule =
  | { kind: 'string'; min?: number; max?: number; pattern?: RegExp; enum?: readonly string[] }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'long'; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'timestamp' }
  | { kind: 'list'; member: Rule; min?: number; max?: number }
  | { kind: 'map'; value: Rule; min?: number; max?: number }
  | { kind: 'structure'; members: Members };

export type Members = Record<string, Rule & { required?: boolean }>;

export const str = (c: { min?: number; max?: number; pattern?: RegExp } = {}): Rule => ({ kind: 'string', ...c });
export const enumOf = (values: readonly string[]): Rule => ({ kind: 'string', enum: values });
export const int = (c: { min?: number; max?: number } = {}): Rule => ({ kind: 'integer', ...c });
export const long = (c: { min?: number; max?: number } = {}): Rule => ({ kind: 'long', ...c });
export const bool = (): Rule => ({ kind: 'boolean' });
export const timestamp = (): Rule => ({ kind: 'timestamp' });
export const list = (member: Rule, c: { min?: number; max?: number } = {}): Rule => ({ kind: 'list', member, ...c });
export const map = (value: Rule, c: { min?: number; max?: number } = {}): Rule => ({ kind: 'map', value, ...c });
export const struct = (members: Members): Rule => ({ kind: 'structure', members });
export const required = <R extends Rule>(rule: R): R & { required: true } => ({ ...rule, required: true });

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return `'${value}'`;
  return `'${JSON.stringify(value)}'`;
}

function serialization(path: string, expected: string): AwsServiceError {
  return new AwsServiceError('SerializationException', `Cannot deserialize value at '${path}': expected ${expected}`);
}

function check(rule: Rule, value: unknown, path: string, errors: string[]): void {
  const fail = (constraint: string): void => {
    errors.push(`Value ${show(value)} at '${path}' failed to satisfy constraint: Member must ${constraint}`);
  };
  switch (rule.kind) {
    case 'string': {
      if (typeof value !== 'string') throw serialization(path, 'a string');
      if (rule.enum && !rule.enum.includes(value)) fail(`satisfy enum value set: [${rule.enum.join(', ')}]`);
      if (rule.min !== undefined && value.length < rule.min) fail(`have length greater than or equal to ${rule.min}`);
      if (rule.max !== undefined && value.length > rule.max) fail(`have length less than or equal to ${rule.max}`);
      if (rule.pattern && !rule.pattern.test(value)) fail(`satisfy regular expression pattern: ${rule.pattern.source.replace(/^\^|\$$/g, '')}`);
      return;
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw serialization(path, 'an integer');
      if (rule.min !== undefined && value < rule.min) fail(`have value greater than or equal to ${rule.min}`);
      if (rule.max !== undefined && value > rule.max) fail(`have value less than or equal to ${rule.max}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw serialization(path, 'a boolean');
      return;
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw serialization(path, 'a timestamp (epoch seconds)');
      return;
    case 'list': {
      if (!Array.isArray(value)) throw serialization(path, 'a list');
      if (rule.min !== undefined && value.length < rule.min) fail(`have length greater than or equal to ${rule.min}`);
      if (rule.max !== undefined && value.length > rule.max) fail(`have length less than or equal to ${rule.max}`);
      value.forEach((item: unknown, i) => {
        if (item === null || item === undefined) errors.push(`Value null at '${path}.${i + 1}.member' failed to satisfy constraint: Member must not be null`);
        else check(rule.member, item, `${path}.${i + 1}.member`, errors);
      });
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw serialization(path, 'a map');
      const entries = Object.entries(value as Record<string, unknown>);
      if (rule.min !== undefined && entries.length < rule.min) fail(`have length greater than or equal to ${rule.min}`);
      if (rule.max !== undefined && entries.length > rule.max) fail(`have length less than or equal to ${rule.max}`);
      for (const [k, v] of entries) check(rule.value, v, `${path}.${k}`, errors);
      return;
    }
    case 'structure':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw serialization(path, 'a structure');
      checkMembers(rule.members, value as Record<string, unknown>, `${path}.`, errors);
      return;
  }
}

function checkMembers(members: Members, input: Record<string, unknown>, prefix: string, errors: string[]): void {
  for (const [name, rule] of Object.entries(members)) {
    const value = input[name];
    if (value === undefined || value === null) {
      if (rule.required) errors.push(`Value null at '${prefix}${name}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    check(rule, value, `${prefix}${name}`, errors);
  }
}

/** Throws `errorType` (ValidationException, InvalidParameterException, ...) listing every violation. */
export function validateInput(members: Members, input: Record<string, unknown>, errorType = 'ValidationException'): void {
  const errors: string[] = [];
  checkMembers(members, input, '', errors);
  if (errors.length === 0) return;
  const head = errors.length === 1 ? '1 validation error detected: ' : `${errors.length} validation errors detected: `;
  throw new AwsServiceError(errorType, head + errors.join('; '));
}

/**
 * A parsed JSON or YAML value where the service reads a string: a string as it is, a number or boolean as its text,
 * nothing as '', and a list or mapping as its JSON text (a message can then show what was sent).
 */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return value === null || value === undefined ? '' : JSON.stringify(value) ?? '';
}
