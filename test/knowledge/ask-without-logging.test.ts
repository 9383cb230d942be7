import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

describe.each(DATABASE_KINDS)('answering without logging on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
    await seedEntry(db, {
      externalId: 'sso-1',
      author: 'Maya',
      account: 'Harborview',
      body: 'Harborview needs Okta SSO before they sign.',
    });
  });
  afterEach(() => earshot.close());

  it('gives the answer ask gives, but leaves no question behind for the log or the digest', async () => {
    const question = 'What are you hearing about Okta SSO?';
    const unlogged = await earshot.askWithoutLogging({ workspaceId: 'acme', question });
    const nothing = await earshot.askWithoutLogging({ workspaceId: 'acme', question: 'Any word on ESG?' });
    expect(await earshot.questions.list({ workspaceId: 'acme' })).toEqual([]);

    const asked = await earshot.ask({ workspaceId: 'acme', question });
    expect(unlogged).not.toHaveProperty('questionId');
    expect({ ...asked, questionId: undefined }).toEqual({ ...unlogged, questionId: undefined });
    expect(nothing.heard).toBe(false);
    expect((await earshot.questions.list({ workspaceId: 'acme' })).map((q) => q.text)).toEqual([question]);
  });
});
