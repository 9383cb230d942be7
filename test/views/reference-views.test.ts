import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { renderSlackModal } from '../../src/slack/blocks/render-form.ts';
import { renderTeamsForm } from '../../src/teams/cards/render-card.ts';
import { referenceDecisionForm } from '../../src/views/reference-decision-form.ts';
import { referenceListView } from '../../src/views/reference-list-view.ts';
import { requestDecidedView, requestDoneView } from '../../src/views/reference-outcome-views.ts';
import { referenceOverrideForm, referenceRequestForm } from '../../src/views/reference-request-form.ts';
import { referenceRequestView } from '../../src/views/reference-request-view.ts';
import { VIEW_ACTIONS } from '../../src/views/view-actions.ts';
import { availability, NOW, requestView } from '../slack-blocks/nudge-views.ts';
import { inputs } from '../teams-cards/cards.ts';
import { expectWithinLimits, renderBoth } from './both-renders.ts';

const DAY = 86_400_000;
const { requestReference, overrideReference, approveRequest, declineRequest, markCallDone } = VIEW_ACTIONS;

const cooling = availability({
  id: 6,
  account: 'Lakeside Care',
  available: false,
  reasons: [{ kind: 'cooldown', until: new Date(NOW.getTime() + 5 * DAY) }],
});
const paused = availability({
  id: 7,
  account: 'Northwind Clinics',
  status: 'paused',
  available: false,
  reasons: [{ kind: 'paused', reason: 'open P1 service issue' }],
});
const rep = { platform: 'slack' as const, userId: 'U_BOB', name: 'bob@example.com' };
const owner = { platform: 'slack' as const, userId: 'U_DANA', name: 'dana@example.com' };

const long = 'word '.repeat(4000);
const many = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    availability({
      id: i + 1,
      account: `${i} ${long}`,
      industry: long,
      products: Array.from({ length: 40 }, () => long),
      useCases: [long],
      ...(i % 2 ? { available: false, reasons: [{ kind: 'paused' as const, reason: long }] } : {}),
    }),
  );

describe('the reference list on both platforms', () => {
  it('lists the same references, available first, with the same Request buttons', () => {
    const both = renderBoth(
      referenceListView([availability(), cooling, paused], { criteria: 'healthcare', isCurator: false }),
    );
    for (const text of [both.slackText, both.teamsText]) {
      expect(text).toContain('Reference customers for “healthcare”');
      expect(text).toContain('1 of 3 can take a call now.');
      expect(text.indexOf('Mercy Health')).toBeLessThan(text.indexOf('Not available now'));
      expect(text).toContain('Lakeside Care');
      expect(text).toContain('cooling down until 2026-11-07');
      expect(text).toContain('paused: open P1 service issue');
      expect(text).toContain('Only a curator can override a limit.');
    }
    // In Teams Request opens its note inline and "Send request" sends it; in Slack the click opens the form.
    expect(both.slackButtons).toEqual([
      { label: 'Request', action: requestReference.id, payload: { ref: 5 } },
    ]);
    expect(both.teamsButtons).toEqual(both.slackButtons);
    expect(inputs(both.teams).map((input) => input.id)).toEqual(['note-5']);
  });

  it('gives curators the same "Request anyway (override)" with a required reason on both', () => {
    const both = renderBoth(
      referenceListView([availability(), cooling, paused], { criteria: '', isCurator: true }),
    );
    expect(both.slackButtons).toEqual([
      { label: 'Request', action: requestReference.id, payload: { ref: 5 } },
      { label: 'Request anyway (override)', action: overrideReference.id, payload: { ref: 6 } },
      { label: 'Request anyway (override)', action: overrideReference.id, payload: { ref: 7 } },
    ]);
    expect(both.teamsButtons).toEqual(both.slackButtons);
    for (const text of [both.slackText, both.teamsText]) {
      expect(text).toContain('Not now: cooling down until 2026-11-07');
      expect(text).not.toContain('Only a curator');
    }
  });

  it('cuts both lists by the same policy on both platforms and stays within their limits', () => {
    for (const isCurator of [false, true]) {
      const both = renderBoth(referenceListView(many(60), { criteria: long, isCurator }));
      expectWithinLimits(both);
      const shown = (text: string, available: boolean) =>
        [...text.matchAll(/\*(\d+) word/g)]
          .map((m) => Number(m[1]))
          .filter((id) => (id % 2 === 0) === available);
      for (const available of [true, false]) {
        const slack = shown(both.slackText, available);
        const teams = shown(both.teamsText, available);
        // The view lists ten of each; Teams' 24 KB may hold fewer of such long ones: the same leading ones.
        expect(slack).toHaveLength(10);
        expect(teams.length).toBeGreaterThan(0);
        expect(slack.slice(0, teams.length)).toEqual(teams);
      }
      expect(both.slackButtons.slice(0, 1)).toEqual(both.teamsButtons.slice(0, 1));
      expect(both.slackText).toContain('…and 20 more references');
      for (const text of [both.slackText, both.teamsText]) {
        expect(text).toMatch(/…and \d+ more references/);
        expect(text).toContain('Add words to narrow the list.');
      }
    }
  });

  it('says so plainly, on both, when nothing matches', () => {
    const both = renderBoth(referenceListView([], { criteria: 'aerospace', isCurator: false }));
    expect(both.slackText).toContain('No reference customers match “aerospace”.');
    expect(both.teamsText).toContain('No reference customers match “aerospace”.');
    expect(both.slackText).toContain('`/earshot references` lists them all.');
    expect(both.teamsText).toContain('**references** lists them all.');
    expect(both.slackButtons).toEqual([]);
    expect(both.teamsButtons).toEqual([]);
  });
});

