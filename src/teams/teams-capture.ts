import type { TurnContext } from 'botbuilder';
import type { CapturedMessage } from '../knowledge/capture/captured-message.ts';
import { teamsWorkspaceOf, tenantOf } from './teams-identity.ts';

/** A channel's conversation id without the `;messageid=` suffix Teams adds for a thread. */
export function channelIdOf(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

/** Teams markup (`<at>`, HTML from the compose box) as plain text. */
export function plainTeamsText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * A Teams channel or chat message as a message to capture. Teams channels are visible only to their
 * team and chats to their members, so captured Teams content stays private to its conversation.
 */
export function teamsCapturedMessage(context: TurnContext): CapturedMessage {
  const { activity } = context;
  const channelData = activity.channelData as
    | { channel?: { name?: string }; team?: { name?: string } }
    | undefined;
  const conversationId = channelIdOf(activity.conversation.id);
  return {
    workspaceId: teamsWorkspaceOf(context),
    platform: 'teams',
    conversationId,
    conversationName: channelData?.channel?.name
      ? `${channelData.team?.name ?? 'Team'} › ${channelData.channel.name}`
      : undefined,
    isPrivate: true,
    messageId: activity.id ?? '',
    authorId: activity.from?.aadObjectId ?? activity.from?.id ?? '',
    authorName: activity.from?.name,
    text: plainTeamsText(activity.text ?? ''),
    permalink: teamsDeepLink(activity.conversation.id, activity.id, tenantOf(context)),
    postedAt: activity.timestamp ? new Date(activity.timestamp) : new Date(),
  };
}

/** A link that opens the message in Teams. */
export function teamsDeepLink(
  conversationId: string,
  messageId: string | undefined,
  tenantId: string,
): string | undefined {
  if (!messageId) return undefined;
  const channel = channelIdOf(conversationId);
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channel)}/${encodeURIComponent(messageId)}?tenantId=${encodeURIComponent(tenantId)}`;
}
