// CodeBuild's agent writes `[Container] <UTC time> …` lines that mark phases and commands:
//   [Container] 2024/05/17 10:15:34.123456 Entering phase BUILD
//   [Container] 2024/05/17 10:15:34.200000 Running command npm test
//   [Container] 2024/05/17 10:15:50.000000 Command did not exit successfully npm test exit status 1
//   [Container] 2024/05/17 10:15:50.010000 Phase complete: BUILD State: FAILED
//   [Container] 2024/05/17 10:15:50.010000 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: npm test. Reason: exit status 1
// This turns those lines into phase ranges (folding, outline) with status, duration and commands.

export interface LogCommand {
  command: string;
  line: number;
  /** Last line of the command's output (inclusive). */
  endLine: number;
  failed?: boolean;
  exitStatus?: number;
  /** Position among the commands of its phase, from 0. */
  index: number;
}

export interface LogPhase {
  name: string;
  startLine: number;
  /** Inclusive. */
  endLine: number;
  /** SUCCEEDED, FAILED, FAULT, TIMED_OUT, STOPPED, CLIENT_ERROR…; undefined while running or unknown. */
  status?: string;
  startTime?: number;
  endTime?: number;
  contextCode?: string;
  contextMessage?: string;
  commands: LogCommand[];
  /** True when the phase began before the first loaded line (older events not loaded). */
  partial: boolean;
}

const CONTAINER = /^\[Container\] (\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))? (.*)$/;

export interface ContainerLine {
  time: number;
  text: string;
}

/** A `[Container]` line's UTC time (ms) and its text, or undefined for build output. */
export function parseContainerLine(line: string): ContainerLine | undefined {
  const m = CONTAINER.exec(line);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, text] = m;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  return { time, text: text ?? '' };
}

function durationOf(p: Pick<LogPhase, 'startTime' | 'endTime'>): number | undefined {
  return p.startTime !== undefined && p.endTime !== undefined ? Math.max(0, p.endTime - p.startTime) : undefined;
}

export function phaseDuration(p: LogPhase): number | undefined {
  return durationOf(p);
}

/**
 * Phases found in the lines. `lineTimes` (CloudWatch event timestamps per line) fill in times for
 * lines that carry none. The last phase stays open (no status) while the build still runs.
 */
export function parseCodeBuildLog(lines: readonly string[], lineTimes?: readonly (number | undefined)[]): LogPhase[] {
  const phases: LogPhase[] = [];
  let current: LogPhase | undefined;
  let awaitingContext = false;

  let completeLine: number | undefined;
  const close = (endLine: number): void => {
    if (!current) return;
    current.endLine = Math.max(current.startLine, endLine);
    const last = current.commands[current.commands.length - 1];
    // The last command's output runs up to the phase's closing lines (or a failure line).
    if (last && !last.failed) last.endLine = Math.max(last.line, (completeLine ?? current.endLine + 1) - 1);
    completeLine = undefined;
    phases.push(current);
    current = undefined;
    awaitingContext = false;
  };
  const open = (name: string, line: number, time: number | undefined, partial: boolean): void => {
    close(line - 1);
    current = { name, startLine: line, endLine: line, commands: [], partial, ...(time !== undefined ? { startTime: time } : {}) };
  };

  lines.forEach((line, i) => {
    const c = parseContainerLine(line);
    if (!c) return;
    const time = c.time || lineTimes?.[i];
    let m: RegExpExecArray | null;
    if ((m = /^Entering phase (\w+)/.exec(c.text))) {
      open(m[1] ?? '', i, time, false);
    } else if ((m = /^Phase is (\w+)/.exec(c.text))) {
      if (current?.name !== m[1]) open(m[1] ?? '', i, time, false);
    } else if ((m = /^Phase complete: (\w+) State: (\w+)/.exec(c.text))) {
      const name = m[1] ?? '';
      if (!current || current.name !== name) {
        // No "Entering phase" seen: it scrolled out of the loaded lines (or the agent skipped it).
        const prevEnd = phases[phases.length - 1]?.endLine;
        const start = current ? i : prevEnd !== undefined ? prevEnd + 1 : 0;
        open(name, start, current ? time : lineTimes?.[start], !current && phases.length === 0);
      }
      if (current) {
        current.status = m[2] ?? '';
        completeLine = i;
        if (time !== undefined) current.endTime = time;
        awaitingContext = true;
        current.endLine = i;
      }
    } else if ((m = /^Phase context status code: ?(.*?) Message: ?(.*)$/.exec(c.text))) {
      if (current && awaitingContext) {
        const code = (m[1] ?? '').trim();
        const message = (m[2] ?? '').trim();
        if (code) current.contextCode = code;
        if (message) current.contextMessage = message;
        close(i);
      }
    } else if ((m = /^Running command (.*)$/.exec(c.text))) {
      if (!current) open('UNKNOWN', 0, lineTimes?.find((t) => t !== undefined), true);
      if (current) {
        const prev = current.commands[current.commands.length - 1];
        if (prev) prev.endLine = Math.max(prev.line, i - 1);
        current.commands.push({ command: (m[1] ?? '').trim(), line: i, endLine: i, index: current.commands.length });
      }
    } else if ((m = /^Command did not exit successfully (.*) exit status (\d+)/.exec(c.text))) {
      const last = current?.commands[current.commands.length - 1];
      if (last) {
        last.failed = true;
        last.exitStatus = Number(m[2]);
        last.endLine = i;
      }
    } else if (awaitingContext) {
      // The context line is missing (older agents): the phase ends at its "Phase complete" line.
      if (current) close(current.endLine);
    }
  });
  if (current) {
    const open = current;
    const lastTime = [...(lineTimes ?? [])].reverse().find((t) => t !== undefined);
    if (open.status && open.endTime === undefined && lastTime !== undefined) open.endTime = lastTime;
    close(lines.length - 1);
  }
  return phases;
}

export interface FailingCommand {
  phase: string;
  command: string;
  /** Document line of the `Running command` (or context) line. */
  line: number;
  /** Position among the phase's commands, when known. */
  index?: number;
  exitStatus?: number;
}

/**
 * The command that failed the build: the `Running command` preceding a failure, else the command
 * named by the phase's context message ("Error while executing command: X. Reason: …").
 */
export function findFailingCommand(phases: readonly LogPhase[]): FailingCommand | undefined {
  for (const p of phases) {
    const failed = p.commands.find((c) => c.failed);
    if (failed) return { phase: p.name, command: failed.command, line: failed.line, index: failed.index, ...(failed.exitStatus !== undefined ? { exitStatus: failed.exitStatus } : {}) };
    if (p.status && p.status !== 'SUCCEEDED') {
      const fromContext = /Error while executing command: (.*?)\. Reason: /s.exec(p.contextMessage ?? '')?.[1];
      const last = p.commands[p.commands.length - 1];
      if (fromContext) {
        const match = [...p.commands].reverse().find((c) => c.command === fromContext.trim()) ?? last;
        return { phase: p.name, command: fromContext.trim(), line: match?.line ?? p.endLine, ...(match ? { index: match.index } : {}) };
      }
      if (last) return { phase: p.name, command: last.command, line: last.line, index: last.index };
    }
  }
  return undefined;
}
