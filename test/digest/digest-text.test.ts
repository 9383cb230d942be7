import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/digest/digest.ts';
import { digestText, QUIET_WEEK } from '../../src/digest/digest-text.ts';
import { blankDigest } from '../helpers/digests.ts';

const none = { items: [], more: 0 };
const noGap = { ...none, askedInPrivate: 0 };

function digest(overrides: Partial<Digest> = {}): Digest {
  return blankDigest(
    'acme',
    { from: new Date('2026-11-16T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') },
    overrides,
  );
}

describe('digest text', () => {
  it('says a quiet week briefly', () => {
    expect(digestText(digest({ empty: true }))).toBe(
      `# Earshot digest: 2026-11-16 – 2026-11-22\n\n${QUIET_WEEK}`,
    );
    expect(QUIET_WEEK).toBe('Quiet week: nothing new was heard.');
  });

  it('still tells curators of a quiet week how many captures wait for review', () => {
    const text = digestText(
      digest({
        empty: true,
        forCurators: true,
        gaps: { unanswered: noGap, notHelpful: noGap, reviewQueueSize: 3 },
      }),
    );
    expect(text.split('\n')).toEqual([
      '# Earshot digest: 2026-11-16 – 2026-11-22',
      '',
      QUIET_WEEK,
      'Review queue: 3 entries waiting.',
    ]);
  });

  it('shows each section with counts, cited examples and how many more there are', () => {
    const text = digestText(
      digest({
        topics: ['sso'],
        forCurators: true,
        chatter: { entries: 5, reps: 3, accounts: 2 },
        themes: {
          items: [
            {
              label: 'sso',
              basis: 'topic',
              entries: 3,
              reps: 3,
              accounts: 1,
              examples: [
                {
                  id: 1,
                  title: 'Harborview SSO',
                  excerpt: 'Harborview wants\nOkta SSO.',
                  url: 'https://crm.example/1',
                  author: 'Maya',
                  account: 'Harborview',
                },
              ],
            },
          ],
          more: 2,
        },
        tips: {
          items: [
            {
              id: 2,
              kind: 'tip',
              title: 'Send the SOC 2 report early',
              excerpt: '',
              url: null,
              author: 'Sam',
              account: null,
              topics: [],
              createdAt: new Date('2026-11-18T00:00:00Z'),
            },
          ],
          more: 9,
        },
        citedTips: {
          items: [{ id: 3, title: 'ROI calculator', author: 'Rita', url: null, citations: 2 }],
          more: 0,
        },
        triggers: {
          items: [
            {
              id: 4,
              type: 'funding',
              typeLabel: 'Funding round',
              title: 'Series C',
              url: null,
              occurredAt: new Date('2026-11-19T12:00:00Z'),
              account: 'Harborview Health',
            },
          ],
          more: 0,
        },
        gaps: {
          unanswered: {
            items: [
              {
                id: 5,
                text: 'Do we support SCIM?',
                askedAt: new Date('2026-11-17T09:00:00Z'),
                askedBy: 'U_ASKER',
              },
            ],
            more: 0,
            askedInPrivate: 0,
          },
          notHelpful: {
            items: [
              {
                id: 6,
                text: 'What about SSO?',
                askedAt: new Date('2026-11-17T09:00:00Z'),
                askedBy: null,
                votes: 1,
              },
            ],
            more: 0,
            askedInPrivate: 0,
          },
          reviewQueueSize: 1,
        },
        contributors: { items: [{ person: 'Maya', entries: 2 }], more: 4 },
      }),
    );
    expect(text).toContain('Topics: sso');
    expect(text).toContain('5 new field notes from 3 reps across 2 accounts.');
    expect(text).toContain('### sso: 3 notes, 3 reps, 1 account');
    expect(text).toContain('- "Harborview wants Okta SSO." (Maya, Harborview) <https://crm.example/1>');
    expect(text).toContain('…and 2 more themes.');
    expect(text).toContain('## New tips (10)\n- Send the SOC 2 report early (Sam)\n…and 9 more.');
    expect(text).toContain('- ROI calculator (Rita): cited 2 times');
    expect(text).toContain('- 2026-11-19 · Funding round · Harborview Health: Series C');
    expect(text).toContain('- "Do we support SCIM?" (U_ASKER), 2026-11-17');
    expect(text).toContain('- "What about SSO?": 1 not-helpful vote');
    expect(text).toContain('Review queue: 1 entry waiting.');
    expect(text).toContain('## Top contributors (5)\n1. Maya: 2 entries\n…and 4 more.');
    expect(text).not.toContain('research');
    expect(text).not.toContain(QUIET_WEEK);
  });

  it('dates the period in the time zone asked for', () => {
    const text = digestText(digest({ empty: true }), { timeZone: 'America/Los_Angeles' });
    expect(text).toContain('# Earshot digest: 2026-11-15 – 2026-11-22');
  });
});
