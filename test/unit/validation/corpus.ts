import * as fs from 'node:fs';
import * as path from 'node:path';

/** The shared corpus of real-world files (`../shared/corpus` from the repository root), if present. */
export const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');

export interface CorpusFile {
  /** e.g. `buildspec/buildspec-013.yml` */
  name: string;
  text: string;
  /** `no`, `yes: reason` or `maybe: reason`, from SOURCES.tsv. */
  verdict: string;
  kind: 'buildspec' | 'appspec';
}

export function corpusAvailable(): boolean {
  return fs.existsSync(path.join(CORPUS_DIR, 'SOURCES.tsv'));
}

export function corpusFiles(): CorpusFile[] {
  if (!corpusAvailable()) return [];
  const rows = fs.readFileSync(path.join(CORPUS_DIR, 'SOURCES.tsv'), 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
  return rows.map((row) => {
    const cols = row.split('\t');
    const name = cols[0] ?? '';
    return {
      name,
      text: fs.readFileSync(path.join(CORPUS_DIR, name), 'utf8'),
      verdict: cols[6] ?? '',
      kind: name.startsWith('appspec') ? 'appspec' : 'buildspec',
    };
  });
}
