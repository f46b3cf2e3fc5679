import assert from 'node:assert/strict';
import { detectTools } from '../../../src/artifacts/detect/detect';
import { installSnippets } from '../../../src/artifacts/snippets/snippets';

const listing = (files: Record<string, string | null>) => ({
  files: Object.keys(files),
  read: (f: string) => files[f] ?? undefined,
});
const tools = (files: Record<string, string | null>) => detectTools(listing(files)).map((d) => d.tool);

describe('workspace tool detection', () => {
  it('tells npm, pnpm and Yarn Berry apart by lockfile, .yarnrc.yml and packageManager', () => {
    assert.deepEqual(tools({ 'package.json': '{}', 'package-lock.json': null }), ['npm']);
    assert.deepEqual(tools({ 'package.json': '{}', 'pnpm-lock.yaml': null }), ['pnpm', 'npm']);
    assert.deepEqual(tools({ 'package.json': '{}', 'yarn.lock': null, '.yarnrc.yml': null }), ['yarn', 'npm']);
    assert.deepEqual(tools({ 'package.json': '{"packageManager":"yarn@4.5.0"}', 'yarn.lock': null }), ['yarn', 'npm']);
    assert.deepEqual(tools({ 'package.json': '{"packageManager":"pnpm@9.1.0"}' }), ['pnpm', 'npm']);
    const classic = detectTools(listing({ 'package.json': '{}', 'yarn.lock': null }));
    assert.deepEqual(classic.map((d) => d.tool), ['npm']);
    assert.match(classic[0]?.evidence ?? '', /Yarn 1 reads \.npmrc/);
  });

  it('finds Python tools: Poetry from poetry.lock or [tool.poetry], pip from requirements/pyproject, twine from build metadata', () => {
    assert.deepEqual(tools({ 'requirements.txt': null }), ['pip']);
    assert.deepEqual(tools({ 'requirements-dev.txt': null }), ['pip']);
    assert.deepEqual(tools({ 'pyproject.toml': '[tool.poetry]\nname = "x"\n' }), ['poetry', 'pip']);
    assert.deepEqual(tools({ 'pyproject.toml': '[project]\nname="x"\n', 'poetry.lock': null }), ['poetry', 'pip']);
    assert.deepEqual(tools({ 'pyproject.toml': '[build-system]\nrequires = ["hatchling"]\n' }), ['pip', 'twine']);
    assert.deepEqual(tools({ 'setup.py': null }), ['pip', 'twine']);
  });

  it('finds Maven, Gradle (Groovy or Kotlin), .NET and Swift', () => {
    assert.deepEqual(tools({ 'pom.xml': null }), ['maven']);
    assert.deepEqual(tools({ 'build.gradle.kts': null }), ['gradle']);
    assert.deepEqual(tools({ 'settings.gradle': null }), ['gradle']);
    assert.deepEqual(tools({ 'src/App/App.csproj': null }), ['dotnet']);
    assert.deepEqual(tools({ 'nuget.config': null }), ['nuget']);
    assert.deepEqual(tools({ 'Package.swift': null }), ['swift']);
    assert.deepEqual(tools({ 'README.md': null }), []);
  });

  it('puts root-level evidence before evidence in subfolders', () => {
    assert.deepEqual(tools({ 'web/package.json': '{}', 'pom.xml': null }), ['npm', 'maven']);
    const d = detectTools(listing({ 'web/package.json': '{}', 'package.json': '{}' }));
    assert.equal(d[0]?.evidence, 'package.json');
  });
});

describe('install snippets', () => {
  it('npm: scoped install commands for npm, pnpm and Yarn', () => {
    const s = installSnippets({ format: 'npm', namespace: 'acme', package: 'ui-kit', version: '2.3.1' });
    assert.deepEqual(s.map((x) => x.text), ['npm install @acme/ui-kit@2.3.1', 'pnpm add @acme/ui-kit@2.3.1', 'yarn add @acme/ui-kit@2.3.1', '"@acme/ui-kit": "2.3.1"']);
  });

  it('Maven XML escapes, Gradle coordinates', () => {
    const s = installSnippets({ format: 'maven', namespace: 'com.acme', package: 'core<x>', version: '1.0' });
    assert.equal(s[0]?.text, '<dependency>\n  <groupId>com.acme</groupId>\n  <artifactId>core&lt;x&gt;</artifactId>\n  <version>1.0</version>\n</dependency>');
    assert.equal(s[1]?.text, 'implementation("com.acme:core<x>:1.0")');
    assert.equal(s[2]?.text, "implementation 'com.acme:core<x>:1.0'");
  });

  it('pip, NuGet, Swift and generic', () => {
    assert.equal(installSnippets({ format: 'pypi', package: 'acme-utils', version: '0.4.0' })[0]?.text, 'pip install acme-utils==0.4.0');
    assert.equal(installSnippets({ format: 'nuget', package: 'Acme.Core', version: '3.1.0' })[0]?.text, '<PackageReference Include="Acme.Core" Version="3.1.0" />');
    assert.equal(installSnippets({ format: 'nuget', package: 'Acme.Core', version: '3.1.0' })[1]?.text, 'dotnet add package Acme.Core --version 3.1.0');
    assert.equal(installSnippets({ format: 'swift', namespace: 'acme', package: 'Networking', version: '1.2.0' })[0]?.text, '.package(id: "acme.Networking", exact: "1.2.0")');
    assert.match(installSnippets({ format: 'generic', namespace: 'tools', package: 'cli', version: '1', domain: 'acme', repository: 'bin' })[0]?.text ?? '',
      /^aws codeartifact get-package-version-asset --domain acme --repository bin --format generic --namespace tools --package cli --package-version 1 /);
  });

  it('quotes shell arguments that need it', () => {
    assert.equal(installSnippets({ format: 'pypi', package: 'weird name', version: '1' })[0]?.text, "pip install 'weird name==1'");
  });
});
