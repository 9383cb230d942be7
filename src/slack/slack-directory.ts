import type { WebClient } from '@slack/web-api';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 5000;

export interface SlackConversation {
  id: string;
  name: string | undefined;
  /** Private channels, group DMs and DMs: their content stays with their members. */
  isPrivate: boolean;
}

/**
 * Channel and user facts that every captured message needs, cached for five minutes: a busy watched
 * channel would otherwise cost two extra Web API calls per message.
 */
export class SlackDirectory {
  private readonly conversations = new Map<string, { value: SlackConversation; at: number }>();
  private readonly users = new Map<string, { value: string | undefined; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A conversation Earshot cannot look up (a private channel it is not in) counts as private. */
  conversation(client: WebClient, id: string): Promise<SlackConversation> {
    return this.cached(this.conversations, id, async () => {
      const looked = await client.conversations.info({ channel: id }).catch(() => null);
      const info = looked?.channel;
      if (!info) return { id, name: undefined, isPrivate: true };
      return {
        id,
        name: info.name ? `#${info.name}` : undefined,
        isPrivate: Boolean(info.is_private || info.is_im || info.is_mpim),
      };
    });
  }

  userName(client: WebClient, id: string): Promise<string | undefined> {
    return this.cached(this.users, id, async () => {
      const { user } = await client.users.info({ user: id });
      return user?.profile?.real_name || user?.real_name || user?.name || undefined;
    });
  }

  private async cached<T>(
    map: Map<string, { value: T; at: number }>,
    key: string,
    load: () => Promise<T>,
  ): Promise<T> {
    const hit = map.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return hit.value;
    const value = await load();
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, { value, at: this.now() });
    return value;
  }
}
