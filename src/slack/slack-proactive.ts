import type { WebClient } from '@slack/web-api';
import type { StoredConversation } from '../delivery/conversation-refs.ts';
import type { OutboundMessage, ProactiveSender } from '../delivery/proactive-sender.ts';

/**
 * Proactive messages in Slack: a channel id is all Slack needs, and a user id opens (or reuses) the
 * DM with that person, so a stored reference is simply the conversation id.
 */
export class SlackProactiveSender implements ProactiveSender {
  readonly platform = 'slack' as const;

  constructor(private readonly client: WebClient) {}

  async send(to: StoredConversation, message: OutboundMessage): Promise<void> {
    await this.client.chat.postMessage({ channel: to.conversationId, text: message.text });
  }
}
