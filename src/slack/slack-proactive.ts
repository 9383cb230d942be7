import type { StoredConversation } from '../delivery/conversation-refs.ts';
import type { OutboundMessage, ProactiveSender, SentMessage } from '../delivery/proactive-sender.ts';
import { EarshotError } from '../errors.ts';
import { digestView } from '../views/digest-view.ts';
import type { SlackMessage } from './blocks/answer-blocks.ts';
import { escapeMrkdwn } from './blocks/mrkdwn.ts';
import { nudgeBlocks } from './blocks/nudge-blocks.ts';
import { referenceRequestBlocks } from './blocks/reference-request-blocks.ts';
import { renderSlackMessage } from './blocks/render-message.ts';
import type { SlackTokens } from './slack-tokens.ts';

/**
 * Proactive messages in Slack: a channel id is all Slack needs, and a user id opens (or reuses) the
 * DM with that person, so a stored reference is simply the conversation id. Each goes out with the
 * token of the installation the conversation was seen through.
 */
export class SlackProactiveSender implements ProactiveSender {
  readonly platform = 'slack' as const;

  constructor(private readonly tokens: SlackTokens) {}

  async send(to: StoredConversation, message: OutboundMessage): Promise<SentMessage> {
    const bot = await this.tokens.forInstallation(to.installationId, to.workspaceId);
    if (!bot) {
      throw new EarshotError({
        code: 'not_found',
        message: `Earshot is no longer installed in the Slack workspace of ${to.conversationId} (${to.installationId ?? to.workspaceId}): nothing sent`,
      });
    }
    const { text, blocks } = render(message);
    const posted = await this.tokens.clientOf(bot).chat.postMessage({
      channel: to.conversationId,
      text,
      ...(blocks ? { blocks } : {}),
    });
    // Posting to a user id lands in the DM; Slack answers with that DM's id, which chat.update needs.
    return { conversationId: posted.channel ?? to.conversationId, messageId: posted.ts };
  }
}

function render(message: OutboundMessage): Partial<SlackMessage> & { text: string } {
  switch (message.kind) {
    case 'text':
      // Core text may quote what people typed; escaping keeps it from forming links or @channel.
      return { text: escapeMrkdwn(message.text) };
    case 'nudge':
      return nudgeBlocks(message.nudge);
    case 'reference_request':
      return referenceRequestBlocks(message.request);
    case 'digest':
      return renderSlackMessage(digestView(message));
  }
}
