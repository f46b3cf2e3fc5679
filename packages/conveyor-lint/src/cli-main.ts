// Entry of the `conveyor-lint` bin.
import { main } from './cli/main';

process.exitCode = main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
});
