import type { Activity } from 'botbuilder';

/**
 * Whether a Teams conversation keeps its words to its members: 1:1 (`personal`) and group chats, and
 * private or shared channels (`channelData.channel.type`). A standard channel is open to its team; a
 * conversation of unknown type counts as private.
 */
export function isPrivateTeamsConversation(
  activity: Pick<Activity, 'conversation' | 'channelData'>,
): boolean {
  const type = activity.conversation?.conversationType;
  if (type !== 'channel') return true;
  const channel = (activity.channelData as { channel?: { type?: string } } | undefined)?.channel;
  return channel?.type === 'private' || channel?.type === 'shared';
}
