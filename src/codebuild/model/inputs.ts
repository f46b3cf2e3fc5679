// Checks for what people type into the Start Build prompts, mirroring CodeBuild's constraints so
// mistakes are caught in the input box instead of coming back as an InvalidInputException.

export interface EnvironmentOverride {
  name: string;
  value: string;
  type: 'PLAINTEXT' | 'PARAMETER_STORE' | 'SECRETS_MANAGER';
}

/** A source version: a branch, tag, commit id or pull request ref; empty means the project's default. */
export function validateSourceVersion(text: string): string | undefined {
  const v = text.trim();
  if (!v) return undefined;
  if (v.length > 255) return `At most 255 characters (${v.length} now).`;
  if (/\s/.test(v)) return 'A branch, tag or commit has no spaces.';
  return undefined;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Environment variable overrides, one `NAME=value` a line or separated by commas outside quotes
 * (`parameter-store:NAME=/path` and `secrets-manager:NAME=id` choose the type). Names starting with
 * CODEBUILD_ are CodeBuild's own and refused, as the service refuses them.
 */
export function parseEnvironmentOverrides(text: string): { variables: EnvironmentOverride[]; error?: string } {
  const variables: EnvironmentOverride[] = [];
  const entries = text.split(/\r?\n|,(?=\s*(?:[A-Za-z_][A-Za-z0-9_]*|parameter-store:|secrets-manager:)[A-Za-z0-9_]*=)/).map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    let rest = entry;
    let type: EnvironmentOverride['type'] = 'PLAINTEXT';
    if (rest.startsWith('parameter-store:')) {
      type = 'PARAMETER_STORE';
      rest = rest.slice('parameter-store:'.length);
    } else if (rest.startsWith('secrets-manager:')) {
      type = 'SECRETS_MANAGER';
      rest = rest.slice('secrets-manager:'.length);
    }
    const eq = rest.indexOf('=');
    if (eq <= 0) return { variables, error: `“${entry}” is not NAME=value.` };
    const name = rest.slice(0, eq).trim();
    const value = rest.slice(eq + 1).trim().replace(/^"(.*)"$/s, '$1');
    if (!NAME.test(name)) return { variables, error: `“${name}” is not a valid variable name (letters, digits, _; not starting with a digit).` };
    if (/^CODEBUILD_/i.test(name)) return { variables, error: `${name}: names starting with CODEBUILD_ are reserved by CodeBuild.` };
    if (variables.some((v) => v.name === name)) return { variables, error: `${name} is given twice.` };
    variables.push({ name, value, type });
  }
  return { variables };
}

export function validateEnvironmentOverrides(text: string): string | undefined {
  return parseEnvironmentOverrides(text).error;
}
