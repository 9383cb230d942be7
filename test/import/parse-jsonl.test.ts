import { describe, expect, it } from 'vitest';
import { parseEntryFile } from '../../src/knowledge/import/parse-entry-file.ts';
import { importErrorOf, jsonLines, useFixtureDir } from './import-fixtures.ts';

const fixtures = useFixtureDir();

describe('JSON Lines import', () => {
  it('reads every field of each entry and remembers the line it came from', async () => {
    const path = await fixtures.write(
      'entries.jsonl',
      [
        JSON.stringify({
          externalId: 'crm-1',
          kind: 'chatter',
          title: 'Acme balks at SSO pricing',
          body: '  Acme said SSO should not cost extra.  ',
          source: {
            url: 'https://crm.example.com/notes/1',
            channel: '#deals',
            author: 'Dana',
            account: 'Acme',
          },
          contributor: 'sam@example.com',
          topics: ['Pricing', ' SSO '],
          stage: 'evaluate',
          createdAt: '2026-11-02T09:30:00Z',
          reviewBy: '2027-01-15',
          status: 'published',
        }),
        '',
        JSON.stringify({ kind: 'tip', body: 'Lead with the security review.' }),
      ].join('\r\n'),
    );

    const parsed = await parseEntryFile(path);

    expect(parsed).toEqual([
      {
        line: 1,
        entry: {
          externalId: 'crm-1',
          kind: 'chatter',
          title: 'Acme balks at SSO pricing',
          body: 'Acme said SSO should not cost extra.',
          source: {
            url: 'https://crm.example.com/notes/1',
            channel: '#deals',
            author: 'Dana',
            account: 'Acme',
          },
          contributor: 'sam@example.com',
          topics: ['pricing', 'sso'],
          stage: 'evaluate',
          createdAt: new Date('2026-11-02T09:30:00Z'),
          reviewBy: new Date('2027-01-15T00:00:00Z'),
          status: 'published',
        },
      },
      { line: 3, entry: { kind: 'tip', body: 'Lead with the security review.' } },
    ]);
  });

  it('treats null values as not given, as exporters often write them', async () => {
    const path = await fixtures.write(
      'nulls.jsonl',
      jsonLines({
        kind: 'tip',
        body: 'Ask for the champion.',
        title: null,
        source: { url: null, channel: '#x' },
      }),
    );

    const [parsed] = await parseEntryFile(path);

    expect(parsed?.entry).toEqual({ kind: 'tip', body: 'Ask for the champion.', source: { channel: '#x' } });
  });

  it('rejects a line that is not valid JSON, naming the line', async () => {
    const path = await fixtures.write(
      'broken.jsonl',
      [jsonLines({ kind: 'tip', body: 'a' }, { kind: 'tip', body: 'b' }), '{"kind": "tip", body: "c"}'].join(
        '\n',
      ),
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toMatch(
      / line 3: not valid JSON \(.+\); each line must be one complete JSON object$/,
    );
    expect(error.message.startsWith(`${path} line 3: `)).toBe(true);
  });

  it('rejects a line that is JSON but not an object', async () => {
    const path = await fixtures.write('list.jsonl', '["tip", "body"]\n');

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toContain(`${path} line 1: must be a JSON object`);
  });

  it('rejects a value outside an enum, listing the allowed values and what it got', async () => {
    const path = await fixtures.write(
      'stage.jsonl',
      jsonLines({ kind: 'tip', body: 'x', stage: 'negotiate' }),
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(
      `${path} line 1: field "stage": must be one of explore, evaluate, decide, implement (got "negotiate")`,
    );
  });

  it('rejects an entry without a body or kind', async () => {
    const path = await fixtures.write('missing.jsonl', jsonLines({ kind: 'tip' }, { body: 'x' }));

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toContain(`${path} line 1: field "body": is required`);
    expect(error.message).toContain(
      `${path} line 2: field "kind": is required; use one of chatter, tip, research, expert, demo`,
    );
  });

  it('rejects an entry whose body is only whitespace', async () => {
    const path = await fixtures.write('blank-body.jsonl', jsonLines({ kind: 'tip', body: '   ' }));

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(`${path} line 1: field "body": must not be empty`);
  });

  it('rejects a date that is not ISO 8601, showing an example of one that is', async () => {
    const path = await fixtures.write(
      'date.jsonl',
      jsonLines({ kind: 'tip', body: 'x', reviewBy: '15/01/2027' }),
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(
      `${path} line 1: field "reviewBy": must be an ISO date such as 2026-11-02 or 2026-11-02T09:30:00Z (got "15/01/2027")`,
    );
  });

  it('rejects a malformed source URL and a wrongly typed list, naming the nested field', async () => {
    const path = await fixtures.write(
      'types.jsonl',
      jsonLines({ kind: 'tip', body: 'x', source: { url: 'crm.example.com' }, topics: 'pricing' }),
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toContain(`line 1: field "source.url": must be a full URL`);
    expect(error.message).toContain(`line 1: field "topics": must be a list of text`);
  });

  it('rejects unknown fields and says which ones are accepted', async () => {
    const path = await fixtures.write(
      'unknown.jsonl',
      jsonLines({ kind: 'tip', body: 'x', priority: 'high' }),
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(
      `${path} line 1: field "priority": unknown field; remove it or use one of ` +
        'externalId, kind, title, body, source, contributor, topics, stage, industry, roles, createdAt, reviewBy, status',
    );
  });

  it('rejects a repeated externalId, naming both lines', async () => {
    const path = await fixtures.write(
      'dupes.jsonl',
      jsonLines(
        { externalId: 'a', kind: 'tip', body: 'x' },
        { kind: 'tip', body: 'y' },
        { externalId: ' a ', kind: 'tip', body: 'z' },
      ),
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(
      `${path} line 3: field "externalId": "a" is also used on line 1; give each entry its own externalId`,
    );
  });

  it('reports problems from the whole file at once, one per line', async () => {
    const path = await fixtures.write(
      'many.jsonl',
      [
        jsonLines({ kind: 'tip', body: 'ok' }, { kind: 'gossip', body: 'x' }),
        'nope',
        jsonLines({ kind: 'tip' }),
      ].join('\n'),
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message.split('\n')).toEqual([
      `${path} has 3 problems; fix them and import again:`,
      `${path} line 2: field "kind": must be one of chatter, tip, research, expert, demo (got "gossip")`,
      expect.stringContaining(`${path} line 3: not valid JSON (`),
      `${path} line 4: field "body": is required`,
    ]);
  });

  it('lists at most 20 problems and says how many more there are', async () => {
    const lines = Array.from({ length: 50 }, () =>
      JSON.stringify({ kind: 'tip', body: 'x', stage: 'later' }),
    );
    const path = await fixtures.write('bad.jsonl', lines.join('\n'));

    const error = await importErrorOf(parseEntryFile(path));

    const listed = error.message.split('\n');
    expect(listed[0]).toBe(`${path} has 50 problems; fix them and import again:`);
    expect(listed.filter((line) => line.includes('field "stage"'))).toHaveLength(20);
    expect(listed.at(-1)).toBe('…and 30 more problems not shown');
  });

  it('rejects a file with no entries', async () => {
    const path = await fixtures.write('empty.jsonl', '\n  \n');

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(
      `${path}: has no entries; write one JSON object per line, such as {"kind": "tip", "body": "…"}`,
    );
  });
});
