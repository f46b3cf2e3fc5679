// ESLint: typescript-eslint with type information, plus the architecture's import boundaries.
// `npm run lint` runs it with --max-warnings 0; test/unit/tooling/eslint-boundaries.test.ts proves the boundary
// rules fail on code that breaks them.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Features: top-level folders of `src/` other than the shared ones. They talk to each other by command id only. */
const SHARED = ['core', 'aws', 'editor'];

/** Where `vscode` may be imported: the editor adapters, the editor kit and the entry point. */
const VSCODE_ALLOWED = ['src/extension.ts', 'src/web-extension.ts', 'src/features.ts', 'src/editor/**', 'src/*/editor/**'];

const vscodeImport = {
  name: 'vscode',
  message: "Only editor adapters import 'vscode' (src/*/editor/**, src/editor/**, src/extension.ts); keep this module pure.",
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**', 'dist/**', 'packages/*/dist/**', 'out/**', '.cache/**', '.vscode-test/**', 'test-results/**',
      'test/fixtures/**', 'test/emulator/data/**', 'media/**', '**/*.d.ts',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true,
      }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Off: an `async` method without `await` is how this code base implements a Promise-returning interface
      // (emulator handlers, test doubles, lazy loaders); the hazards it hints at are what no-floating-promises and
      // no-misused-promises catch.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': ['error', {
        // The AWS explorers throw their explained errors as records (message, category, class for backoff).
        allow: [{ from: 'file', name: 'ExplainedError', path: 'src/aws/errors.ts' }],
      }],
    },
  },
  {
    // Scripts are plain JavaScript: untyped values (JSON.parse, child-process output) are their normal state, so
    // the no-unsafe-* family, which exists to keep `any` out of TypeScript, is off; promises and unused code are
    // still checked with types. What TypeScript code imports from them is typed by the .d.mts companions.
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['src/profiler/webview/**', 'src/editor/webview/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // --- Architecture -------------------------------------------------------------------------------------------
  {
    files: ['src/**/*.ts', 'packages/**/*.ts'],
    ignores: VSCODE_ALLOWED,
    rules: { 'no-restricted-imports': ['error', { paths: [vscodeImport] }] },
  },
  {
    // Unit tests run on plain Node: a value import of 'vscode' fails there; its types are erased.
    files: ['test/unit/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ ...vscodeImport, allowTypeImports: true }] }] },
  },
  {
    // Lazy loading: features, AWS SDK clients (and the language client library, after its server is forked)
    // load on first use through require(), which the build keeps
    // as separate bundles loaded on demand; import() would make every first use asynchronous.
    files: ['src/features.ts', 'src/aws/clients.ts', 'src/aws/credentials.ts', 'src/logs/editor/log-commands.ts',
      'src/profiler/editor/feature.ts', 'src/validation/editor/feature.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // eslint-plugin-boundaries resolves every import to the file it names, so "another feature" and "test" are
    // decided on real paths, not on how many `../` a specifier has (src/logs/editor and src/editor are both
    // reached as `../editor/…`).
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.mts', '.js', '.mjs', '.json'] } },
      'boundaries/include': ['src/**', 'test/**', 'bench/**', 'scripts/**'],
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export', 'require'],
      'boundaries/elements': [
        { type: 'shared', pattern: SHARED.map((name) => `src/${name}`) },
        { type: 'feature', pattern: 'src/*', capture: ['feature'] },
        // What is left in src/: the entry point, src/extension.ts.
        { type: 'entry', pattern: 'src' },
        { type: 'outside', pattern: ['test', 'bench', 'scripts'] },
      ],
    },
    rules: {
      'boundaries/dependencies': ['error', {
        default: 'allow',
        policies: [
          {
            from: { element: { type: 'feature' } },
            disallow: { to: { element: { type: 'feature', captured: { feature: '!{{ from.element.captured.feature }}' } } } },
            message: "Feature '{{ from.element.captured.feature }}' imports feature '{{ to.element.captured.feature }}': "
              + 'features talk by command id; shared code lives in src/core, src/aws or src/editor.',
          },
          {
            from: { element: { type: 'shared' } },
            disallow: { to: { element: { type: 'feature' } } },
            message: "Shared code (src/core, src/aws, src/editor) imports feature '{{ to.element.captured.feature }}': "
              + 'shared code must not depend on a feature.',
          },
          {
            from: { element: { types: { anyOf: ['entry', 'shared', 'feature'] } } },
            disallow: { to: { element: { type: 'outside' } } },
            message: 'src never imports test/, bench/ or scripts/.',
          },
        ],
      }],
    },
  },
);
