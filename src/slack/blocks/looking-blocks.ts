import type { types } from '@slack/bolt';
import { questionSubject } from '../../knowledge/answer/question-subject.ts';
import { inlineText } from './mrkdwn.ts';

const MAX_SUBJECT = 300;

/** The placeholder posted at once and replaced by the answer when it is ready. */
export function lookingBlocks(question: string): { text: string; blocks: types.KnownBlock[] } {
  const text = `Looking into what the field has heard about *${inlineText(questionSubject(question), MAX_SUBJECT)}*…`;
  return {
    text,
    blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: `:hourglass_flowing_sand: ${text}` }] }],
  };
}
