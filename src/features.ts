// Every feature as the activation shell sees it: how to load its bundle (the build turns each
// `require` below into a separate file), the contributions that load it on first use, and the saved
// state that needs it at startup. The commands are the ones package.json contributes under the
// feature's prefix, plus the few that are not in the palette.
import * as vscode from 'vscode';
import { hasLoginState } from './artifacts/editor/startup';
import { isBuildspecPath } from './codebuild/buildspec-path';
import { watchesAny as watchesAnyProject } from './codebuild/editor/watched';
import { watchesAny as watchesAnyGroup } from './deploy/editor/watched-groups';
import type { FeatureModule } from './editor/feature';
import type { FeatureDeclaration } from './editor/lazy-features';
import { followsAny } from './pipelines/editor/follow';
import { detectDocumentKind, workspaceSpecPatterns } from './validation/editor/detect-document';

interface Manifest {
  contributes?: { commands?: { command: string }[]; views?: Record<string, { id: string }[]> };
}

/** Every contributed view's id, container by container, in the order package.json lists them: the order a person sees them in. */
export function viewOrder(context: vscode.ExtensionContext): string[] {
  const views = (context.extension.packageJSON as Manifest).contributes?.views ?? {};
  return Object.values(views).flatMap((container) => container.map((view) => view.id));
}

/** Contributed commands under `conveyor.<prefix>.`. */
function commandsOf(manifest: Manifest, prefix: string): string[] {
  return (manifest.contributes?.commands ?? []).map((c) => c.command).filter((id) => id.startsWith(`conveyor.${prefix}.`));
}

const flameEditor = { webviewOptions: { retainContextWhenHidden: true }, supportsMultipleEditorsPerDocument: false };

export function featureDeclarations(context: vscode.ExtensionContext): FeatureDeclaration[] {
  const manifest = context.extension.packageJSON as Manifest;
  return [
    // First: a buildspec opened loads validation and CodeBuild (its CodeLens), in this order, so that the
    // language server is already booting in its own process while CodeBuild's bundle loads.
    {
      id: 'validation',
      load: () => require('./validation/editor/feature') as FeatureModule,
      commands: [],
      wantsDocument: (document) => detectDocumentKind(document) !== undefined,
      // A repository with a buildspec or appspec starts the server after startup, so that its problems
      // show as soon as one is opened.
      workspaceContains: workspaceSpecPatterns,
      // Problems do not wait for the ~/.aws files: a buildspec restored in an editor starts the server at once.
      usesAws: false,
    },
    {
      id: 'pipelines',
      load: () => require('./pipelines/editor/feature') as FeatureModule,
      commands: commandsOf(manifest, 'pipelines'),
      views: [{ id: 'conveyor.pipelines', showCollapseAll: true }],
      schemes: ['conveyor-execution'],
      // Pinned pipelines show in the status bar and watched ones notify: both poll from the start.
      neededAtStartup: (c) => followsAny(c.globalState),
    },
    {
      id: 'codebuild',
      load: () => require('./codebuild/editor/feature') as FeatureModule,
      commands: commandsOf(manifest, 'codebuild'),
      views: [{ id: 'conveyor.codebuild', showCollapseAll: true }],
      schemes: ['conveyor-build'],
      // A workspace buildspec gets the CodeLens of the project that builds it (unless that CodeLens is off).
      wantsDocument: (document) => document.uri.scheme === 'file' && isBuildspecPath(document.uri.path)
        && vscode.workspace.getConfiguration('conveyor.codebuild', document.uri).get<boolean>('codeLens.enabled') !== false,
      // Watched projects notify when their builds end: they poll from the start.
      neededAtStartup: (c) => watchesAnyProject(c.globalState),
    },
    {
      id: 'logs',
      load: () => require('./logs/editor/feature') as FeatureModule,
      commands: commandsOf(manifest, 'logs'),
      schemes: ['conveyor-log'],
    },
    {
      id: 'artifacts',
      load: () => require('./artifacts/editor/feature') as FeatureModule,
      commands: [...commandsOf(manifest, 'artifacts'), 'conveyor.artifacts.internal.state'],
      views: [{ id: 'conveyor.artifacts', showCollapseAll: true }],
      schemes: ['conveyor-artifact'],
      // A login's token is refreshed before it expires and handed to new terminals.
      neededAtStartup: (c) => hasLoginState(c),
    },
    {
      id: 'profiler',
      load: () => require('./profiler/editor/feature') as FeatureModule,
      commands: [...commandsOf(manifest, 'profiler'), 'conveyor.profiler.debugState'],
      localCommands: ['openProfileFile', 'compareProfileFiles', 'toggleHeat', 'selectCounter', 'revealInFlameGraph', 'showError', 'debugState']
        .map((name) => `conveyor.profiler.${name}`),
      // Profile files dropped on the view open as flame graphs.
      views: [{ id: 'conveyor.profiler', showCollapseAll: true, dropMimeTypes: ['text/uri-list'] }],
      customEditors: [
        { viewType: 'conveyor.profiler.foldedEditor', options: flameEditor },
        { viewType: 'conveyor.profiler.profileEditor', options: flameEditor },
      ],
    },
    {
      id: 'deploy',
      load: () => require('./deploy/editor/feature') as FeatureModule,
      commands: commandsOf(manifest, 'deploy'),
      views: [{ id: 'conveyor.deploy', showCollapseAll: true }],
      schemes: ['conveyor-deploy-event'],
      // Watched deployment groups notify and mark their appspec hooks: the watch runs from the start.
      neededAtStartup: (c) => watchesAnyGroup(c.globalState),
    },
    {
      id: 'scaffold',
      load: () => require('./scaffold/editor/feature') as FeatureModule,
      commands: commandsOf(manifest, 'scaffold'),
    },
  ];
}
