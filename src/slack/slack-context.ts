import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Earshot } from '../main.ts';
import type { SlackCurators } from './curators.ts';
import type { SlackDirectory } from './slack-directory.ts';

/** What every Slack listener needs from the rest of Earshot. */
export interface SlackDeps {
  earshot: Earshot;
  config: Config;
  logger: Logger;
  curators: SlackCurators;
  directory: SlackDirectory;
}

/** Slack's apology when an answer fails: short, honest, and never silent. */
export const APOLOGY = "Sorry, I couldn't answer that just now. Please try again in a minute.";

/** The reply to a mention in a thread that asks nothing ("thanks!"): the placeholder must not stay. */
export const NOTHING_ASKED_TEXT =
  'Glad to help. Ask a follow-up here ("and in healthcare?", "what about Segment?") or a new question any time.';

/** The question in a mention, without the bot's own `<@U…>` tag. */
export function stripMention(text: string, botUserId: string | undefined): string {
  const tag = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(tag, ' ').replace(/\s+/g, ' ').trim();
}
