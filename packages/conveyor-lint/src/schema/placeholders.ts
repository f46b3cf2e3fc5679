/**
 * Template placeholders that tools substitute before AWS reads the file: `${VAR}`, `$VAR`, `{{ var }}`,
 * `<TASK_DEFINITION>`, `#{var}`, `%VAR%`, `__VAR__`. Values like these are not judged against enums or
 * formats: they are correct once rendered.
 */
const PLACEHOLDER = /\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[^}]*\}\}|<[A-Za-z0-9_.:\- ]+>|#\{[^}]*\}|%[A-Za-z_][A-Za-z0-9_]*%|__[A-Z0-9_]+__/;

export function looksLikePlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER.test(value);
}
