import { describe, expect, it } from 'vitest';
import { parseEntryFile } from '../../src/knowledge/import/parse-entry-file.ts';
import { importErrorOf, useFixtureDir } from './import-fixtures.ts';

const fixtures = useFixtureDir();

describe('Markdown import', () => {
  it('reads every front-matter field and takes the text after it as the body', async () => {
    const path = await fixtures.write(
      'sso.md',
      [
        '---',
        'externalId: 42',
        'kind: expert',
        'title: How to position SSO',
        'source:',
        '  url: https://wiki.example.com/sso',
        '  channel: "#enablement"',
        '  author: Priya',
        '  account: Globex',
        'contributor: priya@example.com',
        'topics:',
        '  - SSO',
        '  - Pricing',
        'stage: decide',
        'createdAt: 2026-11-02',
        'reviewBy: 2027-05-01T12:00:00+02:00',
        'status: pending',
        '---',
        '',
        '# Not the title, because one is given',
        '',
        'Bundle SSO into the enterprise tier.',
        '',
      ].join('\n'),
    );

    const parsed = await parseEntryFile(path);

    expect(parsed).toEqual([
      {
        line: 1,
        entry: {
          externalId: '42',
          kind: 'expert',
          title: 'How to position SSO',
          body: '# Not the title, because one is given\n\nBundle SSO into the enterprise tier.',
          source: {
            url: 'https://wiki.example.com/sso',
            channel: '#enablement',
            author: 'Priya',
            account: 'Globex',
          },
          contributor: 'priya@example.com',
          topics: ['sso', 'pricing'],
          stage: 'decide',
          createdAt: new Date('2026-11-02T00:00:00Z'),
          reviewBy: new Date('2027-05-01T10:00:00Z'),
          status: 'pending',
        },
      },
    ]);
  });

  it('uses the first "# Heading" as the title when none is given, and drops it from the body', async () => {
    const path = await fixtures.write(
      'heading.markdown',
      [
        '---',
        'kind: tip',
        'title:',
        '---',
        '```bash',
        '# a shell comment, not a heading',
        '```',
        '## A subheading is not the title',
        '# Ask about the renewal date #',
        '',
        'It tells you when budget frees up.',
      ].join('\r\n'),
    );

    const [parsed] = await parseEntryFile(path);

    expect(parsed?.entry.title).toBe('Ask about the renewal date');
    expect(parsed?.entry.body).toBe(
      '```bash\n# a shell comment, not a heading\n```\n## A subheading is not the title\n\nIt tells you when budget frees up.',
    );
  });

  it('accepts topics as a ";"-separated string and source fields written without "source:"', async () => {
    const path = await fixtures.write(
      'flat.md',
      '---\nkind: chatter\ntopics: Pricing; security ;\nurl: https://crm.example.com/7\naccount: Initech\n---\nThey want a pilot.\n',
    );

    const [parsed] = await parseEntryFile(path);

    expect(parsed?.entry).toEqual({
      kind: 'chatter',
      body: 'They want a pilot.',
      topics: ['pricing', 'security'],
      source: { url: 'https://crm.example.com/7', account: 'Initech' },
    });
  });

  it('rejects bad field values at the line of the field in the front matter', async () => {
    const path = await fixtures.write(
      'bad.md',
      '---\nkind: tip\nstage: negotiate\nsource:\n  url: wiki/sso\ncreatedAt: last week\n---\nBody.\n',
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message.split('\n')).toEqual([
      `${path} has 3 problems; fix them and import again:`,
      `${path} line 3: field "stage": must be one of explore, evaluate, decide, implement (got "negotiate")`,
      `${path} line 5: field "source.url": must be a full URL such as https://example.com/page (got "wiki/sso")`,
      `${path} line 6: field "createdAt": must be an ISO date such as 2026-11-02 or 2026-11-02T09:30:00Z (got "last week")`,
    ]);
  });

  it('rejects a file whose body is empty once the heading became the title', async () => {
    const path = await fixtures.write('no-body.md', '---\nkind: tip\n---\n# Only a heading\n');

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(
      `${path} line 4: field "body": must not be empty; write the entry below the closing "---" line`,
    );
  });

  it('rejects a body written into the front matter and an unknown field', async () => {
    const path = await fixtures.write(
      'fields.md',
      '---\nkind: tip\npriority: high\nbody: In the wrong place\n---\nx\n',
    );

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toContain(
      `${path} line 3: field "priority": unknown field; remove it or use one of`,
    );
    expect(error.message).toContain(
      `${path} line 4: field "body": write the body below the closing "---" line, not in the front matter`,
    );
  });

  it('rejects front matter that is missing, unclosed or not valid YAML', async () => {
    const missing = await fixtures.write('missing.md', '# Title\n\nkind: tip\n');
    const unclosed = await fixtures.write('unclosed.md', '---\nkind: tip\n\nBody\n');
    const invalid = await fixtures.write('invalid.md', '---\nkind: tip\ntopics: [pricing\n---\nBody\n');

    expect((await importErrorOf(parseEntryFile(missing))).message).toBe(
      `${missing} line 1: has no front matter; start the file with a line "---", then fields such as "kind: tip", then another "---" line`,
    );
    expect((await importErrorOf(parseEntryFile(unclosed))).message).toBe(
      `${unclosed} line 1: front matter is never closed; add a "---" line after the fields`,
    );
    expect((await importErrorOf(parseEntryFile(invalid))).message).toMatch(
      /invalid\.md line \d: front matter is not valid YAML \(.+\); write one "field: value" per line$/,
    );
  });

  it('rejects an empty file', async () => {
    const path = await fixtures.write('empty.md', '  \n');

    const error = await importErrorOf(parseEntryFile(path));

    expect(error.message).toBe(
      `${path}: has no entries; write fields such as "kind: tip" between two "---" lines, then the body below them`,
    );
  });
});
