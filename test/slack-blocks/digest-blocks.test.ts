import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { buildDigest } from '../../src/digest/build-digest.ts';
import type { DigestMessage } from '../../src/digest/digest-message.ts';
import { showCommandFor } from '../../src/digest/digest-message.ts';
import { QUIET_WEEK } from '../../src/digest/digest-text.ts';
import { renderSlackMessage } from '../../src/slack/blocks/render-message.ts';
import { DIGEST_NOTES, digestView } from '../../src/views/digest-view.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { links } from './answers.ts';
import {
  capped,
  digest,
  expectDigestWithinLimits,
  hugeDigest,
  message,
  shownText,
  theme,
  tip,
  WEEK,
} from './digests.ts';

const SHOW = 'earshot digest show --workspace T_TEAM';

const digestBlocks = (shown: DigestMessage) => renderSlackMessage(digestView(shown));

/** A week with something in every section, a few of each. */
function busyWeek() {
  return digest({
    topics: ['sso', 'pricing'],
    forCurators: true,
    chatter: { entries: 7, reps: 4, accounts: 3 },
    themes: {
      items: [
        theme('sso', {
          entries: 4,
          reps: 3,
          accounts: 2,
          examples: [
            {
              id: 1,
              title: 'Harborview SSO',
              excerpt: 'Harborview wants Okta SSO before signing.',
              url: 'https://crm.example/harborview',
              author: 'Maya',
              account: 'Harborview',
            },
            {
              id: 2,
              title: 'Kessler',
              excerpt: 'SAML or no deal.',
              url: null,
              author: 'U0DAN',
              account: null,
            },
          ],
        }),
        theme('pricing', { entries: 3, reps: 1, accounts: 1 }),
      ],
      more: 0,
    },
    tips: {
      items: [
        tip(10, { title: 'Send the SOC 2 report early', author: 'Sam', url: 'https://wiki.example/soc2' }),
        tip(11, { title: 'Ask for the IdP owner', author: null }),
      ],
      more: 0,
    },
    citedTips: {
      items: [{ id: 12, title: 'ROI calculator', author: 'Rita', url: null, citations: 3 }],
      more: 0,
    },
    research: {
      items: [tip(13, { kind: 'research', title: 'Identity survey', author: 'Analyst Co' })],
      more: 0,
    },
    triggers: {
      items: [
        {
          id: 14,
          type: 'funding',
          typeLabel: 'Funding round',
          title: 'Harborview raises a Series C',
          url: 'https://news.example/harborview',
          // 00:30 on Friday in Berlin, still Thursday in UTC.
          occurredAt: new Date('2026-11-19T23:30:00Z'),
          account: 'Harborview Health',
        },
      ],
      more: 0,
    },
    gaps: {
      unanswered: {
        items: [
          {
            id: 15,
            text: 'Do we support SCIM?',
            askedAt: new Date('2026-11-17T09:00:00Z'),
            askedBy: 'U0ASKER',
          },
        ],
        more: 0,
        askedInPrivate: 0,
      },
      notHelpful: {
        items: [{ id: 16, text: 'What about SSO?', askedAt: WEEK.from, askedBy: null, votes: 2 }],
        more: 0,
        askedInPrivate: 0,
      },
      reviewQueueSize: 4,
    },
    contributors: {
      items: [
        { person: 'Maya', entries: 3 },
        { person: 'U0DAN', entries: 1 },
        // A name, not a Slack id: never turned into a mention.
        { person: 'UBS', entries: 1 },
      ],
      more: 0,
    },
  });
}

