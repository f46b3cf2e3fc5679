// The files whose presence in a workspace starts validation's language server right after startup
// (the `workspaceContains` pattern of rust-analyzer and others): what kindFromFileName recognises by
// name, and the `conveyor.validation.files` associations. Templates with inline buildspecs are found
// by content only, so they start the server when opened, as before.
import type { Association } from 'conveyor-lint/detect';

const SPEC_FILE_NAMES = [
  'buildspec*.yml', 'buildspec*.yaml',
  ...['yml', 'yaml', 'json'].flatMap((ext) => [`appspec.${ext}`, `appspec-*.${ext}`, `appspec_*.${ext}`, `appspec.*.${ext}`, `*.appspec.${ext}`]),
];

/** Glob patterns for `workspace.findFiles` (relative to each workspace folder). */
export function workspaceSpecGlobs(associations: readonly Association[]): string[] {
  // An association without a slash matches a file's name in any folder (kindFromAssociations).
  const associated = associations.map((a) => (a.pattern.includes('/') ? a.pattern.replace(/^\/+/, '') : `**/${a.pattern}`));
  return [...SPEC_FILE_NAMES.map((name) => `**/${name}`), ...associated];
}
