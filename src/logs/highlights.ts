// What a build log's editor colours in the lines CodeBuild's agent writes (`[Container] <time> …`): the
// time dimmed, phase names, and a phase's state green or red, with the error code and the failed command
// line. Editor decorations from the extension, not a TextMate grammar: a grammar is loaded and run by the
// workbench as the log opens, and the activation bench measured it making a log's first open ~90 ms
// slower (median of 4 hosts, VS Code 1.139.1).

export type HighlightKind = 'time' | 'phase' | 'succeeded' | 'failed';

/** A range of one line (`end` exclusive). */
export interface Highlight {
  kind: HighlightKind;
  line: number;
  start: number;
  end: number;
}

const AGENT_PREFIX = /^\[Container\] \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,9})? /;

/** What follows the time: the phase-name and state groups to colour (group indexes), or the whole text as failed. */
const RULES: readonly { pattern: RegExp; groups: readonly (HighlightKind | 'state')[] }[] = [
  { pattern: /^(?:Entering phase|Phase is) (\w+)/, groups: ['phase'] },
  { pattern: /^Phase complete: (\w+) State: (\w+)/, groups: ['phase', 'state'] },
  { pattern: /^Phase context status code: (\w+) Message:/, groups: ['failed'] },
  { pattern: /^(Command did not exit successfully .*)$/, groups: ['failed'] },
];

/** The ranges to colour in `lines` (each line's text, no line break). */
export function logHighlights(lines: readonly string[]): Highlight[] {
  const out: Highlight[] = [];
  lines.forEach((line, i) => {
    const prefix = AGENT_PREFIX.exec(line);
    if (!prefix) return;
    const offset = prefix[0].length;
    out.push({ kind: 'time', line: i, start: 0, end: offset - 1 });
    const text = line.slice(offset);
    for (const { pattern, groups } of RULES) {
      const m = pattern.exec(text);
      if (!m) continue;
      let from = 0;
      groups.forEach((group, g) => {
        const value = m[g + 1] ?? '';
        const at = text.indexOf(value, from);
        from = at + value.length;
        const kind = group === 'state' ? (value === 'SUCCEEDED' ? 'succeeded' : 'failed') : group;
        if (value) out.push({ kind, line: i, start: offset + at, end: offset + at + value.length });
      });
      return;
    }
  });
  return out;
}
