// The Profiler's view and editor ids (package.json contributes the same).
export const VIEW_ID = 'conveyor.profiler';
export const FLAME_VIEW_TYPE = 'conveyor.profiler.flameGraph';
export const FLAME_EDITOR_FOLDED = 'conveyor.profiler.foldedEditor';
export const FLAME_EDITOR_JSON = 'conveyor.profiler.profileEditor';

/** What the web build's profiler provides (web-profiler.ts), known before its bundle loads. */
export const WEB_PROFILER_EDITORS: readonly string[] = [FLAME_EDITOR_FOLDED, FLAME_EDITOR_JSON];
export const WEB_PROFILER_COMMANDS: readonly string[] = ['conveyor.profiler.openProfileFile'];
