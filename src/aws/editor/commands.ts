import * as vscode from 'vscode';
import { describeKind, profileLabel } from '../profiles';
import { AWS_REGIONS, isRegionCode } from '../regions';
import type { AwsSession } from './session';

interface ProfileItem extends vscode.QuickPickItem { profile: string }
interface RegionItem extends vscode.QuickPickItem { region: string }

/**
 * "Conveyor: Select AWS Profile". With an argument (a profile name) it selects without asking,
 * which keybindings, other extensions and tests use.
 */
export async function selectProfile(session: AwsSession, preset?: unknown): Promise<string | undefined> {
  await session.reload('profile picker opened');
  if (typeof preset === 'string' && preset) {
    await session.choose('profile', preset);
    return preset;
  }
  const current = session.current?.profile;
  const items: ProfileItem[] = session.knownProfiles.map((p) => ({
    profile: p.name,
    label: `${p.name === current ? '$(check) ' : ''}${profileLabel(p.name)}`,
    description: [describeKind(p), p.region].filter(Boolean).join(' · '),
    ...(p.problem ? { detail: `$(warning) ${p.problem}` } : {}),
  }));
  if (items.length === 0) {
    const open = await vscode.window.showWarningMessage(
      'No AWS profiles found in ~/.aws/config or ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). '
      + 'Configure one with `aws configure` or `aws configure sso`.', 'Open AWS config');
    if (open) await vscode.window.showTextDocument(vscode.Uri.file(configFilePath()));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Select AWS Profile', placeHolder: 'Profile used for pipelines, artifacts, logs and profiler', matchOnDescription: true,
  });
  if (!picked) return undefined;
  await session.choose('profile', picked.profile);
  return picked.profile;
}

/** "Conveyor: Select Region". Accepts a region code as argument. */
export async function selectRegion(session: AwsSession, preset?: unknown): Promise<string | undefined> {
  if (typeof preset === 'string' && isRegionCode(preset)) {
    await session.choose('region', preset);
    return preset;
  }
  const current = session.current?.region;
  const profileRegion = session.profile(session.current?.profile)?.region;
  const extra = session.knownProfiles.map((p) => p.region).filter((r): r is string => !!r && !AWS_REGIONS.some((a) => a.code === r));
  const all = [...AWS_REGIONS, ...[...new Set(extra)].map((code) => ({ code, name: 'from a profile' }))];
  const items: RegionItem[] = [
    ...(profileRegion ? [{ region: '', label: `Use the profile's region (${profileRegion})`, description: 'clears the override' }] : []),
    ...all.map((r) => ({ region: r.code, label: `${r.code === current ? '$(check) ' : ''}${r.code}`, description: r.name })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Select AWS Region', matchOnDescription: true });
  if (!picked) return undefined;
  await session.choose('region', picked.region || undefined);
  return session.current?.region;
}

function configFilePath(): string {
  return process.env.AWS_CONFIG_FILE ?? `${process.env.HOME ?? ''}/.aws/config`;
}
