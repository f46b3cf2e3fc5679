// The SchemaStore submission (schemas/schemastore): the catalog entries name the schemas by their stable
// $id, and SchemaStore's positive and negative test files pass and fail under ajv's strict mode.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { kindFromFileName, validate as lint } from '../../../packages/conveyor-lint/src/index';

const ROOT = path.resolve(__dirname, '../../..');
const STORE = path.join(ROOT, 'schemas/schemastore');
const SCHEMAS: Record<string, string> = {
  buildspec: path.join(ROOT, 'packages/conveyor-lint/schemas/buildspec.schema.json'),
  appspec: path.join(ROOT, 'packages/conveyor-lint/schemas/appspec.schema.json'),
};

interface CatalogEntry { name: string; description: string; fileMatch: string[]; url: string }

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const readData = (file: string): unknown => (file.endsWith('.json') ? readJson(file) : parse(fs.readFileSync(file, 'utf8')) as unknown);
const filesOf = (dir: string): string[] => fs.readdirSync(dir).map((f) => path.join(dir, f));

describe('SchemaStore submission', () => {
  const catalog = readJson(path.join(STORE, 'catalog.json')) as CatalogEntry[];

  for (const [name, schemaFile] of Object.entries(SCHEMAS)) {
    describe(name, () => {
      const schema = readJson(schemaFile) as { $id: string; $schema: string };
      const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);

      it('has a catalog entry whose url is the schema\'s $id and whose fileMatch the linter recognises', () => {
        const entry = catalog.find((e) => e.url === schema.$id);
        assert.ok(entry, `no catalog entry for ${schema.$id}`);
        assert.equal(schema.$id, `https://json.schemastore.org/${name}.json`);
        assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
        assert.ok(entry.name && entry.description && entry.fileMatch.length > 0);
        for (const pattern of entry.fileMatch) assert.equal(kindFromFileName(pattern.replace(/\*/g, 'x')), name, pattern);
      });

      it('accepts every positive test file', () => {
        const files = filesOf(path.join(STORE, 'test', name));
        assert.ok(files.length >= 2);
        for (const file of files) {
          assert.ok(validate(readData(file)), `${path.basename(file)}: ${JSON.stringify(validate.errors)}`);
          const errors = lint(fs.readFileSync(file, 'utf8'), { path: file }).diagnostics.filter((d) => d.severity === 'error');
          assert.deepEqual(errors, [], `${path.basename(file)}: the linter agrees`);
        }
      });

      it('rejects every negative test file', () => {
        const files = filesOf(path.join(STORE, 'negative_test', name));
        assert.ok(files.length >= 2);
        for (const file of files) assert.equal(validate(readData(file)), false, `${path.basename(file)} should not validate`);
      });
    });
  }
});
