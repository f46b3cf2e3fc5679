export function userConfigFiles(env?: NodeJS.ProcessEnv, home?: string): string[];
export function snapshotUserConfig(files?: string[]): Map<string, string>;
export function changedUserConfig(before: Map<string, string>): string[];
