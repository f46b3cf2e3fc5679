// Which editor handles which file format.
import type { FormatEditor } from './edit';
import { pipConfEditor, pypircEditor } from './ini';
import { jsonEditor } from './json';
import { netrcEditor } from './netrc';
import { npmrcEditor } from './npmrc';
import { propertiesEditor } from './properties';
import { requirementsEditor } from './requirements';
import { tomlEditor } from './toml';
import { xmlEditor } from './xml';
import { yamlEditor } from './yaml';

export type ConfigFormat = 'npmrc' | 'pipconf' | 'pypirc' | 'properties' | 'requirements' | 'netrc' | 'toml' | 'yaml' | 'xml' | 'json';

export const EDITORS: Readonly<Record<ConfigFormat, FormatEditor>> = {
  npmrc: npmrcEditor,
  pipconf: pipConfEditor,
  pypirc: pypircEditor,
  properties: propertiesEditor,
  requirements: requirementsEditor,
  netrc: netrcEditor,
  toml: tomlEditor,
  yaml: yamlEditor,
  xml: xmlEditor,
  json: jsonEditor,
};
