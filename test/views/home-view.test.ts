import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/knowledge/entry.ts';
import { HOME_MAX_BLOCKS, renderSlackHome } from '../../src/slack/blocks/render-home.ts';
import { type SlackMessage, withinSlackLimits } from '../../src/slack/blocks/render-message.ts';
import { slackHelpSyntax } from '../../src/slack/help-syntax.ts';
import { renderTeamsCard, unscopeCardInputs } from '../../src/teams/cards/render-card.ts';
import { TEAMS_HELP_SYNTAX } from '../../src/teams/help-syntax.ts';
import type { HelpSyntax } from '../../src/views/help-view.ts';
import { type HomeInput, homeView } from '../../src/views/home-view.ts';
import { entryFixture } from '../helpers/entry-fixture.ts';
import { expectWithinTeamsLimits, slackButtons, slackLines, teamsButtons, teamsLines } from './rendered.ts';

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
  const home = renderSlackHome(homeView(input(slackHelpSyntax('bulb'), overrides)));
  const slack: SlackMessage = { text: '', blocks: home.blocks as types.KnownBlock[] };
  const teams = renderTeamsCard(homeView(input(TEAMS_HELP_SYNTAX, overrides)));
  return { slack, teams };
}

const SECTIONS = ['Review queue', 'Due for review', 'Your contributions', 'What you can do'];

