// What the validation suites share: the language server processes this extension host started.
import * as fs from 'node:fs';

const SERVER_SCRIPT = 'conveyor-language-server';

/** Process ids of this extension host's children running the server bundle (Linux: /proc). */
export function serverProcesses(): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(SERVER_SCRIPT)) out.push(Number(entry));
    } catch {
      // the process ended while being read
    }
  }
  return out;
}
