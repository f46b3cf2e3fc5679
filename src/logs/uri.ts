// What a `conveyor-log:` document shows, carried in its URI so VS Code can reopen it by itself
// (e.g. after a window reload) without any other state.

export const LOG_SCHEME = 'conveyor-log';

export interface LogDocumentParams {
  profile: string;
  region: string;
  group: string;
  stream: string;
  /** CodeBuild build id ("project:uuid") when the log belongs to a build. */
  buildId?: string;
  groupArn?: string;
}

/**
 * The path part, whose last segment is the tab title: a build's log is named by its project and build
 * (`/Build logs/payments-api-unit-tests/payments-api-unit-tests #1a2b3c4d.log`, as GitHub names a run),
 * any other log by its group and stream (`/Build logs/group/main.log`). The `/Build logs/` root is what
 * gives the document its language, `conveyor-build-log` (package.json `filenamePatterns`: VS Code picks a
 * document's language from its path, never its scheme), and with it `"[conveyor-build-log]"` settings such
 * as the default `editor.wordWrap: on`. No file on disk lives under that root.
 */
export function logDocumentPath(p: LogDocumentParams): string {
  const buildProject = p.buildId && p.buildId.includes(':') ? p.buildId.slice(0, p.buildId.indexOf(':')) : undefined;
  const project = buildProject ?? p.group.split('/').filter(Boolean).pop() ?? 'log';
  const stream = p.stream.split('/').pop() ?? p.stream;
  const safe = (s: string): string => s.replace(/[\\/:*?"<>|#%]/g, '_');
  const short = safe(stream.length > 12 && /^[0-9a-f-]{36}$/i.test(stream) ? stream.slice(0, 8) : stream);
  return `/Build logs/${safe(project)}/${buildProject ? `${safe(buildProject)} #${short}` : short}.log`;
}

export function encodeLogQuery(p: LogDocumentParams): string {
  const ordered: LogDocumentParams = {
    profile: p.profile, region: p.region, group: p.group, stream: p.stream,
    ...(p.buildId ? { buildId: p.buildId } : {}),
    ...(p.groupArn ? { groupArn: p.groupArn } : {}),
  };
  return JSON.stringify(ordered);
}

export function decodeLogQuery(query: string): LogDocumentParams | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(query);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const o = parsed as Record<string, unknown>;
  const str = (k: string): string | undefined => (typeof o[k] === 'string' ? (o[k]) : undefined);
  const profile = str('profile');
  const region = str('region');
  const group = str('group');
  const stream = str('stream');
  if (profile === undefined || !region || !group || !stream) return undefined;
  const buildId = str('buildId');
  const groupArn = str('groupArn');
  return { profile, region, group, stream, ...(buildId ? { buildId } : {}), ...(groupArn ? { groupArn } : {}) };
}
