import { conversationKey } from '../workspaces/platform-ids.ts';

/** A chat message as the adapters hand it to capture, already normalized from Slack or Teams. */
export interface CapturedMessage {
  workspaceId: string;
  platform: 'slack' | 'teams';
  conversationId: string;
  /** Shown as the entry's channel, e.g. "#field-intel". */
  conversationName: string | undefined;
  /** Private channels, group chats and DMs keep their content to their own members. */
  isPrivate: boolean;
  /** The message's id within the conversation (Slack `ts`). */
  messageId: string;
  authorId: string;
  authorName: string | undefined;
  text: string;
  permalink: string | undefined;
  postedAt: Date;
}

/** The entry key of a captured message: the same message always maps to the same entry. */
export function capturedExternalId(
  message: Pick<CapturedMessage, 'platform' | 'conversationId' | 'messageId'>,
) {
  return `${message.platform}:${message.conversationId}:${message.messageId}`;
}

/**
 * Who may see what a message says: null for the whole workspace, else its private conversation as a
 * platform-qualified key (`slack:G0123`), so a Teams conversation can never name a Slack one.
 */
export function capturedAudience(
  message: Pick<CapturedMessage, 'platform' | 'conversationId' | 'isPrivate'>,
): string | null {
  return message.isPrivate ? conversationKey(message.platform, message.conversationId) : null;
}
