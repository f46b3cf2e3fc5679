// Which files are buildspecs, by name: the activation shell asks before loading the feature, and the
// CodeLens uses the same patterns.

/** `buildspec.yml`, `buildspec-test.yaml`, `unit.buildspec.yml`… in any folder. */
export const BUILDSPEC_GLOBS = ['**/buildspec*.{yml,yaml}', '**/*.buildspec.{yml,yaml}'] as const;

export function isBuildspecPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /^buildspec[^/]*\.ya?ml$/i.test(name) || /\.buildspec\.ya?ml$/i.test(name);
}
