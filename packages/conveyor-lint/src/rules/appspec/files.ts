import type { RawDiagnostic } from '../../engine/raw';
import { looksLikePlaceholder } from '../../schema/placeholders';
import { toPointer } from '../../schema/pointer';
import type { Rule } from '../rule';
import { itemsOf, pairOf, scalarRange, stringValue, valueOf } from '../nodes';

const DOC = 'https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-files.html';

const WINDOWS_ABSOLUTE = /^(?:[A-Za-z]:[\\/]|\\\\)/;

/** Why a destination is not the fully qualified path the documentation asks for on this os, if it is not. */
function destinationProblem(destination: string, os: string): string | undefined {
  if (os === 'linux') {
    if (WINDOWS_ABSOLUTE.test(destination) || (destination.includes('\\') && !destination.startsWith('/'))) {
      return `'${destination}' is a Windows path, but os is linux: the agent treats it as a relative file name and copies the files below its own working directory.`;
    }
    if (!destination.startsWith('/')) return `'${destination}' is a relative path: the CodeDeploy agent does not check it and copies the files below its own working directory. Use a full path, such as /${destination.replace(/^\.?\/*/, '')}.`;
    return undefined;
  }
  if (WINDOWS_ABSOLUTE.test(destination)) return undefined;
  if (destination.startsWith('/') || destination.startsWith('\\')) {
    return `'${destination}' has no drive: on Windows the agent resolves it on the drive of its working directory. Use a full path, such as c:\\inetpub\\wwwroot.`;
  }
  return `'${destination}' is a relative path: the CodeDeploy agent does not check it and copies the files below its own working directory. Use a full path, such as c:\\temp\\${destination}.`;
}

export const fileDestinationRule: Rule = {
  id: 'appspec/file-destination',
  kinds: ['appspec'],
  description: 'files destinations are fully qualified paths for the declared os (/var/www on Linux, c:\\inetpub on Windows); the agent does not check them.',
  severity: 'warning',
  helpUri: DOC,
  check(ctx) {
    if (ctx.platform !== 'ec2') return [];
    const os = stringValue(valueOf(ctx.root, 'os'));
    if (os !== 'linux' && os !== 'windows') return [];
    const out: RawDiagnostic[] = [];
    for (const file of itemsOf(valueOf(ctx.root, 'files'))) {
      const node = valueOf(file, 'destination');
      const destination = stringValue(node)?.trim();
      if (node && destination !== undefined && destination !== '' && !looksLikePlaceholder(destination)) {
        const problem = destinationProblem(destination, os);
        if (problem) out.push({ ...scalarRange(node, ctx.text), severity: 'warning', rule: this.id, message: `The documentation requires a fully qualified destination. ${problem}` });
      }
      const source = valueOf(file, 'source');
      if (os === 'linux' && source && stringValue(source)?.trim() === '\\') {
        out.push({ ...scalarRange(source, ctx.text), severity: 'warning', rule: this.id,
          message: "On Linux, '\\' is a file named '\\', not the whole revision: the agent finds no such file and the Install event fails. Use source: / to copy the whole revision." });
      }
    }
    return out;
  },
};

export const fileExistsBehaviorPlacementRule: Rule = {
  id: 'appspec/file-exists-behavior-placement',
  kinds: ['appspec'],
  description: 'file_exists_behavior is a top-level key; inside a files entry the CodeDeploy agent ignores it.',
  severity: 'warning',
  helpUri: DOC,
  check(ctx) {
    if (ctx.platform !== 'ec2') return [];
    const out: RawDiagnostic[] = [];
    const topLevel = pairOf(ctx.root, 'file_exists_behavior') !== undefined;
    itemsOf(valueOf(ctx.root, 'files')).forEach((file, index) => {
      const pair = pairOf(file, 'file_exists_behavior');
      if (!pair) return;
      ctx.claim(toPointer(['files', index, 'file_exists_behavior']));
      out.push({ start: pair.key.start, end: pair.key.end, severity: 'warning', rule: this.id,
        message: `file_exists_behavior is a top-level key: inside a files entry the CodeDeploy agent ignores it${topLevel ? ', and the top-level one applies to every file' : ', so existing files make the deployment fail (DISALLOW, the default)'}. Move it to the top level.` });
    });
    return out;
  },
};
