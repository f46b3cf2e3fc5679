// CodeBuild reports → the Testing view's model: paths under CODEBUILD_SRC_DIR, stack frames of several
// languages, the test tree of a real report from the emulator, and coverage per file.
import * as assert from 'node:assert/strict';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { createCodeBuildApi } from '../../../src/codebuild/model/api';
import { coverageFiles } from '../../../src/codebuild/reports/coverage';
import { candidateFilesForPrefix, sourceRelative } from '../../../src/codebuild/reports/paths';
import { failureHeadline, parseStackFrames } from '../../../src/codebuild/reports/stack';
import { casesOf, testTree } from '../../../src/codebuild/reports/test-tree';
import { createEmulator, type Emulator } from '../../emulator/index';

describe('CodeBuild report paths and stack frames', () => {
  it('maps CODEBUILD_SRC_DIR paths (with and without the Git host folders) to the workspace', () => {
    assert.equal(sourceRelative('/codebuild/output/src577652151/src/app/orders/service.py'), 'app/orders/service.py');
    assert.equal(sourceRelative('/codebuild/output/src1/src/github.com/acme/app/lib/x.ts'), 'lib/x.ts');
    assert.equal(sourceRelative('C:\\codebuild\\tmp\\output\\src42\\src\\App\\Program.cs'), 'App/Program.cs');
    assert.equal(sourceRelative('src/app/x.py'), 'src/app/x.py');
    assert.equal(sourceRelative('/usr/lib/python3.11/unittest/case.py'), undefined, 'outside the source');
    assert.equal(sourceRelative('../../etc/passwd'), undefined, 'never climbs out of the workspace');
  });

  it('proposes the file a test prefix is defined in', () => {
    assert.deepEqual(candidateFilesForPrefix('tests.test_service.TestPlaceOrder').slice(0, 1), ['tests/test_service.py']);
    assert.ok(candidateFilesForPrefix('com.acme.orders.OrderServiceTest').includes('src/test/java/com/acme/orders/OrderServiceTest.java'));
    assert.deepEqual(candidateFilesForPrefix('a b'), []);
  });

  it('reads Python, JVM, Node.js, .NET and Go frames', () => {
    const py = parseStackFrames('ValueError: bad\nTraceback (most recent call last):\n  File "/codebuild/output/src9/src/app/api/handlers.py", line 23, in create_order\n    order = x()\n  File "/usr/lib/python3/x.py", line 2, in f\nValueError: bad');
    assert.deepEqual(py, [
      { label: 'create_order', file: '/codebuild/output/src9/src/app/api/handlers.py', relative: 'app/api/handlers.py', line: 23 },
      { label: 'f', file: '/usr/lib/python3/x.py', line: 2 },
    ]);
    const java = parseStackFrames('java.lang.AssertionError: expected 2\n\tat org.junit.Assert.fail(Assert.java:89)\n\tat com.acme.orders.OrderServiceTest.placesOrder(OrderServiceTest.java:42)');
    assert.deepEqual(java[1], { label: 'com.acme.orders.OrderServiceTest.placesOrder', file: 'OrderServiceTest.java', line: 42, packagePath: 'com/acme/orders' });
    const node = parseStackFrames('AssertionError: x\n    at Context.<anonymous> (/codebuild/output/src3/src/test/cart.test.js:17:5)\n    at process.processImmediate (node:internal/timers:483:21)\n    at /codebuild/output/src3/src/lib/cart.js:8:11');
    assert.deepEqual(node.map((f) => [f.label, f.relative, f.line, f.column]), [['Context.<anonymous>', 'test/cart.test.js', 17, 5], ['<anonymous>', 'lib/cart.js', 8, 11]]);
    const dotnet = parseStackFrames('   at App.Tests.CartTests.Adds() in /codebuild/output/src7/src/App.Tests/CartTests.cs:line 31');
    assert.deepEqual(dotnet.map((f) => [f.relative, f.line]), [['App.Tests/CartTests.cs', 31]]);
    const go = parseStackFrames('panic: boom\n\ngoroutine 1 [running]:\nmain.compute(...)\n\t/codebuild/output/src5/src/github.com/acme/calc/calc.go:12 +0x1d');
    assert.deepEqual(go.map((f) => [f.label, f.relative, f.line]), [['main.compute(...)', 'calc.go', 12]]);
    assert.equal(failureHeadline('Traceback (most recent call last):\n  File "x", line 1\nKeyError: 1\n'), 'KeyError: 1');
    assert.equal(failureHeadline('KeyError: \'order has no id\'\nTraceback (most recent call last):'), 'KeyError: \'order has no id\'');
  });
});

describe('CodeBuild reports from the emulator', function () {
  this.timeout(60_000);
  let emu: Emulator;
  let client: CodeBuildClient;

  before(async () => {
    emu = await createEmulator({ seed: { dataset: 'demo' }, speed: 0 });
    client = new CodeBuildClient(emu.clientConfig());
  });
  after(async () => {
    client.destroy();
    await emu.close();
  });

  it('turns the latest pytest report into a test tree with outcomes, durations and linked frames', async () => {
    const api = createCodeBuildApi(client);
    const groups = await api.getReportGroups(await api.listReportGroupArns());
    const tests = groups.find((g) => g.type === 'TEST')!;
    const [latest] = (await api.listReportArns(tests.arn, 1)).items;
    const cases = await api.testCases(latest!);
    const tree = testTree(tests.name, tests.name, cases);
    const all = casesOf(tree);
    assert.equal(all.length, 30);
    const count = (o: string): number => all.filter((c) => c.outcome === o).length;
    assert.deepEqual([count('passed'), count('failed'), count('errored'), count('skipped')], [25, 2, 1, 2]);
    assert.ok(tree.children.every((c) => c.kind === 'group' && c.label.startsWith('tests.')), 'one level per prefix; a single suite is not a level');
    const charge = all.find((c) => c.label === 'test_zero_total_orders_skip_payment')!;
    assert.equal(charge.id, `${tests.name}/tests.test_service.TestPlaceOrder/test_zero_total_orders_skip_payment`);
    assert.equal(charge.durationMs, 57);
    assert.equal(charge.headline, 'app.payments.client.PaymentError: amount must be positive');
    assert.deepEqual(charge.frames.map((f) => `${f.relative ?? f.file}:${f.line}`), ['app/orders/service.py:41', 'app/payments/client.py:21']);
    assert.deepEqual(charge.candidates[0], 'tests/test_service.py');
    const skipped = all.find((c) => c.label === 'test_live_payments_sandbox')!;
    assert.equal(skipped.message, 'needs PAYMENTS_SANDBOX_URL');
    assert.deepEqual(skipped.frames, []);
  });

  it('turns the coverage report into per-file statement and branch counts in the workspace', async () => {
    const api = createCodeBuildApi(client);
    const groups = await api.getReportGroups(await api.listReportGroupArns());
    const cov = groups.find((g) => g.type === 'CODE_COVERAGE')!;
    const [latest] = (await api.listReportArns(cov.arn, 1)).items;
    const files = coverageFiles(await api.coverage(latest!));
    assert.ok(!files.some((f) => f.relative === 'app/__init__.py'), 'empty files are left out');
    const service = files.find((f) => f.relative === 'app/orders/service.py')!;
    assert.deepEqual(service.statements, { covered: 33, total: 41 });
    assert.deepEqual(service.branches, { covered: 2, total: 2 });
    const main = files.find((f) => f.relative === 'app/main.py')!;
    assert.equal(main.branches, undefined, 'no branches to cover');
  });
});
