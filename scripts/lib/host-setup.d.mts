import type { Host } from './code-server.mjs';
export const CACHE_DIR: string;
export const CHROMIUM: string;
export const HOSTS: Record<'oldest' | 'newest', Omit<Host, 'bin' | 'nodeBin'>>;
export function ensureAll(hostNames?: string[]): Record<string, Host>;
export function ensureSystemPackages(): void;