describe('digestBlocks', () => {
  it('shows every section in the order of the text digest, with counts, credits and links', () => {
    const rendered = digestBlocks(message(busyWeek()));
    const text = shownText(rendered.blocks);

    expect(rendered.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Earshot digest · 16–22 Nov 2026' },
    });
    expect(text).toContain('Topics: sso, pricing');
    expect(text).toContain('For curators: includes content gaps');
    expect(text).toContain('*What the field is hearing*\n7 new field notes from 4 reps across 3 accounts.');
    expect(text).toContain('*sso* · 4 notes from 3 reps across 2 accounts');
    expect(text).toContain(
      '• <https://crm.example/harborview|“Harborview wants Okta SSO before signing.”> — Maya, Harborview',
    );
    expect(text).toContain('• “SAML or no deal.” — <@U0DAN>');
    expect(text).toContain(
      '*New tips* (2)\n• *<https://wiki.example/soc2|Send the SOC 2 report early>* — by Sam',
    );
    expect(text).toContain('• *Ask for the IdP owner*\n');
    expect(text).toContain('• *ROI calculator* — by Rita · cited 3 times');
    expect(text).toContain('• Research: *Identity survey* — by Analyst Co');
    expect(text).toContain(
      '• Fri 20 Nov · Funding round · Harborview Health: *<https://news.example/harborview|Harborview raises a Series C>*',
    );
    expect(text).toContain(
      '*Questions nobody could answer* (1)\n• “Do we support SCIM?” — <@U0ASKER>, Tue 17 Nov',
    );
    expect(text).toContain('*Answers marked not helpful* (1)\n• “What about SSO?”: 2 not-helpful votes');
    expect(text).toContain('Review queue: 4 entries waiting.');
    expect(text).toContain(
      '*Top contributors* (3)\n1. Maya: 3 entries\n2. <@U0DAN>: 1 entry\n3. UBS: 1 entry',
    );

    const order = [
      'What the field is hearing',
      'New tips',
      'Older tips cited',
      'New research',
      'Buying triggers',
      'Content gaps',
      'Top contributors',
    ].map((heading) => text.indexOf(heading));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Nothing was cut, so there is no pointer to the full digest.
    expect(text).not.toContain('…and');
    expect(text).not.toContain('Full digest');
    expect(rendered.text).toBe(
      'Earshot digest, 16–22 Nov 2026: 7 field notes from 4 reps, 2 new tips, 1 older tip cited, 1 new research entry, 1 buying trigger, 1 unanswered question',
    );
    expectDigestWithinLimits(rendered);
  });

  it('shows a few items per section, counts the rest and points to the full digest', () => {
    const rendered = digestBlocks(
      message(
        digest({
          chatter: { entries: 40, reps: 9, accounts: 8 },
          themes: capped(5, (n) => theme(`theme ${n}`), 2),
          tips: capped(10, (n) => tip(n, { title: `Tip number ${n}` }), 3),
          contributors: capped(5, (n) => ({ person: `Rep ${n}`, entries: 6 - n }), 4),
        }),
        { showCommand: `${SHOW} --from a --to b` },
      ),
    );
    const text = shownText(rendered.blocks);
    expect(text).toContain('_…and 2 more themes_');
    expect(text).toContain('*New tips* (13)\n');
    expect(text).toContain('• *Tip number 5*\n_…and 8 more tips_');
    expect(text).not.toContain('Tip number 6');
    expect(text).toContain('5. Rep 5: 1 entry\n_…and 4 more contributors_');
    expect(rendered.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Full digest: \`${SHOW} --from a --to b\`` }],
    });
    expectDigestWithinLimits(rendered);
  });

  it('keeps a huge digest within every Slack limit', () => {
    const huge = hugeDigest();
    const rendered = digestBlocks(message(huge, { showCommand: showCommandFor(huge), late: true }));
    expectDigestWithinLimits(rendered);
    expect(rendered.blocks.length).toBeLessThanOrEqual(50);

    const text = shownText(rendered.blocks);
    const shownBlocks = rendered.blocks.map((block) => shownText([block]));
    // Every list ends with how many it left out, and then comes one pointer to the whole digest.
    for (const [heading, total] of [
      ['New tips', 1500],
      ['Older tips cited this week', 300],
      ['New research and expert content', 300],
      ['Buying triggers', 300],
      ['Questions nobody could answer', 300],
      ['Answers marked not helpful', 300],
      ['Top contributors', 350],
    ] as const) {
      // The section's heading, its items, and the "…and N more" line that closes it.
      const start = shownBlocks.findIndex((shown) => shown.startsWith(`*${heading}* (`));
      expect(start, heading).toBeGreaterThanOrEqual(0);
      const end = shownBlocks.findIndex((shown, index) => index > start && shown.startsWith('_…and'));
      const section = shownBlocks.slice(start, end + 1).join('\n');
      const more = /_…and (\d+) more \w+_$/.exec(section);
      expect(more, heading).not.toBeNull();
      const shownItems = section.split('\n').filter((line) => /^(•|\d+\.) /.test(line)).length;
      expect(shownItems + Number(more?.[1]), heading).toBe(total);
    }
    const themesLeft = Number(/_…and (\d+) more themes_/.exec(text)?.[1]);
    const themesShown = text.split('\n').filter((line) => line.startsWith('*theme ')).length;
    expect(themesShown).toBeGreaterThan(0);
    expect(themesShown + themesLeft).toBe(500);
    expect(rendered.blocks.filter((block) => shownText([block]).startsWith('Full digest:'))).toHaveLength(1);
    expect(text).toContain(
      `Full digest: \`earshot digest show --workspace T_TEAM --from ${WEEK.from.toISOString()}`,
    );
    expect(text).toContain(DIGEST_NOTES.late);
  });

  it('says a quiet week in a few lines, with the review queue for curators', () => {
    const quiet = digestBlocks(message(digest({ empty: true })));
    expect(quiet.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Earshot digest · 16–22 Nov 2026' } },
      { type: 'section', text: { type: 'mrkdwn', text: QUIET_WEEK } },
    ]);
    expect(quiet.text).toBe('Earshot digest, 16–22 Nov 2026: quiet week, nothing new was heard');

    const curators = digestBlocks(
      message(
        digest({
          empty: true,
          forCurators: true,
          gaps: {
            unanswered: { items: [], more: 0, askedInPrivate: 0 },
            notHelpful: { items: [], more: 0, askedInPrivate: 0 },
            reviewQueueSize: 1,
          },
        }),
      ),
    );
    expect(shownText(curators.blocks)).toContain(`${QUIET_WEEK}\nReview queue: 1 entry waiting.`);
    expect(curators.blocks).toHaveLength(3);
  });

  it('marks previews and late digests', () => {
    const preview = digestBlocks(message(digest({ empty: true }), { preview: true }));
    expect(shownText(preview.blocks)).toContain('Preview — only you can see this');
    expect(preview.text).toMatch(/^Preview of the Earshot digest/);
    expect(shownText(preview.blocks)).not.toContain('Late');

    const late = digestBlocks(message(busyWeek(), { late: true }));
    expect(shownText(late.blocks)).toContain('Late: Earshot was offline at the scheduled time');
    expect(late.text).toMatch(/^Late Earshot digest/);
    expect(shownText(late.blocks)).not.toContain('Preview');
  });

  it('dates the week in the subscription time zone', () => {
    const inBerlin = digestBlocks(message(digest({ empty: true })));
    const inLosAngeles = digestBlocks(message(digest({ empty: true }), { timeZone: 'America/Los_Angeles' }));
    expect(shownText(inBerlin.blocks)).toContain('16–22 Nov 2026');
    expect(shownText(inLosAngeles.blocks)).toContain('15–22 Nov 2026');
    const newYear = digest({
      empty: true,
      period: { from: new Date('2026-12-28'), to: new Date('2027-01-04') },
    });
    expect(shownText(digestBlocks(message(newYear, { timeZone: 'UTC' })).blocks)).toContain(
      '28 Dec 2026 – 3 Jan 2027',
    );
  });

  it('escapes everything people typed, so nothing pings the channel or forms a link', () => {
    const evil = '<!channel> <@U0BOSS> <https://evil.example|click> & co';
    const rendered = digestBlocks(
      message(
        digest({
          topics: [evil],
          forCurators: true,
          chatter: { entries: 1, reps: 1, accounts: 1 },
          themes: {
            items: [
              theme(evil, {
                examples: [
                  {
                    id: 1,
                    title: evil,
                    excerpt: evil,
                    url: 'javascript:alert(1)',
                    author: evil,
                    account: evil,
                  },
                ],
              }),
            ],
            more: 0,
          },
          tips: { items: [tip(2, { title: evil, author: evil })], more: 0 },
          triggers: {
            items: [
              {
                id: 3,
                type: 'funding',
                typeLabel: 'Funding round',
                title: evil,
                url: null,
                occurredAt: WEEK.from,
                account: evil,
              },
            ],
            more: 0,
          },
          gaps: {
            unanswered: {
              items: [{ id: 4, text: evil, askedAt: WEEK.from, askedBy: evil }],
              more: 0,
              askedInPrivate: 0,
            },
            notHelpful: { items: [], more: 0, askedInPrivate: 0 },
            reviewQueueSize: 0,
          },
          contributors: { items: [{ person: evil, entries: 1 }], more: 0 },
        }),
      ),
    );
    const json = JSON.stringify(rendered);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<@U0BOSS>');
    expect(json).not.toContain('javascript:');
    expect(links(shownText(rendered.blocks))).toEqual([]);
    expect(shownText(rendered.blocks)).toContain('&lt;!channel&gt; &lt;@U0BOSS&gt;');
    expectDigestWithinLimits(rendered);
  });
});

