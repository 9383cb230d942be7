import { describe, expect, it } from 'vitest';
import type { NudgeView } from '../../src/nudges/nudge-view.ts';
import { type AlertState, alertView } from '../../src/views/alert-view.ts';
import { VIEW_ACTIONS } from '../../src/views/view-actions.ts';
import { nudgeView } from '../slack-blocks/nudge-views.ts';
import { expectWithinLimits, renderBoth } from './both-renders.ts';

const snooze = VIEW_ACTIONS.snoozeAlert.id;
const dismiss = VIEW_ACTIONS.dismissAlert.id;
const helpful = VIEW_ACTIONS.alertHelpful.id;

const long = 'word '.repeat(4000);
const huge = (): NudgeView =>
  nudgeView({
    trigger: { ...nudgeView().trigger, label: long, title: long },
    account: { name: long, domain: long, industry: long },
    why: long,
    entries: Array.from({ length: 80 }, (_, i) => ({
      id: i + 1,
      kind: 'chatter' as const,
      title: `${i} ${long}`,
      excerpt: long,
      url: `https://crm.example.com/${i}/${'x'.repeat(900)}`,
    })),
    references: Array.from({ length: 80 }, (_, i) => ({
      id: i + 1,
      account: `${i} ${long}`,
      industry: long,
      products: Array.from({ length: 50 }, () => long),
    })),
  });

describe('the alert on both platforms', () => {
  it('shows the same trigger, entries, references and buttons in Slack and Teams', () => {
    const both = renderBoth(alertView(nudgeView()));
    for (const text of [both.slackText, both.teamsText]) {
      expect(text).toContain('Funding round: Harborview');
      expect(text).toContain('Harborview raises $40M Series C');
      expect(text).toContain('Why it matters');
      expect(text).toContain('Funded teams ask for ROI proof');
      expect(text).toContain('Lead with the scale story');
      expect(text).toContain('Mercy Health');
    }
    expect(both.slackText).toContain('`/earshot references Healthcare`');
    expect(both.teamsText).toContain('**references Healthcare**');
    expect(both.slackButtons).toEqual([
      { label: 'Snooze 1 week', action: snooze, payload: { n: 17 } },
      { label: 'Dismiss', action: dismiss, payload: { n: 17 } },
      { label: 'Helpful', action: helpful, payload: { n: 17 } },
    ]);
    expect(both.teamsButtons).toEqual(both.slackButtons);
    expect(both.slack.text).toBe(both.teams.fallbackText);
  });

  it.each<[string, AlertState, string[], string]>([
    ['snoozed', { snoozedUntil: new Date('2026-11-30T15:00:00Z') }, ['Dismiss', 'Helpful'], '😴 Snoozed'],
    ['helpful', { helpful: true }, ['Snooze 1 week', 'Dismiss'], '👍 You marked this alert helpful'],
    ['dismissed', { dismissed: true, helpful: true }, [], 'Dismissed. You won’t see this alert again.'],
  ])('after %s, both say what the owner did and keep the same useful buttons', (_, state, labels, says) => {
    const both = renderBoth(alertView(nudgeView({ reminder: true }), state));
    expect(both.slackButtons.map((button) => button.label)).toEqual(labels);
    expect(both.teamsButtons).toEqual(both.slackButtons);
    for (const text of [both.slackText, both.teamsText]) {
      expect(text).toContain(says);
      expect(text).toContain('Harborview raises $40M Series C');
      // A snoozed or dismissed alert is no longer a reminder.
      if (state.snoozedUntil || state.dismissed) expect(text).not.toContain('Reminder');
    }
  });

  it('cuts the same entries and references on both platforms and stays within their limits', () => {
    const both = renderBoth(alertView(huge()));
    expectWithinLimits(both);
    for (const text of [both.slackText, both.teamsText]) {
      expect(text).toContain('…and 75 more entries');
      expect(text).toContain('…and 75 more references');
    }
    const shown = (text: string) => [...text.matchAll(/[|[*](\d+) word/g)].map((m) => m[1]);
    expect(shown(both.slackText)).toEqual(shown(both.teamsText));
    expect(shown(both.slackText)).toHaveLength(10);
    expect(both.teamsButtons).toEqual(both.slackButtons);
  });

  it('stays within the limits after a click too', () => {
    expectWithinLimits(
      renderBoth(alertView(huge(), { snoozedUntil: new Date('2026-11-30T15:00:00Z'), helpful: true })),
    );
  });
});
