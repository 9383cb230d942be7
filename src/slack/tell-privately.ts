import type { WebClient } from '@slack/web-api';

/**
 * Tells one person something only they see: ephemeral in the channel they acted in when Earshot can
 * post there, else in their DM with Earshot (a modal submission has no response_url to answer on).
 */
export async function tellPrivately(
  client: WebClient,
  options: { channel: string | undefined; user: string; text: string },
): Promise<void> {
  const { channel, user, text } = options;
  if (channel) {
    const shown = await client.chat.postEphemeral({ channel, user, text }).then(
      () => true,
      () => false,
    );
    if (shown) return;
  }
  await client.chat.postMessage({ channel: user, text });
}
