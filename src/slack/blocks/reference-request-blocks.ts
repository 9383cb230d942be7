import type { types } from '@slack/bolt';
import { describeUsage, isoDay } from '../../nudges/references/availability.ts';
import type { ReferenceAvailability, ReferenceRequestView } from '../../nudges/references/reference-views.ts';
import type { SlackMessage } from './answer-blocks.ts';
import { inlineText, personMention } from './mrkdwn.ts';
import { withOutcome } from './outcome-blocks.ts';
import { encodeRequestValue, REFERENCE_ACTIONS } from './reference-action-values.ts';

export const REQUEST_BLOCK_IDS = {
  actions: 'earshot_request_actions',
  outcome: 'earshot_request_outcome',
} as const;

const MAX_NAME = 150;
const MAX_NOTE = 2000;
const MAX_REASON = 500;

/** What the reference's owner gets: who asks for which customer, why, any override, and Approve / Decline. */
export function referenceRequestBlocks(view: ReferenceRequestView): SlackMessage {
  const rep = personMention(view.requestedBy);
  const account = inlineText(view.reference.account, MAX_NAME);
  const asks = `${rep} asks to use *${account}* (${inlineText(view.reference.industry, MAX_NAME)}) as a reference.`;
  const blocks: types.KnownBlock[] = [section(asks)];
  const note = view.note ? inlineText(view.note, MAX_NOTE) : '';
  blocks.push(section(note ? `*Their note*\n>${note}` : '_No note from the rep._'));
  if (view.override) {
    const by = personMention({ platform: view.requestedBy.platform, userId: view.override.by });
    const reason = view.override.reason ? `: “${inlineText(view.override.reason, MAX_REASON)}”` : '';
    blocks.push(
      section(`:warning: *Override:* curator ${by} let this request past the reference's limits${reason}`),
    );
  }
  blocks.push(context(`Usage: ${inlineText(view.usage, MAX_NOTE)}`), {
    type: 'actions',
    block_id: REQUEST_BLOCK_IDS.actions,
    elements: [
      button('Approve', REFERENCE_ACTIONS.approve, view.requestId, 'primary'),
      button('Decline', REFERENCE_ACTIONS.decline, view.requestId),
    ],
  });
  return { text: `Reference request: ${rep} asks to use ${account}`, blocks };
}

/** The owner's request message once decided: the outcome, and for an approval "Mark call done". */
export function requestDecidedBlocks(decision: {
  requestId: number;
  status: 'approved' | 'declined';
  reference: ReferenceAvailability;
  requester: { platform: string; userId: string };
  decidedBy: string;
  note: string | null;
  requesterTold: boolean;
}): SlackMessage {
  const rep = personMention(decision.requester);
  const account = inlineText(decision.reference.account, MAX_NAME);
  const approved = decision.status === 'approved';
  const verdict = approved
    ? `:white_check_mark: *Approved* by <@${decision.decidedBy}>`
    : `*Declined* by <@${decision.decidedBy}>`;
  const note = decision.note ? `: “${inlineText(decision.note, MAX_NOTE)}”` : '';
  const told = decision.requesterTold
    ? `${rep} has been told.`
    : `I couldn't reach ${rep} in chat; please tell them yourself.`;
  const next = approved ? ' Introduce them, then mark the call done once it has happened.' : '';
  const blocks: types.KnownBlock[] = [
    section(`${rep} asked to use *${account}* as a reference.`),
    {
      type: 'context',
      block_id: REQUEST_BLOCK_IDS.outcome,
      elements: [{ type: 'mrkdwn', text: `${verdict}${note}. ${told}${next}` }],
    },
    context(`Usage: ${describeUsage(decision.reference)}`),
  ];
  if (approved) {
    blocks.push({
      type: 'actions',
      block_id: REQUEST_BLOCK_IDS.actions,
      elements: [button('Mark call done', REFERENCE_ACTIONS.markDone, decision.requestId, 'primary')],
    });
  }
  return { text: `Reference request for ${account}: ${decision.status}`, blocks };
}

/** The approved request once its call is done: the cooldown it started, buttons gone. */
export function requestDoneBlocks(
  blocks: types.KnownBlock[],
  reference: ReferenceAvailability,
  doneBy: string,
): types.KnownBlock[] {
  const cooldown = reference.reasons.find((reason) => reason.kind === 'cooldown');
  const until = cooldown
    ? ` ${inlineText(reference.account, MAX_NAME)} is cooling down until ${isoDay(cooldown.until)}.`
    : '';
  return withOutcome(blocks, {
    actionsId: REQUEST_BLOCK_IDS.actions,
    outcomeId: REQUEST_BLOCK_IDS.outcome,
    outcome: `:ballot_box_with_check: Call marked done by <@${doneBy}>.${until} ${describeUsage(reference)}.`,
  });
}

function button(text: string, actionId: string, requestId: number, style?: 'primary'): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text },
    action_id: actionId,
    value: encodeRequestValue({ req: requestId }),
    ...(style ? { style } : {}),
  };
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}
