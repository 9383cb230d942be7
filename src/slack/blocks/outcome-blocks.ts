import type { types } from '@slack/bolt';
import { SLACK_LIMITS } from './block-limits.ts';

/**
 * A message after one of its buttons was used: its content as sent, a note saying what happened where
 * the buttons were, and whichever buttons still make sense. Ids name the blocks to replace.
 */
export function withOutcome(
  blocks: types.KnownBlock[],
  options: { actionsId: string; outcomeId: string; outcome: string; remaining?: types.ActionsBlock | null },
): types.KnownBlock[] {
  const kept = blocks.filter(
    (block) => block.block_id !== options.actionsId && block.block_id !== options.outcomeId,
  );
  const note: types.ContextBlock = {
    type: 'context',
    block_id: options.outcomeId,
    elements: [{ type: 'mrkdwn', text: options.outcome.slice(0, SLACK_LIMITS.contextText) }],
  };
  const tail = [note, ...(options.remaining ? [options.remaining] : [])];
  return [...kept.slice(0, SLACK_LIMITS.blocksPerMessage - tail.length), ...tail];
}
