import type { WebClient } from '@slack/web-api';
import type { CapturedMessage } from '../knowledge/capture/captured-message.ts';

export interface SlackConversation {
  id: string;
  name: string | undefined;
  /** Private channels, group DMs and DMs: their content stays with their members. */
  isPrivate: boolean;
}

/** A conversation Earshot cannot look up (not a member of a private channel) is treated as private. */
export async function describeConversation(client: WebClient, channel: string): Promise<SlackConversation> {
  const looked = await client.conversations.info({ channel }).catch(() => null);
  if (!looked) return { id: channel, name: undefined, isPrivate: true };
  const info = looked.channel;
  return {
    id: channel,
    name: info?.name ? `#${info.name}` : undefined,
    isPrivate: Boolean(info?.is_private || info?.is_im || info?.is_mpim),
  };
}

/** Fetches a message by channel and ts (thread replies included) as a message to capture. */
export async function loadSlackMessage(
  client: WebClient,
  options: { workspaceId: string; channel: string; ts: string },
): Promise<CapturedMessage | null> {
  const { messages } = await client.conversations.replies({
    channel: options.channel,
    ts: options.ts,
    limit: 200,
  });
  const message = messages?.find((candidate) => candidate.ts === options.ts);
  if (!message?.text || !message.user) return null;
  return toCapturedMessage(client, {
    workspaceId: options.workspaceId,
    channel: options.channel,
    ts: options.ts,
    user: message.user,
    text: message.text,
  });
}

/** A message we already hold (from an event) as a message to capture, with its author, channel and permalink. */
export async function toCapturedMessage(
  client: WebClient,
  message: {
    workspaceId: string;
    channel: string;
    ts: string;
    user: string;
    text: string;
  },
): Promise<CapturedMessage> {
  const [conversation, author, link] = await Promise.all([
    describeConversation(client, message.channel),
    client.users.info({ user: message.user }),
    client.chat
      .getPermalink({ channel: message.channel, message_ts: message.ts })
      .catch(() => ({ permalink: undefined })),
  ]);
  return {
    workspaceId: message.workspaceId,
    platform: 'slack',
    conversationId: message.channel,
    conversationName: conversation.name,
    isPrivate: conversation.isPrivate,
    messageId: message.ts,
    authorId: message.user,
    authorName: author.user?.profile?.real_name || author.user?.real_name || author.user?.name || undefined,
    text: message.text,
    permalink: link.permalink,
    postedAt: new Date(Number(message.ts) * 1000),
  };
}
