// What a build log's editor colours in the lines CodeBuild's agent writes (`[Container] <time> …`): the
// time dimmed, phase names, and a phase's state green or red, with the error code and the failed command
// line. Editor decorations from the extension, not a TextMate grammar: a grammar is loaded and run by the
// workbench as the log opens, and the activation bench measured it making a log's first open ~90 ms
// slower (median of 4 hosts, VS Code 1.139.1).
import { parseContainerLine } from './phases';

export type HighlightKind = 'time' | 'phase' | 'succeeded' | 'failed';

/** A range of one line (`end` exclusive). */
export interface Highlight {
  kind: HighlightKind;
  line: number;
  start: number;
  end: number;
}

/** What follows the time, and the kind of each capture group ('state': SUCCEEDED is green, any other state red). */
const RULES: readonly { pattern: RegExp; groups: readonly (HighlightKind | 'state')[] }[] = [
  { pattern: /^(?:Entering phase|Phase is) (\w+)/d, groups: ['phase'] },
  { pattern: /^Phase complete: (\w+) State: (\w+)/d, groups: ['phase', 'state'] },
  { pattern: /^Phase context status code: (\w+) Message:/d, groups: ['failed'] },
  { pattern: /^(Command did not exit successfully .*)$/d, groups: ['failed'] },
];

/** The ranges to colour in `lines` (each line's text, no line break). */
export function logHighlights(lines: readonly string[]): Highlight[] {
  const out: Highlight[] = [];
  lines.forEach((line, i) => {
    const agent = parseContainerLine(line);
    if (!agent) return;
    const { text } = agent;
    const offset = line.length - text.length;
    out.push({ kind: 'time', line: i, start: 0, end: offset - 1 });
    for (const { pattern, groups } of RULES) {
      const m = pattern.exec(text);
      if (!m) continue;
      groups.forEach((group, g) => {
        const [start, end] = m.indices?.[g + 1] ?? [0, 0];
        const kind = group === 'state' ? (text.slice(start, end) === 'SUCCEEDED' ? 'succeeded' : 'failed') : group;
        if (end > start) out.push({ kind, line: i, start: offset + start, end: offset + end });
      });
      break;
    }
  });
  return out;
}
