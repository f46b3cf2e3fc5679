import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Function as PFunction, Line, Location, Profile as PProfile, Sample, StringTable, ValueType } from 'pprof-format';
import { analyse, resolveProfile } from '../../../src/profiler/model/analysis';
import { decodeProfile, decodeProfileAsync } from '../../../src/profiler/model/decode';
import { fileHeat } from '../../../src/profiler/model/heat';
import { SourceResolver, type WorkspaceFile } from '../../../src/profiler/model/resolve';
import type { Profile } from '../../../src/profiler/model/profile';
import { sourceMapMapper } from '../../../src/profiler/model/source-maps';
import { jfrPrinter } from '../../../src/profiler/service/jfr-tool';
import { loadSourceMapFor } from '../../../src/profiler/service/source-map-files';
import * as esbuild from 'esbuild';
import { FIXTURES } from './helpers';

/** Copies a fixture program into a fresh folder (the "workspace" the profile is resolved against). */
function workspace(name: string): { dir: string; files: WorkspaceFile[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `conveyor-real-${name}-`));
  fs.cpSync(path.join(FIXTURES, 'real', name), dir, { recursive: true });
  const files: WorkspaceFile[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else files.push({ path: p, rel: path.relative(dir, p) });
    }
  };
  walk(dir);
  return { dir, files };
}

const readText = (p: string): string | undefined => { try { return fs.readFileSync(p, 'utf8'); } catch { return undefined; } };

/** The function with the most self samples in the profile's default view (among those `counts` keeps). */
function hottest(profile: Profile, counts: (name: string) => boolean = () => true): { name: string; self: number; share: number } {
  const a = analyse(profile, 'cpu');
  let best = 0;
  for (let id = 1; id < a.tree.names.length; id++) if (counts(a.tree.names[id]!) && a.stats.self[id]! > a.stats.self[best]!) best = id;
  return { name: a.tree.names[best]!, self: a.stats.self[best]!, share: a.stats.self[best]! / a.stats.rootTotal };
}

/** The profile's hottest function is `hot`, it resolves to `file`, and `file` has per-line heat within `lines` (0-based). */
function assertHotAndResolved(profile: Profile, hot: string, file: string, files: WorkspaceFile[], lines: [number, number]): void {
  assert.equal(hottest(profile).name, hot);
  const resolver = new SourceResolver(files, readText);
  assert.equal(resolveProfile(profile.tree, resolver).byName.get(hot)?.file.path, file);
  const marks = heatOf(profile, file, resolver);
  assert.ok(marks.some((m) => m.granularity === 'line' && m.startLine >= lines[0] && m.startLine <= lines[1]), JSON.stringify(marks.map((m) => [m.startLine, m.granularity])));
}

/** Heat marks of one file, through the same path the editor takes. */
function heatOf(profile: Profile, file: string, resolver: SourceResolver): ReturnType<typeof fileHeat> {
  const res = resolveProfile(profile.tree, resolver);
  const a = analyse(profile, 'cpu');
  return fileHeat({ tree: a.tree, frames: profile.tree, profile, view: a.view, inFile: (id) => res.byName.get(profile.tree.names[id]!)?.file.path === file,
    definitionLine: () => undefined });
}

