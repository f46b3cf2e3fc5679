// "Conveyor: Select AWS Profile" and "Conveyor: Select Region", through the editor kit (EditorUi, and
// runCommand for logging and failures). With an argument they select without asking, which
// keybindings, other extensions and tests use.
import * as vscode from 'vscode';
import type { CommandTable } from '../../editor/commands';
import type { EditorUi, PickItem } from '../../editor/ui';
import { describeKind, profileLabel } from '../profiles';
import { AWS_REGIONS, isRegionCode } from '../regions';
import { SHOW_ERROR_DETAILS } from '../error-rows';
import { showErrorDetails } from './present-error';
import type { AwsSession } from './session';

export async function selectProfile(session: AwsSession, ui: EditorUi, preset?: unknown): Promise<string | undefined> {
  await session.reload('profile picker opened');
  if (typeof preset === 'string' && preset) {
    await session.choose('profile', preset);
    return preset;
  }
  const current = session.current?.profile;
  const items: PickItem<string>[] = session.knownProfiles.map((p) => ({
    value: p.name,
    label: `${p.name === current ? '$(check) ' : ''}${profileLabel(p.name)}`,
    description: [describeKind(p), p.region].filter(Boolean).join(' · '),
    ...(p.problem ? { detail: `$(warning) ${p.problem}` } : {}),
  }));
  if (items.length === 0) {
    ui.notify('warning', 'No AWS profiles found in ~/.aws/config or ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). '
      + 'Configure one with `aws configure` or `aws configure sso`.', ['Open AWS config'],
    () => void ui.openDocument(vscode.Uri.file(configFilePath()), { preview: false }));
    return undefined;
  }
  const picked = await ui.pick(items, {
    title: 'Select AWS Profile', placeholder: 'Profile used for pipelines, artifacts, logs and profiler', ...(current ? { active: current } : {}),
  });
  if (picked === undefined) return undefined;
  await session.choose('profile', picked);
  return picked;
}

/** The region override; '' clears it (the profile's region applies). */
export async function selectRegion(session: AwsSession, ui: EditorUi, preset?: unknown): Promise<string | undefined> {
  await session.ready;
  if (typeof preset === 'string' && isRegionCode(preset)) {
    await session.choose('region', preset);
    return preset;
  }
  const current = session.current?.region;
  const profileRegion = session.profile(session.current?.profile)?.region;
  const extra = session.knownProfiles.map((p) => p.region).filter((r): r is string => !!r && !AWS_REGIONS.some((a) => a.code === r));
  const all = [...AWS_REGIONS, ...[...new Set(extra)].map((code) => ({ code, name: 'from a profile' }))];
  const items: PickItem<string>[] = [
    ...(profileRegion ? [{ value: '', label: `Use the profile's region (${profileRegion})`, description: 'clears the override' }] : []),
    ...all.map((r) => ({ value: r.code, label: `${r.code === current ? '$(check) ' : ''}${r.code}`, description: r.name })),
  ];
  const picked = await ui.pick(items, { title: 'Select AWS Region', ...(current ? { active: current } : {}) });
  if (picked === undefined) return undefined;
  await session.choose('region', picked || undefined);
  return session.current?.region;
}

/** Takes back an endpoint origin allowed with "Allow <host>"; with an origin argument, without asking. */
export async function revokeAllowedEndpoint(session: AwsSession, ui: EditorUi, preset?: unknown): Promise<string[] | undefined> {
  const allowed = session.allowedEndpointOrigins;
  if (allowed.length === 0) {
    ui.notify('info', 'No AWS endpoint is allowed: every workspace that sets conveyor.aws.endpointUrl to another host is asked first.');
    return undefined;
  }
  const ALL = '';
  const chosen = typeof preset === 'string' && allowed.includes(preset) ? preset : await ui.pick<string>([
    ...allowed.map((origin) => ({ value: origin, label: origin, description: 'allowed for conveyor.aws.endpointUrl' })),
    ...(allowed.length > 1 ? [{ value: ALL, label: 'All of them' }] : []),
  ], { title: 'Revoke an Allowed AWS Endpoint', placeholder: 'Workspaces that set this endpoint will ask again before it is used' });
  if (chosen === undefined) return undefined;
  const origins = chosen === ALL ? allowed : [chosen];
  await session.revokeEndpointOrigins(origins);
  ui.notify('info', `Revoked ${origins.join(', ')}: AWS requests go where your user settings say, and a workspace that sets it asks again.`);
  return origins;
}

export function awsCommands(session: AwsSession, ui: EditorUi): CommandTable {
  return {
    'conveyor.aws.selectProfile': (name) => selectProfile(session, ui, name),
    'conveyor.aws.selectRegion': (region) => selectRegion(session, ui, region),
    [SHOW_ERROR_DETAILS]: (details) => showErrorDetails(details, (profile) => session.profile(profile)?.kind),
    'conveyor.aws.revokeAllowedEndpoint': (origin) => revokeAllowedEndpoint(session, ui, origin),
  };
}

function configFilePath(): string {
  return process.env.AWS_CONFIG_FILE ?? `${process.env.HOME ?? ''}/.aws/config`;
}
