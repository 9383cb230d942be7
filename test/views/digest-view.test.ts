import { CardFactory } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/digest/digest.ts';
import { showCommandFor } from '../../src/digest/digest-message.ts';
import { renderSlackMessage } from '../../src/slack/blocks/render-message.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-types.ts';
import { renderTeamsCard } from '../../src/teams/cards/render-card.ts';
import { digestView } from '../../src/views/digest-view.ts';
import {
  capped,
  digest,
  expectDigestWithinLimits,
  hugeDigest,
  message,
  theme,
  tip,
  WEEK,
} from '../slack-blocks/digests.ts';
import { expectWithinSlackLimits, expectWithinTeamsLimits, slackLines, teamsLines } from './rendered.ts';

/** The digest as a reader sees it on each platform, line by line, markup (and code marks) taken off. */
function onBoth(content: Digest, overrides: Parameters<typeof message>[1] = {}) {
  const shown = message(content, { showCommand: showCommandFor(content), ...overrides });
  const slack = renderSlackMessage(digestView(shown));
  const teams = renderTeamsCard(digestView(shown));
  const plain = (line: string) => line.replace(/`/g, '');
  return { slack, teams, slackLines: slackLines(slack).map(plain), teamsLines: teamsLines(teams).map(plain) };
}

const items = (lines: string[]) => lines.filter((line) => /^(• |\d+\. )/.test(line));

/** A week with something in every section, a few of each, and a Slack user credited by id. */
const busy = digest({
  forCurators: true,
  chatter: { entries: 7, reps: 4, accounts: 3 },
  themes: {
    items: [
      theme('sso', {
        examples: [
          {
            id: 1,
            title: 'Harborview SSO',
            excerpt: 'Harborview wants Okta SSO before signing.',
            url: 'https://crm.example/harborview',
            author: 'Maya',
            account: 'Harborview',
          },
        ],
      }),
    ],
    more: 0,
  },
  tips: {
    items: [
      tip(10, { title: 'Send the SOC 2 report early', author: 'Sam', url: 'https://wiki.example/soc2' }),
      tip(11, { title: 'Ask for the IdP owner', author: 'Priya' }),
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
        occurredAt: new Date('2026-11-19T10:00:00Z'),
        account: 'Harborview Health',
      },
    ],
    more: 0,
  },
  gaps: {
    unanswered: {
      items: [{ id: 15, text: 'Do we support SCIM?', askedAt: WEEK.from, askedBy: 'Lee' }],
      more: 0,
      askedInPrivate: 2,
    },
    notHelpful: { items: [], more: 0, askedInPrivate: 0 },
    reviewQueueSize: 4,
  },
  contributors: { items: [{ person: 'Maya', entries: 3 }], more: 0 },
});

describe('the digest view on Slack and Teams', () => {
  it('shows the same sections, items and credits on both, in the same order', () => {
    const { slackLines, teamsLines } = onBoth(busy);
    expect(items(slackLines)).toEqual(items(teamsLines));
    expect(items(slackLines)).toEqual([
      '• “Harborview wants Okta SSO before signing.” — Maya, Harborview',
      '• Send the SOC 2 report early — by Sam',
      '• Ask for the IdP owner — by Priya',
      '• ROI calculator — by Rita · cited 3 times',
      '• Research: Identity survey — by Analyst Co',
      '• Thu 19 Nov · Funding round · Harborview Health: Harborview raises a Series C',
      '• “Do we support SCIM?” — Lee, Mon 16 Nov',
      '1. Maya: 3 entries',
    ]);
    const headings = [
      'What the field is hearing',
      'New tips (2)',
      'Older tips cited this week (1)',
      'New research and expert content (1)',
      'Buying triggers (1)',
      'Content gaps',
      'Questions nobody could answer (3)',
      '…and 2 asked in private conversations (not shown here).',
      'Review queue: 4 entries waiting.',
      'Top contributors (1)',
    ];
    for (const lines of [slackLines, teamsLines]) {
      const at = headings.map((heading) => lines.indexOf(heading));
      expect(at.every((index) => index >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      // Nothing was cut, so neither points to the full digest.
      expect(lines.join('\n')).not.toMatch(/…and \d+ more|Full digest/);
    }
  });

  it('shows a few items per section on both and says how many the core and the chat left out', () => {
    const { slackLines, teamsLines } = onBoth(
      digest({
        tips: capped(10, (n) => tip(n, { title: `Tip number ${n}` }), 3),
        triggers: capped(
          2,
          (n) => ({
            id: n,
            type: 'news' as const,
            typeLabel: 'News',
            title: `Story ${n}`,
            url: null,
            occurredAt: WEEK.from,
            account: null,
          }),
          4,
        ),
      }),
    );
    for (const lines of [slackLines, teamsLines]) {
      expect(lines).toContain('New tips (13)');
      expect(items(lines).filter((line) => line.includes('Tip number'))).toHaveLength(5);
      expect(lines).toContain('…and 8 more tips');
      // Both triggers fit; the four the core left out are still counted.
      expect(lines).toContain('…and 4 more triggers');
      expect(lines.filter((line) => line.startsWith('Full digest: '))).toHaveLength(1);
    }
  });

  it('keeps a huge digest within both platforms’ limits, every cut section counting what it left out', () => {
    const huge = hugeDigest();
    const { slack, teams, slackLines, teamsLines } = onBoth(huge, { late: true });

    expectWithinSlackLimits(slack);
    expectDigestWithinLimits(slack);
    expectWithinTeamsLimits(teams);
    // As Teams receives it: the card inside an attachment.
    expect(cardBytes(CardFactory.adaptiveCard(teams))).toBeLessThanOrEqual(MAX_CARD_BYTES);

    const sections = [
      ['New tips', 1500],
      ['Older tips cited this week', 300],
      ['New research and expert content', 300],
      ['Buying triggers', 300],
      ['Questions nobody could answer', 300],
      ['Answers marked not helpful', 300],
      ['Top contributors', 350],
    ] as const;
    for (const [platform, lines] of [
      ['slack', slackLines],
      ['teams', teamsLines],
    ] as const) {
      for (const [heading, total] of sections) {
        const start = lines.findIndex((line) => line.startsWith(`${heading} (`));
        expect(start, `${platform}: ${heading}`).toBeGreaterThanOrEqual(0);
        const end = lines.findIndex((line, index) => index > start && line.startsWith('…and'));
        const more = /^…and (\d+) more /.exec(lines[end] ?? '');
        expect(more, `${platform}: ${heading}`).not.toBeNull();
        const shown = items(lines.slice(start + 1, end)).length;
        expect(shown, `${platform}: ${heading}`).toBeGreaterThan(0);
        expect(shown + Number(more?.[1]), `${platform}: ${heading}`).toBe(total);
      }
      expect(lines.some((line) => /^…and \d+ more themes$/.test(line))).toBe(true);
      expect(lines.filter((line) => line.startsWith('Full digest: earshot digest show'))).toHaveLength(1);
      expect(lines.some((line) => line.includes('Late: Earshot was offline'))).toBe(true);
    }
  });
});
