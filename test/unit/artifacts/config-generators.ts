// fast-check generators of plausible pre-existing config files, one per format: comments, odd
// spacing, CRLF, missing final newline, unrelated entries and entries Conveyor is about to replace.
import fc from 'fast-check';
import type { EditOp } from '../../../src/artifacts/config/edit';
import type { ConfigFormat } from '../../../src/artifacts/config/formats';

export const HOST = 'demo-111111111111.d.codeartifact.us-east-1.amazonaws.com';
export const ENDPOINT = `https://${HOST}/npm/team-repo/`;
export const PYPI = `https://${HOST}/pypi/team-repo/`;

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const words = fc.array(word, { minLength: 0, maxLength: 4 }).map((w) => w.join(' '));
const eol = fc.constantFrom('\n', '\n', '\r\n');
const pad = fc.constantFrom('', '', ' ', '  ', '\t');

/** Joins lines with an EOL style, with or without a final newline. */
function file(linesArb: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return fc.tuple(linesArb, eol, fc.boolean()).map(([ls, e, final]) => (ls.length === 0 ? '' : ls.join(e) + (final ? e : '')));
}

function linesOf(...pools: fc.Arbitrary<string>[]): fc.Arbitrary<string[]> {
  return fc.array(fc.oneof(...pools), { maxLength: 14 });
}

// ---- .npmrc
const npmrcLine = fc.oneof(
  words.map((w) => `# ${w}`), words.map((w) => `;${w}`), fc.constant(''), pad,
  fc.tuple(word, pad, pad, word).map(([k, a, b, v]) => `${k}${a}=${b}${v}`),
  fc.tuple(word, words).map(([k, v]) => `${k}="${v}"`),
  fc.tuple(word, word, words).map(([k, v, c]) => `${k}=${v} ; ${c}`),
  fc.constantFrom('registry=https://registry.npmjs.org/', '@team:registry=https://old.example/', `//${HOST}/npm/team-repo/:_authToken=OLDTOKEN`,
    `//${HOST}/npm/team-repo/:_authToken = "OLD QUOTED"`, 'always-auth', 'fund=false', `//${HOST}/npm/other/:_authToken=\${X}`),
);
const npmrc = file(fc.tuple(linesOf(npmrcLine), fc.option(fc.tuple(word, linesOf(npmrcLine)), { freq: 5 }))
  .map(([top, sec]) => (sec ? [...top, `[${sec[0]}]`, ...sec[1]] : top)));

// ---- INI (pip.conf, .pypirc): mostly valid for configparser (sections, options, continuations),
// sometimes not (a stray line before any header, an option without a delimiter).
const iniOption = fc.tuple(pad, word, fc.constantFrom(' = ', '=', ': ', ' :'), words).map(([p, k, d, v]) => `${p}${k}${d}${v}`);
const iniContinuation = fc.tuple(fc.constantFrom('    ', '  ', '\t'), word).map(([p, w]) => `${p}${w}`);
const iniComment = fc.oneof(words.map((w) => `# ${w}`), words.map((w) => `; ${w}`), fc.constant(''));
function iniFile(headers: fc.Arbitrary<string>, special: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  const option = fc.tuple(iniOption, fc.array(iniContinuation, { maxLength: 2 })).map(([o, c]) => [o, ...c]);
  const body = fc.array(fc.oneof({ weight: 3, arbitrary: option }, iniComment.map((c) => [c]), special), { maxLength: 5 }).map((b) => b.flat());
  const section = fc.tuple(headers, body).map(([h, b]) => [h, ...b]);
  const stray = fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('stray line', 'key-without-delimiter') });
  return file(fc.tuple(fc.array(iniComment, { maxLength: 2 }), fc.array(section, { maxLength: 4 }), stray).map(([head, sections, bad]) => [
    ...head, ...(bad ? [bad] : []), ...sections.flat(),
  ]));
}
const pipconf = iniFile(fc.constantFrom('[global]', '[install]', '[freeze]', ' [global]', '[global]'), fc.constantFrom(
  ['timeout = 60'], ['index-url = https://pypi.org/simple'], ['Index_URL=https://old.example/simple'],
  ['extra-index-url =', `    https://aws:OLD@${HOST}/pypi/team-repo/simple/`, '    https://other.example/simple'],
  ['extra-index-url = https://a.example/simple https://b.example/simple'],
));
const pypirc = iniFile(fc.constantFrom('[distutils]', '[pypi]', '[testpypi]', '[codeartifact]'), fc.constantFrom(
  ['index-servers =', '    pypi', '    testpypi'], ['index-servers = pypi testpypi'], ['index-servers =', '    pypi', '    codeartifact'],
  ['username = __token__'], ['password = pypi-SECRET'], ['repository: https://old.example/'], ['Password: OLD'],
));

