import type { WebClient } from '@slack/web-api';
import type { CapturedMessage } from '../knowledge/capture/captured-message.ts';
import type { SlackDirectory } from './slack-directory.ts';

/** Fetches a message by channel and ts (thread replies included) as a message to capture. */
export async function loadSlackMessage(
  client: WebClient,
  directory: SlackDirectory,
  options: { workspaceId: string; channel: string; ts: string },
): Promise<CapturedMessage | null> {
  const { messages } = await client.conversations.replies({
    channel: options.channel,
    ts: options.ts,
    limit: 200,
  });
  const message = messages?.find((candidate) => candidate.ts === options.ts);
  if (!message?.text || !message.user) return null;
  return toCapturedMessage(client, directory, {
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
  directory: SlackDirectory,
  message: {
    workspaceId: string;
    channel: string;
    ts: string;
    user: string;
    text: string;
  },
): Promise<CapturedMessage> {
  const [conversation, authorName, link] = await Promise.all([
    directory.conversation(client, message.channel),
    directory.userName(client, message.user),
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
    authorName,
    text: message.text,
    permalink: link.permalink,
    postedAt: new Date(Number(message.ts) * 1000),
  };
}