function expectInOrder(lines: string[], words: string[]) {
  const positions = words.map((word) => lines.findIndex((line) => line.includes(word)));
  expect(positions.every((position) => position >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
}

/** What a button shows and carries; a button with a form sends the form's action on Teams. */
const shownButtons = (buttons: Array<{ label: string; payload: unknown }>) =>
  buttons.map(({ label, payload }) => ({ label, payload }));

describe('the home view on Slack and Teams', () => {
  it('shows a curator the same sections and entries, in the same order, on both platforms', () => {
    const { slack, teams } = both();
    for (const lines of [slackLines(slack), teamsLines(teams)]) {
      expectInOrder(lines, SECTIONS);
      expectInOrder(lines, [
        'Lead with SCIM',
        'Kessler wants SAP',
        'Old SSO survey',
        'Pricing sheet',
        'My tip',
      ]);
      const all = lines.join('\n');
      expect(all).toContain('overdue since 2026-10-03');
      expect(all).toContain('due 2026-11-07');
      expect(all).toContain('cited 2 times');
      expect(lines).toContain('Review queue (5 pending, oldest first)');
      expect(lines).toContain('…and 3 more waiting for review');
    }
  });

  it('gives both the same buttons for the same entries', () => {
    const { slack, teams } = both();
    const labels = slackButtons(slack).map((button) => button.label);

    expect(shownButtons(teamsButtons(teams))).toEqual(shownButtons(slackButtons(slack)));
    expect(labels.filter((label) => label === 'Approve')).toHaveLength(2);
    expect(labels.filter((label) => label === 'Reject')).toHaveLength(2);
    expect(slackButtons(slack)).toContainEqual({
      label: 'Approve',
      action: 'earshot_curate_approve',
      payload: { e: 7 },
    });
    // Both due entries can be edited.
    for (const e of [21, 22])
      expect(shownButtons(slackButtons(slack))).toContainEqual({ label: 'Edit', payload: { e } });
  });

  it('asks before rejecting on both: Slack with a dialog, Teams on a card shown on the click', () => {
    const { slack, teams } = both();
    const reject = slack.blocks
      .flatMap((block) => (block.type === 'actions' ? block.elements : []))
      .find(
        (element): element is types.Button => element.type === 'button' && element.text.text === 'Reject',
      );
    expect(reject?.confirm?.title?.text).toBe('Reject this entry?');
    const card = JSON.stringify(teams);
    expect(card).toContain('Reject this entry?');
    expect(card).toContain("won't show up in answers");
  });

  it('puts Edit and Merge forms on the Teams card; Slack opens its own modals', () => {
    const targets = new Map([[7, [{ id: 90, title: 'SCIM provisioning' }]]]);
    const { slack, teams } = both({ mergeTargets: targets, queue: QUEUE.slice(0, 1), queueSize: 1 });
    const card = JSON.stringify(teams);

    expect(card).toMatch(/"id":"title(@\d+)?"/);
    expect(card).toContain('Mention SCIM right away.');
    expect(card).toContain('"value":"90"');
    expect(JSON.stringify(slack)).not.toContain('SCIM provisioning');
    expect(shownButtons(teamsButtons(teams))).toEqual(shownButtons(slackButtons(slack)));
  });

  it('gives each entry’s inline form its own input ids on the Teams card, read back as the form’s fields', () => {
    const { teams } = both();
    const ids: string[] = [];
    JSON.stringify(teams, (key, value) => {
      if (key === 'id' && typeof value === 'string' && value.includes('@')) ids.push(value);
      return value;
    });
    expect(ids.length).toBeGreaterThan(4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('title@'))).toHaveLength(4);

    // What Teams sends back for Edit on entry 3: the Execute data plus that form's inputs.
    const value = {
      action: { type: 'Action.Execute', verb: 'earshot_edit_modal', data: { e: 3, 'title@2': 'New' } },
    };
    expect(unscopeCardInputs(value).action.data).toEqual({ e: 3, title: 'New' });
  });

  it('offers no Merge on either platform when there is nothing to merge into', () => {
    const { slack, teams } = both({
      mergeTargets: new Map([[7, []]]),
      queue: QUEUE.slice(0, 1),
      queueSize: 1,
    });
    expect(slackButtons(slack).map((button) => button.label)).not.toContain('Merge into…');
    expect(shownButtons(teamsButtons(teams))).toEqual(shownButtons(slackButtons(slack)));
  });

  it('shows a rep only their contributions and what they can do, with no curation button', () => {
    const { slack, teams } = both({ isCurator: false, privateContributions: 2 });
    for (const lines of [slackLines(slack), teamsLines(teams)]) {
      expectInOrder(lines, ['Your contributions', 'My tip', 'My intel', 'What you can do']);
      expect(lines).toContain('2 more shared in private conversations: they are shown only there.');
      const all = lines.join('\n');
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
    expect(teamsButtons(teams)).toEqual([]);
  });

  it('tells each platform its own way to share and to use commands', () => {
    const { slack, teams } = both({ isCurator: false, contributions: [] });
    const slackText = slackLines(slack).join('\n');
    const teamsText = teamsLines(teams).join('\n');

    expect(slackText).toContain('Nothing yet. React with :bulb: on a useful message');
    expect(teamsText).toContain("Nothing yet. Save a message with Save to Earshot (the message's … menu)");
    expect(slackText).toContain('/earshot references healthcare');
    expect(teamsText).toContain('Send "references healthcare"');
    expect(teamsText).not.toContain('/earshot');
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

    expect(slack.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
    expect(withinSlackLimits(slack.blocks, HOME_MAX_BLOCKS)).toBe(true);
    for (const button of slackButtons(slack)) {
      expect(button.label.length).toBeLessThanOrEqual(75);
      expect(JSON.stringify(button.payload).length).toBeLessThanOrEqual(2000);
    }
    expectWithinTeamsLimits(teams);
    // Inputs hold the text as written (to edit it); everything shown is markdown that cannot link.
    const shown = JSON.stringify(teams, (key, value) => (key === 'value' ? undefined : value));
    expect(shown).not.toContain('](https://evil');
  });

  it('says on both what it left out, and never cuts what the person can do', () => {
    const { slack, teams } = both(huge);
    for (const [lines, buttons] of [
      [slackLines(slack), slackButtons(slack)],
      [teamsLines(teams), teamsButtons(teams)],
    ] as const) {
      const all = lines.join('\n');
      const shown = buttons.filter((button) => button.action === 'earshot_curate_approve').length;
      const more = Number(/…and (\d+) more waiting for review/.exec(all)?.[1] ?? 0);
      expect(shown).toBeGreaterThan(0);
      expect(shown + more).toBe(250);
      const dueShown = new Set(
        buttons.flatMap((button) => {
          const e = (button.payload as { e: number }).e;
          return e > 1000 && e < 2000 ? [e] : [];
        }),
      ).size;
      const dueMore = Number(/…and (\d+) more due for review/.exec(all)?.[1] ?? 0);
      expect(dueShown).toBeGreaterThan(0);
      expect(dueShown + dueMore).toBe(200);
      for (const feature of ['Ask what the field is hearing', 'Weekly digest', 'Curators: review']) {
        expect(all).toContain(feature);
      }
    }
  });
});
