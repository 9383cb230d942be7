import type { RequestOutcome } from '../../nudges/references/reference-desk.ts';
import { inlineText, personMention } from './mrkdwn.ts';

const MAX_NAME = 150;

/** What the rep is told once their request went out (or could not reach the owner). */
export function requestSentText(outcome: RequestOutcome): string {
  const account = inlineText(outcome.reference.account, MAX_NAME);
  const override = outcome.overridden ? ' Your override is recorded.' : '';
  if (!outcome.deliveredTo) {
    return (
      `Your request for *${account}* is recorded, but I couldn't reach its owner in Slack; ` +
      `contact ${inlineText(outcome.owner, MAX_NAME)} directly.${override}`
    );
  }
  const owner =
    outcome.deliveredTo.platform === 'slack'
      ? personMention(outcome.deliveredTo)
      : `${inlineText(outcome.owner, MAX_NAME)} (in Teams)`;
  return `Asked ${owner} to approve your request for *${account}*. I'll message you their answer.${override}`;
}