// ---- gradle.properties
const propLine = fc.oneof(
  words.map((w) => `# ${w}`), words.map((w) => `! ${w}`), fc.constant(''), pad,
  fc.tuple(pad, word, fc.constantFrom('=', ' = ', ':', ' ', '\t'), words).map(([p, k, d, v]) => `${p}${k}${d}${v}`),
  fc.tuple(word, word).map(([k, v]) => `${k}=${v}\\`), fc.tuple(pad, word).map(([p, v]) => `${p}${v}`),
  fc.constantFrom('org.gradle.jvmargs=-Xmx2g', 'codeartifactToken=OLD', 'codeartifactUrl = https://old.example/', 'key\\ with\\ spaces=1',
    'codeartifact\\Token=escaped', 'x=a\\\\'),
);
const properties = file(linesOf(propLine));

// ---- requirements.txt
const reqLine = fc.oneof(
  words.map((w) => `# ${w}`), fc.constant(''), word.map((w) => `${w}==1.0`), word.map((w) => `${w}>=2 \\`),
  fc.constantFrom('-i https://pypi.org/simple', '--index-url=https://old.example/simple', '--extra-index-url https://other.example/simple',
    `--extra-index-url https://aws:OLD@${HOST}/pypi/team-repo/simple/`, '-r base.txt', 'requests[socks]==2.31 ; python_version > "3"'),
);
const requirements = file(linesOf(reqLine));

// ---- .netrc
const netrcLine = fc.oneof(
  fc.tuple(word, word, word).map(([m, l, p]) => `machine ${m}.example login ${l} password ${p}`),
  fc.tuple(word, word).map(([m, l]) => `machine ${m}.example\n  login ${l}\n  password secret`),
  words.map((w) => `# ${w}`), fc.constant(''), fc.constant('default login anonymous password me@example.com'),
  fc.tuple(word, words).map(([n, body]) => `macdef ${n}\n${body || 'cd /'}\n`),
  fc.constantFrom(`machine ${HOST} login token password OLDTOKEN`, `machine ${HOST}\n    login aws`, `machine ${HOST} account x`),
);
/** At most one entry for HOST: with several, which one wins depends on the tool, and the editor refuses. */
const netrc = file(linesOf(netrcLine).map((ls) => {
  let seen = false;
  return ls.filter((l) => {
    if (!l.startsWith(`machine ${HOST}`)) return true;
    if (seen) return false;
    seen = true;
    return true;
  });
}));

// ---- TOML (pyproject.toml, auth.toml)
const tomlLine = fc.oneof(
  words.map((w) => `# ${w}`), fc.constant(''),
  fc.tuple(word, words).map(([k, v]) => `${k} = "${v}"`), fc.tuple(word, word).map(([k, v]) => `${k} = '${v}' # note`),
  fc.tuple(word, word).map(([k, v]) => `${k} = [\n  "${v}", # item\n  "]",\n]`),
  fc.tuple(word, words).map(([k, v]) => `${k} = """\n${v}\n[not.a.table]\n"""`),
  fc.tuple(word, word).map(([a, b]) => `[${a}.${b}]`),
  fc.constantFrom('[tool.poetry]', 'name = "demo"', '[tool.poetry.dependencies]', 'python = "^3.11"', '[[tool.poetry.source]]',
    'name = "internal"', 'name = "codeartifact"', 'url = "https://old.example/simple/"', 'default = false', '[http-basic.other]',
    '[http-basic.codeartifact]', 'username = "someone"', 'password = "OLD"', '[build-system]', 'inline = { a = 1, b = "x" }'),
);
const toml = file(linesOf(tomlLine));

