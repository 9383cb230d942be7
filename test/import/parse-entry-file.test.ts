import { describe, expect, it } from 'vitest';
import { parseEntryFile } from '../../src/knowledge/import/parse-entry-file.ts';
import { importErrorOf, jsonLines, useFixtureDir } from './import-fixtures.ts';

const fixtures = useFixtureDir();

describe('parseEntryFile', () => {
  it('chooses the format by extension, ignoring case', async () => {
    const files = [
      await fixtures.write('a.JSONL', jsonLines({ kind: 'tip', body: 'from jsonl' })),
      await fixtures.write('b.ndjson', jsonLines({ kind: 'tip', body: 'from ndjson' })),
      await fixtures.write('c.Csv', 'kind,body\ntip,from csv\n'),
      await fixtures.write('d.MD', '---\nkind: tip\n---\nfrom md\n'),
      await fixtures.write('e.markdown', '---\nkind: tip\n---\nfrom markdown\n'),
    ];

    const bodies = await Promise.all(files.map(async (path) => (await parseEntryFile(path))[0]?.entry.body));

    expect(bodies).toEqual(['from jsonl', 'from ndjson', 'from csv', 'from md', 'from markdown']);
  });

  it('rejects an unsupported extension, naming the supported ones', async () => {
    const path = await fixtures.write('entries.json', '[]');

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(
      `${path}: has an unsupported extension ".json"; use one of .jsonl, .ndjson, .csv, .md, .markdown (JSON Lines, CSV or Markdown)`,
    );
  });

  it('rejects a path that does not exist', async () => {
    const path = `${await fixtures.write('here.jsonl', '')}.missing.csv`;

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(`${path}: cannot read the file (no such file); check the path`);
  });

  it('reports progress every 10,000 records and once at the end', async () => {
    const records = Array.from({ length: 25_000 }, (_, index) => ({
      externalId: `e${index}`,
      kind: 'tip',
      body: 'x',
    }));
    const jsonl = await fixtures.write('big.jsonl', jsonLines(...records));
    const csv = await fixtures.write(
      'big.csv',
      `externalId,kind,body\n${records.map((r) => `${r.externalId},tip,x`).join('\n')}\n`,
    );
    const jsonlProgress: number[] = [];
    const csvProgress: number[] = [];

    const parsedJsonl = await parseEntryFile(jsonl, { onProgress: (lines) => jsonlProgress.push(lines) });
    const parsedCsv = await parseEntryFile(csv, { onProgress: (lines) => csvProgress.push(lines) });

    expect(parsedJsonl).toHaveLength(25_000);
    expect(parsedCsv).toHaveLength(25_000);
    expect(parsedCsv.at(-1)?.line).toBe(25_001);
    expect(jsonlProgress).toEqual([10_000, 20_000, 25_000]);
    expect(csvProgress).toEqual([10_001, 20_001, 25_001]);
  });
});
