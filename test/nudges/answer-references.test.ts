import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { FakeClock } from '../helpers/fake-clock.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { seedApprovedRequest, seedReference } from '../slack/nudge-seeds.ts';

const ORG = 'acme';

describe.each(DATABASE_KINDS)('references and freshness in answers (%s)', (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db, {}, { clock: new FakeClock('2026-11-23T15:00:00Z') });
    await seedEntry(db, { workspaceId: ORG, title: 'Kickoff' });
  });
  afterEach(async () => {
    await earshot.close();
  });

  it('answers the issue’s question with the available SAP manufacturer, and keeps it when the answer is shown again', async () => {
    const steel = await seedReference(db, ORG, {
      account: 'Fabrikam Steel',
      industry: 'Manufacturing',
      products: ['SAP S/4HANA connector'],
    });
    const busy = await seedReference(db, ORG, {
      account: 'Contoso Motors',
      industry: 'Manufacturing',
      products: ['SAP S/4HANA connector'],
      maxRequestsPer90Days: 1,
    });
    await seedApprovedRequest(db, { id: busy.id, workspaceId: ORG }, 5);
    await seedReference(db, ORG, { account: 'Mercy Health', products: ['NetSuite sync'] });
    await seedReference(db, 'other-org', { account: 'Globex Manufacturing', industry: 'Manufacturing' });

    const answer = await earshot.ask({
      workspaceId: ORG,
      question: 'Which reference can I use for an SAP manufacturer?',
    });
    expect(answer.references?.criteria).toBe('SAP manufacturer');
    expect(answer.references?.matches.map((match) => [match.account, match.available])).toEqual([
      ['Fabrikam Steel', true],
      ['Contoso Motors', false],
    ]);
    expect(answer.references?.matches[0]?.id).toBe(steel.id);
    expect(answer.references?.matches[1]?.availableFrom).toBeInstanceOf(Date);

    // Shared later, the logged answer comes back with its references (dates as dates).
    const again = await earshot.questions.answerOf(ORG, answer.questionId);
    expect(again?.references).toEqual(answer.references);

    const caseStudy = await earshot.ask({ workspaceId: ORG, question: 'case study for NetSuite rollouts' });
    expect(caseStudy.references?.matches.map((match) => match.account)).toEqual(['Mercy Health']);
    const plain = await earshot.ask({ workspaceId: ORG, question: 'what are buyers saying about SAP?' });
    expect(plain.references ?? null).toBeNull();
  });

  it('marks cited entries past their review date, and the mark survives in the logged answer', async () => {
    await seedEntry(db, {
      workspaceId: ORG,
      kind: 'tip',
      title: 'Okta SSO setup',
      body: 'Okta SSO takes a day to set up with the SAML wizard.',
      reviewBy: new Date('2026-03-10T00:00:00Z'),
    });
    const answer = await earshot.ask({
      workspaceId: ORG,
      question: 'How long does Okta SSO take to set up?',
    });
    expect(answer.sources.map((source) => [source.title, source.staleSince])).toEqual([
      ['Okta SSO setup', new Date('2026-03-10T00:00:00Z')],
    ]);
    expect((await earshot.questions.answerOf(ORG, answer.questionId))?.sources[0]?.staleSince).toEqual(
      new Date('2026-03-10T00:00:00Z'),
    );
  });
});
