// "Copy install snippet": how each ecosystem asks for one package version.

export interface SnippetTarget {
  format: string;
  namespace?: string;
  package: string;
  version: string;
  /** For generic packages, whose only install path is the AWS CLI. */
  domain?: string;
  domainOwner?: string;
  repository?: string;
}

export interface Snippet {
  /** What the snippet is for, e.g. "Maven (pom.xml)". */
  label: string;
  /** A VS Code language id for the snippet's syntax. */
  language: string;
  text: string;
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const shellArg = (s: string): string => (/^[A-Za-z0-9@%+=:,./_-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Every snippet for a version, the most common one first. */
export function installSnippets(t: SnippetTarget): Snippet[] {
  const { namespace: ns, package: name, version: v } = t;
  switch (t.format) {
    case 'npm': {
      const spec = shellArg(`${ns ? `@${ns}/` : ''}${name}@${v}`);
      return [
        { label: 'npm', language: 'shellscript', text: `npm install ${spec}` },
        { label: 'pnpm', language: 'shellscript', text: `pnpm add ${spec}` },
        { label: 'Yarn', language: 'shellscript', text: `yarn add ${spec}` },
        { label: 'package.json', language: 'json', text: `${JSON.stringify(`${ns ? `@${ns}/` : ''}${name}`)}: ${JSON.stringify(v)}` },
      ];
    }
    case 'pypi':
      return [
        { label: 'pip', language: 'shellscript', text: `pip install ${shellArg(`${name}==${v}`)}` },
        { label: 'requirements.txt', language: 'pip-requirements', text: `${name}==${v}` },
        { label: 'Poetry', language: 'shellscript', text: `poetry add ${shellArg(`${name}==${v}`)}` },
      ];
    case 'maven': {
      const group = ns ?? name;
      return [
        { label: 'Maven (pom.xml)', language: 'xml', text: `<dependency>\n  <groupId>${xml(group)}</groupId>\n  <artifactId>${xml(name)}</artifactId>\n  <version>${xml(v)}</version>\n</dependency>` },
        { label: 'Gradle (Kotlin DSL)', language: 'kotlin', text: `implementation("${group}:${name}:${v}")` },
        { label: 'Gradle (Groovy DSL)', language: 'groovy', text: `implementation '${group}:${name}:${v}'` },
      ];
    }
    case 'nuget':
      return [
        { label: 'NuGet (PackageReference)', language: 'xml', text: `<PackageReference Include="${xml(name)}" Version="${xml(v)}" />` },
        { label: 'dotnet CLI', language: 'shellscript', text: `dotnet add package ${shellArg(name)} --version ${shellArg(v)}` },
      ];
    case 'swift':
      return [{ label: 'Swift (Package.swift)', language: 'swift', text: `.package(id: "${ns ? `${ns}.` : ''}${name}", exact: "${v}")` }];
    case 'ruby':
      return [{ label: 'Gemfile', language: 'ruby', text: `gem '${name}', '${v}'` }, { label: 'gem', language: 'shellscript', text: `gem install ${shellArg(name)} -v ${shellArg(v)}` }];
    case 'cargo':
      return [{ label: 'Cargo.toml', language: 'toml', text: `${name} = "${v}"` }, { label: 'cargo', language: 'shellscript', text: `cargo add ${shellArg(`${name}@${v}`)}` }];
    case 'generic': {
      const args = [
        '--domain', t.domain ?? '<domain>', ...(t.domainOwner ? ['--domain-owner', t.domainOwner] : []), '--repository', t.repository ?? '<repository>',
        '--format', 'generic', ...(ns ? ['--namespace', ns] : []), '--package', name, '--package-version', v, '--asset', '<asset-name>', '<asset-name>',
      ];
      return [{ label: 'AWS CLI', language: 'shellscript', text: `aws codeartifact get-package-version-asset ${args.map(shellArg).join(' ')}` }];
    }
    default:
      return [];
  }
}
