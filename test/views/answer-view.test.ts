import { describe, expect, it } from 'vitest';
import { renderSlackMessage } from '../../src/slack/blocks/render-message.ts';
import { renderTeamsCard } from '../../src/teams/cards/render-card.ts';
import { answerView } from '../../src/views/answer-view.ts';
import { heardAnswer, NOW, notHeardAnswer, source } from '../slack-blocks/answers.ts';
import {
  expectWithinSlackLimits,
  expectWithinTeamsLimits,
  slackButtons,
  slackLines,
  teamsButtons,
  teamsLines,
} from './rendered.ts';

const both = (view: ReturnType<typeof answerView>) => {
  const slack = renderSlackMessage(view);
  const teams = renderTeamsCard(view);
  return { slack, teams, slackLines: slackLines(slack), teamsLines: teamsLines(teams) };
};

const references = {
  criteria: 'healthcare payments',
  matches: [
    {
      id: 7,
      account: 'Northwind Health',
      industry: 'Healthcare',
      products: ['Payments'],
      useCases: [],
      available: true,
    },
    {
      id: 8,
      account: 'Lakeside Hospital',
      industry: 'Healthcare',
      products: [],
      useCases: [],
      available: false,
      reasons: [{ kind: 'paused', reason: 'open P1' }],
      availableFrom: null,
    },
  ],
  more: 0,
} as unknown as NonNullable<ReturnType<typeof heardAnswer>['references']>;

describe('one answer view, rendered to Slack and to Teams', () => {
  it('shows the same lines on both platforms: counts, statements, research, sources', () => {
    const { slackLines: slack, teamsLines: teams } = both(answerView(heardAnswer(), { now: NOW }));
    expect(slack).toEqual(teams);
    expect(slack).toContain('Research and expert content');
    expect(slack.some((line) => line.startsWith('• Buyers want SAML before they sign.'))).toBe(true);
    expect(
      slack.some((line) => line.startsWith('[1] Harborview wants SAML — chatter, Maya, Harborview')),
    ).toBe(true);
  });

  it('offers the same buttons with the same payloads on both, including Request on a reference', () => {
    const answer = heardAnswer({ questionId: 42, references });
    const { slack, teams } = both(answerView(answer, { now: NOW }));
    const slackOffers = slackButtons(slack).map(({ action, payload }) => ({ action, payload }));
    const teamsOffers = teamsButtons(teams).map(({ action, payload }) => ({ action, payload }));
    expect(slackOffers).toEqual(teamsOffers);
    expect(slackOffers).toContainEqual({ action: 'earshot_reference_request', payload: { ref: 7 } });
    expect(slackOffers).toContainEqual({ action: 'earshot_feedback_helpful', payload: { q: 42 } });
    // The unavailable reference is described, never offered.
    expect(slackOffers.filter((offer) => offer.action === 'earshot_reference_request')).toHaveLength(1);
  });

  it('says how a follow-up was read and which facets applied, on both', () => {
    const answer = heardAnswer({
      followUp: true,
      question: 'Okta SSO in healthcare',
      facets: {
        stage: null,
        industry: 'healthcare',
        role: null,
        demo: false,
        labels: ['healthcare'],
        withoutFindsMore: false,
      },
    });
    const { slackLines: slack, teamsLines: teams } = both(answerView(answer, { now: NOW }));
    expect(slack[0]).toBe('Following up: “Okta SSO in healthcare” · Filtered to: healthcare');
    expect(teams[0]).toBe(slack[0]);
  });

  it('marks a source past its review date on both', () => {
    const answer = heardAnswer({
      sources: [source({ n: 1, title: 'Okta setup', staleSince: new Date('2026-03-01T00:00:00Z') })],
    });
    const { slackLines: slack, teamsLines: teams } = both(answerView(answer, { now: NOW }));
    const marked = (lines: string[]) => lines.find((line) => line.startsWith('[1] Okta setup'));
    expect(marked(slack)).toMatch(/⚠️ not reviewed since March/);
    expect(marked(teams)).toBe(marked(slack));
  });

  it('shows the closest entries under "nothing heard" as not an answer, linked, on both', () => {
    const answer = notHeardAnswer({
      closest: [
        source({ n: 1, title: 'Calder went live on Workday', url: 'https://crm.example.com/calder' }),
        source({ n: 2, title: 'Workday connector notes' }),
      ],
    });
    const { slackLines: slack, teamsLines: teams } = both(answerView(answer, { now: NOW }));
    for (const lines of [slack, teams]) {
      expect(lines[0]).toMatch(/Nothing in the knowledge base answers it; the closest entries are below\./);
      expect(lines).toContain('Closest, not an answer');
      expect(lines.find((line) => line.startsWith('[1] Calder went live on Workday'))).toBeDefined();
      expect(lines.find((line) => line.startsWith('[2] Workday connector notes'))).toBeDefined();
    }
    const rendered = both(answerView(answer, { now: NOW }));
    expect(JSON.stringify(rendered.slack)).toContain('https://crm.example.com/calder');
    expect(JSON.stringify(rendered.teams)).toContain('https://crm.example.com/calder');
    expect(slackButtons(rendered.slack).map((b) => b.label)).toEqual(['Ask the curators']);
    expectWithinSlackLimits(rendered.slack);
    expectWithinTeamsLimits(rendered.teams);
  });

  it('offers to drop filters that found nothing, on both', () => {
    const answer = notHeardAnswer({
      facets: {
        stage: 'decide',
        industry: null,
        role: 'CFO',
        demo: false,
        labels: ['CFO', 'decide stage'],
        withoutFindsMore: true,
      },
    });
    const { slack, teams } = both(answerView(answer));
    expect(slackButtons(slack).map((b) => b.label)).toEqual(['Ask without filters', 'Ask the curators']);
    expect(teamsButtons(teams).map((b) => b.label)).toEqual(['Ask without filters', 'Ask the curators']);
  });

  it('cuts a huge answer the same way on both platforms and stays within each one’s limits', () => {
    const long = 'Buyers keep asking about SAML, SCIM and audit logs before they sign anything. '.repeat(8);
    const sources = Array.from({ length: 120 }, (_, i) =>
      source({
        n: i + 1,
        title: `Source title ${i + 1} `.repeat(8),
        url: `https://crm.example.com/${i}?${'x'.repeat(300)}`,
      }),
    );
    const answer = heardAnswer({
      field: {
        ...heardAnswer().field,
        statements: Array.from({ length: 120 }, (_, i) => ({ text: long, citations: [(i % 120) + 1] })),
      },
      objective: {
        statements: Array.from({ length: 120 }, (_, i) => ({ text: long, citations: [(i % 120) + 1] })),
      },
      sources,
    });
    const { slack, teams, slackLines: sLines, teamsLines: tLines } = both(answerView(answer, { now: NOW }));
    expectWithinSlackLimits(slack);
    expectWithinTeamsLimits(teams);
    for (const lines of [sLines, tLines]) {
      // Every part still shows something, and each cut says what it left out.
      expect(lines.filter((line) => /^…and \d+ more statements$/.test(line))).toHaveLength(2);
      expect(lines.filter((line) => /^…and \d+ more sources$/.test(line))).toHaveLength(1);
      expect(lines.some((line) => line.startsWith('[1] Source title 1'))).toBe(true);
    }
    expect(slackButtons(slack).map((b) => b.label)).toEqual(['Helpful', 'Not helpful']);
    expect(teamsButtons(teams).map((b) => b.label)).toEqual(['Helpful', 'Not helpful']);
  });
});
