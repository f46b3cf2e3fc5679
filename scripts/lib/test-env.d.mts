export const ROOT: string;
export interface TestEnvironment {
  root: string; home: string; workspace: string; env: Record<string, string>; settings: Record<string, unknown>;
  emulatorUrl?: string; headCommit: string; cleanup(): Promise<void>;
}
export function createTestEnvironment(options?: { emulator?: boolean; seed?: string; logDir?: string; awsFiles?: boolean }): Promise<TestEnvironment>;
export function startEmulator(options?: { seed?: string; latencyMs?: number; extraArgs?: string[]; logFile?: string; headCommit?: string }): Promise<{ url: string; stop(): Promise<void> } | undefined>;
export function emulatorAccounts(): Record<'main' | 'prod' | 'expired', { accountId: string; accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
export function withoutUserConfigVariables(env: NodeJS.ProcessEnv): Record<string, string>;
export function isolateFromUserConfig(): void;
