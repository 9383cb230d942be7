import type { NudgeView } from '../../nudges/nudge-view.ts';
import { type AlertState, alertView } from '../../views/alert-view.ts';
import { renderSlackMessage, type SlackMessage } from './render-message.ts';

/** The buying-trigger alert as a Slack DM; after a click, with what the owner did. */
export function nudgeBlocks(nudge: NudgeView, state: AlertState = {}): SlackMessage {
  return renderSlackMessage(alertView(nudge, state));
}
