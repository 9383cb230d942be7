import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/knowledge/entry.ts';
import { SLACK_LIMITS } from '../../src/slack/blocks/block-limits.ts';
import { HOME_MAX_BLOCKS, renderSlackHome } from '../../src/slack/blocks/render-home.ts';
import { withinSlackLimits } from '../../src/slack/blocks/render-message.ts';
import { slackHelpSyntax } from '../../src/slack/help-syntax.ts';
import { cardBytes, MAX_CARD_BYTES } from '../../src/teams/cards/card-types.ts';
import { renderTeamsCard } from '../../src/teams/cards/render-card.ts';
import { TEAMS_HELP_SYNTAX } from '../../src/teams/help-syntax.ts';
import type { HelpSyntax } from '../../src/views/help-view.ts';
import { type HomeInput, homeView } from '../../src/views/home-view.ts';
import { entryFixture } from '../helpers/entry-fixture.ts';
import {
  bySent,
  slackButtons,
  slackSent,
  slackTexts,
  teamsButtonTitles,
  teamsSent,
  teamsTexts,
} from '../helpers/rendered-views.ts';

const NOW = new Date('2026-11-02T12:00:00Z');
const DAY = 86_400_000;
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY);
const entry = (overrides: Partial<Entry> & Pick<Entry, 'id'>) => entryFixture(overrides);

const QUEUE = [
  entry({ id: 7, kind: 'tip', title: 'Lead with SCIM', body: 'Mention SCIM right away.', topics: ['sso'] }),
  entry({ id: 3, title: 'Kessler wants SAP', sourceUrl: 'https://crm.example.com/3' }),
];
const DUE = [
  entry({ id: 21, status: 'published', title: 'Pricing sheet', reviewBy: inDays(5) }),
  entry({ id: 22, status: 'published', title: 'Old SSO survey', kind: 'research', reviewBy: inDays(-30) }),
];
const CONTRIBUTIONS = [
  { entry: entry({ id: 40, title: 'My tip', status: 'published' }), citations: 2 },
  { entry: entry({ id: 41, title: 'My intel', status: 'pending' }), citations: 0 },
];

function input(syntax: HelpSyntax, overrides: Partial<HomeInput> = {}): HomeInput {
  return {
    isCurator: true,
    queue: QUEUE,
    queueSize: 5,
    dueForReview: DUE,
    contributions: CONTRIBUTIONS,
    now: NOW,
    syntax,
    ...overrides,
  };
}

/** The same home rendered for each platform, each with its own way of reaching the features. */
function both(overrides: Partial<HomeInput> = {}) {
  const slack = renderSlackHome(homeView(input(slackHelpSyntax('bulb'), overrides)));
  const teams = renderTeamsCard(homeView(input(TEAMS_HELP_SYNTAX, overrides)));
  return { slack: slack.blocks as types.KnownBlock[], teams };
}

const SECTIONS = ['Review queue', 'Due for review', 'Your contributions', 'What you can do'];
const firstIndex = (texts: string[], words: string) => texts.findIndex((text) => text.includes(words));

