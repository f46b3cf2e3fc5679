import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { JFR_SAMPLE_EVENTS } from '../model/jfr-format';
import { ProfileFormatError } from '../model/profile';

/** `jfr print --json` of a long recording runs to hundreds of MB; more than this is refused. */
const MAX_JSON_BYTES = 1024 * 1024 * 1024;
const TIMEOUT_MS = 120_000;

/** Where the JDK's `jfr` tool is: an explicit path, then JAVA_HOME/bin, then each PATH entry. */
export function findJfrTool(env: NodeJS.ProcessEnv = process.env, configured?: string): string | undefined {
  const exe = process.platform === 'win32' ? 'jfr.exe' : 'jfr';
  const candidates = [
    ...(configured ? [configured] : []),
    ...(env.JAVA_HOME ? [path.join(env.JAVA_HOME, 'bin', exe)] : []),
    ...(env.PATH ?? '').split(path.delimiter).filter((d) => d.length > 0).map((d) => path.join(d, exe)),
  ];
  return candidates.find((c) => { try { return fs.statSync(c).isFile(); } catch { return false; } });
}

export const JFR_MISSING = 'This is a Java Flight Recording. Conveyor reads it with the JDK\'s `jfr` tool (JDK 11 or later), '
  + 'which was not found in JAVA_HOME/bin or on PATH. Install a JDK (e.g. `apt-get install openjdk-17-jdk-headless`), '
  + 'or set `conveyor.profiler.jfrPath` to the tool.';

/**
 * A JfrPrinter backed by the real `jfr print --json`: the recording goes to a private temporary file
 * (the tool reads files only), which is removed afterwards.
 */
export function jfrPrinter(options: { env?: NodeJS.ProcessEnv; configuredPath?: string } = {}): (recording: Uint8Array) => Promise<string> {
  return async (recording) => {
    const tool = findJfrTool(options.env, options.configuredPath);
    if (!tool) throw new ProfileFormatError(JFR_MISSING);
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'conveyor-jfr-'));
    const file = path.join(dir, 'recording.jfr');
    try {
      await fs.promises.writeFile(file, recording, { mode: 0o600 });
      return await new Promise<string>((resolve, reject) => {
        execFile(tool, ['print', '--json', '--events', Object.keys(JFR_SAMPLE_EVENTS).join(','), file],
          { maxBuffer: MAX_JSON_BYTES, timeout: TIMEOUT_MS, encoding: 'utf8', windowsHide: true },
          (err, stdout, stderr) => {
            if (err) reject(new ProfileFormatError(`The \`jfr\` tool could not read the recording: ${(stderr || err.message).trim().slice(0, 500)}`));
            else resolve(stdout);
          });
      });
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  };
}
