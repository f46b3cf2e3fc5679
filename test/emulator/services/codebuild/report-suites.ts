// What the demo's report-writing projects put in their reports: pytest JUnit results whose failures
// carry Python tracebacks into the sample workspace (test/fixtures/workspace/app/...), and Cobertura
// line/branch coverage of the same files.

export interface TestCaseSpec {
  suite: string;
  /** JUnit classname, e.g. `tests.test_handlers.TestCreateOrder`. */
  prefix: string;
  name: string;
  durationMs: number;
  skipped?: string;
  /** When the build fails, this case fails: `status` and the message (failure text and traceback). */
  failure?: { status: 'FAILED' | 'ERROR'; message: (srcDir: string) => string };
}

export interface CoverageFileSpec {
  filePath: string;
  lines: number;
  linesCovered: number;
  branches: number;
  branchesCovered: number;
}

export interface ReportSpec {
  /** The key under `reports:` in the buildspec; the report group is `<project>-<name>`. */
  name: string;
  type: 'TEST' | 'CODE_COVERAGE';
  fileFormat: 'JUNITXML' | 'COBERTURAXML';
  /** The report file, relative to the source directory. */
  file: string;
  cases?: TestCaseSpec[];
  coverage?: CoverageFileSpec[];
}

const frame = (srcDir: string, file: string, line: number, fn: string, code: string): string =>
  `  File "${srcDir}/${file}", line ${line}, in ${fn}\n    ${code}`;

const passing = (suite: string, prefix: string, names: string[], base: number): TestCaseSpec[] =>
  names.map((name, i) => ({ suite, prefix, name, durationMs: base + ((i * 37) % 90) }));

/** The orders API (the sample workspace's `app/` package): pytest with --junitxml and --tb=native. */
export const ORDERS_API_TESTS: TestCaseSpec[] = [
  ...passing('pytest', 'tests.test_handlers.TestCreateOrder', ['test_creates_an_order', 'test_rejects_missing_customer', 'test_rejects_empty_items'], 14),
  {
    suite: 'pytest', prefix: 'tests.test_handlers.TestCreateOrder', name: 'test_accepts_legacy_short_skus', durationMs: 21,
    failure: {
      status: 'FAILED',
      message: (src) => [
        "ValueError: malformed sku 'ABC-10'",
        'Traceback (most recent call last):',
        frame(src, 'app/api/handlers.py', 23, 'create_order', 'order = _service.place_order(customer, items)'),
        frame(src, 'app/orders/service.py', 30, 'place_order', 'validate_order(customer_id, items)'),
        frame(src, 'app/orders/validation.py', 16, 'validate_order', '_check_sku(item.get("sku"))'),
        frame(src, 'app/orders/validation.py', 29, '_check_sku', 'raise ValueError(f"malformed sku {sku!r}")'),
        "ValueError: malformed sku 'ABC-10'",
      ].join('\n'),
    },
  },
  ...passing('pytest', 'tests.test_handlers.TestGetOrder', ['test_returns_a_stored_order', 'test_404_for_an_unknown_id', 'test_sets_cache_control'], 9),
  ...passing('pytest', 'tests.test_pricing', [
    'test_single_item_total', 'test_tax_is_twenty_percent', 'test_volume_discount_from_ten_items', 'test_volume_discount_from_fifty_items',
    'test_bundle_discount', 'test_discount_is_capped', 'test_rejects_zero_quantity', 'test_unknown_sku_uses_default_price',
  ], 3),
  {
    suite: 'pytest', prefix: 'tests.test_service.TestPlaceOrder', name: 'test_zero_total_orders_skip_payment', durationMs: 57,
    failure: {
      status: 'FAILED',
      message: (src) => [
        'app.payments.client.PaymentError: amount must be positive',
        'Traceback (most recent call last):',
        frame(src, 'app/orders/service.py', 41, 'place_order', 'receipt = self.payments.charge(customer_id, total, idempotency_key=order_id)'),
        frame(src, 'app/payments/client.py', 21, 'charge', 'raise PaymentError("amount must be positive")'),
        'app.payments.client.PaymentError: amount must be positive',
      ].join('\n'),
    },
  },
  ...passing('pytest', 'tests.test_service.TestPlaceOrder', ['test_charges_the_total', 'test_confirms_the_order', 'test_writes_an_outbox_event'], 51),
  {
    suite: 'pytest', prefix: 'tests.test_service.TestCancel', name: 'test_cancel_keeps_the_payment_id', durationMs: 4,
    failure: {
      status: 'ERROR',
      message: (src) => [
        "KeyError: 'order has no id'",
        'Traceback (most recent call last):',
        frame(src, 'app/orders/service.py', 26, 'cancel', 'return self.repository.save({**order, "status": "CANCELLED"}) == order_id'),
        frame(src, 'app/orders/repository.py', 16, 'save', 'raise KeyError("order has no id")'),
        "KeyError: 'order has no id'",
      ].join('\n'),
    },
  },
  ...passing('pytest', 'tests.test_service.TestCancel', ['test_cancel_unknown_order'], 3),
  ...passing('pytest', 'tests.test_validation', ['test_accepts_a_valid_order', 'test_rejects_duplicate_lines', 'test_rejects_too_many_lines', 'test_rejects_non_string_sku'], 2),
  { suite: 'pytest', prefix: 'tests.test_payments', name: 'test_live_payments_sandbox', durationMs: 0, skipped: 'needs PAYMENTS_SANDBOX_URL' },
  { suite: 'pytest', prefix: 'tests.test_worker', name: 'test_drain_outbox_in_batches', durationMs: 0, skipped: 'flaky on CI, see ORD-412' },
  ...passing('pytest', 'tests.test_payments', ['test_charge_returns_a_receipt', 'test_charge_is_idempotent_per_key', 'test_times_out_after_the_limit'], 52),
];

export const ORDERS_API_COVERAGE: CoverageFileSpec[] = [
  { filePath: 'app/__init__.py', lines: 0, linesCovered: 0, branches: 0, branchesCovered: 0 },
  { filePath: 'app/api/handlers.py', lines: 24, linesCovered: 21, branches: 4, branchesCovered: 3 },
  { filePath: 'app/main.py', lines: 7, linesCovered: 0, branches: 0, branchesCovered: 0 },
  { filePath: 'app/orders/pricing.py', lines: 32, linesCovered: 31, branches: 14, branchesCovered: 13 },
  { filePath: 'app/orders/repository.py', lines: 30, linesCovered: 26, branches: 4, branchesCovered: 3 },
  { filePath: 'app/orders/service.py', lines: 41, linesCovered: 33, branches: 2, branchesCovered: 2 },
  { filePath: 'app/orders/validation.py', lines: 21, linesCovered: 20, branches: 12, branchesCovered: 11 },
  { filePath: 'app/payments/client.py', lines: 25, linesCovered: 22, branches: 4, branchesCovered: 3 },
  { filePath: 'app/worker.py', lines: 14, linesCovered: 5, branches: 4, branchesCovered: 1 },
];