// ---- YAML (.yarnrc.yml): generated as a tree so it is always valid YAML.
const yamlScalar = fc.oneof(word, fc.constantFrom('"quoted: yes"', "'single'", 'true', '42', '~', 'null'), words.map((w) => JSON.stringify(w)));
const yamlComment = fc.option(words.map((w) => ` # ${w}`), { nil: '' });
type YamlBlock = string[];
function yamlMap(depth: number, indent: string): fc.Arbitrary<YamlBlock> {
  const leaf = fc.tuple(word, yamlScalar, yamlComment).map(([k, v, c]): YamlBlock => [`${indent}${k}: ${v}${c}`]);
  const block = fc.tuple(word, words).map(([k, v]): YamlBlock => [`${indent}${k}: |`, `${indent}  ${v || 'text'}`, `${indent}  more`]);
  const seq = fc.tuple(word, fc.array(word, { minLength: 1, maxLength: 3 })).map(([k, items]): YamlBlock => [`${indent}${k}:`, ...items.map((i) => `${indent}  - ${i}`)]);
  const flow = fc.tuple(word, word).map(([k, v]): YamlBlock => [`${indent}${k}: { a: ${v}, b: [1, 2] }`]);
  const comment = words.map((w): YamlBlock => [`${indent}# ${w}`]);
  const blank = fc.constant<YamlBlock>(['']);
  const nested = depth > 0 ? fc.tuple(word, yamlMap(depth - 1, `${indent}  `)).map(([k, body]): YamlBlock => (body.some((l) => /\S/.test(l) && !l.trim().startsWith('#')) ? [`${indent}${k}:`, ...body] : [`${indent}${k}: x`])) : leaf;
  return fc.array(fc.oneof({ weight: 4, arbitrary: leaf }, block, seq, flow, comment, blank, { weight: 2, arbitrary: nested }), { maxLength: 6 })
    .map((items) => dedupeYamlKeys(items.flat(), indent));
}
/** Drops later lines whose key repeats at the same indent (duplicate keys are invalid YAML). */
function dedupeYamlKeys(lines: string[], indent: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let skipping = false;
  for (const l of lines) {
    const m = new RegExp(`^${indent}([A-Za-z0-9_"-][^:]*):`).exec(l);
    const atLevel = m && !l.slice(indent.length).startsWith(' ');
    if (atLevel && m?.[1]) {
      skipping = seen.has(m[1]);
      seen.add(m[1]);
    } else if (l.startsWith(indent) && !l.slice(indent.length).startsWith(' ') && l.trim() !== '') skipping = false;
    if (!skipping) out.push(l);
  }
  return out;
}
const yarnSpecial = fc.constantFrom<YamlBlock>(
  ['npmScopes:', '  other:', '    npmRegistryServer: "https://other.example/"'],
  ['npmScopes:', '  team:', '    npmRegistryServer: https://old.example/ # old', '    npmAuthToken: OLD'],
  ['npmScopes: ~'], ['npmScopes:'], ['npmScopes: null # nothing yet'],
  ['npmRegistryServer: "https://registry.yarnpkg.com"'],
  ['npmRegistries:', `  "//${HOST}/npm/team-repo/":`, '    npmAuthToken: "OLD"'],
  ['nodeLinker: node-modules'], ['yarnPath: .yarn/releases/yarn-4.cjs'],
);
const yaml = fc.tuple(fc.option(fc.constant('# Yarn settings'), { nil: undefined }), yamlMap(2, ''), fc.array(yarnSpecial, { maxLength: 3 }), eol, fc.boolean())
  .map(([head, body, specials, e, final]) => {
    const all = dedupeYamlKeys([...(head ? [head] : []), ...specials.flat(), ...body], '');
    return all.length === 0 ? '' : all.join(e) + (final ? e : '');
  });

