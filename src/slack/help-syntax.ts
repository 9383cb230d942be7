import { type HelpSyntax, helpView } from '../views/help-view.ts';
import { renderSlackMessage, type SlackMessage } from './blocks/render-message.ts';

/** Earshot's features as Slack reaches them: `/earshot …`, the capture emoji, the App Home tab. */
export function slackHelpSyntax(captureEmoji: string): HelpSyntax {
  return {
    verb: 'Type',
    command: (words) => `/earshot ${words}`,
    literal: (words) => words,
    mention: '@Earshot',
    howToShare: [
      `React with :${captureEmoji}: on a useful message or use `,
      { text: 'Save to Earshot', bold: true },
      " (the message's ⋮ menu) to share one.",
    ],
    home: 'tab',
  };
}

/** `/earshot help` (or a mention with no question) as a Slack message. */
export function slackHelpMessage(captureEmoji: string): SlackMessage {
  return renderSlackMessage(helpView(slackHelpSyntax(captureEmoji)));
}
