// The Profiler's view and editor ids (package.json contributes the same).
export const VIEW_ID = 'conveyor.profiler';
export const FLAME_VIEW_TYPE = 'conveyor.profiler.flameGraph';
export const FLAME_EDITOR_FOLDED = 'conveyor.profiler.foldedEditor';
export const FLAME_EDITOR_JSON = 'conveyor.profiler.profileEditor';
