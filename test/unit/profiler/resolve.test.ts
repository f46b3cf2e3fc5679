import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFrameName } from '../../../src/profiler/model/frame-name';
import { findFunctionLine } from '../../../src/profiler/model/function-lines';
import { SourceResolver, type WorkspaceFile } from '../../../src/profiler/model/resolve';
import { WORKSPACE } from './helpers';

const ws = (root: string, rels: string[]): WorkspaceFile[] => rels.map((rel) => ({ path: `${root}/${rel}`, rel }));

function listWorkspace(): WorkspaceFile[] {
  const out: WorkspaceFile[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.push({ path: full, rel: path.relative(WORKSPACE, full) });
    }
  };
  walk(WORKSPACE);
  return out;
}

describe('profiler: frame names', () => {
  it('parses Python agent names', () => {
    assert.deepEqual(parseFrameName('shop.orders.service:OrderService:place_order'), { kind: 'python', module: 'shop.orders.service', className: 'OrderService', functionName: 'place_order' });
    assert.deepEqual(parseFrameName('cg_run:worker'), { kind: 'python', module: 'cg_run', functionName: 'worker' });
    assert.deepEqual(parseFrameName('cg_run:<module>'), { kind: 'python', module: 'cg_run', functionName: '<module>' });
    assert.equal(parseFrameName('<Sleep>').kind, 'synthetic');
    assert.equal(parseFrameName('<Truncated>').kind, 'synthetic');
    assert.deepEqual(parseFrameName('bottom'), { kind: 'bare', functionName: 'bottom' });
  });

  it('parses Java names with inner classes, lambdas, constructors and annotations', () => {
    assert.deepEqual(parseFrameName('com.example.shop.OrderController.handle'),
      { kind: 'java', packageName: 'com.example.shop', className: 'OrderController', outerClass: 'OrderController', innerClasses: [], methodName: 'handle' });
    const inner = parseFrameName('com.example.shop.OrderController$Validator.validate');
    assert.ok(inner.kind === 'java' && inner.outerClass === 'OrderController' && inner.innerClasses[0] === 'Validator');
    const lambda = parseFrameName('com.example.shop.OrderController.lambda$process$0');
    assert.ok(lambda.kind === 'java' && lambda.lambdaOf === 'process');
    const slashed = parseFrameName('com/example/Foo.bar_[j]');
    assert.ok(slashed.kind === 'java' && slashed.packageName === 'com.example' && slashed.methodName === 'bar');
    const withLine = parseFrameName('com.example.Foo.bar(Foo.java:42)');
    assert.ok(withLine.kind === 'java' && withLine.line === 42);
    const ctor = parseFrameName('com.example.Foo.<init>');
    assert.ok(ctor.kind === 'java' && ctor.methodName === '<init>');
    assert.deepEqual(parseFrameName('std::vector<int>::push_back'), { kind: 'scoped', scopes: ['std', 'vector'], functionName: 'push_back' });
    assert.equal(parseFrameName('module.function').kind, 'go', 'lower-case class: not Java (a Go package function)');
  });
});

