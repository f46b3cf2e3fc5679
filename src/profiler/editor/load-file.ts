// A profile file → LoadedProfile, for the desktop (ProfileOpener) and the web build alike: how the file
// is read (the local disk, vscode.workspace.fs) and decoded (gunzip, JFR, source maps) is the platform's.
import * as vscode from 'vscode';
import type { Logger } from '../../core/log';
import { formatCount } from '../model/format';
import { FORMAT_LABELS, type Profile } from '../model/profile';
import { describeRange } from '../model/time-ranges';
import { parseRecommendationsJson } from '../service/saved-recommendations';
import type { LoadedProfile, ProfilerSession } from './profile-session';

/** The file dialog's filters for profiles. */
export const PROFILE_FILE_FILTERS: Record<string, string[]> = {
  'Profiles (pprof, .cpuprofile, speedscope, JFR, perf script, collapsed stacks, CodeGuru JSON)':
    ['pb', 'gz', 'pprof', 'prof', 'out', 'cpuprofile', 'json', 'jfr', 'perf', 'script', 'txt', 'folded', 'collapsed', 'stacks'],
  'All files': ['*'],
};

/** `x.json`, `x.json.gz`, `x.folded` → `x.recommendations.json` next to it. */
function recommendationsSidecar(uri: vscode.Uri): vscode.Uri {
  const base = uri.path.replace(/(\.json)?(\.gz)?$/i, '').replace(/\.(folded|collapsed|txt|pb|pprof|prof|cpuprofile|speedscope|jfr|perf)$/i, '');
  return uri.with({ path: `${base}.recommendations.json` });
}

export interface FileLoadDeps {
  session: ProfilerSession;
  log: Logger;
  /** A file's bytes (the profile, and the recommendations saved next to it). */
  read(uri: vscode.Uri): PromiseLike<Uint8Array>;
  decode(bytes: Uint8Array, fileName: string): Promise<Profile>;
}

export async function loadProfileFile(uri: vscode.Uri, deps: FileLoadDeps): Promise<LoadedProfile> {
  const bytes = await deps.read(uri);
  deps.session.rescanSources();
  const started = Date.now();
  const fileName = uri.path.split('/').pop() ?? uri.path;
  const profile = await deps.decode(bytes, fileName);
  deps.log.info(`profiler: parsed ${fileName} as ${FORMAT_LABELS[profile.format]} (${formatCount(bytes.length)} bytes, ${formatCount(profile.tree.size)} frames) in ${Date.now() - started} ms`);
  for (const w of profile.warnings) deps.log.warn(`profiler: ${fileName}: ${w}`);
  let recommendations: LoadedProfile['recommendations'] = [];
  const sidecar = recommendationsSidecar(uri);
  try {
    recommendations = parseRecommendationsJson(new TextDecoder().decode(await deps.read(sidecar))).recommendations;
    deps.log.info(`profiler: ${recommendations.length} recommendations from ${sidecar.path.split('/').pop()}`);
  } catch {
    // no saved recommendations next to the profile
  }
  const when = profile.startMs !== undefined && profile.endMs !== undefined && profile.endMs > profile.startMs
    ? describeRange({ start: new Date(profile.startMs), end: new Date(profile.endMs) }) : vscode.workspace.asRelativePath(uri);
  return { key: `file:${uri.toString()}`, title: fileName, detail: when, source: { kind: 'file', uri }, profile, recommendations };
}