// ---- XML: Maven settings.xml and NuGet.Config, built as trees with varied layout.
interface XmlStyle { unit: string; e: string; compact: boolean }
const xmlStyle: fc.Arbitrary<XmlStyle> = fc.record({ unit: fc.constantFrom('  ', '    ', '\t'), e: eol, compact: fc.boolean() });
function xmlDoc(root: string, rootAttrs: string, children: fc.Arbitrary<string[][]>): fc.Arbitrary<string> {
  return fc.tuple(xmlStyle, children, fc.boolean(), fc.boolean(), fc.option(words, { nil: undefined })).map(([st, kids, decl, final, comment]) => {
    const { unit, e, compact } = st;
    const render = (node: string[], depth: number): string => {
      // node: [open, ...children lines (already rendered strings), close] encoded as lines at depth 0
      const ind = compact ? '' : unit.repeat(depth);
      return node.map((l) => ind + l).join(compact ? '' : e);
    };
    const inner = kids.map((k) => render(k.map((l) => (compact ? l.trimStart() : l.replace(/^( {2})+/, (m) => unit.repeat(m.length / 2)))), 1));
    const sep = compact ? '' : e;
    const head = decl ? `<?xml version="1.0" encoding="UTF-8"?>${e}` : '';
    const note = comment !== undefined ? `<!-- ${comment} -->${e}` : '';
    const body = `<${root}${rootAttrs}>${inner.length ? sep + inner.join(sep) + sep : sep}</${root}>`;
    return head + note + body + (final ? e : '');
  });
}
const mavenChild = fc.oneof(
  fc.constant(['<localRepository>/tmp/m2</localRepository>']),
  fc.constant(['<servers/>']), fc.constant(['<servers></servers>']),
  fc.tuple(word, word).map(([id, u]) => ['<servers>', `  <server>`, `    <id>${id}</id>`, `    <username>${u}</username>`, '  </server>', '</servers>']),
  fc.constant(['<servers>', '  <!-- company servers -->', '  <server>', '    <id>codeartifact-demo-team-repo</id>', '    <username>aws</username>', '    <password>OLD</password>', '  </server>', '</servers>']),
  fc.constant(['<profiles>', '  <profile>', '    <id>dev</id>', '    <properties><x>1</x></properties>', '  </profile>', '</profiles>']),
  fc.constant(['<activeProfiles>', '  <activeProfile>dev</activeProfile>', '</activeProfiles>']),
  fc.constant(['<activeProfiles/>']),
  fc.constant(['<mirrors>', '  <mirror>', '    <id>central-proxy</id>', '    <mirrorOf>central</mirrorOf>', '    <url>https://proxy.example/maven2</url>', '  </mirror>', '</mirrors>']),
  words.map((w) => [`<!-- ${w} -->`]),
  fc.constant(['<pluginGroups><pluginGroup>org.example</pluginGroup></pluginGroups>']),
);
const uniqueByHead = (kids: ReadonlyArray<readonly string[]>): string[][] => {
  const seen = new Set<string>();
  return kids.map((k) => [...k]).filter((k) => {
    const head = /^<([a-zA-Z]+)/.exec(k[0] ?? '')?.[1] ?? '';
    if (!head || k[0]?.startsWith('<!--')) return true;
    if (seen.has(head)) return false;
    seen.add(head);
    return true;
  });
};
const mavenSettings = xmlDoc('settings', ' xmlns="http://maven.apache.org/SETTINGS/1.0.0"', fc.array(mavenChild, { maxLength: 6 }).map(uniqueByHead));
const nugetChild = fc.oneof(
  fc.constant(['<packageSources>', '  <clear />', '  <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />', '</packageSources>']),
  fc.constant(['<packageSources/>']),
  fc.constant(['<packageSources>', '  <add key="codeartifact-demo-team-repo" value="https://old.example/v3/index.json" />', '</packageSources>']),
  fc.constant(['<packageSourceCredentials>', '  <other>', '    <add key="Username" value="me" />', '  </other>', '</packageSourceCredentials>']),
  fc.constant(['<packageSourceCredentials>', '  <codeartifact-demo-team-repo>', '    <add key="Username" value="aws" />', '    <add key="ClearTextPassword" value="OLD" />', '  </codeartifact-demo-team-repo>', '</packageSourceCredentials>']),
  fc.constant(['<config>', '  <add key="globalPackagesFolder" value="/tmp/pkgs" />', '</config>']),
  words.map((w) => [`<!-- ${w} -->`]),
);
const nugetConfig = xmlDoc('configuration', '', fc.array(nugetChild, { maxLength: 5 }).map(uniqueByHead));

