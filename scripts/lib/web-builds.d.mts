import type { BuildOptions, Plugin } from 'esbuild';
export const refuseNodeBuiltins: Plugin;
export function webBuilds(common: BuildOptions): BuildOptions[];