describe('the home view on Slack and Teams', () => {
  it('shows a curator the same sections, in the same order, on both platforms', () => {
    const { slack, teams } = both();
    for (const texts of [slackTexts(slack), teamsTexts(teams)]) {
      const positions = SECTIONS.map((section) => firstIndex(texts, section));
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      const all = texts.join('\n');
      for (const title of [
        'Lead with SCIM',
        'Kessler wants SAP',
        'Old SSO survey',
        'Pricing sheet',
        'My tip',
      ]) {
        expect(all).toContain(title);
      }
      expect(all).toContain('(5 pending, oldest first)');
      expect(all).toContain('…and 3 more; showing the oldest');
      expect(all).toContain('overdue since 2026-10-03');
      expect(all).toContain('cited 2 times');
    }
  });

  it('gives both the same buttons, sending the same actions for the same entries', () => {
    const { slack, teams } = both();
    const labels = ['Approve', 'Edit', 'Merge into…', 'Reject'];

    expect(slackButtons(slack).map((button) => button.text.text)).toEqual([
      ...labels,
      ...labels,
      'Edit',
      'Edit',
    ]);
    expect(teamsButtonTitles(teams)).toEqual([...labels, ...labels, 'Edit', 'Edit']);
    expect(teamsSent(teams).sort(bySent)).toEqual(slackSent(slack).sort(bySent));
    expect(slackSent(slack)).toContainEqual({ action: 'earshot_curate_approve', payload: { e: 7 } });
    expect(slackSent(slack)).toContainEqual({ action: 'earshot_curate_edit', payload: { e: 22 } });
  });

  it('asks before rejecting on both: Slack with a dialog, Teams on a card shown on the click', () => {
    const { slack, teams } = both();
    const reject = slackButtons(slack).find((button) => button.action_id === 'earshot_curate_reject');
    expect(reject?.confirm?.title?.text).toBe('Reject this entry?');
    const shown = JSON.stringify(teams);
    expect(shown).toContain('Reject this entry?');
    expect(shown).toContain("won't show up in answers");
  });

  it('puts Edit and Merge forms on the Teams card; Slack opens its own modals', () => {
    const targets = new Map([[7, [{ id: 90, title: 'SCIM provisioning' }]]]);
    const { slack, teams } = both({ mergeTargets: targets, queue: QUEUE.slice(0, 1), queueSize: 1 });
    const card = JSON.stringify(teams);

    expect(card).toContain('"id":"title"');
    expect(card).toContain('Mention SCIM right away.');
    expect(card).toContain('"value":"90"');
    expect(JSON.stringify(slack)).not.toContain('SCIM provisioning');
    expect(teamsSent(teams).sort(bySent)).toEqual(slackSent(slack).sort(bySent));
  });

  it('offers no Merge on either platform when there is nothing to merge into', () => {
    const { slack, teams } = both({
      mergeTargets: new Map([[7, []]]),
      queue: QUEUE.slice(0, 1),
      queueSize: 1,
    });
    expect(slackButtons(slack).map((button) => button.text.text)).not.toContain('Merge into…');
    expect(teamsButtonTitles(teams)).not.toContain('Merge into…');
  });

  it('shows a rep only their contributions and what they can do, with no curation button', () => {
    const { slack, teams } = both({ isCurator: false, privateContributions: 2 });
    for (const texts of [slackTexts(slack), teamsTexts(teams)]) {
      const all = texts.join('\n');
      expect(all).toContain('My tip');
      expect(all).toContain('2 more shared in private conversations');
      expect(all).toContain('What you can do');
      for (const hidden of [
        'Review queue',
        'Due for review',
        'Lead with SCIM',
        'Old SSO survey',
        'Curators:',
      ]) {
        expect(all).not.toContain(hidden);
      }
    }
    expect(slackButtons(slack)).toEqual([]);
    expect(teamsSent(teams)).toEqual([]);
  });

  it('tells each platform its own way to share when there is nothing yet', () => {
    const { slack, teams } = both({ isCurator: false, contributions: [] });
    expect(slackTexts(slack).join('\n')).toContain('React with :bulb:');
    expect(teamsTexts(teams).join('\n')).toContain("the message's … menu");
    expect(slackTexts(slack).join('\n')).toContain('`/earshot references healthcare`');
    expect(teamsTexts(teams).join('\n')).not.toContain('/earshot');
  });
});

describe('the home view within platform limits', () => {
  const long = 'Buyers keep asking about SAML & SCIM <b> **bold** [x](https://evil.example). '.repeat(100);
  const many = <T>(count: number, make: (i: number) => T) =>
    Array.from({ length: count }, (_, i) => make(i + 1));
  const huge = {
    queue: many(200, (id) =>
      entry({ id, title: long, body: long, sourceAuthor: long, sourceChannel: long, topics: [long] }),
    ),
    queueSize: 250,
    dueForReview: many(200, (i) =>
      entry({ id: 1000 + i, status: 'published', title: long, reviewBy: inDays(-i) }),
    ),
    contributions: many(200, (i) => ({ entry: entry({ id: 2000 + i, title: long }), citations: i })),
  };

  it('fits Slack’s Home tab (100 blocks) and a Teams card (24,000 bytes) with 200 of everything', () => {
    const { slack, teams } = both(huge);

    expect(slack.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
    expect(withinSlackLimits(slack, HOME_MAX_BLOCKS)).toBe(true);
    for (const button of slackButtons(slack)) {
      expect(button.value?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
    }
    expect(cardBytes(teams)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('says on both what it left out: every queued entry is shown or counted', () => {
    const { slack, teams } = both(huge);
    for (const [texts, shown] of [
      [slackTexts(slack), slackSent(slack).filter((sent) => sent.action === 'earshot_curate_approve').length],
      [teamsTexts(teams), teamsSent(teams).filter((sent) => sent.action === 'earshot_curate_approve').length],
    ] as const) {
      const all = texts.join('\n');
      const cut = Number(/…and (\d+) more queued captures/.exec(all)?.[1] ?? 0);
      const beyond = Number(/…and (\d+) more; showing the oldest/.exec(all)?.[1] ?? 0);
      expect(shown).toBeGreaterThan(0);
      expect(shown + cut + beyond).toBe(250);
      expect(all).toMatch(/…and \d+ more due/);
      // What the person can do is never cut.
      for (const feature of ['Ask what the field is hearing', 'Weekly digest', 'Curators: review']) {
        expect(all).toContain(feature);
      }
    }
  });
});
