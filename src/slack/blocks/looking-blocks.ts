import { lookingView } from '../../views/text-reply-view.ts';
import { renderSlackMessage, type SlackMessage } from './render-message.ts';

/** The placeholder posted at once and replaced by the answer when it is ready. */
export function lookingBlocks(question: string): SlackMessage {
  return renderSlackMessage(lookingView(question));
}
