import type { ViewId } from '../model/counters';

/**
 * A flame graph's tree as it crosses to the webview: typed arrays (transferred, not JSON-encoded,
 * by VS Code ≥ 1.57). Subtree ends and depths are recomputed on arrival from `parent`.
 */
export interface WireTree {
  names: string[];
  nameId: Int32Array;
  parent: Int32Array;
  self: Float64Array;
  total: Float64Array;
  selfSeconds?: Float64Array;
  totalSeconds?: Float64Array;
  /** Differential graphs: the base (earlier) profile's values on the same nodes. */
  baseSelf?: Float64Array;
  baseTotal?: Float64Array;
}

export interface FlameData {
  title: string;
  subtitle: string;
  view: ViewId;
  views: { id: ViewId; label: string }[];
  tree: WireTree;
  /** Set for differential graphs: what the colours compare against. */
  baseLabel?: string;
  warnings: string[];
  /** Frames to search for right away (e.g. a recommendation's target frame). */
  search?: string;
  /** Zoom to the widest frame with this name right away (CodeLens "Show in flame graph"). */
  reveal?: string;
  /** The counter's unit when the profile names one (`nanoseconds`, `bytes`…): the table's amounts use it. */
  unit?: string;
}

/** Extension → webview. */
export type HostMessage =
  | { type: 'load'; data: FlameData }
  | { type: 'loading'; message: string }
  | { type: 'error'; message: string }
  /** Frames that resolve to workspace files: per name id 1/0, and a short "file:line" label for some. */
  | { type: 'sources'; mine: Uint8Array; labels: Record<number, string> }
  | { type: 'reveal'; name: string }
  | { type: 'search'; query: string };

export interface RenderStats {
  /** Rectangles and labels drawn in the last frame. */
  rects: number;
  labels: number;
  /** Milliseconds the last frame took to draw. */
  ms: number;
  nodes: number;
  zoomedTo: string | null;
  /** The flame graph or the hot-functions table. */
  mode: 'flame' | 'table';
  /** The table's state, once it was shown. */
  table?: HotTableStats;
  search: string;
  /** Share of samples matching the search, 0..1. */
  matched: number;
  diff: boolean;
  mine: number;
  /** Elements that must never appear (frame names are drawn on canvas, never parsed as HTML). */
  injected: { img: number; script: number; svg: number; iframe: number };
}

export interface HotTableStats {
  /** Rows listed (functions, plus the callers of expanded rows) and functions in scope before the search. */
  rows: number;
  functions: number;
  /** "self descending", "name ascending"… */
  sort: string;
  first: string | null;
  active: string | null;
  expanded: number;
  /** The zoomed frame the table is limited to; null for the whole profile. */
  scope: string | null;
  /** Milliseconds the last build or sort of the table took. */
  buildMs: number;
}

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  /** `node`: the top-down frame to open at, or -1 to open the function by name. */
  | { type: 'openSource'; name: string; nameId: number; node: number }
  | { type: 'changeView'; view: ViewId }
  | { type: 'rendered'; stats: RenderStats }
  | { type: 'cspViolation'; directive: string; blockedURI: string }
  | { type: 'log'; message: string };

/** A message field as text: a string as it is, another value as JSON, none as ''. The webview sends strings. */
function textField(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === null || value === undefined ? '' : JSON.stringify(value) ?? '';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Validates a message from the webview (its content is as untrusted as the profile it shows). */
export function parseWebviewMessage(v: unknown): WebviewMessage | undefined {
  if (!isObject(v) || typeof v.type !== 'string') return undefined;
  switch (v.type) {
    case 'ready': return { type: 'ready' };
    case 'openSource':
      if (typeof v.name === 'string' && typeof v.nameId === 'number' && typeof v.node === 'number') {
        return { type: 'openSource', name: v.name, nameId: v.nameId, node: Number.isInteger(v.node) ? v.node : -1 };
      }
      return undefined;
    case 'changeView':
      return typeof v.view === 'string' && /^(cpu|latency|wall|counter:.+)$/.test(v.view) ? { type: 'changeView', view: v.view as ViewId } : undefined;
    case 'rendered':
      return isObject(v.stats) ? { type: 'rendered', stats: v.stats as unknown as RenderStats } : undefined;
    case 'cspViolation':
      return { type: 'cspViolation', directive: textField(v.directive), blockedURI: textField(v.blockedURI) };
    case 'log':
      return { type: 'log', message: textField(v.message).slice(0, 2000) };
    default:
      return undefined;
  }
}