describe.each(DATABASE_KINDS)('digestBlocks over a built digest (%s)', (kind) => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDatabase(kind);
  });
  afterEach(() => db.close());

  it('never shows private entries, their authors or their accounts', async () => {
    const inWeek = new Date('2026-11-18T10:00:00Z');
    await seedEntry(db, {
      workspaceId: 'T_TEAM',
      kind: 'tip',
      title: 'Bring a security engineer to the SSO call',
      author: 'Priya',
      topics: ['sso'],
      createdAt: inWeek,
    });
    await seedEntry(db, {
      workspaceId: 'T_TEAM',
      kind: 'chatter',
      title: 'Harborview SSO',
      body: 'Harborview wants Okta SSO before signing.',
      author: 'Maya',
      account: 'Harborview',
      topics: ['sso'],
      createdAt: inWeek,
    });
    for (const entryKind of ['tip', 'chatter', 'research'] as const) {
      await seedEntry(db, {
        workspaceId: 'T_TEAM',
        kind: entryKind,
        title: `Secret ${entryKind} from the deal room`,
        body: 'Confidential discount for Secretco.',
        author: 'Zed Hidden',
        account: 'Secretco',
        topics: ['sso'],
        audience: 'G0DEALROOM',
        createdAt: inWeek,
      });
    }

    const built = await buildDigest(
      { db, clock: { now: () => WEEK.to } },
      { workspaceId: 'T_TEAM', from: WEEK.from, to: WEEK.to, forCurators: true },
    );
    const rendered = digestBlocks(message(built, { showCommand: showCommandFor(built) }));
    const text = shownText(rendered.blocks);

    expect(text).toContain('*Bring a security engineer to the SSO call* — by Priya');
    expect(text).toContain('“Harborview wants Okta SSO before signing.” — Maya, Harborview');
    expect(text).toContain('1 new field note from 1 rep across 1 account.');
    for (const hidden of ['Secret', 'Zed', 'Secretco', 'Confidential']) {
      expect(JSON.stringify(rendered)).not.toContain(hidden);
    }
    expectDigestWithinLimits(rendered);
  });
});
