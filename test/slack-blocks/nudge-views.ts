import type { types } from '@slack/bolt';
import type { NudgeView } from '../../src/nudges/nudge-view.ts';
import type {
  ReferenceAvailability,
  ReferenceRequestView,
} from '../../src/nudges/references/reference-views.ts';
import { expectWithinSlackLimits, NOW } from './answers.ts';

export { NOW };

/** A funding alert about Harborview (Healthcare) with two entries and one reference; override what the test is about. */
export function nudgeView(overrides: Partial<NudgeView> = {}): NudgeView {
  return {
    nudgeId: 17,
    reminder: false,
    trigger: {
      type: 'funding',
      label: 'Funding round',
      title: 'Harborview raises $40M Series C',
      url: 'https://news.example.com/harborview-series-c',
      occurredAt: new Date('2026-11-01T09:00:00Z'),
    },
    account: { name: 'Harborview', domain: 'harborview.example', industry: 'Healthcare' },
    why: 'Fresh funding comes with a growth plan and budget to spend on it.',
    entries: [
      {
        id: 1,
        kind: 'chatter',
        title: 'Funded teams ask for ROI proof',
        excerpt: 'Two reps heard finance wants a payback under a year.',
        url: 'https://crm.example.com/notes/1',
      },
      { id: 2, kind: 'tip', title: 'Lead with the scale story', excerpt: 'Show the 10x rollout.', url: null },
    ],
    references: [
      { id: 5, account: 'Mercy Health', industry: 'Healthcare', products: ['Scheduling', 'Billing'] },
    ],
    ...overrides,
  };
}

/** One reference's availability; available with room to spare unless overridden. */
export function availability(overrides: Partial<ReferenceAvailability> = {}): ReferenceAvailability {
  return {
    id: 5,
    account: 'Mercy Health',
    industry: 'Healthcare',
    products: ['Scheduling'],
    useCases: ['Patient intake'],
    ownerEmail: 'dana@example.com',
    status: 'active',
    available: true,
    reasons: [],
    usedIn90Days: 1,
    maxRequestsPer90Days: 3,
    cooldownDays: 14,
    pendingRequests: 0,
    lastCallAt: null,
    availableFrom: null,
    ...overrides,
  };
}

export function requestView(overrides: Partial<ReferenceRequestView> = {}): ReferenceRequestView {
  return {
    requestId: 9,
    reference: { id: 5, account: 'Mercy Health', industry: 'Healthcare' },
    requestedBy: { platform: 'slack', userId: 'U_BOB' },
    note: 'Kessler Clinics wants to hear about patient intake.',
    override: null,
    usage: '1 of 3 calls in the last 90 days',
    ...overrides,
  };
}

/** Slack's limits, as for answers; `<@U…>` mentions and `>` quotes are well-formed mrkdwn too. */
export function expectValidMessage(message: { text: string; blocks: types.KnownBlock[] }) {
  const markupless = JSON.parse(JSON.stringify(message), (_key, value) =>
    typeof value === 'string' ? value.replace(/<@([A-Z0-9_]+)>/g, '@$1').replace(/^>/gm, '') : value,
  );
  expectWithinSlackLimits(markupless);
}
