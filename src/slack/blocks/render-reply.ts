import type { Line } from '../../views/view-model.ts';
import { mrkdwnLine } from './render-line.ts';

/** A short reply of a few lines as Slack message text: typed text escaped, commands as code. */
export function slackReplyText(lines: Line[]): string {
  return lines.map(mrkdwnLine).join('\n');
}