describe('profiler: real profiles from the real tools', function () {
  this.timeout(240_000);

  it('go test -cpuprofile: pprof with cpu/nanoseconds, Checksum hot, resolved to hot.go by file and by symbol', () => {
    const { dir, files } = workspace('go');
    const env = { ...process.env, HOME: dir, GOCACHE: path.join(dir, '.cache'), GOPATH: path.join(dir, '.gopath'), GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GOPROXY: 'off' };
    const out = path.join(dir, 'cpu.pprof');
    execFileSync('go', ['test', '-count=1', `-cpuprofile=${out}`, '.'], { cwd: dir, env, stdio: 'pipe' });
    const profile = decodeProfile(fs.readFileSync(out), { fileName: 'cpu.pprof' });
    assert.equal(profile.format, 'pprof');
    assert.deepEqual([...profile.tree.counters], ['samples', 'cpu']);
    assert.equal(profile.units.get('cpu'), 'nanoseconds');
    assert.equal(analyse(profile, 'cpu').view, 'counter:cpu', 'the pprof default sample type is shown');
    // On a busy machine most CPU samples can land in runtime.asyncPreempt, on top of the preempted
    // loop (`go tool pprof -top` shows the same): the program's own hottest function is the point.
    const hot = hottest(profile, (name) => !name.startsWith('runtime.'));
    assert.equal(hot.name, 'example.com/hotloop.Checksum');
    const hotGo = path.join(dir, 'hot.go');
    const resolver = new SourceResolver(files, readText);
    assert.equal(resolveProfile(profile.tree, resolver).byName.get(hot.name)?.file.path, hotGo);
    assert.equal(new SourceResolver(files, readText).resolve({ name: hot.name })?.file.path, hotGo, 'by symbol alone');
    assert.equal(new SourceResolver(files, readText).resolve({ name: 'example.com/hotloop.(*Hasher).Mix' })?.file.path, hotGo);
    const marks = heatOf(profile, hotGo, resolver);
    const loop = marks.filter((m) => m.granularity === 'line' && m.startLine >= 5 && m.startLine <= 8);
    assert.ok(loop.length > 0, `per-line heat inside Checksum's loop: ${JSON.stringify(marks.map((m) => [m.startLine, m.granularity]))}`);
    assert.ok(marks.every((m) => m.startLine === m.endLine), 'pprof has lines: every mark is one line');
    assert.ok(loop.every((m) => m.totalSeconds! > 0 && Math.abs(m.totalSeconds! - m.total / 1e9) < 1e-9), 'cpu nanoseconds shown as seconds');
  });

  it('node --cpu-prof: checksum hot, resolved to hot.js, its executing line from position ticks', () => {
    const { dir, files } = workspace('node');
    execFileSync(process.execPath, ['--no-turbo-inlining', '--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-name=hot.cpuprofile', 'hot.js'], { cwd: dir, stdio: 'pipe' });
    const profile = decodeProfile(fs.readFileSync(path.join(dir, 'hot.cpuprofile')), { fileName: 'hot.cpuprofile' });
    assert.equal(profile.format, 'cpuprofile');
    assertHotAndResolved(profile, 'checksum', path.join(dir, 'hot.js'), files, [4, 7]);
  });

  it('a minified esbuild bundle with a source map + node --cpu-prof: checksum named and resolved to src/checksum.ts', async () => {
    const { dir, files } = workspace('bundle');
    const bundle = path.join(dir, 'dist', 'app.js');
    await esbuild.build({ entryPoints: [path.join(dir, 'src', 'main.ts')], bundle: true, minify: true, sourcemap: true, platform: 'node', outfile: bundle, logLevel: 'silent' });
    assert.doesNotMatch(fs.readFileSync(bundle, 'utf8'), /checksum/, 'the bundle is minified');
    execFileSync(process.execPath, ['--no-turbo-inlining', '--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-name=app.cpuprofile', bundle], { cwd: dir, stdio: 'pipe' });
    const bytes = fs.readFileSync(path.join(dir, 'app.cpuprofile'));
    const profile = await decodeProfileAsync(bytes, { fileName: 'app.cpuprofile', mapFrame: sourceMapMapper(loadSourceMapFor) });
    assert.equal(hottest(profile).name, 'checksum');
    const resolved = resolveProfile(profile.tree, new SourceResolver(files, readText)).byName.get('checksum');
    assert.equal(resolved?.file.rel, path.join('src', 'checksum.ts'));
    assert.equal(profile.definitionLines![profile.tree.names.indexOf('checksum')], 2, 'its line in the TypeScript source');
    assert.notEqual(hottest(decodeProfile(bytes, { fileName: 'app.cpuprofile' })).name, 'checksum', 'without the map the name is minified');
  });

  it('java -XX:StartFlightRecording + jfr: Hot.checksum hot, resolved to demo/Hot.java', async () => {
    const { dir, files } = workspace('java');
    execFileSync('javac', ['-d', path.join(dir, 'classes'), path.join(dir, 'demo', 'Hot.java')], { stdio: 'pipe' });
    const rec = path.join(dir, 'hot.jfr');
    execFileSync('java', [`-XX:StartFlightRecording=filename=${rec},settings=profile`, '-cp', path.join(dir, 'classes'), 'demo.Hot'], { stdio: 'pipe' });
    const profile = await decodeProfileAsync(fs.readFileSync(rec), { fileName: 'hot.jfr', jfr: jfrPrinter() });
    assert.equal(profile.format, 'jfr');
    assert.equal(hottest(profile).name, 'demo.Hot.checksum');
    const resolver = new SourceResolver(files, readText);
    assert.equal(resolveProfile(profile.tree, resolver).byName.get('demo.Hot.checksum')?.file.rel, path.join('demo', 'Hot.java'));
    await assert.rejects(decodeProfileAsync(fs.readFileSync(rec), { fileName: 'hot.jfr', jfr: jfrPrinter({ env: { PATH: dir } }) }), /`jfr` tool .*not found/);
  });

  it('perf record -g + perf script -F +srcline: checksum hot, resolved to hot.c at its loop lines', () => {
    const { dir, files } = workspace('c');
    execFileSync('gcc', ['-g', '-O1', '-fno-omit-frame-pointer', '-o', path.join(dir, 'hot'), path.join(dir, 'hot.c')], { stdio: 'pipe' });
    const data = path.join(dir, 'perf.data');
    execFileSync('perf', ['record', '-F', '499', '-g', '-o', data, '--', path.join(dir, 'hot')], { cwd: dir, stdio: 'pipe' });
    const text = execFileSync('perf', ['script', '-i', data, '-F', '+srcline'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
    const profile = decodeProfile(text, { fileName: 'perf.script' });
    assert.equal(profile.format, 'perf');
    assertHotAndResolved(profile, 'checksum', path.join(dir, 'hot.c'), files, [5, 8]);
  });

  it('a pprof written by the pprof-format encoder: sample types as counters, inlined frames, lines', () => {
    const st = new StringTable();
    const fn = (id: number, name: string, file: string) => new PFunction({ id, name: st.dedup(name), systemName: st.dedup(name), filename: st.dedup(file) });
    const functions = [fn(1, 'main', 'app/main.go'), fn(2, 'handle', 'app/handler.go'), fn(3, 'inlinedHelper', 'app/handler.go')];
    const locations = [
      new Location({ id: 1, line: [new Line({ functionId: 1, line: 10 })] }),
      // An inlined call: inlinedHelper (line 30) inside handle (line 21) at one address.
      new Location({ id: 2, line: [new Line({ functionId: 3, line: 30 }), new Line({ functionId: 2, line: 21 })] }),
      new Location({ id: 3, line: [new Line({ functionId: 2, line: 22 })] }),
    ];
    const profile = new PProfile({
      sampleType: [new ValueType({ type: st.dedup('alloc_objects'), unit: st.dedup('count') }), new ValueType({ type: st.dedup('alloc_space'), unit: st.dedup('bytes') })],
      sample: [new Sample({ locationId: [2, 1], value: [3, 300] }), new Sample({ locationId: [3, 1], value: [1, 4096] })],
      location: locations, function: functions, stringTable: st,
    });
    const p = decodeProfile(profile.encode(), { fileName: 'heap.pb' });
    assert.deepEqual([...p.tree.counters], ['alloc_objects', 'alloc_space']);
    assert.deepEqual([...p.counterTotals], [4, 4396]);
    assert.equal(p.units.get('alloc_space'), 'bytes');
    const a = analyse(p, 'cpu');
    assert.equal(a.view, 'counter:alloc_space', 'the last sample type is the default');
    assert.equal(a.stats.self[p.tree.names.indexOf('inlinedHelper')], 300);
    assert.equal(a.stats.total[p.tree.names.indexOf('handle')], 4396);
    const rows = p.lines!;
    const at = (name: string, line: number, counter: string): number => {
      let v = 0;
      for (let k = 0; k < rows.length; k++) if (p.tree.names[rows.nameId[k]!] === name && rows.line[k] === line && p.tree.counters[rows.counter[k]!] === counter) v += rows.total[k]!;
      return v;
    };
    assert.equal(at('handle', 21, 'alloc_space'), 300);
    assert.equal(at('handle', 22, 'alloc_space'), 4096);
    assert.equal(at('main', 10, 'alloc_objects'), 4);
  });
});