describe('the request to the owner and its outcomes on both platforms', () => {
  it('asks the owner with the same facts and the same Approve / Decline on both', () => {
    const both = renderBoth(
      referenceRequestView(requestView({ override: { by: 'U_ALICE', reason: 'Last step' } }), {
        requester: rep,
        overrideBy: { platform: 'slack', userId: 'U_ALICE', name: 'alice@example.com' },
      }),
    );
    expect(both.slackText).toContain('<@U_BOB> asks to use *Mercy Health* (Healthcare) as a reference.');
    expect(both.teamsText).toContain(
      'bob@example.com asks to use **Mercy Health** (Healthcare) as a reference.',
    );
    for (const text of [both.slackText, both.teamsText]) {
      expect(text).toContain('Reference request: Mercy Health');
      expect(text).toContain('Their note: “Kessler Clinics wants to hear about patient intake.”');
      expect(text).toContain("let this request past the reference's limits: “Last step”");
      expect(text).toContain('Usage: 1 of 3 calls in the last 90 days');
    }
    expect(both.slackButtons).toEqual([
      { label: 'Approve', action: approveRequest.id, payload: { req: 9 } },
      { label: 'Decline', action: declineRequest.id, payload: { req: 9 } },
    ]);
    expect(both.teamsButtons).toEqual(both.slackButtons);
  });

  it('shows the decision, and for an approval the same Mark call done, on both', () => {
    const decided = {
      requestId: 9,
      reference: availability(),
      requester: rep,
      decidedBy: owner,
      note: 'Intro by email tomorrow',
      requesterTold: true,
    };
    const approved = renderBoth(requestDecidedView({ ...decided, status: 'approved' }));
    expect(approved.slackText).toContain(
      '*Approved* by <@U_DANA>: “Intro by email tomorrow”. <@U_BOB> has been told.',
    );
    expect(approved.teamsText).toContain(
      '**Approved** by dana@example.com: “Intro by email tomorrow”. bob@example.com has been told.',
    );
    expect(approved.slackButtons).toEqual([
      { label: 'Mark call done', action: markCallDone.id, payload: { req: 9 } },
    ]);
    expect(approved.teamsButtons).toEqual(approved.slackButtons);

    const declined = renderBoth(requestDecidedView({ ...decided, status: 'declined', requesterTold: false }));
    for (const text of [declined.slackText, declined.teamsText]) {
      expect(text).toMatch(/Declined\**/);
      expect(text).toContain('in chat; please tell them yourself.');
    }
    expect(declined.slackButtons).toEqual([]);
    expect(declined.teamsButtons).toEqual([]);

    const done = renderBoth(requestDoneView(cooling, owner));
    for (const text of [done.slackText, done.teamsText]) {
      expect(text).toContain('Lakeside Care is cooling down until 2026-11-07.');
      expect(text).toContain('Thanks for closing the loop.');
    }
    expect(done.slackButtons).toEqual([]);
    expect(done.teamsButtons).toEqual([]);
  });

  it('stays within both platforms’ limits however long the texts', () => {
    const huge = requestView({
      reference: { id: 5, account: long, industry: long },
      note: long,
      override: { by: 'U_ALICE', reason: long },
      usage: long,
    });
    expectWithinLimits(renderBoth(referenceRequestView(huge, { requester: rep })));
    const reference = many(1)[0] ?? availability();
    for (const status of ['approved', 'declined'] as const) {
      expectWithinLimits(
        renderBoth(
          requestDecidedView({
            requestId: 9,
            status,
            reference,
            requester: rep,
            decidedBy: owner,
            note: long,
            requesterTold: true,
          }),
        ),
      );
    }
    expectWithinLimits(renderBoth(requestDoneView({ ...reference, reasons: cooling.reasons }, owner)));
  });
});

describe('the reference forms on both platforms', () => {
  it('have the same fields, submit action and payload as a Slack modal and a Teams card', () => {
    const forms = [
      referenceRequestForm(availability()),
      referenceOverrideForm(cooling),
      referenceDecisionForm(9, true),
      referenceDecisionForm(9, false),
    ];
    for (const form of forms) {
      const modal = renderSlackModal(form);
      const card = renderTeamsForm(form);
      const slackFields = ((modal.blocks ?? []) as types.KnownBlock[]).flatMap((block) =>
        block.type === 'input' ? [[block.block_id, Boolean(block.optional)]] : [],
      );
      expect(slackFields).toEqual(form.fields.map((field) => [field.id, Boolean(field.optional)]));
      expect(inputs(card).map((input) => [input.id, !input.isRequired])).toEqual(slackFields);
      expect(modal.callback_id).toBe(form.action);
      expect(JSON.parse(modal.private_metadata ?? '')).toEqual(form.payload);
      expect(card.actions).toEqual([expect.objectContaining({ verb: form.action, data: form.payload })]);
    }
    expect(renderSlackModal(referenceOverrideForm(cooling)).blocks?.[0]).toMatchObject({
      type: 'context',
      elements: [{ text: expect.stringContaining('cooling down until 2026-11-07') }],
    });
  });
});
