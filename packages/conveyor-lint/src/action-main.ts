// Entry of the GitHub Action (action.yml).
import { runAction } from './action/main';

process.exitCode = runAction({ env: process.env, stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
