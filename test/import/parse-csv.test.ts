import { describe, expect, it } from 'vitest';
import { parseEntryFile } from '../../src/knowledge/import/parse-entry-file.ts';
import { importErrorOf, useFixtureDir } from './import-fixtures.ts';

const fixtures = useFixtureDir();

describe('CSV import', () => {
  it('reads every column, splits topics on ";" and leaves empty cells out', async () => {
    const path = await fixtures.write(
      'entries.csv',
      [
        'externalId,kind,title,body,source.url,source.channel,source.author,source.account,contributor,topics,stage,createdAt,reviewBy,status',
        'crm-1,chatter,SSO pricing,Acme wants SSO included.,https://crm.example.com/1,#deals,Dana,Acme,sam@example.com,Pricing; SSO;,evaluate,2026-11-02T09:30:00Z,2027-01-15,pending',
        ',tip,,Lead with the security review.,,,,,,,,,,',
      ].join('\n'),
    );

    const parsed = await parseEntryFile(path);

    expect(parsed).toEqual([
      {
        line: 2,
        entry: {
          externalId: 'crm-1',
          kind: 'chatter',
          title: 'SSO pricing',
          body: 'Acme wants SSO included.',
          source: { url: 'https://crm.example.com/1', channel: '#deals', author: 'Dana', account: 'Acme' },
          contributor: 'sam@example.com',
          topics: ['pricing', 'sso'],
          stage: 'evaluate',
          createdAt: new Date('2026-11-02T09:30:00Z'),
          reviewBy: new Date('2027-01-15T00:00:00Z'),
          status: 'pending',
        },
      },
      { line: 3, entry: { kind: 'tip', body: 'Lead with the security review.' } },
    ]);
    expect(Object.keys(parsed[1]?.entry ?? {})).toEqual(['kind', 'body']);
  });

  it('accepts plain source columns and header names in any case', async () => {
    const path = await fixtures.write(
      'plain.csv',
      'Kind,Body,URL,Channel,Author,Account\ntip,Ask about the budget.,https://example.com/a,#sales,Lee,Initech\n',
    );

    const [parsed] = await parseEntryFile(path);

    expect(parsed?.entry.source).toEqual({
      url: 'https://example.com/a',
      channel: '#sales',
      author: 'Lee',
      account: 'Initech',
    });
  });

  it('keeps quoted multi-line bodies whole and reports errors at the line a record starts on', async () => {
    const path = await fixtures.write(
      'multiline.csv',
      [
        'kind,title,body',
        'tip,Objections,"First line,',
        'second line with ""quotes""',
        '',
        'last line"',
        '',
        'research,Survey,"Also',
        'two lines"',
        'gossip,Bad,"starts here',
        'and continues"',
      ].join('\r\n'),
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(
      `${path} line 9: field "kind": must be one of chatter, tip, research, expert, demo (got "gossip")`,
    );
  });

  it('returns multi-line bodies with their line breaks', async () => {
    // Spreadsheets write CRLF between rows and LF inside cells.
    const path = await fixtures.write(
      'excel.csv',
      'kind,body\r\ntip,"Step one:\nask, then listen.\n\nStep two: summarise."\r\nexpert,Short\r\n',
    );

    const parsed = await parseEntryFile(path);

    expect(parsed.map(({ line, entry }) => [line, entry.body])).toEqual([
      [2, 'Step one:\nask, then listen.\n\nStep two: summarise.'],
      [6, 'Short'],
    ]);
  });

  it('rejects an unknown column, naming it and listing the accepted ones', async () => {
    const path = await fixtures.write('unknown.csv', 'kind,body,priority\ntip,x,high\n');

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(
      `${path} line 1: unknown column "priority"; rename or remove it. Accepted columns: externalId, kind, title, body, ` +
        'url (or source.url), channel (or source.channel), author (or source.author), account (or source.account), ' +
        'contributor, topics, stage, industry, roles, createdAt, reviewBy, status',
    );
  });

  it('rejects a header without a required column or with the same field twice', async () => {
    const path = await fixtures.write(
      'header.csv',
      'kind,url,source.url\ntip,https://a.example,https://b.example\n',
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toContain(
      `${path} line 1: columns "url" and "source.url" both set source.url; keep one`,
    );
    expect(error.message).toContain(`${path} line 1: missing column "body"; every entry needs one`);
  });

  it('rejects bad values, naming the column as written in the header', async () => {
    const path = await fixtures.write(
      'values.csv',
      [
        'externalId,kind,body,url,stage,createdAt',
        'a,tip,x,not a url,,',
        'b,tip,,,decide,',
        'c,tip,x,,negotiate,2026-13-01',
        'a,tip,x,,,',
      ].join('\n'),
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message.split('\n').slice(1)).toEqual([
      `${path} line 2: field "url": must be a full URL such as https://example.com/page (got "not a url")`,
      `${path} line 3: field "body": is required`,
      `${path} line 4: field "stage": must be one of explore, evaluate, decide, implement (got "negotiate")`,
      `${path} line 4: field "createdAt": must be an ISO date such as 2026-11-02 or 2026-11-02T09:30:00Z (got "2026-13-01")`,
      `${path} line 5: field "externalId": "a" is also used on line 2; give each entry its own externalId`,
    ]);
  });

  it('rejects a row whose cell count does not match the header, which usually means missing quotes', async () => {
    const path = await fixtures.write(
      'cells.csv',
      'kind,title,body\ntip,Hello,Commas, unquoted, split this\n',
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(
      `${path} line 2: has 5 cells but the header has 3 columns; put cells that contain commas or line breaks in double quotes`,
    );
  });

  it('rejects a quote that is never closed, pointing at the record where it opens', async () => {
    const path = await fixtures.write(
      'quote.csv',
      'kind,body\ntip,fine\n\ntip,"never closed\nchatter,more\n',
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(
      `${path} line 4: a quoted cell starting in this row is never closed; add the missing closing quote (")`,
    );
  });

  it('rejects a file with a header but no rows, and an empty file', async () => {
    const headerOnly = await fixtures.write('header-only.csv', 'kind,body\n');
    const empty = await fixtures.write('empty.csv', '');

    expect((await importErrorOf(parseEntryFile(headerOnly))).message).toBe(
      `${headerOnly}: has no entries; add one row per entry below the header`,
    );
    expect((await importErrorOf(parseEntryFile(empty))).message).toBe(
      `${empty}: has no entries; start with a header row such as "kind,title,body", then one row per entry`,
    );
  });
});
