// Where the AWS shared config and credentials files are, exactly as the SDK finds them
// (@smithy/shared-ini-file-loader: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, a leading "~/" taken
// from the home folder, else <home>/.aws/config and <home>/.aws/credentials), so that the files the
// session watches are the files it reads.
import * as path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

export interface SharedFilePaths {
  config: string;
  credentials: string;
}

/** The home folder as the SDK takes it: HOME, USERPROFILE, HOMEDRIVE + HOMEPATH, else the OS's. */
function homeOf(env: Env, osHome: string): string {
  if (env.HOME) return env.HOME;
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEPATH) return `${env.HOMEDRIVE ?? `C:${path.sep}`}${env.HOMEPATH}`;
  return osHome;
}

export function sharedFilePaths(env: Env, osHome: string): SharedFilePaths {
  const home = homeOf(env, osHome);
  const resolve = (configured: string | undefined, name: string): string => {
    if (!configured) return path.join(home, '.aws', name);
    return configured.startsWith('~/') ? path.join(home, configured.slice(2)) : configured;
  };
  return { config: resolve(env.AWS_CONFIG_FILE, 'config'), credentials: resolve(env.AWS_SHARED_CREDENTIALS_FILE, 'credentials') };
}
