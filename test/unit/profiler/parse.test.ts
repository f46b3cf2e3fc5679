import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { viewTree } from '../../../src/profiler/model/call-tree';
import { decodeProfile } from '../../../src/profiler/model/decode';
import { parseFoldedStacks } from '../../../src/profiler/model/folded-format';
import { ProfileFormatError } from '../../../src/profiler/model/profile';
import { fixture, FIXTURES, nodeAt, parseCodeGuruJson } from './helpers';

describe('profiler: parsing CodeGuru agent JSON', () => {
  it('parses every shared sample profile without warnings', () => {
    const files = fs.readdirSync(FIXTURES).filter((f) => /\.json(\.gz)?$/.test(f));
    assert.ok(files.length >= 5, `expected the shared samples, found ${files.join(', ')}`);
    for (const f of files) {
      const p = decodeProfile(fixture(f), { fileName: f });
      assert.equal(p.format, 'codeguru', f);
      assert.deepEqual(p.warnings, [], f);
      assert.ok(p.tree.size > 1, f);
      assert.ok(p.counterTotals.some((t) => t > 0), f);
    }
  });

  it('keeps counts as self counts and derives totals (encoder example: `middle` has its own sample)', () => {
    const p = decodeProfile(fixture('python-agent-encoder-example.json'));
    assert.deepEqual(p.tree.counters, ['WALL_TIME']);
    assert.equal(p.counterTotals[0], 5);
    const wall = viewTree(p, 'wall');
    const middle = nodeAt(wall, ['bottom', 'middle']);
    assert.equal(wall.self[middle], 1);
    assert.equal(wall.total[middle], 3);
    assert.equal(wall.total[0], 5);
    const withPath = nodeAt(wall, ['path.file1:bottom_with_path', 'path.file2:ClassA:middle_with_path']);
    assert.equal(p.tree.files[p.tree.fileId[withPath]!], 'path/file2.py');
    assert.deepEqual([p.tree.lineMin[withPath], p.tree.lineMax[withPath]], [20, 25]);
    assert.equal(p.sampleWeights.get('WALL_TIME'), 0.0002777777777777778);
    // seconds = counts / samples-per-second
    assert.ok(Math.abs(wall.totalSeconds![middle]! - 3 * 3600) < 1e-6);
    assert.equal(p.startMs, 1514764800000);
    assert.equal(p.durationMs, 7200000);
    assert.equal(p.agent, 'CodeGuruProfiler-python 1.2.6');
  });

  it('reads the gzip sample exactly like the plain JSON', () => {
    const plain = decodeProfile(fixture('python-agent-encoder-example.json'));
    const gz = decodeProfile(fixture('python-agent-encoder-example.json.gz'));
    assert.deepEqual([...gz.tree.nameId].map((i) => gz.tree.names[i]), [...plain.tree.nameId].map((i) => plain.tree.names[i]));
    assert.deepEqual([...gz.tree.self[0]!], [...plain.tree.self[0]!]);
    assert.deepEqual([...gz.tree.end], [...plain.tree.end]);
  });

  it('parses the live Python agent run with host files and single executing lines', () => {
    const p = decodeProfile(fixture('python-agent-live-run.json'));
    const wall = viewTree(p, 'wall');
    assert.equal(wall.total[0], 36);
    const checksum = nodeAt(wall, ['threading:Thread:_bootstrap', 'threading:Thread:_bootstrap_inner', 'threading:Thread:run', 'cg_run:worker', 'cg_run:OrderService:handle', 'cg_run:OrderService:checksum']);
    assert.ok(checksum > 0);
    assert.equal(wall.self[checksum], 12);
    assert.equal(p.tree.files[p.tree.fileId[checksum]!], '/tmp/cg_run.py');
    assert.equal(p.tree.lineMin[checksum], 12);
    assert.equal(p.tree.lineMax[checksum], 12);
    // two <Sleep> nodes under different callers stay separate
    assert.equal(wall.names.filter((n) => n === '<Sleep>').length, 1, 'names are interned once');
    assert.equal([...wall.nameId].filter((id) => wall.names[id] === '<Sleep>').length, 2);
  });

  it('reads thread-state counters and sample weights (profile-bee on/off CPU)', () => {
    const on = decodeProfile(fixture('profile-bee-oncpu.json'));
    const cpu = viewTree(on, 'cpu');
    assert.equal(cpu.total[0], 8000);
    const parse = nodeAt(cpu, ['my_server', 'handle_request', 'parse_json']);
    assert.equal(cpu.total[parse], 5000);
    assert.ok(Math.abs(cpu.totalSeconds![parse]! - 5000 / 16063.4) < 1e-9);
    const off = decodeProfile(fixture('profile-bee-offcpu.json'));
    assert.equal(viewTree(off, 'cpu').total[0], 0);
    assert.equal(viewTree(off, 'latency').total[0], 3000);
    assert.equal(viewTree(off, 'counter:WAITING').total[0], 3000);
  });

  it('orders children by name and lays the tree out in preorder', () => {
    const p = parseCodeGuruJson(JSON.stringify({ callgraph: { children: { b: { counts: { X: 1 } }, a: { children: { z: { counts: { X: 2 } } } } } } }));
    const names = [...p.tree.nameId].map((i) => p.tree.names[i]);
    assert.deepEqual(names, ['all', 'a', 'z', 'b']);
    assert.deepEqual([...p.tree.end], [4, 3, 3, 4]);
    assert.deepEqual([...p.tree.depth], [0, 1, 2, 1]);
  });

  it('tolerates missing metadata, missing counts and unknown counters', () => {
    const p = parseCodeGuruJson(JSON.stringify({ callgraph: { children: { a: {}, b: { counts: { FUTURE_STATE: 3, RUNNABLE: 1 } } } } }));
    assert.deepEqual([...p.tree.counters].sort(), ['FUTURE_STATE', 'RUNNABLE']);
    assert.equal(viewTree(p, 'latency').total[0], 4);
    assert.equal(viewTree(p, 'cpu').total[0], 1);
    assert.equal(viewTree(p, 'cpu').totalSeconds, undefined, 'no sample weights, no seconds');
    assert.equal(p.startMs, undefined);
    assert.deepEqual(p.warnings, []);
  });

  it('accepts a bare call-graph node as the document', () => {
    const p = parseCodeGuruJson(JSON.stringify({ children: { a: { counts: { WALL_TIME: 2 } } } }));
    assert.equal(p.counterTotals[0], 2);
  });

  it('reports malformed values as warnings instead of failing', () => {
    const p = parseCodeGuruJson(JSON.stringify({
      agentMetadata: { sampleWeights: { RUNNABLE: 'fast' } },
      callgraph: { children: { a: { counts: { RUNNABLE: 'many' }, line: ['x'], file: 42 }, b: 7, c: { children: [1, 2] }, d: { counts: { RUNNABLE: -1 } } } },
    }));
    assert.equal(p.counterTotals.reduce((a, b) => a + b, 0), 0);
    assert.ok(p.warnings.length >= 3, p.warnings.join('\n'));
    assert.equal(p.sampleWeights.size, 0);
  });

  it('rejects what is not a profile with a ProfileFormatError', () => {
    assert.throws(() => parseCodeGuruJson('[1,2]'), ProfileFormatError);
    assert.throws(() => parseCodeGuruJson('{"hello": 1}'), /no "callgraph"/);
    assert.throws(() => parseCodeGuruJson('{"callgraph": '), /not valid JSON/);
  });
});

