/** Forward slashes, and lower case where the file system ignores case, for comparing paths. */
export function pathKey(fsPath: string, platform: NodeJS.Platform = process.platform): string {
  const p = fsPath.replace(/\\/g, '/');
  return platform === 'win32' || platform === 'darwin' ? p.toLowerCase() : p;
}