// ---- JSON (registries.json)
const jsonValue = fc.oneof(fc.constant('1'), fc.constant('true'), word.map((w) => JSON.stringify(w)), fc.constant('[1, 2]'), fc.constant('{}'), fc.constant('{ "a": 1 }'));
const json = fc.tuple(
  fc.uniqueArray(fc.tuple(fc.oneof(word, fc.constantFrom('version', 'authentication')), jsonValue), { maxLength: 5, selector: ([k]) => k })
    .map((kv) => kv.map(([k, v]): [string, string] => [k, k === 'authentication' ? (v.startsWith('{') ? v : '{}') : v])),
  fc.constantFrom('  ', '    ', '\t', ''), eol, fc.boolean(),
  fc.constantFrom<string | undefined>(undefined, '{}', '{ }', '{\n  }', '{ "[default]": { "url": "https://old.example/" } }', '{ "other": { "url": "https://o.example/" } }'),
).map(([entries, unit, e, final, registries]) => {
  const kv = entries.filter(([k]) => k !== 'registries').map(([k, v]) => `${JSON.stringify(k)}: ${v}`);
  if (registries !== undefined) kv.push(`"registries": ${registries.replace(/\n/g, e)}`);
  const body = unit === '' ? `{${kv.join(', ')}}` : kv.length === 0 ? '{}' : `{${e}${kv.map((l) => unit + l).join(`,${e}`)}${e}}`;
  return body + (final ? e : '');
});

