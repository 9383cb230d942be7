import type { WebClient } from '@slack/web-api';
import type { SlackDirectory } from './slack-directory.ts';

/**
 * Whether a Slack conversation keeps its words to its members: DMs (`im`), group DMs (`mpim`) and
 * private channels (`group`, legacy `G…` ids; newer private channels have `C…` ids, so those are looked
 * up). A conversation Earshot cannot look up counts as private.
 */
export async function isPrivateSlackConversation(
  client: WebClient,
  directory: SlackDirectory,
  channelId: string,
  channelType?: string,
): Promise<boolean> {
  if (channelType === 'im' || channelType === 'mpim' || channelType === 'group') return true;
  if (channelType === 'channel') return false;
  if (/^[DG]/.test(channelId)) return true;
  return (await directory.conversation(client, channelId)).isPrivate;
}
