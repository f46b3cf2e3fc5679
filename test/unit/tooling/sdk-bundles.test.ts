// An SDK package bundled tree-shaken (scripts/lib/sdk-bundles.mjs, TREE_SHAKEN_SDK) has only the exports listed
// there: a value src/ imports from it and the list leaves out would be undefined in the extension.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** The values (not types) `text` imports or requires from `pkg`. */
function valuesImported(text: string, pkg: string): string[] {
  const quoted = pkg.replace(/[/.-]/g, (c) => `\\${c}`);
  const names: string[] = [];
  for (const m of text.matchAll(new RegExp(`import\\s+(type\\s+)?\\{([^}]*)\\}\\s+from\\s+['"]${quoted}['"]`, 'g'))) {
    if (m[1]) continue;
    for (const part of (m[2] ?? '').split(',')) {
      const name = part.trim();
      if (name && !name.startsWith('type ')) names.push(name.split(/\s+as\s+/)[0]!.trim());
    }
  }
  for (const m of text.matchAll(new RegExp(`require\\(['"]${quoted}['"]\\)[^)]*\\)\\)?\\.(\\w+)`, 'g'))) names.push(m[1]!);
  return names;
}

describe('tooling: tree-shaken SDK bundles', function () {
  it('lists every value src/ imports from them, and nothing else', async () => {
    const { TREE_SHAKEN_SDK } = await import('../../../scripts/lib/sdk-bundles.mjs');
    assert.ok(Object.keys(TREE_SHAKEN_SDK).length > 0);
    const files = sources(path.join(ROOT, 'src')).map((file) => fs.readFileSync(file, 'utf8'));
    for (const [pkg, listed] of Object.entries(TREE_SHAKEN_SDK)) {
      const used = new Set(files.flatMap((text) => valuesImported(text, pkg)));
      assert.deepEqual([...used].sort(), [...listed].sort(), `the values src/ imports from ${pkg}`);
    }
  });

  it('reads value imports, type-only imports and requires', () => {
    const text = [
      "import {\n  GetProfileCommand, paginateListProfilingGroups as pages,\n  type CodeGuruProfilerClient,\n} from '@aws-sdk/client-codeguruprofiler';",
      "import type { Anomaly } from '@aws-sdk/client-codeguruprofiler';",
      "const c = new (require('@aws-sdk/client-codeguruprofiler') as typeof import('@aws-sdk/client-codeguruprofiler')).CodeGuruProfilerClient(base);",
      "import { Other } from '@aws-sdk/client-codebuild';",
    ].join('\n');
    assert.deepEqual(valuesImported(text, '@aws-sdk/client-codeguruprofiler'), ['GetProfileCommand', 'paginateListProfilingGroups', 'CodeGuruProfilerClient']);
  });
});
