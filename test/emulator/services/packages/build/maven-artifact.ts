import { zip } from '../archive/zip';
import { classFileWithConstant } from './class-file';

export interface MavenDependencyInput {
  groupId: string;
  artifactId: string;
  version: string;
  scope?: string;
}

export interface MavenArtifactInput {
  groupId: string;
  artifactId: string;
  version: string;
  name?: string;
  description?: string;
  url?: string | undefined;
  license?: string;
  dependencies: MavenDependencyInput[];
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function pom(input: MavenArtifactInput): string {
  const deps = input.dependencies.map((d) => [
    '    <dependency>',
    `      <groupId>${xml(d.groupId)}</groupId>`,
    `      <artifactId>${xml(d.artifactId)}</artifactId>`,
    `      <version>${xml(d.version)}</version>`,
    ...(d.scope ? [`      <scope>${xml(d.scope)}</scope>`] : []),
    '    </dependency>',
  ].join('\n'));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">',
    '  <modelVersion>4.0.0</modelVersion>',
    `  <groupId>${xml(input.groupId)}</groupId>`,
    `  <artifactId>${xml(input.artifactId)}</artifactId>`,
    `  <version>${xml(input.version)}</version>`,
    '  <packaging>jar</packaging>',
    ...(input.name ? [`  <name>${xml(input.name)}</name>`] : []),
    ...(input.description ? [`  <description>${xml(input.description)}</description>`] : []),
    ...(input.url ? [`  <url>${xml(input.url)}</url>`] : []),
    ...(input.license ? ['  <licenses>', `    <license><name>${xml(input.license)}</name></license>`, '  </licenses>'] : []),
    ...(deps.length ? ['  <dependencies>', ...deps, '  </dependencies>'] : []),
    '</project>',
    '',
  ].join('\n');
}

/** A jar with a manifest, the embedded POM and one compiled class holding the version. */
export function jar(input: MavenArtifactInput): Buffer {
  const pkg = input.groupId.replace(/\./g, '/');
  const className = `${pkg}/${input.artifactId.replace(/[^A-Za-z0-9]/g, '_')}/BuildInfo`;
  const meta = `META-INF/maven/${input.groupId}/${input.artifactId}`;
  const manifest = [
    'Manifest-Version: 1.0',
    'Created-By: conveyor-emulator',
    `Implementation-Title: ${input.artifactId}`,
    `Implementation-Version: ${input.version}`,
    '', '',
  ].join('\r\n');
  return zip([
    { path: 'META-INF/MANIFEST.MF', content: Buffer.from(manifest) },
    { path: `${meta}/pom.xml`, content: Buffer.from(pom(input)) },
    { path: `${meta}/pom.properties`, content: Buffer.from(`groupId=${input.groupId}\nartifactId=${input.artifactId}\nversion=${input.version}\n`) },
    { path: `${className}.class`, content: classFileWithConstant(className, 'VERSION', input.version) },
  ]);
}
