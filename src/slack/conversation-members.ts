import type { WebClient } from '@slack/web-api';

/** Every member of a Slack conversation the bot is in, page by page (`conversations.members`). */
export async function conversationMemberIds(client: WebClient, channel: string): Promise<string[]> {
  const members: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.conversations.members({ channel, cursor, limit: 1000 });
    members.push(...(page.members ?? []));
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return members;
}
