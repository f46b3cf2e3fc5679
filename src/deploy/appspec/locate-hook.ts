// Finds a lifecycle event's hook in an appspec (YAML or JSON) and the script or function it ran, with
// zero-based positions, so a failed lifecycle event can be opened at its source. EC2/On-Premises
// appspecs map `hooks` to script lists (`location`, `timeout`, `runas`); ECS and Lambda appspecs list
// `Hooks` as event → validation function.
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument, type Scalar } from 'yaml';

export interface HookEntry {
  kind: 'script' | 'function';
  /** The script's `location`, or the function's name. */
  value: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  timeoutSeconds?: number;
  runas?: string;
}

export interface AppSpecHook {
  event: string;
  /** Position of the event's key (quotes included in JSON). */
  line: number;
  character: number;
  endCharacter: number;
  entries: HookEntry[];
}

export interface HookLocation {
  event: string;
  /** The event's key (quotes included in JSON). */
  line: number;
  character: number;
  endCharacter: number;
  /** The script or function the failure names (absent when it names none the hook declares). */
  entry?: HookEntry;
  /**
   * ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic run the scripts of the last revision
   * deployed successfully, not this one's (the CodeDeploy agent's rule), so this appspec's hook may
   * not be what ran.
   */
  fromPreviousRevision: boolean;
}

const PREVIOUS_REVISION_EVENTS: ReadonlySet<string> = new Set(['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic']);

type Position = Pick<HookEntry, 'line' | 'character' | 'endLine' | 'endCharacter'>;

function position(lines: LineCounter, node: Node): Position | undefined {
  if (!node.range) return undefined;
  const from = lines.linePos(node.range[0]);
  const to = lines.linePos(node.range[1]);
  return { line: from.line - 1, character: from.col - 1, endLine: to.line - 1, endCharacter: to.col - 1 };
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  // YAML's core schema gives a scalar one of these types (null has no text here).
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
    ? String(value) : undefined;
}

function scriptEntries(lines: LineCounter, list: unknown): HookEntry[] {
  if (!isSeq(list)) return [];
  return list.items.flatMap((item): HookEntry[] => {
    if (!isMap(item)) return [];
    const locationPair = item.items.find((p) => scalarText(p.key) === 'location');
    const location = scalarText(locationPair?.value);
    const at = locationPair && isScalar(locationPair.value) ? position(lines, locationPair.value) : undefined;
    if (location === undefined || !at) return [];
    const timeout = Number(scalarText(item.items.find((p) => scalarText(p.key) === 'timeout')?.value));
    const runas = scalarText(item.items.find((p) => scalarText(p.key) === 'runas')?.value);
    return [{ kind: 'script', value: location, ...at, ...(Number.isFinite(timeout) ? { timeoutSeconds: timeout } : {}), ...(runas ? { runas } : {}) }];
  });
}

/** Every hook the appspec declares, in file order; [] when it declares none or is not YAML/JSON. */
export function listAppSpecHooks(text: string): AppSpecHook[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false, logLevel: 'error' });
  if (!isMap(doc.contents)) return [];
  const hooksPair = doc.contents.items.find((p) => scalarText(p.key)?.toLowerCase() === 'hooks');
  const hooks = hooksPair?.value;
  const out: AppSpecHook[] = [];
  const add = (keyNode: unknown, entries: HookEntry[]): void => {
    const event = scalarText(keyNode);
    const at = isScalar(keyNode) ? position(lines, keyNode) : undefined;
    if (event && at) out.push({ event, line: at.line, character: at.character, endCharacter: at.endLine === at.line ? at.endCharacter : at.character + event.length, entries });
  };
  if (isMap(hooks)) {
    for (const pair of hooks.items) add(pair.key, scriptEntries(lines, pair.value));
  } else if (isSeq(hooks)) {
    for (const item of hooks.items) {
      if (!isMap(item)) continue;
      for (const pair of item.items) {
        if (!isPair(pair)) continue;
        const fn = scalarText(pair.value);
        const at = isScalar(pair.value) ? position(lines, pair.value as Scalar) : undefined;
        add(pair.key, fn !== undefined && at ? [{ kind: 'function', value: fn, ...at }] : []);
      }
    }
  }
  return out;
}

const normalize = (p: string): string => p.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
const basename = (p: string): string => normalize(p).split('/').pop() ?? p;

function matchEntry(entries: readonly HookEntry[], scriptName: string | undefined): HookEntry | undefined {
  if (!scriptName) return undefined;
  return entries.find((e) => e.value === scriptName)
    ?? entries.find((e) => normalize(e.value) === normalize(scriptName))
    ?? entries.find((e) => basename(e.value) === basename(scriptName));
}

/**
 * Where `event` is declared and the entry `scriptName` names (the failed lifecycle event's
 * diagnostics). Undefined when the appspec has no hook for the event.
 */
export function locateHook(text: string, event: string, scriptName?: string): HookLocation | undefined {
  const hook = listAppSpecHooks(text).find((h) => h.event === event);
  if (!hook) return undefined;
  const entry = matchEntry(hook.entries, scriptName);
  return {
    event, line: hook.line, character: hook.character, endCharacter: hook.endCharacter,
    ...(entry ? { entry } : {}), fromPreviousRevision: PREVIOUS_REVISION_EVENTS.has(event),
  };
}