describe('profiler: frame → source resolution', () => {
  it('maps Python host files to the workspace through the module path', () => {
    const r = new SourceResolver(listWorkspace());
    const hit = r.resolve({ name: 'shop.orders.service:OrderService:place_order', hostFile: '/srv/app/shop/orders/service.py', line: 13 });
    assert.equal(hit?.file.rel, path.join('shop', 'orders', 'service.py'));
    assert.equal(hit?.line, 13);
    assert.deepEqual(r.learnedPrefixes()[0], { host: '/srv/app/', workspace: `${WORKSPACE}/` });
    assert.equal(r.resolve({ name: 'cg_run:OrderService:checksum', hostFile: '/tmp/cg_run.py' })?.file.rel, 'cg_run.py');
    assert.equal(r.resolve({ name: 'threading:Thread:run', hostFile: '/usr/lib/python3.11/threading.py' }), undefined);
    assert.equal(r.resolve({ name: 'json.decoder:JSONDecoder:decode', hostFile: '/usr/lib/python3.11/json/decoder.py' }), undefined);
  });

  it('resolves Python module paths without a file, including packages', () => {
    const r = new SourceResolver(ws('/w', ['src/shop/pricing.py', 'src/shop/orders/__init__.py', 'tests/test_pricing.py']));
    assert.equal(r.resolve({ name: 'shop.pricing:TaxTable:lookup' })?.file.rel, 'src/shop/pricing.py');
    assert.equal(r.resolve({ name: 'shop.orders:create' })?.file.rel, 'src/shop/orders/__init__.py');
    assert.equal(r.resolve({ name: 'pricing:compute' })?.file.rel, 'src/shop/pricing.py');
    assert.equal(r.resolve({ name: 'other.pricing:compute' }), undefined);
  });

  it('rejects a host file that contradicts the module path', () => {
    const r = new SourceResolver(ws('/w', ['lib/util.py']));
    assert.equal(r.resolve({ name: 'shop.util:f', hostFile: '/srv/app/lib/util.py' }), undefined);
  });

  it('settles ambiguous files with host prefixes learned from other frames (Lambda /var/task)', () => {
    const r = new SourceResolver(ws('/w', ['services/billing/handler.py', 'services/orders/handler.py', 'services/orders/orders_lib.py']));
    const results = r.resolveAll([
      { name: 'handler:handle', hostFile: '/var/task/handler.py' },
      { name: 'orders_lib:place', hostFile: '/var/task/orders_lib.py' },
    ]);
    assert.equal(results[1]?.file.rel, 'services/orders/orders_lib.py');
    assert.equal(results[0]?.file.rel, 'services/orders/handler.py');
    assert.deepEqual(r.learnedPrefixes()[0], { host: '/var/task/', workspace: '/w/services/orders/' });
  });

  it('finds Java classes anywhere in the workspace, inner classes and lambdas included', () => {
    const r = new SourceResolver(listWorkspace());
    const rel = path.join('java', 'src', 'main', 'java', 'com', 'example', 'shop', 'OrderController.java');
    for (const name of ['com.example.shop.OrderController.handle', 'com.example.shop.OrderController$Validator.validate',
      'com.example.shop.OrderController.lambda$process$0', 'com.example.shop.OrderController.<init>', 'com.example.shop.OrderController$1.run']) {
      assert.equal(r.resolve({ name })?.file.rel, rel, name);
    }
    assert.equal(r.resolve({ name: 'java.lang.Thread.run' }), undefined);
  });

  it('falls back to a unique class file when the package does not match the folders', () => {
    const r = new SourceResolver(ws('/w', ['src/Foo.java']));
    assert.equal(r.resolve({ name: 'com.example.Foo.bar' })?.file.rel, 'src/Foo.java');
    assert.equal(r.resolve({ name: 'com.example.Foo.bar' })?.guessed, true, 'a file picked by its name alone says so');
    assert.equal(new SourceResolver(ws('/w', ['src/com/example/Foo.java'])).resolve({ name: 'com.example.Foo.bar' })?.guessed, undefined);
    const two = new SourceResolver(ws('/w', ['a/Foo.java', 'b/Foo.java']));
    assert.equal(two.resolve({ name: 'com.example.Foo.bar' }), undefined);
  });

  it('accepts Windows-style paths', () => {
    const r = new SourceResolver([{ path: 'C:\\w\\shop\\pricing.py', rel: 'shop\\pricing.py' }]);
    assert.equal(r.resolve({ name: 'shop.pricing:f', hostFile: 'D:\\app\\shop\\pricing.py' })?.file.path, 'C:/w/shop/pricing.py');
  });
});

describe('profiler: function definition lines', () => {
  const service = fs.readFileSync(path.join(WORKSPACE, 'shop', 'orders', 'service.py'), 'utf8');
  const java = fs.readFileSync(path.join(WORKSPACE, 'java', 'src', 'main', 'java', 'com', 'example', 'shop', 'OrderController.java'), 'utf8');
  const line = (text: string, name: string, hint?: number): number | undefined => findFunctionLine(text, parseFrameName(name), hint);

  it('finds Python defs, methods inside their class, and skips module-level code', () => {
    assert.equal(line(service, 'shop.orders.service:OrderService:place_order'), 11);
    assert.equal(line(service, 'shop.orders.service:OrderService:_validate'), 17);
    assert.equal(line(service, 'shop.orders.service:process_batch'), 28);
    assert.equal(line(service, 'shop.orders.service:<module>'), undefined);
    assert.equal(line(service, 'shop.orders.service:OrderService:missing'), undefined);
  });

  it('prefers the def in the named class and the last def above the executing line', () => {
    const text = 'class A:\n    def run(self):\n        pass\n\nclass B:\n    def run(self):\n        pass\n\ndef f():\n    pass\n\ndef f():\n    pass\n';
    assert.equal(line(text, 'm:B:run'), 5);
    assert.equal(line(text, 'm:A:run'), 1);
    assert.equal(line(text, 'm:f', 13), 11);
    assert.equal(line(text, 'm:f', 10), 8);
    assert.equal(line('async def go[T](x):\n  pass', 'm:go'), 0);
  });

  it('finds Java methods, inner-class methods, lambdas and constructors, not calls', () => {
    assert.equal(line(java, 'com.example.shop.OrderController.handle'), 8);
    assert.equal(line(java, 'com.example.shop.OrderController.process'), 13, 'the declaration, not the call on line 11');
    assert.equal(line(java, 'com.example.shop.OrderController.lambda$process$0'), 13);
    assert.equal(line(java, 'com.example.shop.OrderController$Validator.validate'), 18);
    assert.equal(line(java, 'com.example.shop.OrderController$Validator.<init>'), 17, 'no explicit constructor: the class line');
    const withCtor = 'class Foo {\n  private int x;\n  public Foo(int x) {\n    this.x = x;\n  }\n  @Override\n  public <T> java.util.List<T> map(T a) { return null; }\n}\n';
    assert.equal(line(withCtor, 'Foo.<init>'), 2);
    assert.equal(line(withCtor, 'Foo.map'), 6);
  });
});
