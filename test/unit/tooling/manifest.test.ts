// What the manifest shows people before any code runs: settings grouped by feature in the Settings
// editor, and commands whose names tell them apart in the command palette.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Section {
  id: string;
  title: string;
  order: number;
  properties: Record<string, unknown>;
}

interface Manifest {
  contributes: {
    configuration: Section[];
    commands: { command: string; title: string }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as Manifest;

describe('manifest: settings and command names', () => {
  it('groups the settings in one titled section per feature, in a fixed order', () => {
    const sections = manifest.contributes.configuration;
    assert.ok(Array.isArray(sections), 'contributes.configuration is an array of sections');
    assert.deepEqual(sections.map((s) => s.title), ['AWS', 'Pipelines', 'CodeBuild', 'Deployments', 'Build Logs', 'CodeArtifact', 'Profiler', 'Validation']);
    assert.deepEqual(sections.map((s) => s.order), sections.map((_, i) => i + 1));
    for (const section of sections) {
      const keys = Object.keys(section.properties);
      assert.ok(keys.length > 0, `${section.title} has settings`);
      const prefix = `${section.id}.`;
      assert.deepEqual(keys.filter((k) => !k.startsWith(prefix)), [], `${section.title} holds only ${prefix}* settings`);
    }
  });

  it('gives every command a title no other command has', () => {
    const byTitle = new Map<string, string[]>();
    for (const c of manifest.contributes.commands) byTitle.set(c.title, [...(byTitle.get(c.title) ?? []), c.command]);
    const shared = [...byTitle].filter(([, ids]) => ids.length > 1).map(([title, ids]) => `${title}: ${ids.join(', ')}`);
    assert.deepEqual(shared, []);
  });

  it('names refreshes and logs by what they show', () => {
    const title = (id: string): string | undefined => manifest.contributes.commands.find((c) => c.command === id)?.title;
    assert.equal(title('conveyor.pipelines.refresh'), 'Refresh Pipelines');
    assert.equal(title('conveyor.artifacts.refresh'), 'Refresh Artifacts');
    assert.equal(title('conveyor.profiler.refresh'), 'Refresh Profiling Groups');
    assert.equal(title('conveyor.showLog'), 'Show Extension Log');
    const logCommands = manifest.contributes.commands.filter((c) => /\bLogs?\b/.test(c.title) && c.title.startsWith('Show'));
    assert.equal(new Set(logCommands.map((c) => c.title.replace(/\W+/g, ' ').toLowerCase())).size, logCommands.length);
  });
});
