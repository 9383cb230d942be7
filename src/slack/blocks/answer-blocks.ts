import type { Answer, Source } from '../../knowledge/answer/answer-types.ts';
import { answerView } from '../../views/answer-view.ts';
import { renderSlackMessage, type SlackMessage } from './render-message.ts';

export { ANSWER_BUTTON_IDS as ANSWER_BLOCK_IDS } from '../../views/answer-view.ts';
export type { SlackMessage } from './render-message.ts';

export interface AnswerBlocksOptions {
  now?: Date;
  /** Adds a "Share in channel" button, for answers first shown only to the asker. */
  shareable?: boolean;
  /** A Slack permalink for a source without a url (e.g. chatter captured from a message). */
  permalinkFor?: (source: Source) => string | null;
}

/** The answer view as a Slack message. */
export function answerBlocks(answer: Answer, options: AnswerBlocksOptions = {}): SlackMessage {
  return renderSlackMessage(
    answerView(answer, {
      ...(options.now ? { now: options.now } : {}),
      ...(options.shareable ? { shareable: true } : {}),
      ...(options.permalinkFor ? { linkFor: options.permalinkFor } : {}),
    }),
  );
}
