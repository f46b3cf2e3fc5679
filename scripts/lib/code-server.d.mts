import type { BrowserContext } from 'playwright-core';
import type { ChildProcess } from 'node:child_process';

export interface Host { codeServer: string; vscode: string; node: string; bin: string; nodeBin: string }
export interface CodeServer { url: string; port: number; proc: ChildProcess; root: string; userData: string; extensions: string; stop(): Promise<void> }
export function freePort(): Promise<number>;
export function startCodeServer(options: { host: Host; workspace?: string; env?: Record<string, string>; settings?: Record<string, unknown>;
  dataDir?: string; logFile?: string; smokeDriver?: boolean; installExtension?: string }): Promise<CodeServer>;
export function launchBrowser(options?: { viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; close(): Promise<void> }>;
export function workbenchUrl(server: CodeServer, options: { folder?: string; extensionDevelopmentPath?: string; extensionTestsPath?: string; env?: Record<string, string> }): string;
export const CHROMIUM_ARGS: string[];
