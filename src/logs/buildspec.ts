// Maps a command from a CodeBuild log back to its line in buildspec.yml ("go to the failing command").
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface BuildspecCommand {
  /** Buildspec phase key: install, pre_build, build, post_build. */
  phase: string;
  block: 'commands' | 'finally';
  text: string;
  /** Zero-based position of the command's value. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  /** Position among the phase's `commands` (then `finally`) entries. */
  index: number;
}

/** Every command in a buildspec, in file order; [] when the YAML has no phases. */
export function listBuildspecCommands(text: string): BuildspecCommand[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const phases = doc.get('phases', true);
  if (!isMap(phases)) return [];
  const out: BuildspecCommand[] = [];
  for (const pair of phases.items) {
    const phase = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!phase || !isMap(pair.value)) continue;
    let index = 0;
    for (const block of ['commands', 'finally'] as const) {
      const seq = pair.value.get(block, true);
      if (!isSeq(seq)) continue;
      for (const item of seq.items) {
        const node = item as Node | null;
        if (!isScalar(node) || !node.range) continue;
        const [start, valueEnd] = node.range;
        const from = lineCounter.linePos(start);
        const to = lineCounter.linePos(valueEnd);
        out.push({
          phase, block, text: scalarText(node.value), index: index++,
          line: from.line - 1, character: from.col - 1, endLine: to.line - 1, endCharacter: to.col - 1,
        });
      }
    }
  }
  return out;
}

/** A scalar's text; YAML's core schema gives one of these types (null, an empty command, has none). */
function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
    ? String(value) : '';
}

function normalize(command: string): string {
  return command.replace(/\s+/g, ' ').trim();
}

function firstLineOf(command: string): string {
  return normalize(command.split(/\r?\n/).find((l) => l.trim()) ?? '');
}

/**
 * The buildspec entry a logged command came from. The log's phase (BUILD, PRE_BUILD…) and the
 * command's position in it break ties between identical commands in different places.
 */
export function locateCommand(buildspec: string, command: string, phase?: string, index?: number): BuildspecCommand | undefined {
  const all = listBuildspecCommands(buildspec);
  const wanted = normalize(command);
  const wantedFirst = firstLineOf(command);
  const phaseKey = phase?.toLowerCase();
  const score = (c: BuildspecCommand): number => {
    const text = normalize(c.text);
    let s: number;
    if (text === wanted) s = 100;
    else if (firstLineOf(c.text) === wantedFirst && wantedFirst) s = 80;
    else if (wanted.length >= 8 && (text.startsWith(wanted) || wanted.startsWith(text)) && text.length >= 8) s = 50;
    else return 0;
    if (phaseKey && c.phase.toLowerCase() === phaseKey) s += 10;
    if (index !== undefined && c.index === index && phaseKey && c.phase.toLowerCase() === phaseKey) s += 5;
    return s;
  };
  let best: BuildspecCommand | undefined;
  let bestScore = 0;
  for (const c of all) {
    const s = score(c);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

/**
 * How many of the commands a build ran (its `Running command` lines) a buildspec declares: with
 * several buildspecs in a workspace, the one the build used declares them all.
 */
export function commandOverlap(buildspec: string, ranCommands: readonly string[]): number {
  const declared = listBuildspecCommands(buildspec);
  const texts = new Set(declared.map((c) => normalize(c.text)));
  const firsts = new Set(declared.map((c) => firstLineOf(c.text)));
  return ranCommands.filter((c) => texts.has(normalize(c)) || firsts.has(firstLineOf(c))).length;
}

/**
 * How well a buildspec's path matches a CodeBuild project name: the number of the project name's
 * words (split on - _ .) that appear among the path's folder names' words. In a monorepo,
 * `services/payments-api/buildspec.yml` belongs to project `payments-api-unit-tests`.
 */
export function pathAffinity(filePath: string, projectName: string): number {
  const words = (s: string): string[] => s.toLowerCase().split(/[-_.\s]+/).filter((w) => w.length > 1);
  const folders = filePath.replace(/\\/g, '/').split('/').slice(0, -1);
  const inPath = new Set(folders.flatMap(words));
  return [...new Set(words(projectName))].filter((w) => inPath.has(w)).length;
}

/** The command a build failed on, as the log shows it. */
export interface LoggedCommand {
  command: string;
  phase?: string;
  index?: number;
}

/**
 * The order to read a workspace's buildspecs in: the project's configured buildspec path first, then
 * files named exactly buildspec.yml, then the rest; shallower paths first within each.
 */
export function orderBuildspecPaths<T extends { path: string }>(files: readonly T[], configuredPath?: string): T[] {
  const configured = configuredPath && !configuredPath.includes('\n') ? configuredPath.replace(/\\/g, '/') : undefined;
  const rank = (p: string): number => (configured && p.endsWith(`/${configured}`) ? 0 : p.split('/').pop() === 'buildspec.yml' ? 1 : 2);
  return [...files].sort((a, b) => rank(a.path) - rank(b.path) || a.path.length - b.path.length);
}

export interface BuildspecFile {
  /** Workspace-relative, for the project-name affinity. */
  relativePath: string;
  text: string;
}

/**
 * Which buildspec the failing build most likely used, and where the failing command is in it. Only
 * files that contain the command count; the one declaring the most of the commands the build ran
 * wins, then a folder named like the CodeBuild project, then the reading order.
 */
export function locateInBuildspecs<T extends BuildspecFile>(files: readonly T[], failing: LoggedCommand, ranCommands: readonly string[], projectName: string):
  { file: T; location: BuildspecCommand } | undefined {
  let best: { file: T; location: BuildspecCommand; overlap: number; affinity: number } | undefined;
  for (const file of files) {
    const location = locateCommand(file.text, failing.command, failing.phase, failing.index);
    if (!location) continue;
    const overlap = commandOverlap(file.text, ranCommands);
    const affinity = pathAffinity(file.relativePath, projectName);
    if (!best || overlap > best.overlap || (overlap === best.overlap && affinity > best.affinity)) best = { file, location, overlap, affinity };
  }
  return best ? { file: best.file, location: best.location } : undefined;
}