describe('profiler: parsing collapsed stacks', () => {
  it('merges stacks, skips comments and blank lines, handles CRLF', () => {
    const p = decodeProfile(fixture('sample.folded'), { fileName: 'sample.folded' });
    assert.equal(p.format, 'folded');
    const t = viewTree(p, 'latency');
    assert.equal(t.total[0], 100);
    assert.equal(t.total[nodeAt(t, ['main', 'run', 'compute'])], 70);
    assert.equal(t.self[nodeAt(t, ['main', 'run', 'compute'])], 10);
    assert.equal(t.total[nodeAt(t, ['main', 'run', 'compute', 'hash'])], 60);
    assert.equal(t.total[nodeAt(t, ['main', 'run', 'io', 'read'])], 25);
    assert.deepEqual(p.warnings, []);
  });

  it('keeps the second count of differential lines and warns', () => {
    const p = parseFoldedStacks('a;b 1 5\na;c 2 0\n');
    const t = viewTree(p, 'latency');
    assert.equal(t.total[0], 5);
    assert.ok(p.warnings.some((w) => w.includes('differential')));
  });

  it('handles frames with spaces, semicolon-free names and empty frames', () => {
    const p = parseFoldedStacks('java.lang.Thread.run;Foo.bar(int, int);;baz 3\n');
    const t = viewTree(p, 'latency');
    assert.ok(nodeAt(t, ['java.lang.Thread.run', 'Foo.bar(int, int)', '[unknown]', 'baz']) > 0);
  });

  it('rejects text without stacks', () => {
    assert.throws(() => parseFoldedStacks('hello world\n# nothing\n'), ProfileFormatError);
  });
});

describe('profiler: decoding bytes', () => {
  const json = JSON.stringify({ callgraph: { children: { a: { counts: { RUNNABLE: 1 } } } } });
  it('gunzips by magic bytes and by Content-Encoding', () => {
    const gz = gzipSync(Buffer.from(json));
    assert.equal(decodeProfile(gz).counterTotals[0], 1);
    assert.equal(decodeProfile(gz, { contentEncoding: 'gzip' }).counterTotals[0], 1);
  });
  it('accepts plain bytes labelled gzip (already decompressed by a transport)', () => {
    assert.equal(decodeProfile(Buffer.from(json), { contentEncoding: 'gzip' }).counterTotals[0], 1);
  });
  it('refuses a decompression bomb beyond the limit', () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 32));
    assert.throws(() => decodeProfile(bomb, { maxBytes: 1024 * 1024 }), /larger than 1 MiB/);
  });
  it('explains Ion and empty bodies', () => {
    assert.throws(() => decodeProfile(Buffer.from([0xe0, 0x01, 0x00, 0xea, 1])), /Ion/);
    assert.throws(() => decodeProfile(Buffer.from('{}'), { contentType: 'application/x-amzn-ion' }), /Ion/);
    assert.throws(() => decodeProfile(Buffer.from('  \n')), /empty/);
    assert.equal(decodeProfile(Buffer.from(json), { contentType: 'application/json' }).format, 'codeguru', '"application" contains "ion"');
  });
  it('strips a BOM and sniffs folded text even from a .json name', () => {
    assert.equal(decodeProfile(Buffer.from(`\ufeff${json}`)).format, 'codeguru');
    assert.equal(decodeProfile(Buffer.from('a;b 3\n'), { fileName: 'x.json' }).format, 'folded');
  });
});