export const FILES: Record<string, { format: ConfigFormat; text: fc.Arbitrary<string>; ops: (token: string) => EditOp[] }> = {
  npmrc: { format: 'npmrc', text: npmrc, ops: (t) => [
    { address: ['@team:registry'], value: ENDPOINT },
    { address: [`//${HOST}/npm/team-repo/:_authToken`], value: t, secret: true },
  ] },
  'npmrc (default registry)': { format: 'npmrc', text: npmrc, ops: (t) => [
    { address: ['registry'], value: ENDPOINT },
    { address: [`//${HOST}/npm/team-repo/:_authToken`], value: t, secret: true },
  ] },
  'pip.conf index-url': { format: 'pipconf', text: pipconf, ops: (t) => [
    { address: ['global', 'index-url'], value: `https://aws:${t}@${HOST}/pypi/team-repo/simple/`, secret: true },
  ] },
  'pip.conf extra-index-url': { format: 'pipconf', text: pipconf, ops: (t) => [
    { address: ['global', 'extra-index-url', '+', `https://${HOST}/pypi/team-repo/simple/`], value: `https://aws:${t}@${HOST}/pypi/team-repo/simple/`, secret: true },
  ] },
  '.pypirc': { format: 'pypirc', text: pypirc, ops: (t) => [
    { address: ['distutils', 'index-servers', '+', 'codeartifact'], value: 'codeartifact' },
    { address: ['codeartifact', 'repository'], value: PYPI },
    { address: ['codeartifact', 'username'], value: 'aws' },
    { address: ['codeartifact', 'password'], value: t, secret: true },
  ] },
  'gradle.properties': { format: 'properties', text: properties, ops: (t) => [
    { address: ['codeartifactUrl'], value: `https://${HOST}/maven/team-repo/` },
    { address: ['codeartifactToken'], value: t, secret: true },
  ] },
  'requirements.txt': { format: 'requirements', text: requirements, ops: (t) => [
    { address: ['index-url'], value: `https://aws:${t}@${HOST}/pypi/team-repo/simple/`, secret: true },
  ] },
  'requirements.txt extra': { format: 'requirements', text: requirements, ops: (t) => [
    { address: ['extra-index-url', `https://${HOST}/pypi/team-repo/simple/`], value: `https://aws:${t}@${HOST}/pypi/team-repo/simple/`, secret: true },
  ] },
  '.netrc': { format: 'netrc', text: netrc, ops: (t) => [
    { address: [HOST, 'login'], value: 'token' },
    { address: [HOST, 'password'], value: t, secret: true },
  ] },
  'pyproject.toml': { format: 'toml', text: toml, ops: (t) => [
    { address: ['[[tool.poetry.source]]', 'name=codeartifact', 'url'], value: JSON.stringify(`${PYPI}simple/`) },
    { address: ['[[tool.poetry.source]]', 'name=codeartifact', 'default'], value: 'true' },
    { address: ['[http-basic.codeartifact]', 'password'], value: JSON.stringify(t), secret: true },
  ] },
  '.yarnrc.yml (scope)': { format: 'yaml', text: yaml, ops: (t) => [
    { address: ['npmScopes', 'team', 'npmRegistryServer'], value: JSON.stringify(ENDPOINT) },
    { address: ['npmScopes', 'team', 'npmAuthToken'], value: JSON.stringify(t), secret: true },
    { address: ['npmScopes', 'team', 'npmAlwaysAuth'], value: 'true' },
  ] },
  '.yarnrc.yml (default registry)': { format: 'yaml', text: yaml, ops: (t) => [
    { address: ['npmRegistryServer'], value: JSON.stringify(ENDPOINT) },
    { address: ['npmRegistries', `//${HOST}/npm/team-repo/`, 'npmAuthToken'], value: JSON.stringify(t), secret: true },
    { address: ['npmRegistries', `//${HOST}/npm/team-repo/`, 'npmAlwaysAuth'], value: 'true' },
  ] },
  'settings.xml': { format: 'xml', text: mavenSettings, ops: (t) => {
    const id = 'codeartifact-demo-team-repo';
    return [
      { address: ['settings', 'servers', `server[id=${id}]`, 'username'], value: 'aws' },
      { address: ['settings', 'servers', `server[id=${id}]`, 'password'], value: t, secret: true },
      { address: ['settings', 'profiles', `profile[id=${id}]`, 'repositories', `repository[id=${id}]`, 'url'], value: `https://${HOST}/maven/team-repo/` },
      { address: ['settings', 'activeProfiles', `activeProfile[.=${id}]`], value: id },
    ];
  } },
  'NuGet.Config': { format: 'xml', text: nugetConfig, ops: (t) => {
    const name = 'codeartifact-demo-team-repo';
    return [
      { address: ['configuration', 'packageSources', `add[@key=${name}]`, '@value'], value: `https://${HOST}/nuget/team-repo/v3/index.json` },
      { address: ['configuration', 'packageSourceCredentials', name, 'add[@key=Username]', '@value'], value: 'aws' },
      { address: ['configuration', 'packageSourceCredentials', name, 'add[@key=ClearTextPassword]', '@value'], value: t, secret: true },
    ];
  } },
  'registries.json': { format: 'json', text: json, ops: () => [
    { address: ['registries', '[default]', 'url'], value: JSON.stringify(`https://${HOST}/swift/team-repo/`) },
    { address: ['registries', '[default]', 'supportsAvailability'], value: 'false' },
    { address: ['authentication', HOST, 'type'], value: JSON.stringify('token') },
    { address: ['authentication', HOST, 'loginAPIPath'], value: JSON.stringify('/swift/team-repo/login') },
    { address: ['version'], value: '1' },
  ] },
};

/** Two tokens that cannot occur in generated files. */
export const TOKENS = fc.tuple(fc.stringMatching(/^eyJ[A-Za-z0-9_-]{12,40}$/), fc.stringMatching(/^eyJ[A-Za-z0-9_-]{12,40}$/)).filter(([a, b]) => a !== b && !a.includes(b) && !b.includes(a));
